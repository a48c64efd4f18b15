//! Team access against upsun-mock: a grant made from one side is the record the other side
//! reads, both lists page, removal from either side, deleting a team removes its grants, and a
//! member without admin rights may read but not grant; and the projects granted are the
//! Project area's, one registry for both.

use futures_util::TryStreamExt;
use upsun::projects::ProjectsApi;
use upsun::query::Sort;
use upsun::team_access::{
    ListProjectTeamAccess, ListTeamProjectAccess, ProjectTeamGrant, TeamAccessApi, TeamProjectGrant,
};
use upsun::teams::{CreateTeam, Team, TeamsApi};
use upsun::{Client, Error, ProjectId};
use upsun_mock::{MockServer, NewProject};
use upsun_tests::{connect, connect_as, mock};

use crate::org_with_member;

async fn team(client: &Client, org: &str, label: &str) -> Team {
    client
        .create_team(&CreateTeam::new(org, label))
        .await
        .unwrap()
}

fn projects(mock: &MockServer, org: &str, ids: &[&str]) -> Vec<ProjectId> {
    for id in ids {
        mock.team_access()
            .add_titled_project(id, org, &format!("Project {id}"));
    }
    ids.iter().map(|id| ProjectId::from(*id)).collect()
}

#[tokio::test]
async fn the_two_views_of_a_grant_agree() {
    let mock = mock().await;
    let (org, _) = org_with_member(&mock);
    let client = connect(&mock);
    let devs = team(&client, &org.id, "Developers").await;
    let p = projects(&mock, &org.id, &["p1"]).remove(0);

    client
        .grant_project_team_access(&p, &[ProjectTeamGrant::new(devs.id.clone())])
        .await
        .unwrap();

    assert_eq!(
        mock.requests().last().unwrap().json().unwrap(),
        serde_json::json!([{"team_id": devs.id}])
    );
    let from_project = client.get_project_team_access(&p, &devs.id).await.unwrap();
    let from_team = client.get_team_project_access(&devs.id, &p).await.unwrap();
    assert_eq!(from_project, from_team);
    assert_eq!(from_project.team_id, Some(devs.id.clone()));
    assert_eq!(from_project.project_id, Some(p.clone()));
    assert_eq!(from_project.project_title.as_deref(), Some("Project p1"));
    assert!(from_project.granted_at.is_some());
    assert!(from_project.links.get("delete").is_some());
    let listed_by_project = client
        .list_project_team_access(&p, &ListProjectTeamAccess::new())
        .await
        .unwrap();
    let listed_by_team = client
        .list_team_project_access(&devs.id, &ListTeamProjectAccess::new())
        .await
        .unwrap();
    assert_eq!(listed_by_project.items, std::slice::from_ref(&from_project));
    assert_eq!(listed_by_team.items, [from_project]);
    let counted = client.get_team(&devs.id).await.unwrap();
    assert_eq!(counted.counts.and_then(|c| c.project_count), Some(1));

    client
        .remove_team_project_access(&devs.id, &p)
        .await
        .unwrap();
    let err = client
        .get_project_team_access(&p, &devs.id)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
}

#[tokio::test]
async fn a_grant_from_the_team_side_shows_on_the_project_side_and_pages() {
    let mock = mock().await;
    let (org, _) = org_with_member(&mock);
    let client = connect(&mock);
    let devs = team(&client, &org.id, "Developers").await;
    let ids = projects(&mock, &org.id, &["p3", "p1", "p2"]);
    let grants: Vec<TeamProjectGrant> = ids.iter().cloned().map(TeamProjectGrant::new).collect();

    client
        .grant_team_project_access(&devs.id, &grants)
        .await
        .unwrap();
    client
        .grant_team_project_access(&devs.id, &grants[..1])
        .await
        .unwrap();

    let first = client
        .list_team_project_access(
            &devs.id,
            &ListTeamProjectAccess::new()
                .sort(Sort::asc("project_title"))
                .page_size(2),
        )
        .await
        .unwrap();
    assert!(first.has_next());
    let all: Vec<_> = first.into_stream(&client).try_collect().await.unwrap();
    let titles: Vec<_> = all
        .iter()
        .filter_map(|a| a.project_title.as_deref())
        .collect();
    assert_eq!(
        titles,
        ["Project p1", "Project p2", "Project p3"],
        "granting twice adds nothing"
    );
    for id in &ids {
        let seen = client
            .list_project_team_access(id, &ListProjectTeamAccess::new())
            .await
            .unwrap();
        assert_eq!(seen.items.len(), 1);
        assert_eq!(seen.items[0].team_id, Some(devs.id.clone()));
    }

    client
        .remove_project_team_access(&ids[0], &devs.id)
        .await
        .unwrap();
    let left = client
        .list_team_project_access(&devs.id, &ListTeamProjectAccess::new())
        .await
        .unwrap();
    assert_eq!(left.items.len(), 2);
    let err = client
        .list_team_project_access(&devs.id, &ListTeamProjectAccess::new().page_size(201))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("`page[size]`"), "{err}");
}

#[tokio::test]
async fn deleting_a_team_removes_its_grants() {
    let mock = mock().await;
    let (org, _) = org_with_member(&mock);
    let client = connect(&mock);
    let devs = team(&client, &org.id, "Developers").await;
    let ops = team(&client, &org.id, "Ops").await;
    let p = projects(&mock, &org.id, &["p1"]).remove(0);
    client
        .grant_project_team_access(
            &p,
            &[
                ProjectTeamGrant::new(devs.id.clone()),
                ProjectTeamGrant::new(ops.id.clone()),
            ],
        )
        .await
        .unwrap();

    client.delete_team(&devs.id).await.unwrap();

    let left = client
        .list_project_team_access(&p, &ListProjectTeamAccess::new())
        .await
        .unwrap();
    assert_eq!(left.items.len(), 1);
    assert_eq!(left.items[0].team_id, Some(ops.id.clone()));
    assert_eq!(mock.teams().grants().len(), 1);
}

#[tokio::test]
async fn a_member_without_admin_rights_may_read_but_not_grant_and_orgs_do_not_mix() {
    let mock = mock().await;
    let (org, grace) = org_with_member(&mock);
    let client = connect(&mock);
    let devs = team(&client, &org.id, "Developers").await;
    let p = projects(&mock, &org.id, &["p1"]).remove(0);
    client
        .grant_project_team_access(&p, &[ProjectTeamGrant::new(devs.id.clone())])
        .await
        .unwrap();
    let as_grace = connect_as(&mock, &grace.access_token);

    let read = as_grace
        .get_project_team_access(&p, &devs.id)
        .await
        .unwrap();
    assert!(
        read.links.get("delete").is_none(),
        "no delete link for a reader"
    );
    let err = as_grace
        .grant_team_project_access(&devs.id, &[TeamProjectGrant::new(p.clone())])
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = as_grace
        .remove_project_team_access(&p, &devs.id)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");

    let other = mock
        .organizations()
        .add(upsun_mock::NewOrganization::new("other"));
    let foreign = projects(&mock, &other.id, &["x1"]).remove(0);
    let err = client
        .grant_team_project_access(&devs.id, &[TeamProjectGrant::new(foreign)])
        .await
        .unwrap_err();
    assert!(matches!(err, Error::BadRequest(_)), "{err:?}");
}

#[tokio::test]
async fn the_access_areas_and_the_project_area_share_one_registry_of_projects() {
    let mock = mock().await;
    let (org, _) = org_with_member(&mock);
    let client = connect(&mock);
    let devs = team(&client, &org.id, "Developers").await;

    // Seeded in the Project area, with its organization: the access areas know it.
    mock.projects()
        .add(NewProject::new("p1").title("Shop").organization(&org.id));
    assert!(mock.team_access().has_project("p1"));
    let p1 = ProjectId::from("p1");
    client
        .grant_team_project_access(&devs.id, &[TeamProjectGrant::new(p1.clone())])
        .await
        .unwrap();
    let from_team = client.get_team_project_access(&devs.id, &p1).await.unwrap();
    let from_project = client.get_project_team_access(&p1, &devs.id).await.unwrap();
    assert_eq!(from_team, from_project);
    assert_eq!(from_team.project_title.as_deref(), Some("Shop"));
    assert_eq!(
        from_team.organization_id.as_ref().map(|o| o.as_str()),
        Some(org.id.as_str())
    );
    let listed = client
        .list_project_team_access(&p1, &ListProjectTeamAccess::new())
        .await
        .unwrap();
    assert_eq!(listed.items, [from_project]);
    let project = client.get_project(&p1).await.unwrap();
    assert_eq!(project.title, "Shop");
    assert_eq!(project.organization.as_deref(), Some(org.id.as_str()));

    // Seeded through the access shorthand: the Project area answers it.
    mock.team_access().add_titled_project("p2", &org.id, "Blog");
    assert!(mock.projects().contains("p2"));
    let p2 = client.get_project(&ProjectId::from("p2")).await.unwrap();
    assert_eq!(p2.title, "Blog");
    assert_eq!(p2.organization.as_deref(), Some(org.id.as_str()));

    // A project of no organization is the Project area's alone: no team may be granted it.
    mock.projects().add(NewProject::new("solo"));
    assert!(!mock.team_access().has_project("solo"));
    let solo = ProjectId::from("solo");
    assert_eq!(client.get_project(&solo).await.unwrap().organization, None);
    let err = client
        .grant_team_project_access(&devs.id, &[TeamProjectGrant::new(solo)])
        .await
        .unwrap_err();
    assert!(matches!(err, Error::BadRequest(_)), "{err:?}");
}
