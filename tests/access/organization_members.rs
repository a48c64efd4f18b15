//! Organization members against upsun-mock: add, read, update, remove (and out of the teams),
//! the list's permission filter and cursor pages, and a member without admin rights refused.

use futures_util::TryStreamExt;
use upsun::organization_members::{
    CreateOrgMember, ListOrgMembers, MemberLevel, MemberPermission, OrganizationMembersApi,
    UpdateOrgMember,
};
use upsun::query::{Filter, Sort};
use upsun::teams::{CreateTeam, CreateTeamMember, TeamsApi};
use upsun::user_access::UserAccessApi;
use upsun::{Error, OrganizationId, UserId};
use upsun_mock::NewUser;
use upsun_tests::{connect, connect_as, mock};

use crate::org_with_member;

#[tokio::test]
async fn a_member_is_added_read_updated_and_removed_from_the_teams_too() {
    let mock = mock().await;
    let (org, _) = org_with_member(&mock);
    let client = connect(&mock);
    let org_id = OrganizationId::from(org.id.as_str());
    let bob = mock.users().add(NewUser::new("bob"));
    let bob_id = UserId::from(bob.user.id);

    let member = client
        .create_org_member(
            &org_id,
            &CreateOrgMember::new(bob_id).permissions([MemberPermission::Billing]),
        )
        .await
        .unwrap();

    assert_eq!(member.user_id, Some(bob_id));
    assert_eq!(member.permissions, [MemberPermission::Billing]);
    assert_eq!(member.level, Some(MemberLevel::Viewer));
    assert_eq!(member.owner, Some(false));
    assert_eq!(
        client.get_org_member(&org_id, bob_id).await.unwrap(),
        member
    );
    let by_name = OrganizationId::from("name=acme");
    assert_eq!(
        client
            .get_org_member(&by_name, bob_id)
            .await
            .unwrap()
            .user_id,
        Some(bob_id)
    );
    let owner = client
        .get_org_member(&org_id, UserId::from(mock.user_id()))
        .await
        .unwrap();
    assert_eq!(
        (owner.owner, owner.level),
        (Some(true), Some(MemberLevel::Admin))
    );
    let again = client
        .create_org_member(&org_id, &CreateOrgMember::new(bob_id))
        .await
        .unwrap_err();
    assert!(matches!(again, Error::Conflict(_)), "{again:?}");

    let updated = client
        .update_org_member(
            &org_id,
            bob_id,
            &UpdateOrgMember::new().permissions([MemberPermission::Admin]),
        )
        .await
        .unwrap();
    assert_eq!(updated.level, Some(MemberLevel::Admin));
    assert_eq!(
        mock.organization_members()
            .permissions(&org.id, bob.user.id),
        Some(vec!["admin".to_owned()])
    );

    let team = client
        .create_team(&CreateTeam::new(org.id.as_str(), "Developers"))
        .await
        .unwrap();
    client
        .create_team_member(&team.id, &CreateTeamMember::new(bob_id))
        .await
        .unwrap();
    mock.team_access().add_project("p1", &org.id);
    client
        .grant_project_user_access(
            &upsun::ProjectId::from("p1"),
            &[upsun::user_access::ProjectUserGrant::new(
                bob_id,
                [upsun::ProjectPermission::Viewer],
            )],
        )
        .await
        .unwrap();
    client.delete_org_member(&org_id, bob_id).await.unwrap();
    assert_eq!(
        mock.user_access().permissions(bob.user.id, "p1"),
        None,
        "no project access left"
    );
    let gone = client.get_org_member(&org_id, bob_id).await.unwrap_err();
    assert!(matches!(gone, Error::NotFound(_)), "{gone:?}");
    assert_eq!(mock.teams().members(team.id.as_str()), Some(vec![]));
    let err = client
        .delete_org_member(&org_id, UserId::from(mock.user_id()))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::BadRequest(_)),
        "the owner stays: {err:?}"
    );
}

#[tokio::test]
async fn the_list_filters_on_permissions_and_pages() {
    let mock = mock().await;
    let (org, _) = org_with_member(&mock);
    let client = connect(&mock);
    let org_id = OrganizationId::from(org.id.as_str());
    for (name, permission) in [
        ("b1", MemberPermission::Billing),
        ("b2", MemberPermission::Billing),
        ("p1", MemberPermission::Plans),
    ] {
        let user = mock.users().add(NewUser::new(name));
        client
            .create_org_member(
                &org_id,
                &CreateOrgMember::new(UserId::from(user.user.id)).permissions([permission]),
            )
            .await
            .unwrap();
    }

    let first = client
        .list_org_members(
            &org_id,
            &ListOrgMembers::new()
                .page_size(2)
                .sort(Sort::asc("created_at")),
        )
        .await
        .unwrap();
    assert_eq!(first.count, Some(5));
    assert!(first.has_next());
    let all: Vec<_> = first.into_stream(&client).try_collect().await.unwrap();
    assert_eq!(all.len(), 5);
    let billing = client
        .list_org_members(
            &org_id,
            &ListOrgMembers::new().permissions(Filter::eq("billing")),
        )
        .await
        .unwrap();
    assert_eq!(billing.items.len(), 2);
    let not_billing = client
        .list_org_members(
            &org_id,
            &ListOrgMembers::new().permissions(Filter::none_of(["billing", "admin"])),
        )
        .await
        .unwrap();
    assert_eq!(not_billing.items.len(), 2, "grace and p1");
}

#[tokio::test]
async fn a_member_without_admin_rights_may_read_but_not_change_members() {
    let mock = mock().await;
    let (org, grace) = org_with_member(&mock);
    let org_id = OrganizationId::from(org.id.as_str());
    let as_grace = connect_as(&mock, &grace.access_token);
    let bob = mock.users().add(NewUser::new("bob"));

    let page = as_grace
        .list_org_members(&org_id, &ListOrgMembers::new())
        .await
        .unwrap();
    assert_eq!(page.items.len(), 2);
    let refused = [
        as_grace
            .create_org_member(&org_id, &CreateOrgMember::new(UserId::from(bob.user.id)))
            .await
            .map(|_| ()),
        as_grace
            .update_org_member(
                &org_id,
                UserId::from(grace.user.id),
                &UpdateOrgMember::new().permissions([MemberPermission::Admin]),
            )
            .await
            .map(|_| ()),
        as_grace
            .delete_org_member(&org_id, UserId::from(mock.user_id()))
            .await,
    ];
    for result in refused {
        assert!(matches!(result, Err(Error::Forbidden(_))), "{result:?}");
    }
    let outsider = connect_as(&mock, &bob.access_token);
    let err = outsider
        .list_org_members(&org_id, &ListOrgMembers::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
}
