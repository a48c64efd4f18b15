//! The journal records every request as it arrived.

use upsun_mock::{Fault, Method, MockServer};

use crate::support::{client, get, patch};

#[tokio::test]
async fn requests_are_recorded_as_sent() {
    let mock = MockServer::start().await;
    get(
        &mock,
        "/users/email=ada%40example.com?x=1&y=%20",
        Some(mock.access_token()),
    )
    .await;
    let path = format!("/users/{}", mock.user_id());
    patch(&mock, &path, mock.access_token(), r#"{"country":"FR"}"#).await;

    let requests = mock.requests();
    assert_eq!(requests.len(), 2);
    let lookup = &requests[0];
    assert_eq!(lookup.method, Method::GET);
    assert_eq!(lookup.path, "/users/email=ada%40example.com");
    assert_eq!(lookup.query.as_deref(), Some("x=1&y=%20"));
    assert_eq!(lookup.target(), "/users/email=ada%40example.com?x=1&y=%20");
    let bearer = format!("Bearer {}", mock.access_token());
    assert_eq!(lookup.header("authorization"), Some(bearer.as_str()));
    assert!(lookup.body.is_empty());

    let update = &requests[1];
    assert_eq!(
        (update.method.as_str(), update.path.as_str()),
        ("PATCH", path.as_str())
    );
    assert_eq!(update.query, None);
    assert_eq!(update.header("Content-Type"), Some("application/json"));
    assert_eq!(update.text(), r#"{"country":"FR"}"#);
    assert_eq!(update.json(), Some(serde_json::json!({"country": "FR"})));
}

#[tokio::test]
async fn refused_faulted_and_unrouted_requests_are_recorded_too() {
    let mock = MockServer::start().await;
    mock.on(Method::GET, "/users/me")
        .respond(Fault::drop_connection());
    let _ = client()
        .get(format!("{}/users/me", mock.base_url()))
        .send()
        .await;
    get(&mock, "/users/me", None).await;
    get(&mock, "/no/such/route", None).await;
    let paths: Vec<String> = mock.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(paths, ["/users/me", "/users/me", "/no/such/route"]);

    mock.clear_requests();
    assert!(mock.requests().is_empty());
    get(&mock, "/users/me", None).await;
    assert_eq!(mock.requests().len(), 1);
}
