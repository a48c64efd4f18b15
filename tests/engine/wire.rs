//! `update_user`, `get_user` and `current_user` on the wire, against a recording server:
//! the exact request, and every way an answer can go wrong.

use serde_json::json;
use upsun::users::{ConsentMethod, UpdateUser, UsersApi};
use upsun::{Client, Error, RetryPolicy, StatusCode};
use upsun_tests::{Recorder, Reply};
use uuid::Uuid;

const TOKEN: &str = "test-access-token";
const ID: &str = "d81c8ee2-44b3-429f-b944-a33ad7437690";

fn user_json() -> serde_json::Value {
    json!({
        "id": ID,
        "deactivated": false,
        "namespace": "upsun",
        "username": "ada",
        "email": "ada@example.com",
        "email_verified": true,
        "first_name": "Ada",
        "last_name": "Lovelace",
        "picture": "https://example.com/ada.png",
        "company": "Analytical Engines",
        "website": "https://example.com",
        "country": "GB",
        "created_at": "2023-11-07T05:31:56Z",
        "updated_at": "2023-11-08T05:31:56Z",
        "consented_at": "2023-11-07T05:31:56Z",
        "consent_method": "opt-in"
    })
}

fn client(server: &Recorder) -> Client {
    Client::builder()
        .base_url(server.base_url())
        .access_token(TOKEN)
        .build()
        .unwrap()
}

fn id() -> Uuid {
    ID.parse().unwrap()
}

#[tokio::test]
async fn update_user_sends_exactly_the_documented_request() {
    let server = Recorder::start().await;
    server.reply(Reply::json(200, &user_json()));
    let update = UpdateUser::new().first_name("Ada").country("GB");

    let user = client(&server)
        .update_user(id().into(), &update)
        .await
        .unwrap();

    let request = server.only_request();
    assert_eq!(request.method, "PATCH");
    assert_eq!(request.target, format!("/users/{ID}"));
    assert_eq!(
        request.header("authorization"),
        Some("Bearer test-access-token")
    );
    assert_eq!(request.header("accept"), Some("application/json"));
    assert_eq!(request.header("content-type"), Some("application/json"));
    let agent = request.header("user-agent").unwrap();
    assert_eq!(
        agent,
        format!("upsun-sdk-rust@{}", env!("CARGO_PKG_VERSION"))
    );
    // Unset fields are absent, not null.
    assert_eq!(
        request.json(),
        json!({"first_name": "Ada", "country": "GB"})
    );

    assert_eq!(user.id, id());
    assert_eq!(user.first_name, "Ada");
    assert_eq!(user.consent_method, Some(ConsentMethod::OptIn));
    assert_eq!(user.created_at.to_rfc3339(), "2023-11-07T05:31:56+00:00");
}

#[tokio::test]
async fn get_requests_carry_no_body_and_no_content_type() {
    let server = Recorder::start().await;
    server.reply(Reply::json(200, &user_json()));
    client(&server).current_user().await.unwrap();
    let request = server.only_request();
    assert_eq!(
        (request.method.as_str(), request.target.as_str()),
        ("GET", "/users/me")
    );
    assert_eq!(request.header("content-type"), None);
    assert!(request.body.is_empty());
}

#[tokio::test]
async fn a_user_agent_is_appended_and_a_path_prefix_kept() {
    let server = Recorder::start().await;
    server.reply(Reply::json(200, &user_json()));
    let client = Client::builder()
        .base_url(format!("{}/api/", server.base_url()))
        .access_token(TOKEN)
        .user_agent("my-tool/1.2")
        .build()
        .unwrap();
    client.get_user(id().into()).await.unwrap();
    let request = server.only_request();
    assert_eq!(request.target, format!("/api/users/{ID}"));
    assert_eq!(
        request.header("user-agent").unwrap(),
        format!("upsun-sdk-rust@{} my-tool/1.2", env!("CARGO_PKG_VERSION"))
    );
}

#[tokio::test]
async fn errors_keep_the_status_and_the_apis_message() {
    let server = Recorder::start().await;
    server.reply(Reply::json(
        400,
        &json!({"error": "country: must be 2 characters"}),
    ));
    server.reply(Reply::json(
        403,
        &json!({"error": "you may not update this user"}),
    ));
    server.reply(Reply::empty(404));
    let client = client(&server);
    let update = UpdateUser::new().company("x");

    let err = client.update_user(id().into(), &update).await.unwrap_err();
    assert!(matches!(err, Error::BadRequest(_)), "{err:?}");
    assert_eq!(err.status(), Some(StatusCode::BAD_REQUEST));
    assert!(err.to_string().contains("400"), "{err}");
    assert!(
        err.to_string().contains("country: must be 2 characters"),
        "{err}"
    );

    let err = client.update_user(id().into(), &update).await.unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    assert!(
        err.to_string().contains("you may not update this user"),
        "{err}"
    );

    let err = client.update_user(id().into(), &update).await.unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    assert_eq!(err.status(), Some(StatusCode::NOT_FOUND));
}

#[tokio::test]
async fn a_text_error_body_is_kept_cut_to_a_sane_length() {
    let server = Recorder::start().await;
    server.reply(Reply::raw(502, "text/html", "<html>".repeat(5000)));
    let client = Client::builder()
        .base_url(server.base_url())
        .access_token(TOKEN)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let err = client.current_user().await.unwrap_err();
    assert!(matches!(err, Error::Server(_)), "{err:?}");
    let shown = err.to_string();
    assert!(shown.contains("502") && shown.contains("<html>"), "{shown}");
    assert!(shown.len() < 1000, "message not cut: {} bytes", shown.len());
}

#[tokio::test]
async fn malformed_json_is_a_decode_error_naming_the_type_and_the_body() {
    let server = Recorder::start().await;
    server.reply(Reply::raw(
        200,
        "application/json",
        "{\"id\": \"not-a-uuid\"",
    ));
    let err = client(&server).current_user().await.unwrap_err();
    let Error::Decode {
        status,
        expected,
        snippet,
        ..
    } = &err
    else {
        panic!("expected a decode error, got {err:?}");
    };
    assert_eq!(*status, StatusCode::OK);
    assert!(expected.ends_with("User"), "{expected}");
    assert!(snippet.contains("not-a-uuid"), "{snippet}");
    assert!(err.to_string().contains("User"), "{err}");
}

#[tokio::test]
async fn unknown_enum_values_and_extra_fields_do_not_fail_the_answer() {
    let server = Recorder::start().await;
    let mut body = user_json();
    body["consent_method"] = json!("carrier-pigeon");
    body["brand_new_field"] = json!({"nested": [1, 2, 3]});
    body.as_object_mut().unwrap().remove("consented_at");
    server.reply(Reply::json(200, &body));
    let user = client(&server).current_user().await.unwrap();
    assert_eq!(
        user.consent_method,
        Some(ConsentMethod::Unknown("carrier-pigeon".into()))
    );
    assert_eq!(user.consented_at, None);
}

#[tokio::test]
async fn a_redirect_is_not_followed() {
    let server = Recorder::start().await;
    server.reply(Reply::empty(302).header("Location", "http://127.0.0.2:1/elsewhere"));
    let err = client(&server).current_user().await.unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::FOUND), "{err:?}");
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn invalid_updates_are_refused_before_sending_naming_the_field() {
    let server = Recorder::start().await;
    let client = client(&server);
    for (update, field) in [
        (UpdateUser::new().country("GBR"), "country"),
        (UpdateUser::new().country("1A"), "country"),
        (UpdateUser::new().website("not a uri"), "website"),
        (UpdateUser::new().picture("file:///etc/passwd"), "picture"),
    ] {
        let err = client.update_user(id().into(), &update).await.unwrap_err();
        assert!(err.is_invalid_input(), "{err:?}");
        assert!(err.to_string().contains(&format!("`{field}`")), "{err}");
    }
    assert!(server.requests().is_empty(), "nothing may be sent");
}

#[tokio::test]
async fn the_future_is_send_and_runs_in_spawned_tasks() {
    let server = Recorder::start().await;
    server.reply(Reply::json(200, &user_json()));
    server.reply(Reply::json(200, &user_json()));
    let client = client(&server);
    let tasks: Vec<_> = (0..2)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.get_user(id().into()).await })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.unwrap().unwrap().id, id());
    }
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn an_answer_holding_a_secret_is_never_quoted_when_it_fails_to_decode() {
    use upsun::api_tokens::{ApiTokensApi, CreateApiToken};
    let server = Recorder::start().await;
    server.reply(Reply::json(
        201,
        &json!({"id": 42, "name": "ci", "token": "tok-s3cret-canary"}),
    ));
    let err = client(&server)
        .create_api_token(id().into(), &CreateApiToken::new("ci"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    let shown = format!(
        "{err} {err:?} {}",
        std::error::Error::source(&err)
            .map(ToString::to_string)
            .unwrap_or_default()
    );
    assert!(!shown.contains("tok-s3cret-canary"), "{shown}");
    assert!(shown.contains("withheld"), "{shown}");

    // The same answer from an endpoint that holds no secret is quoted, to help debugging.
    server.reply(Reply::json(
        200,
        &json!({"id": 42, "token": "not-a-secret-here"}),
    ));
    let err = client(&server).get_user(id().into()).await.unwrap_err();
    assert!(format!("{err}").contains("not-a-secret-here"), "{err}");
}

#[tokio::test]
async fn every_request_names_the_sdk_whatever_the_user_agent() {
    let server = Recorder::start().await;
    server.reply(Reply::json(200, &user_json()));
    Client::builder()
        .base_url(server.base_url())
        .access_token(TOKEN)
        .user_agent("my-tool/1.2")
        .build()
        .unwrap()
        .get_user(id().into())
        .await
        .unwrap();
    let sent = server.only_request();
    let sdk = format!("upsun-sdk-rust@{}", env!("CARGO_PKG_VERSION"));
    assert_eq!(sent.header(upsun::CLIENT_HEADER), Some(sdk.as_str()));
    assert_eq!(
        sent.header("user-agent"),
        Some(format!("{sdk} my-tool/1.2").as_str())
    );
    assert_eq!(sent.header("accept"), Some("application/json"));
}

#[tokio::test]
async fn a_missing_required_field_is_a_decode_error_naming_it_and_null_optionals_are_none() {
    let server = Recorder::start().await;
    let mut user = user_json();
    user.as_object_mut().unwrap().remove("username");
    server.reply(Reply::json(200, &user));
    let err = client(&server).get_user(id().into()).await.unwrap_err();
    let source = std::error::Error::source(&err).map(ToString::to_string);
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    assert!(source.unwrap_or_default().contains("`username`"), "{err}");

    let mut user = user_json();
    user["consented_at"] = serde_json::Value::Null;
    user.as_object_mut().unwrap().remove("consent_method");
    server.reply(Reply::json(200, &user));
    let user = client(&server).get_user(id().into()).await.unwrap();
    assert_eq!(user.consented_at, None);
    assert_eq!(user.consent_method, None);
}

#[tokio::test]
async fn an_empty_200_where_a_model_is_expected_is_a_decode_error() {
    let server = Recorder::start().await;
    server.reply(Reply::raw(200, "application/json", ""));
    let err = client(&server).get_user(id().into()).await.unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
}

#[tokio::test]
async fn an_html_page_with_200_is_a_typed_error_not_parsed_as_json() {
    let server = Recorder::start().await;
    server.reply(Reply::raw(
        200,
        "text/html; charset=utf-8",
        r#"<html><body>{"id": "d81c8ee2-44b3-429f-b944-a33ad7437690"} Bad Gateway</body></html>"#,
    ));
    let err = client(&server).get_user(id().into()).await.unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    assert!(err.to_string().contains("Bad Gateway"), "{err}");
    let why = std::error::Error::source(&err).unwrap().to_string();
    assert!(
        why.contains("text/html") && why.contains("not JSON"),
        "{why}"
    );
}

#[tokio::test]
async fn a_huge_error_body_is_kept_to_the_error_body_cap() {
    let server = Recorder::start().await;
    let huge = format!(r#"{{"error": "{}"}}"#, "x".repeat(5 * 1024 * 1024));
    server.reply(Reply::raw(500, "application/json", huge));
    let client = Client::builder()
        .base_url(server.base_url())
        .access_token(TOKEN)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let err = client.get_user(id().into()).await.unwrap_err();
    let api = err.api_error().expect("an API error");
    assert_eq!(api.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        api.body.len() <= 64 * 1024 + 64,
        "{} bytes kept",
        api.body.len()
    );
    assert!(api.message.len() <= 64 * 1024 + 64);
}
