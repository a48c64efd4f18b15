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

#[tokio::test]
async fn answers_are_recorded_with_status_body_and_route() {
    let mock = MockServer::start().await;
    get(&mock, "/users/me", Some(mock.access_token())).await;
    get(
        &mock,
        "/users/email=ada%40example.com",
        Some(mock.access_token()),
    )
    .await;
    let path = format!("/users/{}", mock.user_id());
    patch(&mock, &path, mock.access_token(), r#"{"country":"FRA"}"#).await;
    get(&mock, "/no/such/route", None).await;

    let requests = mock.requests();
    let me = requests[0].response.as_ref().expect("answered");
    assert_eq!(me.status, 200);
    assert_eq!(me.content_type.as_deref(), Some("application/json"));
    assert_eq!(me.json().unwrap()["username"], "ada");
    assert!(!me.truncated && !me.from_fault);
    assert_eq!(requests[0].route.as_deref(), Some("/users/me"));

    // One axum route serves three of the API's paths; the journal names the one that answered.
    assert_eq!(requests[1].route.as_deref(), Some("/users/email={email}"));
    assert_eq!(requests[1].status(), Some(200));

    let refused = requests[2].response.as_ref().unwrap();
    assert_eq!(refused.status, 400);
    assert!(refused.text().contains("`country`"), "{}", refused.text());
    assert_eq!(requests[2].route.as_deref(), Some("/users/{user_id}"));

    assert_eq!(requests[3].status(), Some(404));
    assert_eq!(requests[3].route, None, "no route matched");
    assert_eq!(mock.dropped_requests(), 0);
}

#[tokio::test]
async fn fault_answers_are_marked_and_dropped_connections_have_none() {
    let mock = MockServer::start().await;
    mock.on(Method::GET, "/users/me")
        .respond(Fault::status(503))
        .then(Fault::drop_connection())
        .then(Fault::oversized_body(3 * 1024 * 1024));
    get(&mock, "/users/me", Some(mock.access_token())).await;
    let _ = client()
        .get(format!("{}/users/me", mock.base_url()))
        .send()
        .await;
    let oversized = client()
        .get(format!("{}/users/me", mock.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(oversized.bytes().await.unwrap().len(), 3 * 1024 * 1024);

    let requests = mock.requests();
    let faulted = requests[0].response.as_ref().unwrap();
    assert_eq!((faulted.status, faulted.from_fault), (503, true));
    assert_eq!(
        faulted.json(),
        Some(serde_json::json!({"error": "Service Unavailable"}))
    );
    assert_eq!(requests[0].route, None, "the route never ran");
    assert_eq!(requests[1].response, None, "nothing was answered");
    let big = requests[2].response.as_ref().unwrap();
    assert!(big.from_fault && big.truncated);
    assert_eq!(big.body.len(), upsun_mock::RECORDED_RESPONSE_LIMIT);
}

#[tokio::test]
async fn a_delayed_answer_is_the_routes_own() {
    let mock = MockServer::start().await;
    mock.on(Method::GET, "/users/{id}")
        .respond(Fault::delay(std::time::Duration::from_millis(1)).header("X-Delayed", "yes"));
    let path = format!("/users/{}", mock.user_id());
    get(&mock, &path, Some(mock.access_token())).await;
    let request = &mock.requests()[0];
    let response = request.response.as_ref().unwrap();
    assert_eq!((response.status, response.from_fault), (200, false));
    assert_eq!(request.route.as_deref(), Some("/users/{user_id}"));
}
