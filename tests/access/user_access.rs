//! User access against upsun-mock: a grant made on one side reads the same on the other, an
//! update from either side shows on both, a second grant is a conflict, the lists page and
//! filter, and a member without admin rights may read but not grant.

use futures_util::TryStreamExt;
use upsun::query::Sort;
use upsun::user_access::{
    ListProjectUserAccess, ListUserProjectAccess, ProjectUserGrant, UpdateUserAccess,
    UserAccessApi, UserProjectGrant,
};
use upsun::{Error, ProjectId, ProjectPermission, UserId};
use upsun_mock::{MockServer, NewOrganization, NewUser};
use upsun_tests::{connect, connect_as, mock};

use crate::org_with_member;

fn project(mock: &MockServer, org: &str, id: &str) -> ProjectId {
    mock.team_access()
        .add_titled_project(id, org, &format!("Project {id}"));
    ProjectId::from(id)
}

#[tokio::test]
async fn the_two_views_of_a_user_grant_agree_and_updates_show_on_both() {
    let mock = mock().await;
    let (org, grace) = org_with_member(&mock);
    let client = connect(&mock);
    let p = project(&mock, &org.id, "p1");
    let grace_id = UserId::from(grace.user.id);

    client
        .grant_project_user_access(
            &p,
            &[ProjectUserGrant::new(
                grace_id,
                [
                    ProjectPermission::DevelopmentAdmin,
                    ProjectPermission::ProductionViewer,
                ],
            )],
        )
        .await
        .unwrap();

    let from_project = client.get_project_user_access(&p, grace_id).await.unwrap();
    let from_user = client.get_user_project_access(grace_id, &p).await.unwrap();
    assert_eq!(from_project, from_user);
    assert_eq!(
        from_project.permissions,
        [
            ProjectPermission::DevelopmentAdmin,
            ProjectPermission::ProductionViewer
        ]
    );
    assert_eq!(from_project.project_title.as_deref(), Some("Project p1"));
    assert!(from_project.links.get("update").is_some());

    client
        .update_user_project_access(
            grace_id,
            &p,
            &UpdateUserAccess::new([ProjectPermission::Admin]),
        )
        .await
        .unwrap();
    let seen = client.get_project_user_access(&p, grace_id).await.unwrap();
    assert_eq!(seen.permissions, [ProjectPermission::Admin]);
    assert!(seen.updated_at > from_project.updated_at);
    client
        .update_project_user_access(
            &p,
            grace_id,
            &UpdateUserAccess::new([ProjectPermission::Viewer]),
        )
        .await
        .unwrap();
    assert_eq!(
        mock.user_access().permissions(grace.user.id, "p1"),
        Some(vec!["viewer".to_owned()])
    );

    let again = client
        .grant_user_project_access(
            grace_id,
            &[UserProjectGrant::new(
                p.clone(),
                [ProjectPermission::Viewer],
            )],
        )
        .await
        .unwrap_err();
    assert!(matches!(again, Error::Conflict(_)), "{again:?}");

    client
        .remove_user_project_access(grace_id, &p)
        .await
        .unwrap();
    let gone = client
        .get_project_user_access(&p, grace_id)
        .await
        .unwrap_err();
    assert!(matches!(gone, Error::NotFound(_)), "{gone:?}");
}

#[tokio::test]
async fn lists_page_and_filter_on_both_sides_and_outsiders_need_auto_add() {
    let mock = mock().await;
    let (org, grace) = org_with_member(&mock);
    let other = mock
        .organizations()
        .add(NewOrganization::new("other").member(grace.user.id));
    let client = connect(&mock);
    let grace_id = UserId::from(grace.user.id);
    let ids: Vec<ProjectId> = ["p3", "p1", "p2"]
        .iter()
        .map(|id| project(&mock, &org.id, id))
        .collect();
    let elsewhere = project(&mock, &other.id, "x1");
    let mut grants: Vec<UserProjectGrant> = ids
        .iter()
        .map(|p| UserProjectGrant::new(p.clone(), [ProjectPermission::Viewer]))
        .collect();
    grants.push(UserProjectGrant::new(elsewhere, [ProjectPermission::Admin]));

    client
        .grant_user_project_access(grace_id, &grants)
        .await
        .unwrap();

    let as_grace = connect_as(&mock, &grace.access_token);
    let first = as_grace
        .list_user_project_access(
            grace_id,
            &ListUserProjectAccess::new()
                .sort(Sort::asc("project_title"))
                .page_size(2),
        )
        .await
        .unwrap();
    assert!(first.has_next());
    let all: Vec<_> = first.into_stream(&as_grace).try_collect().await.unwrap();
    let titles: Vec<_> = all
        .iter()
        .filter_map(|a| a.project_title.as_deref())
        .collect();
    assert_eq!(
        titles,
        ["Project p1", "Project p2", "Project p3", "Project x1"]
    );
    let only_other = as_grace
        .list_user_project_access(
            grace_id,
            &ListUserProjectAccess::new().organization_id(other.id.as_str()),
        )
        .await
        .unwrap();
    assert_eq!(only_other.items.len(), 1);
    assert_eq!(only_other.items[0].permissions, [ProjectPermission::Admin]);

    let bob = mock.users().add(NewUser::new("bob"));
    let bob_id = UserId::from(bob.user.id);
    let outsider = client
        .grant_project_user_access(
            &ids[0],
            &[ProjectUserGrant::new(bob_id, [ProjectPermission::Viewer])],
        )
        .await
        .unwrap_err();
    assert!(matches!(outsider, Error::BadRequest(_)), "{outsider:?}");
    client
        .grant_project_user_access(
            &ids[0],
            &[ProjectUserGrant::new(bob_id, [ProjectPermission::Viewer]).auto_add_member(true)],
        )
        .await
        .unwrap();
    assert!(
        mock.organizations()
            .members(&org.id)
            .unwrap()
            .contains(&bob.user.id)
    );
    let on_p3 = client
        .list_project_user_access(
            &ids[0],
            &ListProjectUserAccess::new().sort(Sort::desc("granted_at")),
        )
        .await
        .unwrap();
    assert_eq!(on_p3.items.len(), 2);
}

#[tokio::test]
async fn a_member_without_admin_rights_may_read_but_not_grant() {
    let mock = mock().await;
    let (org, grace) = org_with_member(&mock);
    let client = connect(&mock);
    let p = project(&mock, &org.id, "p1");
    let ada = UserId::from(mock.user_id());
    client
        .grant_project_user_access(
            &p,
            &[ProjectUserGrant::new(ada, [ProjectPermission::Admin])],
        )
        .await
        .unwrap();
    let as_grace = connect_as(&mock, &grace.access_token);

    let page = as_grace
        .list_project_user_access(&p, &ListProjectUserAccess::new())
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1);
    assert!(page.items[0].links.get("delete").is_none());
    let refused = [
        as_grace
            .grant_project_user_access(
                &p,
                &[ProjectUserGrant::new(
                    UserId::from(grace.user.id),
                    [ProjectPermission::Admin],
                )],
            )
            .await,
        as_grace
            .update_project_user_access(
                &p,
                ada,
                &UpdateUserAccess::new([ProjectPermission::Viewer]),
            )
            .await,
        as_grace.remove_project_user_access(&p, ada).await,
    ];
    for result in refused {
        assert!(matches!(result, Err(Error::Forbidden(_))), "{result:?}");
    }
    let err = as_grace
        .list_user_project_access(ada, &ListUserProjectAccess::new())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Forbidden(_)),
        "another user's list: {err:?}"
    );
    let err = client
        .list_user_project_access(ada, &ListUserProjectAccess::new().page_size(201))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("`page[size]`"), "{err}");
}
