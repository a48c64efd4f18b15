//! Organization invitations against upsun-mock: send, list with filters and pages, a 409 for a
//! pending invitation that is not retried, an explicit re-invite, cancelling, the states, and
//! a member without admin rights refused.

use upsun::organization_invitations::{
    CreateOrgInvite, ListOrgInvites, OrganizationInvitationsApi, OrganizationPermission,
};
use upsun::query::{Filter, Sort};
use upsun::{Error, InvitationState, OrganizationId};
use upsun_mock::Method;
use upsun_tests::{connect, connect_as, mock};

use crate::org_with_member;

#[tokio::test]
async fn an_invitation_is_sent_listed_and_cancelled() {
    let mock = mock().await;
    let (org, _) = org_with_member(&mock);
    let client = connect(&mock);
    let org_id = OrganizationId::from(org.id.as_str());
    let invite = CreateOrgInvite::new("bob@example.com", [OrganizationPermission::ProjectsList]);

    let invitation = client.create_org_invite(&org_id, &invite).await.unwrap();

    assert_eq!(
        mock.requests()[0].json().unwrap(),
        serde_json::json!({"email": "bob@example.com", "permissions": ["projects:list"]})
    );
    assert_eq!(invitation.state, Some(InvitationState::Pending));
    assert_eq!(invitation.email.as_deref(), Some("bob@example.com"));
    assert_eq!(invitation.organization_id, Some(org_id.clone()));
    assert_eq!(
        invitation.owner.as_ref().and_then(|o| o.id),
        Some(mock.user_id().into())
    );
    assert_eq!(invitation.finished_at, None);
    let listed = client
        .list_org_invites(&org_id, &ListOrgInvites::new())
        .await
        .unwrap();
    assert_eq!(listed, std::slice::from_ref(&invitation));

    client
        .cancel_org_invite(&org_id, invitation.id)
        .await
        .unwrap();

    let stored = mock
        .organization_invitations()
        .get(invitation.id.uuid())
        .unwrap();
    assert_eq!(stored.state, "cancelled");
    assert!(stored.finished_at.is_some());
    let pending = client
        .list_org_invites(&org_id, &ListOrgInvites::new())
        .await
        .unwrap();
    assert!(pending.is_empty(), "{pending:?}");
    let cancelled = client
        .list_org_invites(
            &org_id,
            &ListOrgInvites::new().state(Filter::eq("cancelled")),
        )
        .await
        .unwrap();
    assert_eq!(cancelled[0].state, Some(InvitationState::Cancelled));
    let again = client.cancel_org_invite(&org_id, invitation.id).await;
    assert!(matches!(again, Err(Error::BadRequest(_))), "{again:?}");
}

#[tokio::test]
async fn a_pending_invitation_is_a_conflict_not_retried_and_force_reinvites() {
    let mock = mock().await;
    let (org, _) = org_with_member(&mock);
    let client = connect(&mock);
    let org_id = OrganizationId::from(org.id.as_str());
    let invite = CreateOrgInvite::new("bob@example.com", [OrganizationPermission::Members]);
    let first = client.create_org_invite(&org_id, &invite).await.unwrap();

    let again = CreateOrgInvite::new("BOB@example.com", [OrganizationPermission::Members]);
    let err = client.create_org_invite(&org_id, &again).await.unwrap_err();

    assert!(
        matches!(&err, Error::Conflict(e) if e.message.contains("pending")),
        "{err:?}"
    );
    let posts = mock
        .requests()
        .into_iter()
        .filter(|r| r.method == Method::POST)
        .count();
    assert_eq!(posts, 2, "the conflict was sent once, not retried");

    let second = client
        .create_org_invite(&org_id, &again.force(true))
        .await
        .unwrap();
    assert_eq!(
        mock.requests().last().unwrap().json().unwrap()["force"],
        true
    );
    assert_ne!(second.id, first.id);
    let old = mock
        .organization_invitations()
        .get(first.id.uuid())
        .unwrap();
    assert_eq!(old.state, "cancelled");
    let pending = client
        .list_org_invites(&org_id, &ListOrgInvites::new())
        .await
        .unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].id, second.id);
}

#[tokio::test]
async fn invitations_move_through_their_states_and_filter_and_page() {
    let mock = mock().await;
    let (org, _) = org_with_member(&mock);
    let client = connect(&mock);
    let org_id = OrganizationId::from(org.id.as_str());
    let mut ids = Vec::new();
    for name in ["a", "b", "c", "d"] {
        let invite = CreateOrgInvite::new(
            format!("{name}@example.com"),
            [OrganizationPermission::Billing],
        );
        ids.push(client.create_org_invite(&org_id, &invite).await.unwrap().id);
    }
    let handle = mock.organization_invitations();
    let minute = std::time::Duration::from_secs(60);
    mock.advance_clock(minute);
    handle.set_state(ids[1].uuid(), "processing");
    mock.advance_clock(minute);
    handle.set_state(ids[2].uuid(), "error");
    mock.advance_clock(minute);
    let invitee = handle.accept(ids[3].uuid()).unwrap();
    assert!(
        mock.organizations()
            .members(&org.id)
            .unwrap()
            .contains(&invitee)
    );

    let errors = client
        .list_org_invites(
            &org_id,
            &ListOrgInvites::new().state(Filter::any_of(["error", "accepted"])),
        )
        .await
        .unwrap();
    let states: Vec<_> = errors.iter().map(|i| i.state.clone()).collect();
    assert_eq!(
        states,
        [
            Some(InvitationState::Error),
            Some(InvitationState::Accepted)
        ]
    );
    assert!(errors[1].finished_at.is_some());
    let page = client
        .list_org_invites(
            &org_id,
            &ListOrgInvites::new()
                .state(Filter::ne("cancelled"))
                .sort(Sort::desc("updated_at"))
                .page_size(2),
        )
        .await
        .unwrap();
    assert_eq!(page.len(), 2);
    assert_eq!(page[0].id, ids[3], "the last one changed comes first");
    let unknown =
        serde_json::from_value::<upsun::organization_invitations::OrganizationInvitation>(
            serde_json::json!({"id": ids[0], "state": "expired"}),
        )
        .unwrap();
    assert_eq!(
        unknown.state,
        Some(InvitationState::Unknown("expired".into()))
    );
}

#[tokio::test]
async fn a_member_without_admin_rights_is_refused_and_bad_input_never_leaves() {
    let mock = mock().await;
    let (org, grace) = org_with_member(&mock);
    let org_id = OrganizationId::from(org.id.as_str());
    let as_grace = connect_as(&mock, &grace.access_token);
    let invite = CreateOrgInvite::new("bob@example.com", [OrganizationPermission::Admin]);

    let err = as_grace
        .create_org_invite(&org_id, &invite)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = as_grace
        .list_org_invites(&org_id, &ListOrgInvites::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    assert!(mock.organization_invitations().all().is_empty());

    let sent = mock.requests().len();
    let client = connect(&mock);
    let err = client
        .create_org_invite(&org_id, &CreateOrgInvite::new("not an address", []))
        .await
        .unwrap_err();
    assert!(
        err.is_invalid_input() && err.to_string().contains("`email`"),
        "{err}"
    );
    let err = client
        .list_org_invites(&org_id, &ListOrgInvites::new().sort(Sort::asc("email")))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("`sort`"), "{err}");
    assert_eq!(mock.requests().len(), sent, "nothing was sent");
}
