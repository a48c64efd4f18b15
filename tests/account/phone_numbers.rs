//! Phone number verification against upsun-mock: start a session, confirm it with the code,
//! and what the `/me` checks say before and after.

use serde_json::json;
use upsun::Error;
use upsun::phone_numbers::{ConfirmPhoneNumber, PhoneChannel, PhoneNumbersApi, VerifyPhoneNumber};
use upsun::users::UsersApi;
use upsun_mock::{NewUser, PHONE_VERIFICATION_CODE};
use upsun_tests::{connect, connect_as, mock};
use uuid::Uuid;

const NUMBER: &str = "+442071838750";

fn sms(number: &str) -> VerifyPhoneNumber {
    VerifyPhoneNumber::new(PhoneChannel::Sms, number)
}

fn code(code: &str) -> ConfirmPhoneNumber {
    ConfirmPhoneNumber::new(code)
}

#[tokio::test]
async fn a_number_is_verified_with_the_code_sent() {
    let mock = mock().await;
    let client = connect(&mock);
    let me = mock.user_id();

    let session = client
        .verify_phone_number(me.into(), &sms(NUMBER))
        .await
        .unwrap();
    let request = mock.requests().pop().unwrap();
    assert_eq!(request.path, format!("/users/{me}/phonenumber"));
    assert_eq!(
        request.json(),
        Some(json!({"channel": "sms", "phone_number": NUMBER}))
    );
    assert!(
        session.sid.as_deref().unwrap().starts_with("VE"),
        "{:?}",
        session.sid
    );
    // Not verified until confirmed.
    assert_eq!(
        client
            .check_phone_verification()
            .await
            .unwrap()
            .verify_phone,
        Some(true)
    );

    client
        .confirm_phone_number(
            me.into(),
            session.sid.as_deref().unwrap(),
            &code(PHONE_VERIFICATION_CODE),
        )
        .await
        .unwrap();
    let request = mock.requests().pop().unwrap();
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(
        request.path,
        format!(
            "/users/{me}/phonenumber/{}",
            session.sid.as_deref().unwrap()
        )
    );
    assert_eq!(
        request.json(),
        Some(json!({"code": PHONE_VERIFICATION_CODE}))
    );

    assert_eq!(
        client
            .check_phone_verification()
            .await
            .unwrap()
            .verify_phone,
        Some(false)
    );
    let status = client.check_verification().await.unwrap();
    assert_eq!(status.state, Some(false));
}

#[tokio::test]
async fn a_wrong_code_is_refused_and_a_session_confirms_once() {
    let mock = mock().await;
    let client = connect(&mock);
    let me = mock.user_id();
    let request = VerifyPhoneNumber::new(PhoneChannel::Call, NUMBER);
    let session = client
        .verify_phone_number(me.into(), &request)
        .await
        .unwrap();
    assert_eq!(
        mock.requests().pop().unwrap().json().unwrap()["channel"],
        "call"
    );

    let err = client
        .confirm_phone_number(me.into(), session.sid.as_deref().unwrap(), &code("000000"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::BadRequest(_)), "{err:?}");
    assert!(err.to_string().contains("`code`"), "{err}");
    assert_eq!(
        client
            .check_phone_verification()
            .await
            .unwrap()
            .verify_phone,
        Some(true)
    );

    let right = code(PHONE_VERIFICATION_CODE);
    client
        .confirm_phone_number(me.into(), session.sid.as_deref().unwrap(), &right)
        .await
        .unwrap();
    let err = client
        .confirm_phone_number(me.into(), session.sid.as_deref().unwrap(), &right)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err:?}");
}

#[tokio::test]
async fn unknown_sessions_and_other_users_are_refused() {
    let mock = mock().await;
    let grace = mock.users().add(NewUser::new("grace"));
    let as_grace = connect_as(&mock, &grace.access_token);
    let client = connect(&mock);
    let me = mock.user_id();
    let right = code(PHONE_VERIFICATION_CODE);

    let err = client
        .confirm_phone_number(me.into(), "VEnope", &right)
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    // Grace's session is not Ada's.
    let graces = as_grace
        .verify_phone_number(grace.user.id.into(), &sms("+15551234567"))
        .await
        .unwrap();
    let err = client
        .confirm_phone_number(me.into(), graces.sid.as_deref().unwrap(), &right)
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");

    let err = client
        .verify_phone_number(grace.user.id.into(), &sms(NUMBER))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = client
        .confirm_phone_number(grace.user.id.into(), graces.sid.as_deref().unwrap(), &right)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = client
        .verify_phone_number(Uuid::new_v4().into(), &sms(NUMBER))
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
}

#[tokio::test]
async fn bad_numbers_and_channels_are_refused() {
    let mock = mock().await;
    let client = connect(&mock);
    let me = mock.user_id();

    let err = client
        .verify_phone_number(me.into(), &sms("020 7183 8750"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::BadRequest(_)), "{err:?}");
    assert!(err.to_string().contains("`phone_number`"), "{err}");

    // An unknown channel never leaves the client.
    mock.clear_requests();
    let fax = VerifyPhoneNumber::new(PhoneChannel::from("fax"), NUMBER);
    let err = client
        .verify_phone_number(me.into(), &fax)
        .await
        .unwrap_err();
    assert!(err.is_invalid_input(), "{err:?}");
    assert!(err.to_string().contains("`channel`"), "{err}");
    assert!(mock.requests().is_empty());
}

#[tokio::test]
async fn a_number_belongs_to_one_user() {
    let mock = mock().await;
    let client = connect(&mock);
    let me = mock.user_id();
    let session = client
        .verify_phone_number(me.into(), &sms(NUMBER))
        .await
        .unwrap();
    client
        .confirm_phone_number(
            me.into(),
            session.sid.as_deref().unwrap(),
            &code(PHONE_VERIFICATION_CODE),
        )
        .await
        .unwrap();

    let grace = mock.users().add(NewUser::new("grace"));
    let as_grace = connect_as(&mock, &grace.access_token);
    let err = as_grace
        .verify_phone_number(grace.user.id.into(), &sms(NUMBER))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err:?}");
    assert_eq!(
        as_grace
            .check_phone_verification()
            .await
            .unwrap()
            .verify_phone,
        Some(true)
    );
}
