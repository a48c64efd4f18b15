//! Every kind of fault, scripts and patterns.

use std::time::{Duration, Instant};

use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use upsun_mock::{Fault, Method, MockServer};

use crate::support::{client, exchange_api_token, get};

/// Sends one raw request on a new connection and reads until the server closes it.
async fn raw_exchange(mock: &MockServer, request: &str, limit: usize) -> Vec<u8> {
    let mut stream = TcpStream::connect(mock.addr()).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut received = Vec::new();
    let mut buffer = [0; 4096];
    while received.len() < limit {
        match stream.read(&mut buffer).await {
            Ok(0) | Err(_) => break,
            Ok(n) => received.extend_from_slice(&buffer[..n]),
        }
    }
    received
}

#[tokio::test]
async fn a_status_fault_answers_the_given_times_then_the_real_route() {
    let mock = MockServer::start().await;
    mock.on(Method::GET, "/users/me")
        .respond(Fault::status(503).header("Retry-After", "1"))
        .times(2);
    assert_eq!(mock.pending_faults(), 2);
    for _ in 0..2 {
        let answer = get(&mock, "/users/me", Some(mock.access_token())).await;
        assert_eq!(answer.status, 503);
        assert_eq!(answer.header("retry-after"), Some("1"));
        assert_eq!(answer.error(), "Service Unavailable");
    }
    assert_eq!(
        get(&mock, "/users/me", Some(mock.access_token()))
            .await
            .status,
        200
    );
    assert_eq!(mock.pending_faults(), 0);
}

#[tokio::test]
async fn a_scripted_401_can_carry_a_step_up_challenge() {
    let mock = MockServer::start().await;
    let challenge = r#"Bearer error="insufficient_user_authentication""#;
    mock.on(Method::GET, "/users/{id}").respond(
        Fault::json(401, json!({"error": "MFA required"})).header("WWW-Authenticate", challenge),
    );
    let path = format!("/users/{}", mock.user_id());
    let answer = get(&mock, &path, Some(mock.access_token())).await;
    assert_eq!((answer.status, answer.error()), (401, "MFA required"));
    assert_eq!(answer.header("www-authenticate"), Some(challenge));
}

#[tokio::test]
async fn steps_run_in_order() {
    let mock = MockServer::start().await;
    mock.on(Method::GET, "/users/me")
        .respond(Fault::status(500))
        .then(Fault::status(502))
        .times(2)
        .then(Fault::raw(429, "text/plain", "slow down"));
    let url = format!("{}/users/me", mock.base_url());
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let response = client()
            .get(&url)
            .bearer_auth(mock.access_token())
            .send()
            .await
            .unwrap();
        statuses.push(response.status().as_u16());
    }
    assert_eq!(statuses, [500, 502, 502, 429, 200]);
}

#[tokio::test]
async fn patterns_match_methods_params_and_encoded_segments() {
    let mock = MockServer::start().await;
    mock.on(Method::GET, "/users/email={email}")
        .respond(Fault::status(500))
        .always();
    mock.on(Method::PATCH, "/users/{id}")
        .respond(Fault::status(502))
        .always();
    let token = Some(mock.access_token());
    assert_eq!(
        get(&mock, "/users/email=ada%40example.com", token)
            .await
            .status,
        500
    );
    assert_eq!(
        get(&mock, "/users/email=ada%40example.com", token)
            .await
            .status,
        500
    );
    assert_eq!(get(&mock, "/users/username=ada", token).await.status, 200);
    assert_eq!(get(&mock, "/users/me", token).await.status, 200);
    mock.clear_faults();
    assert_eq!(
        get(&mock, "/users/email=ada%40example.com", token)
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn times_zero_removes_a_step() {
    let mock = MockServer::start().await;
    mock.on(Method::GET, "/users/me")
        .respond(Fault::status(500))
        .times(0);
    assert_eq!(mock.pending_faults(), 0);
    assert_eq!(
        get(&mock, "/users/me", Some(mock.access_token()))
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn a_delay_holds_the_real_answer() {
    let mock = MockServer::start().await;
    mock.on(Method::GET, "/users/me")
        .respond(Fault::delay(Duration::from_millis(300)).header("X-Delayed", "yes"));
    let started = Instant::now();
    let answer = get(&mock, "/users/me", Some(mock.access_token())).await;
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(
        (answer.status, answer.header("x-delayed")),
        (200, Some("yes"))
    );

    mock.on(Method::GET, "/users/me")
        .respond(Fault::status(500).after(Duration::from_millis(500)));
    let timed_out = client()
        .get(format!("{}/users/me", mock.base_url()))
        .timeout(Duration::from_millis(100))
        .send()
        .await
        .unwrap_err();
    assert!(timed_out.is_timeout(), "{timed_out:?}");
}

#[tokio::test]
async fn a_dropped_connection_sends_no_response_at_all() {
    let mock = MockServer::start().await;
    mock.on(Method::GET, "/users/me")
        .respond(Fault::drop_connection())
        .times(2);
    let request = "GET /users/me HTTP/1.1\r\nHost: mock\r\n\r\n";
    let received = raw_exchange(&mock, request, 1024).await;
    assert!(
        received.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&received)
    );

    let error = client()
        .get(format!("{}/users/me", mock.base_url()))
        .bearer_auth(mock.access_token())
        .send()
        .await
        .unwrap_err();
    assert!(error.status().is_none() && !error.is_timeout(), "{error:?}");
    assert_eq!(
        get(&mock, "/users/me", Some(mock.access_token()))
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn a_malformed_body_is_not_json() {
    let mock = MockServer::start().await;
    mock.on(Method::GET, "/users/me")
        .respond(Fault::malformed_json())
        .then(Fault::malformed_json().header("Content-Type", "application/problem+json"));
    let response = client()
        .get(format!("{}/users/me", mock.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let bytes = response.bytes().await.unwrap();
    assert!(serde_json::from_slice::<serde_json::Value>(&bytes).is_err());

    let replaced = client()
        .get(format!("{}/users/me", mock.base_url()))
        .send()
        .await
        .unwrap();
    let types: Vec<_> = replaced.headers().get_all("content-type").iter().collect();
    assert_eq!(types, ["application/problem+json"]);
}

#[tokio::test]
async fn an_oversized_body_declares_its_length_and_streams_lazily() {
    let mock = MockServer::start().await;
    let declared = 10 * 1024 * 1024 * 1024_u64;
    mock.on(Method::GET, "/users/me")
        .respond(Fault::oversized_body(declared))
        .times(2);
    let mut response = client()
        .get(format!("{}/users/me", mock.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.content_length(), Some(declared));
    let chunk = response.chunk().await.unwrap().unwrap();
    assert!(!chunk.is_empty());
    drop(response);

    let head = raw_exchange(&mock, "GET /users/me HTTP/1.1\r\nHost: mock\r\n\r\n", 1).await;
    let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
    assert!(
        head.contains(&format!("content-length: {declared}")),
        "{head}"
    );
}

#[tokio::test]
async fn faults_reach_the_token_endpoint_too_and_are_not_counted() {
    let mock = MockServer::start().await;
    mock.on(Method::POST, "/oauth2/token")
        .respond(Fault::status(503));
    assert_eq!(exchange_api_token(&mock).await.status, 503);
    assert_eq!(mock.token_exchanges(), 0);
    assert_eq!(exchange_api_token(&mock).await.status, 200);
    assert_eq!(mock.token_exchanges(), 1);
}

#[tokio::test]
async fn a_rest_pattern_matches_every_path() {
    let mock = MockServer::start().await;
    mock.on(Method::GET, "/{*any}")
        .respond(Fault::status(418))
        .always();
    assert_eq!(get(&mock, "/users/me", None).await.status, 418);
    assert_eq!(get(&mock, "/anything/at/all", None).await.status, 418);
}

#[tokio::test]
async fn statuses_without_a_body_get_none() {
    let mock = MockServer::start().await;
    mock.on(Method::DELETE, "/users/{id}")
        .respond(Fault::status(204));
    let response = client()
        .delete(format!("{}/users/{}", mock.base_url(), mock.user_id()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert!(response.bytes().await.unwrap().is_empty());
}
