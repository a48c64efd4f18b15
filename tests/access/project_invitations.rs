//! Project invitations against upsun-mock: send with roles per environment type, list, a 409
//! for a pending one that is not retried, an explicit re-invite, cancel, and a member without
//! admin rights refused.

use upsun::project_invitations::{
    CreateProjectInvite, EnvironmentIdRole, EnvironmentRole, EnvironmentType, EnvironmentTypeRole,
    ListProjectInvites, ProjectInvitationsApi, ProjectRole,
};
use upsun::query::{Filter, Sort};
use upsun::{Error, InvitationState, ProjectId};
use upsun_mock::Method;
use upsun_tests::{connect, connect_as, mock};

use crate::org_with_member;

#[tokio::test]
async fn an_invitation_with_roles_is_sent_listed_conflicts_and_is_cancelled() {
    let mock = mock().await;
    let (org, _) = org_with_member(&mock);
    mock.team_access().add_project("p1", &org.id);
    let client = connect(&mock);
    let p = ProjectId::from("p1");
    let invite = CreateProjectInvite::new("bob@example.com")
        .role(ProjectRole::Viewer)
        .permissions(vec![EnvironmentTypeRole::new(
            EnvironmentType::Development,
            EnvironmentRole::Admin,
        )])
        .environments(vec![EnvironmentIdRole::new(
            "main",
            EnvironmentRole::Viewer,
        )]);

    let invitation = client.create_project_invite(&p, &invite).await.unwrap();

    assert_eq!(invitation.state, Some(InvitationState::Pending));
    assert_eq!(invitation.role, Some(ProjectRole::Viewer));
    assert_eq!(invitation.project_id, Some(p.clone()));
    assert_eq!(invitation.environments.len(), 2);
    assert_eq!(
        invitation.environments[0].r#type.as_deref(),
        Some("development")
    );
    assert_eq!(
        invitation.environments[0].role,
        Some(EnvironmentRole::Admin)
    );
    let listed = client
        .list_project_invites(
            &p,
            &ListProjectInvites::new().sort(Sort::desc("updated_at")),
        )
        .await
        .unwrap();
    assert_eq!(listed, std::slice::from_ref(&invitation));

    let err = client.create_project_invite(&p, &invite).await.unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err:?}");
    let posts = mock
        .requests()
        .iter()
        .filter(|r| r.method == Method::POST)
        .count();
    assert_eq!(posts, 2, "the conflict was not retried");
    let second = client
        .create_project_invite(&p, &invite.clone().force(true))
        .await
        .unwrap();
    assert_ne!(second.id, invitation.id);

    client.cancel_project_invite(&p, second.id).await.unwrap();
    let cancelled = client
        .list_project_invites(
            &p,
            &ListProjectInvites::new().state(Filter::eq("cancelled")),
        )
        .await
        .unwrap();
    assert_eq!(cancelled.len(), 2);
    assert!(
        client
            .list_project_invites(&p, &ListProjectInvites::new())
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        mock.project_invitations()
            .set_state(invitation.id.uuid(), "error")
    );
}

#[tokio::test]
async fn a_member_without_admin_rights_is_refused() {
    let mock = mock().await;
    let (org, grace) = org_with_member(&mock);
    mock.team_access().add_project("p1", &org.id);
    let as_grace = connect_as(&mock, &grace.access_token);
    let p = ProjectId::from("p1");

    let err = as_grace
        .create_project_invite(&p, &CreateProjectInvite::new("bob@example.com"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = as_grace
        .list_project_invites(&p, &ListProjectInvites::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = connect(&mock)
        .list_project_invites(&ProjectId::from("nope"), &ListProjectInvites::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
    assert!(mock.project_invitations().all().is_empty());
}
