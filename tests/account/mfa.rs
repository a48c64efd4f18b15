//! The Mfa area against upsun-mock: TOTP enrollment from start to withdrawal, recovery codes,
//! secrets kept out of `Debug`, and an organization's MFA enforcement and reminders.

use serde_json::json;
use upsun::mfa::{ConfirmTotpEnrollment, MfaApi, SendOrgMfaReminders};
use upsun::{Client, Error, StatusCode};
use upsun_mock::{Fault, Method, MockServer, NewOrganization, NewUser, TOTP_PASSCODE};
use upsun_tests::{connect_as, mock};
use uuid::Uuid;

/// An organization id as the SDK takes it, from the mock's string or a literal.
fn oid(id: &str) -> upsun::OrganizationId {
    id.into()
}

/// Enrolls the seeded user; answers its recovery codes as plain strings.
async fn enroll(mock: &MockServer, client: &Client) -> Vec<String> {
    let seed = client
        .get_totp_enrollment(mock.user_id().into())
        .await
        .unwrap()
        .secret
        .unwrap();
    let codes = client
        .confirm_totp_enrollment(
            mock.user_id().into(),
            &ConfirmTotpEnrollment::new(seed, TOTP_PASSCODE),
        )
        .await
        .unwrap();
    codes
        .recovery_codes
        .iter()
        .map(|c| c.expose().to_owned())
        .collect()
}

#[tokio::test]
async fn enrolling_gives_a_seed_then_a_passcode_confirms_it() {
    let mock = mock().await;
    let client = connect_as(&mock, mock.access_token());
    let me = mock.user_id();

    let enrollment = client.get_totp_enrollment(me.into()).await.unwrap();
    assert_eq!(mock.requests()[0].path, format!("/users/{me}/totp"));
    assert_eq!(enrollment.account_name.as_deref(), Some("ada@example.com"));
    let seed = enrollment.secret.clone().unwrap();
    assert_eq!(seed.expose().len(), 32);
    assert!(
        enrollment
            .qr_code
            .as_ref()
            .unwrap()
            .expose()
            .starts_with("data:image/png;base64,")
    );
    let shown = format!("{enrollment:?}");
    assert!(
        !shown.contains(seed.expose()) && !shown.contains("data:image"),
        "{shown}"
    );
    let again = client.get_totp_enrollment(me.into()).await.unwrap();
    assert_eq!(
        again.secret.as_ref(),
        Some(&seed),
        "the seed holds until confirmed"
    );

    let wrong = ConfirmTotpEnrollment::new(&seed, "000000");
    let err = client
        .confirm_totp_enrollment(me.into(), &wrong)
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::BadRequest(_)) && err.to_string().contains("`passcode`"),
        "{err}"
    );
    let other_seed = ConfirmTotpEnrollment::new("AAAABBBBCCCCDDDD", TOTP_PASSCODE);
    let err = client
        .confirm_totp_enrollment(me.into(), &other_seed)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("`secret`"), "{err}");
    assert!(!mock.mfa().totp_enrolled(me));

    let codes = client
        .confirm_totp_enrollment(me.into(), &ConfirmTotpEnrollment::new(&seed, TOTP_PASSCODE))
        .await
        .unwrap();

    let request = mock.requests().pop().unwrap();
    assert_eq!(
        (request.method.as_str(), request.path.clone()),
        ("POST", format!("/users/{me}/totp"))
    );
    assert_eq!(
        request.json().unwrap(),
        json!({"secret": seed.expose(), "passcode": TOTP_PASSCODE})
    );
    assert!(mock.mfa().totp_enrolled(me));
    let plain: Vec<&str> = codes.recovery_codes.iter().map(|c| c.expose()).collect();
    assert_eq!(plain, mock.mfa().recovery_codes(me));
    assert_eq!(plain.len(), 10);
    let shown = format!("{codes:?}");
    assert!(!shown.contains(plain[0]), "{shown}");

    let err = client.get_totp_enrollment(me.into()).await.unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err:?}");
    let err = client
        .confirm_totp_enrollment(me.into(), &ConfirmTotpEnrollment::new(&seed, TOTP_PASSCODE))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::CONFLICT));
}

#[tokio::test]
async fn recovery_codes_are_recreated_only_for_an_enrolled_user() {
    let mock = mock().await;
    let client = connect_as(&mock, mock.access_token());
    let me = mock.user_id();
    let err = client.recreate_recovery_codes(me.into()).await.unwrap_err();
    assert!(err.is_not_found(), "{err:?}");

    let old = enroll(&mock, &client).await;
    let new = client.recreate_recovery_codes(me.into()).await.unwrap();

    let request = mock.requests().pop().unwrap();
    assert_eq!(
        (request.method.as_str(), request.path.clone()),
        ("POST", format!("/users/{me}/codes"))
    );
    assert!(request.body.is_empty());
    let new: Vec<String> = new
        .recovery_codes
        .iter()
        .map(|c| c.expose().to_owned())
        .collect();
    assert_eq!(new.len(), 10);
    assert!(new.iter().all(|code| !old.contains(code)));
    assert_eq!(new, mock.mfa().recovery_codes(me));
}

#[tokio::test]
async fn withdrawing_answers_204_and_enrollment_starts_over() {
    let mock = mock().await;
    let client = connect_as(&mock, mock.access_token());
    let me = mock.user_id();
    let err = client
        .withdraw_totp_enrollment(me.into())
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    enroll(&mock, &client).await;

    client.withdraw_totp_enrollment(me.into()).await.unwrap();

    let request = mock.requests().pop().unwrap();
    assert_eq!(
        (request.method.as_str(), request.path.clone()),
        ("DELETE", format!("/users/{me}/totp"))
    );
    assert!(!mock.mfa().totp_enrolled(me));
    assert!(mock.mfa().recovery_codes(me).is_empty());
    assert!(
        client
            .get_totp_enrollment(me.into())
            .await
            .unwrap()
            .secret
            .is_some()
    );
}

#[tokio::test]
async fn another_users_enrollment_is_403() {
    let mock = mock().await;
    let grace = mock.users().add(NewUser::new("grace"));
    let client = connect_as(&mock, mock.access_token());
    let err = client
        .get_totp_enrollment(grace.user.id.into())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = client
        .recreate_recovery_codes(grace.user.id.into())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = client
        .withdraw_totp_enrollment(grace.user.id.into())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
}

#[tokio::test]
async fn owners_turn_enforcement_on_and_off_members_only_read_it() {
    let mock = mock().await;
    let grace = mock.users().add(NewUser::new("grace"));
    let org = mock
        .organizations()
        .add(NewOrganization::new("acme").member(grace.user.id));
    let owner = connect_as(&mock, mock.access_token());
    let member = connect_as(&mock, &grace.access_token);

    assert_eq!(
        owner
            .get_org_mfa_enforcement(&oid(&org.id))
            .await
            .unwrap()
            .enforce_mfa,
        Some(false)
    );
    owner
        .enable_org_mfa_enforcement(&oid(&org.id))
        .await
        .unwrap();
    let request = mock.requests().pop().unwrap();
    assert_eq!(request.method, Method::POST);
    assert_eq!(
        request.path,
        format!("/organizations/{}/mfa-enforcement/enable", org.id)
    );
    assert!(request.body.is_empty());
    assert_eq!(
        member
            .get_org_mfa_enforcement(&oid("name=acme"))
            .await
            .unwrap()
            .enforce_mfa,
        Some(true)
    );

    let err = member
        .disable_org_mfa_enforcement(&oid(&org.id))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    owner
        .disable_org_mfa_enforcement(&oid(&org.id))
        .await
        .unwrap();
    assert_eq!(
        owner
            .get_org_mfa_enforcement(&oid(&org.id))
            .await
            .unwrap()
            .enforce_mfa,
        Some(false)
    );
    let err = owner
        .get_org_mfa_enforcement(&oid("01HZZZZZZZZZZZZZZZZZZZZZZZ"))
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
}

#[tokio::test]
async fn enabling_is_retried_after_a_503_as_an_idempotent_call() {
    let mock = mock().await;
    let org = mock.organizations().add(NewOrganization::new("acme"));
    mock.on(Method::POST, "/organizations/{id}/mfa-enforcement/enable")
        .respond(Fault::status(503).header("Retry-After", "0"));
    mock.on(Method::POST, "/organizations/{id}/mfa/remind")
        .respond(Fault::status(503).header("Retry-After", "0"));
    let client = connect_as(&mock, mock.access_token());

    client
        .enable_org_mfa_enforcement(&oid(&org.id))
        .await
        .unwrap();
    assert_eq!(mock.requests().len(), 2);
    assert_eq!(
        client
            .get_org_mfa_enforcement(&oid(&org.id))
            .await
            .unwrap()
            .enforce_mfa,
        Some(true)
    );

    mock.clear_requests();
    let err = client
        .send_org_mfa_reminders(
            &oid(&org.id),
            &SendOrgMfaReminders::new([mock.user_id().into()]),
        )
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(mock.requests().len(), 1, "a reminder is not sent twice");
}

#[tokio::test]
async fn reminders_answer_an_outcome_per_user() {
    let mock = mock().await;
    let grace = mock.users().add(NewUser::new("grace"));
    let eve = mock.users().add(NewUser::new("eve"));
    let org = mock
        .organizations()
        .add(NewOrganization::new("acme").member(grace.user.id));
    let owner = connect_as(&mock, mock.access_token());
    enroll(&mock, &owner).await;
    let ids = [grace.user.id, mock.user_id(), eve.user.id];

    let outcome = owner
        .send_org_mfa_reminders(
            &oid(&org.id),
            &SendOrgMfaReminders::new(ids.map(upsun::UserId::from)),
        )
        .await
        .unwrap();

    let request = mock.requests().pop().unwrap();
    assert_eq!(
        request.path,
        format!("/organizations/{}/mfa/remind", org.id)
    );
    assert_eq!(request.json().unwrap(), json!({"user_ids": ids}));
    let code = |id: Uuid| outcome[&id.to_string()].code;
    assert_eq!(
        (code(grace.user.id), code(mock.user_id()), code(eve.user.id)),
        (Some(200), Some(409), Some(404))
    );
    assert_eq!(mock.mfa().reminders(&org.id), [grace.user.id]);

    let err = owner
        .send_org_mfa_reminders(&oid(&org.id), &SendOrgMfaReminders::new([]))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::BadRequest(_)) && err.to_string().contains("`user_ids`"),
        "{err}"
    );
    let member = connect_as(&mock, &grace.access_token);
    let err = member
        .send_org_mfa_reminders(
            &oid(&org.id),
            &SendOrgMfaReminders::new([grace.user.id.into()]),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
}
