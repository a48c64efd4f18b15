//! Hostile token answers from the auth server: lifetimes of any size or sign, answers too large
//! or not JSON. None panics, none leaks the answer, and none leaves the client stuck: the next
//! call starts a fresh exchange.

use serde_json::json;
use upsun::{Client, Error, RetryPolicy};
use upsun_tests::{Recorder, Reply};

trait Ping: upsun::Api {
    #[upsun::endpoint(GET, "/ping")]
    async fn ping(&self) -> upsun::Result<serde_json::Value>;
}

impl Ping for Client {}

fn client(server: &Recorder) -> Client {
    Client::builder()
        .base_url(server.base_url())
        .auth_url(server.base_url())
        .api_token("api-token")
        .retry(RetryPolicy::none())
        .build()
        .unwrap()
}

fn token(expires_in: serde_json::Value) -> Reply {
    Reply::json(
        200,
        &json!({"access_token": "at-1", "token_type": "bearer", "expires_in": expires_in}),
    )
}

fn pong() -> Reply {
    Reply::json(200, &json!({"ok": true}))
}

fn exchanges(server: &Recorder) -> usize {
    server
        .requests()
        .iter()
        .filter(|r| r.target == "/oauth2/token")
        .count()
}

#[tokio::test]
async fn a_lifetime_of_any_size_is_clamped_and_the_token_kept() {
    for huge in [
        json!(1e300),
        json!(u64::MAX),
        json!(9_223_372_036_854_775_807_i64),
        json!("99999999999999999999999999"),
    ] {
        let server = Recorder::start().await;
        server
            .reply(token(huge.clone()))
            .reply(pong())
            .reply(pong());
        let client = client(&server);
        client
            .ping()
            .await
            .unwrap_or_else(|e| panic!("{huge}: {e}"));
        client.ping().await.unwrap();
        assert_eq!(exchanges(&server), 1, "{huge}: the token is still fresh");
        let api = &server.requests()[2];
        assert_eq!(api.header("authorization"), Some("Bearer at-1"));
    }
}

#[tokio::test]
async fn a_token_already_expired_is_used_once_then_replaced() {
    for gone in [json!(0), json!(-30), json!(-1e300)] {
        let server = Recorder::start().await;
        server
            .reply(token(gone.clone()))
            .reply(pong())
            .reply(token(json!(900)))
            .reply(pong());
        let client = client(&server);
        client
            .ping()
            .await
            .unwrap_or_else(|e| panic!("{gone}: {e}"));
        client.ping().await.unwrap();
        assert_eq!(
            exchanges(&server),
            2,
            "{gone}: a new exchange for the second call"
        );
    }
}

#[tokio::test]
async fn an_oversized_token_answer_is_refused_and_the_next_call_starts_afresh() {
    let server = Recorder::start().await;
    let padding = "x".repeat(100 * 1024);
    server
        .reply(Reply::json(
            200,
            &json!({"access_token": "at-secret", "expires_in": 900, "padding": padding}),
        ))
        .reply(token(json!(900)))
        .reply(pong());
    let client = client(&server);
    let err = client.ping().await.unwrap_err();
    assert!(matches!(err, Error::Auth(_)), "{err:?}");
    assert!(err.to_string().contains("bytes"), "{err}");
    assert!(!format!("{err:?}").contains("at-secret"));
    client.ping().await.unwrap();
    assert_eq!(exchanges(&server), 2);
}

#[tokio::test]
async fn a_token_answer_that_is_not_json_never_shows_in_the_error() {
    let server = Recorder::start().await;
    server
        .reply(Reply::raw(
            200,
            "application/json",
            "access_token=at-secret&oops",
        ))
        .reply(token(json!(900)))
        .reply(pong());
    let client = client(&server);
    let err = client.ping().await.unwrap_err();
    assert!(matches!(err, Error::Auth(_)), "{err:?}");
    assert!(!format!("{err} {err:?}").contains("at-secret"), "{err:?}");
    client.ping().await.unwrap();
}

#[tokio::test]
async fn an_auth_server_outage_is_retried_within_the_call() {
    let server = Recorder::start().await;
    server
        .reply(Reply::json(503, &json!({"error": "unavailable"})))
        .reply(Reply::json(429, &json!({"error": "slow down"})))
        .reply(token(json!(900)))
        .reply(pong());
    let client = Client::builder()
        .base_url(server.base_url())
        .auth_url(server.base_url())
        .api_token("api-token")
        .retry(RetryPolicy::default().base_delay(std::time::Duration::from_millis(5)))
        .build()
        .unwrap();
    client.ping().await.unwrap();
    assert_eq!(exchanges(&server), 3);
}
