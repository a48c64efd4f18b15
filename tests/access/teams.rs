//! Teams against upsun-mock: create, read, update, delete, members, the lists with filters,
//! sorts and cursor pages, and a member without admin rights refused.

use futures_util::TryStreamExt;
use upsun::query::{Filter, Sort};
use upsun::teams::{
    CreateTeam, CreateTeamMember, ListTeamMembers, ListTeams, ListUserTeams, TeamsApi, UpdateTeam,
};
use upsun::{Error, OrganizationId, ProjectPermission, TeamId, UserId};
use upsun_mock::NewOrganization;
use upsun_tests::{connect, connect_as, mock};

use crate::org_with_member;

#[tokio::test]
async fn a_team_is_created_read_updated_and_deleted() {
    let mock = mock().await;
    let (org, _) = org_with_member(&mock);
    let client = connect(&mock);
    let create = CreateTeam::new(org.id.as_str(), "Developers").project_permissions([
        ProjectPermission::Viewer,
        ProjectPermission::DevelopmentAdmin,
    ]);

    let team = client.create_team(&create).await.unwrap();

    assert_eq!(
        mock.requests()[0].json().unwrap(),
        serde_json::json!({"organization_id": org.id, "label": "Developers",
                           "project_permissions": ["viewer", "development:admin"]})
    );
    assert_eq!(team.label, "Developers");
    assert_eq!(
        team.organization_id,
        Some(OrganizationId::from(org.id.as_str()))
    );
    assert_eq!(
        team.project_permissions,
        [
            ProjectPermission::Viewer,
            ProjectPermission::DevelopmentAdmin
        ]
    );
    assert_eq!(team.counts.and_then(|c| c.member_count), Some(0));
    assert_eq!(client.get_team(&team.id).await.unwrap(), team);

    let updated = client
        .update_team(&team.id, &UpdateTeam::new().label("Core"))
        .await
        .unwrap();
    assert_eq!(
        mock.requests().last().unwrap().json().unwrap(),
        serde_json::json!({"label": "Core"})
    );
    assert_eq!(updated.label, "Core");
    assert_eq!(updated.project_permissions, team.project_permissions);
    assert!(updated.updated_at > team.updated_at);

    client.delete_team(&team.id).await.unwrap();
    let gone = client.get_team(&team.id).await.unwrap_err();
    assert!(matches!(gone, Error::NotFound(_)), "{gone:?}");
    assert_eq!(mock.teams().get(team.id.as_str()), None);
}

#[tokio::test]
async fn members_are_added_read_listed_and_removed() {
    let mock = mock().await;
    let (org, grace) = org_with_member(&mock);
    let client = connect(&mock);
    let team = client
        .create_team(&CreateTeam::new(org.id.as_str(), "Developers"))
        .await
        .unwrap();
    let grace_id = UserId::from(grace.user.id);

    let member = client
        .create_team_member(&team.id, &CreateTeamMember::new(grace_id))
        .await
        .unwrap();
    client
        .create_team_member(
            &team.id,
            &CreateTeamMember::new(UserId::from(mock.user_id())),
        )
        .await
        .unwrap();

    assert_eq!(member.user_id, Some(grace_id));
    assert_eq!(member.team_id, Some(team.id.clone()));
    assert_eq!(
        client.get_team_member(&team.id, grace_id).await.unwrap(),
        member
    );
    let page = client
        .list_team_members(
            &team.id,
            &ListTeamMembers::new().sort(Sort::desc("created_at")),
        )
        .await
        .unwrap();
    assert_eq!(page.items.len(), 2);
    let counted = client.get_team(&team.id).await.unwrap();
    assert_eq!(counted.counts.and_then(|c| c.member_count), Some(2));
    let theirs = connect_as(&mock, &grace.access_token)
        .list_user_teams(grace_id, &ListUserTeams::new())
        .await
        .unwrap();
    assert_eq!(theirs.items[0].id, team.id);

    client.delete_team_member(&team.id, grace_id).await.unwrap();
    let err = client
        .get_team_member(&team.id, grace_id)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
    assert_eq!(
        mock.teams().members(team.id.as_str()),
        Some(vec![mock.user_id()])
    );

    let outsider = mock.users().add(upsun_mock::NewUser::new("eve"));
    let err = client
        .create_team_member(
            &team.id,
            &CreateTeamMember::new(UserId::from(outsider.user.id)),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::BadRequest(_)),
        "not an organization member: {err:?}"
    );
}

#[tokio::test]
async fn the_lists_filter_sort_and_page_with_cursors() {
    let mock = mock().await;
    let (acme, _) = org_with_member(&mock);
    let other = mock.organizations().add(NewOrganization::new("other"));
    let client = connect(&mock);
    for label in ["d", "b", "e", "a", "c"] {
        client
            .create_team(&CreateTeam::new(acme.id.as_str(), label))
            .await
            .unwrap();
    }
    client
        .create_team(&CreateTeam::new(other.id.as_str(), "z"))
        .await
        .unwrap();

    let query = ListTeams::new()
        .organization_id(Filter::eq(acme.id.as_str()))
        .sort(Sort::asc("label"))
        .page_size(2);
    let first = client.list_teams(&query).await.unwrap();
    assert_eq!(first.items.len(), 2);
    assert_eq!(first.count, Some(5));
    assert!(first.has_next());
    let all: Vec<_> = first.into_stream(&client).try_collect().await.unwrap();
    let labels: Vec<&str> = all.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["a", "b", "c", "d", "e"]);

    let not_acme = client
        .list_teams(&ListTeams::new().organization_id(Filter::ne(acme.id.as_str())))
        .await
        .unwrap();
    assert_eq!(not_acme.items.len(), 1);
    assert_eq!(not_acme.items[0].label, "z");
    let one: TeamId = all[2].id.clone();
    let by_id = client
        .list_teams(&ListTeams::new().id(Filter::eq(one.as_str())))
        .await
        .unwrap();
    assert_eq!(by_id.items.len(), 1);

    let err = client
        .list_teams(&ListTeams::new().sort(Sort::asc("organization_id")))
        .await
        .unwrap_err();
    assert!(
        err.is_invalid_input() && err.to_string().contains("`sort`"),
        "{err}"
    );
}

#[tokio::test]
async fn a_member_without_admin_rights_may_read_but_not_change_teams() {
    let mock = mock().await;
    let (org, grace) = org_with_member(&mock);
    let team = connect(&mock)
        .create_team(&CreateTeam::new(org.id.as_str(), "Developers"))
        .await
        .unwrap();
    let as_grace = connect_as(&mock, &grace.access_token);

    assert_eq!(as_grace.get_team(&team.id).await.unwrap().id, team.id);
    let refused = [
        as_grace
            .create_team(&CreateTeam::new(org.id.as_str(), "Mine"))
            .await
            .map(|_| ()),
        as_grace
            .update_team(&team.id, &UpdateTeam::new().label("x"))
            .await
            .map(|_| ()),
        as_grace
            .create_team_member(
                &team.id,
                &CreateTeamMember::new(UserId::from(grace.user.id)),
            )
            .await
            .map(|_| ()),
        as_grace.delete_team(&team.id).await,
    ];
    for result in refused {
        assert!(matches!(result, Err(Error::Forbidden(_))), "{result:?}");
    }
    assert_eq!(
        mock.teams().get(team.id.as_str()).unwrap().label,
        "Developers"
    );
}
