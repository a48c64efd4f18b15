//! Grants against upsun-mock: a user's extended access sums up organizations and project
//! grants, with filters; an access document reads back; another user's access is refused.

use upsun::grants::{GrantsApi, ListUserExtendedAccess, ResourceType};
use upsun::query::Filter;
use upsun::user_access::{ProjectUserGrant, UserAccessApi};
use upsun::{AccessId, Error, ProjectId, ProjectPermission, UserId};
use upsun_mock::GrantsHandle;
use upsun_tests::{connect, connect_as, mock};

use crate::org_with_member;

#[tokio::test]
async fn extended_access_lists_organizations_and_projects_and_documents_read_back() {
    let mock = mock().await;
    let (org, grace) = org_with_member(&mock);
    mock.team_access().add_project("p1", &org.id);
    let client = connect(&mock);
    let grace_id = UserId::from(grace.user.id);
    client
        .grant_project_user_access(
            &ProjectId::from("p1"),
            &[ProjectUserGrant::new(
                grace_id,
                [ProjectPermission::StagingAdmin],
            )],
        )
        .await
        .unwrap();
    let as_grace = connect_as(&mock, &grace.access_token);

    let all = as_grace
        .list_user_extended_access(grace_id, &ListUserExtendedAccess::new())
        .await
        .unwrap();

    let kinds: Vec<_> = all.items.iter().map(|a| a.resource_type.clone()).collect();
    assert_eq!(
        kinds,
        [
            Some(ResourceType::Organization),
            Some(ResourceType::Project)
        ]
    );
    assert_eq!(all.items[1].resource_id.as_deref(), Some("p1"));
    assert_eq!(all.items[1].permissions, ["staging:admin"]);
    let projects = as_grace
        .list_user_extended_access(
            grace_id,
            &ListUserExtendedAccess::new()
                .resource_type(Filter::eq("project"))
                .permissions(Filter::eq("staging:admin")),
        )
        .await
        .unwrap();
    assert_eq!(projects.items.len(), 1);

    let id = AccessId::from(GrantsHandle::access_id("project", "p1", grace.user.id));
    let document = as_grace.get_access_document(&id).await.unwrap();
    assert_eq!(document["resource_id"], "p1");
    assert_eq!(document["permissions"][0], "staging:admin");
    let err = client
        .get_access_document(&AccessId::from("project:nope:x"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
}

#[tokio::test]
async fn another_users_access_is_refused() {
    let mock = mock().await;
    let (org, grace) = org_with_member(&mock);
    let as_grace = connect_as(&mock, &grace.access_token);
    let ada = UserId::from(mock.user_id());

    let err = as_grace
        .list_user_extended_access(ada, &ListUserExtendedAccess::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let id = AccessId::from(GrantsHandle::access_id(
        "organization",
        &org.id,
        mock.user_id(),
    ));
    let err = as_grace.get_access_document(&id).await.unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
    let own = connect(&mock).get_access_document(&id).await.unwrap();
    assert_eq!(own["permissions"][0], "admin", "the owner");
}
