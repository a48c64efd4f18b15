//! The Users calls beyond get/update, against upsun-mock: lookups by email and username, the
//! email and password resets, the `/me` checks and the deprecated `GET /me`.

use serde_json::json;
use upsun::Error;
use upsun::users::{ResetEmailAddress, UsersApi, VerificationKind};
use upsun_mock::{AddedUser, Fault, Method, MockServer, NewUser, RecordedRequest};
use upsun_tests::{connect, connect_as, mock};

mod mock;

fn grace(mock: &MockServer) -> AddedUser {
    mock.users()
        .add(NewUser::new("grace").email("Grace+Navy@example.com"))
}

fn last(mock: &MockServer) -> RecordedRequest {
    mock.requests().pop().expect("a request")
}

#[tokio::test]
async fn users_are_found_by_email_and_by_username() {
    let mock = mock().await;
    let client = connect(&mock);

    let by_email = client.get_user_by_email("ada@example.com").await.unwrap();
    assert_eq!(by_email.id, mock.user_id());
    assert_eq!(last(&mock).path, "/users/email=ada%40example.com");

    let by_name = client.get_user_by_username("ada").await.unwrap();
    assert_eq!(by_name.id, mock.user_id());
    assert_eq!(last(&mock).path, "/users/username=ada");
}

#[tokio::test]
async fn lookups_encode_the_value_as_one_segment() {
    let mock = mock().await;
    let grace = grace(&mock);
    let client = connect_as(&mock, &grace.access_token);

    // `+` and `@` are escaped, so the mock decodes exactly what was asked for.
    let user = client
        .get_user_by_email("grace+navy@example.com")
        .await
        .unwrap();
    assert_eq!(user.id, grace.user.id);
    assert_eq!(last(&mock).path, "/users/email=grace%2Bnavy%40example.com");

    // A `/` cannot escape the segment: this is a lookup of a username nobody has.
    let err = client
        .get_user_by_username("grace/../me")
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    assert_eq!(last(&mock).path, "/users/username=grace%2F..%2Fme");
}

#[tokio::test]
async fn lookups_answer_404_for_nobody_and_403_for_someone_else() {
    let mock = mock().await;
    grace(&mock);
    let client = connect(&mock);

    let err = client
        .get_user_by_email("nobody@example.com")
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    assert!(err.to_string().contains("nobody@example.com"), "{err}");
    let err = client.get_user_by_username("nobody").await.unwrap_err();
    assert!(err.is_not_found(), "{err:?}");

    let err = client.get_user_by_username("grace").await.unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = client
        .get_user_by_email("grace+navy@example.com")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
}

#[tokio::test]
async fn an_email_reset_sends_the_new_address_and_changes_nothing_yet() {
    let mock = mock().await;
    let client = connect(&mock);
    let reset = ResetEmailAddress::new("ada@analytical.example");

    client
        .reset_email_address(mock.user_id().into(), &reset)
        .await
        .unwrap();

    let request = last(&mock);
    assert_eq!(request.method, Method::POST);
    assert_eq!(
        request.path,
        format!("/users/{}/emailaddress", mock.user_id())
    );
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(
        request.json(),
        Some(json!({"email_address": "ada@analytical.example"}))
    );
    // The address changes only once the user confirms it.
    assert_eq!(
        mock.users().get(mock.user_id()).unwrap().email,
        "ada@example.com"
    );
}

#[tokio::test]
async fn a_malformed_address_is_refused_before_sending() {
    let mock = mock().await;
    let client = connect(&mock);

    for bad in ["ada", "ada@", "ada lovelace@example.com"] {
        let err = client
            .reset_email_address(mock.user_id().into(), &ResetEmailAddress::new(bad))
            .await
            .unwrap_err();
        assert!(err.is_invalid_input(), "{bad:?}: {err:?}");
        assert!(err.to_string().contains("`email_address`"), "{err}");
    }
    assert!(mock.requests().is_empty(), "{:#?}", mock.requests());
}

#[tokio::test]
async fn an_email_reset_is_refused_for_a_taken_address_or_another_user() {
    let mock = mock().await;
    let grace = grace(&mock);
    let client = connect(&mock);
    let id = mock.user_id();

    let taken = ResetEmailAddress::new("grace+navy@example.com");
    let err = client
        .reset_email_address(id.into(), &taken)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err:?}");

    let same = ResetEmailAddress::new("ada@example.com");
    let err = client
        .reset_email_address(id.into(), &same)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::BadRequest(_)), "{err:?}");
    assert!(err.to_string().contains("`email_address`"), "{err}");

    let fresh = ResetEmailAddress::new("someone@example.com");
    let err = client
        .reset_email_address(grace.user.id.into(), &fresh)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = client
        .reset_email_address(uuid::Uuid::new_v4().into(), &fresh)
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
}

#[tokio::test]
async fn a_password_reset_is_a_bodiless_post_and_is_not_retried() {
    let mock = mock().await;
    let grace = grace(&mock);
    let client = connect(&mock);

    client.reset_password(mock.user_id().into()).await.unwrap();
    let request = last(&mock);
    assert_eq!(request.method, Method::POST);
    assert_eq!(
        request.path,
        format!("/users/{}/resetpassword", mock.user_id())
    );
    assert!(request.body.is_empty());
    assert_eq!(request.header("content-type"), None);

    let err = client
        .reset_password(grace.user.id.into())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = client
        .reset_password(uuid::Uuid::new_v4().into())
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");

    // It sends an email: a 503 could have come after the email went out, so no retry.
    mock.clear_requests();
    mock.on(Method::POST, "/users/{id}/resetpassword")
        .respond(Fault::status(503));
    let err = client
        .reset_password(mock.user_id().into())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Server(_)), "{err:?}");
    assert_eq!(mock.requests().len(), 1);
}

#[tokio::test]
async fn a_new_user_must_verify_a_phone_number() {
    let mock = mock().await;
    let client = connect(&mock);

    let phone = client.check_phone_verification().await.unwrap();
    assert_eq!(phone.verify_phone, Some(true));
    let request = last(&mock);
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("POST", "/me/phone")
    );
    assert!(request.body.is_empty());

    let status = client.check_verification().await.unwrap();
    assert_eq!(status.state, Some(true));
    assert_eq!(status.kind, Some(VerificationKind::Phone));
    assert_eq!(last(&mock).path, "/me/verification");
}

#[tokio::test]
async fn the_verification_checks_are_retried_like_reads() {
    let mock = mock().await;
    let client = connect(&mock);
    mock.on(Method::POST, "/me/phone")
        .respond(Fault::status(503));
    mock.on(Method::POST, "/me/verification")
        .respond(Fault::status(502));

    client.check_phone_verification().await.unwrap();
    client.check_verification().await.unwrap();
    assert_eq!(mock.requests().len(), 4);
    assert_eq!(mock.pending_faults(), 0);
}

#[tokio::test]
async fn the_deprecated_me_answers_the_older_shape() {
    let mock = mock().await;
    let client = connect(&mock);

    #[allow(deprecated)]
    let me = client.current_user_info().await.unwrap();

    assert_eq!(last(&mock).path, "/me");
    assert_eq!(me.id, Some(mock.user_id().into()));
    assert_eq!(me.uuid, Some(mock.user_id().into()));
    assert_eq!(me.username.as_deref(), Some("ada"));
    assert_eq!(me.display_name.as_deref(), Some("Ada Lovelace"));
    assert_eq!(me.mail.as_deref(), Some("ada@example.com"));
    assert_eq!(me.status, Some(1));
    assert_eq!(me.has_key, Some(false));
    assert_eq!(me.projects, Some(vec![]));
    assert_eq!(me.roles, Some(vec!["user".to_owned()]));
}

#[tokio::test]
async fn the_me_routes_need_a_token() {
    let mock = mock().await;
    let client = connect_as(&mock, "not-a-token");
    let err = client.check_phone_verification().await.unwrap_err();
    assert!(matches!(err, Error::Unauthorized(_)), "{err:?}");
    #[allow(deprecated)]
    let err = client.current_user_info().await.unwrap_err();
    assert!(matches!(err, Error::Unauthorized(_)), "{err:?}");
}
