//! The mock keeps the API's contract for the Users area: every answer it gives decodes into the
//! SDK's `User`, and it refuses what the API refuses, even when a client skips the SDK's checks.

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use upsun::users::{ConsentMethod, UpdateUser, User, UsersApi};
use upsun::{Client, Error, StatusCode};
use upsun_mock::NewUser;
use upsun_tests::{connect_as, mock};
use uuid::Uuid;

/// Endpoints that send what they are given, with none of `UpdateUser`'s checks.
trait Raw: upsun::Api {
    #[upsun::endpoint(PATCH, "/users/<user_id>")]
    async fn patch_raw(&self, user_id: Uuid, #[body] body: &Value) -> upsun::Result<User>;
}

impl Raw for Client {}

fn same(sdk: &User, mock: &upsun_mock::User) {
    assert_eq!(sdk.id, mock.id);
    assert_eq!(sdk.username, mock.username);
    assert_eq!(sdk.email, mock.email);
    assert_eq!(sdk.deactivated, mock.deactivated);
    assert_eq!(sdk.email_verified, mock.email_verified);
    assert_eq!(
        (&sdk.first_name, &sdk.last_name, &sdk.company, &sdk.country),
        (
            &mock.first_name,
            &mock.last_name,
            &mock.company,
            &mock.country
        )
    );
    assert_eq!(sdk.updated_at, mock.updated_at);
    assert_eq!(sdk.consented_at, mock.consented_at);
    let method = sdk.consent_method.as_ref().map(ConsentMethod::as_str);
    let expected = mock.consent_method.as_ref().map(|m| match m {
        upsun_mock::ConsentMethod::OptIn => "opt-in",
        upsun_mock::ConsentMethod::TextRef => "text-ref",
    });
    assert_eq!(method, expected);
}

#[tokio::test]
async fn every_users_answer_decodes_into_the_sdk_user() {
    let mock = mock().await;
    let admin = mock.users().add_admin(NewUser::new("root"));
    let shapes = [
        NewUser::new("opted").consented(upsun_mock::ConsentMethod::OptIn),
        NewUser::new("referenced").consented(upsun_mock::ConsentMethod::TextRef),
        NewUser::new("gone").deactivated(true).email_verified(false),
        NewUser::new("full")
            .first_name("Grace")
            .last_name("Hopper")
            .company("Navy")
            .country("US")
            .website("https://example.com")
            .picture("https://example.com/g.png"),
    ];
    let client = connect_as(&mock, &admin.access_token);
    for shape in shapes {
        let added = mock.users().add(shape);
        let id = added.user.id;
        let by_id = client.get_user(id.into()).await.unwrap();
        same(&by_id, &added.user);
        same(
            &client.get_user_by_email(&added.user.email).await.unwrap(),
            &added.user,
        );
        same(
            &client
                .get_user_by_username(&added.user.username)
                .await
                .unwrap(),
            &added.user,
        );
        let own = self::connect_as(&mock, &added.access_token);
        same(&own.current_user().await.unwrap(), &added.user);
        let updated = own
            .update_user(id.into(), &UpdateUser::new().company("Upsun"))
            .await
            .unwrap();
        same(&updated, &mock.users().get(id).unwrap());
        assert!(updated.updated_at > by_id.updated_at);
    }
}

#[tokio::test]
async fn the_mock_refuses_what_the_api_refuses() {
    let mock = mock().await;
    let client = connect_as(&mock, mock.access_token());
    let me = mock.user_id();
    for (body, field) in [
        (json!({"country": "GBR"}), "country"),
        (json!({"country": "G"}), "country"),
        (json!({"website": "not a uri"}), "website"),
        (json!({"picture": "/relative.png"}), "picture"),
        (json!({"first_name": 42}), "first_name"),
        (json!({"username": ""}), "username"),
    ] {
        let err = client.patch_raw(me, &body).await.unwrap_err();
        assert_eq!(
            err.status(),
            Some(StatusCode::BAD_REQUEST),
            "{body}: {err:?}"
        );
        assert!(err.to_string().contains(field), "{body}: {err}");
    }
    let err = client
        .patch_raw(me, &json!(["not", "an", "object"]))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::BAD_REQUEST), "{err:?}");
    assert_eq!(
        mock.users().get(me).unwrap().country,
        "GB",
        "nothing was applied"
    );

    let err = client.get_user(Uuid::new_v4().into()).await.unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
    let other = mock.users().add(NewUser::new("someone"));
    let err = client.get_user(other.user.id.into()).await.unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let anonymous = Client::builder().base_url(mock.base_url()).build().unwrap();
    let err = anonymous.current_user().await.unwrap_err();
    assert!(matches!(err, Error::Unauthorized(_)), "{err:?}");
}

#[tokio::test]
async fn malformed_json_is_a_400_with_the_apis_error_body() {
    let mock = mock().await;
    let body = "{\"country\": ";
    let request = format!(
        "PATCH /users/{} HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        mock.user_id(),
        mock.addr(),
        mock.access_token(),
        body.len()
    );
    let mut stream = tokio::net::TcpStream::connect(mock.addr()).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    let json: Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    assert!(
        json["error"].as_str().is_some_and(|m| !m.is_empty()),
        "{json}"
    );
}
