//! Retries: what is tried again, how often, and how long the client waits, against a recording
//! server that answers with a script.

use std::time::{Duration, Instant};

use serde_json::json;
use upsun::{Client, Error, RetryPolicy, StatusCode};
use upsun_tests::{Recorder, Reply};

trait Calls: upsun::Api {
    #[upsun::endpoint(GET, "/things/<id>")]
    async fn get_thing(&self, id: &str) -> upsun::Result<serde_json::Value>;

    #[upsun::endpoint(PATCH, "/things/<id>")]
    async fn patch_thing(
        &self,
        id: &str,
        #[body] body: &serde_json::Value,
    ) -> upsun::Result<serde_json::Value>;

    #[upsun::endpoint(PATCH, "/safe/<id>", idempotent)]
    async fn patch_safe(
        &self,
        id: &str,
        #[body] body: &serde_json::Value,
    ) -> upsun::Result<serde_json::Value>;

    #[upsun::endpoint(POST, "/things")]
    async fn create_thing(
        &self,
        #[body] body: &serde_json::Value,
    ) -> upsun::Result<serde_json::Value>;
}

impl Calls for Client {}

/// Retries without the default half-second waits, so the tests stay fast.
fn fast() -> RetryPolicy {
    RetryPolicy::default()
        .base_delay(Duration::from_millis(1))
        .max_delay(Duration::from_millis(5))
}

fn client(server: &Recorder, policy: RetryPolicy) -> Client {
    Client::builder()
        .base_url(server.base_url())
        .access_token("t")
        .retry(policy)
        .build()
        .unwrap()
}

fn ok() -> Reply {
    Reply::json(200, &json!({"ok": true}))
}

fn unavailable() -> Reply {
    Reply::json(503, &json!({"error": "try later"}))
}

#[tokio::test]
async fn a_get_is_retried_through_two_503s() {
    let server = Recorder::start().await;
    server.reply(unavailable()).reply(unavailable()).reply(ok());
    let got = client(&server, fast()).get_thing("a").await.unwrap();
    assert_eq!(got, json!({"ok": true}));
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn three_503s_end_the_call_after_three_requests() {
    let server = Recorder::start().await;
    server
        .reply(unavailable())
        .reply(unavailable())
        .reply(unavailable());
    let err = client(&server, fast()).get_thing("a").await.unwrap_err();
    assert!(matches!(err, Error::Server(_)), "{err:?}");
    assert!(err.is_retryable());
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn one_attempt_turns_retries_off() {
    let server = Recorder::start().await;
    server.reply(unavailable());
    let err = client(&server, RetryPolicy::none())
        .get_thing("a")
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_patch_is_not_repeated_after_a_503() {
    let server = Recorder::start().await;
    server.reply(unavailable());
    let err = client(&server, fast())
        .patch_thing("a", &json!({"x": 1}))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(server.requests().len(), 1);
    assert!(
        !err.is_retryable(),
        "a PATCH the server may have applied is not safe to send again"
    );
}

#[tokio::test]
async fn a_patch_declared_idempotent_is_retried_with_the_same_body() {
    let server = Recorder::start().await;
    server.reply(unavailable()).reply(ok());
    client(&server, fast())
        .patch_safe("a", &json!({"x": 1}))
        .await
        .unwrap();
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].body, requests[1].body);
}

#[tokio::test]
async fn a_409_is_never_retried() {
    let server = Recorder::start().await;
    server.reply(Reply::json(409, &json!({"error": "already exists"})));
    let err = client(&server, fast())
        .create_thing(&json!({}))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err:?}");
    assert!(!err.is_retryable());
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_429_is_retried_even_on_post_after_its_retry_after() {
    let server = Recorder::start().await;
    server.reply(Reply::json(429, &json!({"error": "slow down"})).header("Retry-After", "1"));
    server.reply(ok());
    let started = Instant::now();
    client(&server, fast())
        .create_thing(&json!({}))
        .await
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "did not wait: {:?}",
        started.elapsed()
    );
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn a_retry_after_date_is_honoured() {
    let server = Recorder::start().await;
    let when = (chrono::Utc::now() + chrono::Duration::seconds(2)).to_rfc2822();
    let when = when.replace("+0000", "GMT");
    server.reply(Reply::json(429, &json!({"error": "slow down"})).header("Retry-After", &when));
    server.reply(ok());
    let started = Instant::now();
    client(&server, fast()).get_thing("a").await.unwrap();
    // The date has a one-second resolution: at least one second must have passed.
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "did not wait: {:?}",
        started.elapsed()
    );
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn a_retry_after_beyond_the_cap_fails_at_once_carrying_the_wait() {
    let server = Recorder::start().await;
    server.reply(
        Reply::json(429, &json!({"error": "come back tomorrow"})).header("Retry-After", "86400"),
    );
    let started = Instant::now();
    let err = client(&server, fast()).get_thing("a").await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(matches!(err, Error::RateLimited { .. }), "{err:?}");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(86400)));
    assert!(err.to_string().contains("come back tomorrow"), "{err}");
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_garbage_retry_after_is_ignored() {
    let server = Recorder::start().await;
    server.reply(Reply::json(429, &json!({"error": "slow"})).header("Retry-After", "soon-ish"));
    server.reply(ok());
    client(&server, fast()).get_thing("a").await.unwrap();
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn a_refused_connection_is_retried_then_reported() {
    // Bind then drop a listener: nothing listens on that port any more.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = Client::builder()
        .base_url(format!("http://127.0.0.1:{port}"))
        .access_token("t")
        .retry(fast())
        .build()
        .unwrap();
    let err = client.create_thing(&json!({})).await.unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert!(err.is_retryable());
}

#[tokio::test]
async fn the_largest_settings_work_at_call_time() {
    let server = Recorder::start().await;
    server.reply(unavailable()).reply(ok());
    let client = Client::builder()
        .base_url(server.base_url())
        .access_token("t")
        .timeout(Duration::MAX)
        .connect_timeout(Duration::MAX)
        .call_timeout(Duration::MAX)
        .retry(
            RetryPolicy::default()
                .base_delay(Duration::from_millis(1))
                .max_delay(Duration::MAX)
                .max_retry_after(Duration::MAX),
        )
        .build()
        .unwrap();
    client.get_thing("a").await.unwrap();
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn a_huge_numeric_retry_after_fails_the_call_without_panicking() {
    let server = Recorder::start().await;
    server.reply(
        Reply::json(429, &serde_json::json!({"error": "slow down"}))
            .header("Retry-After", "18446744073709551615"),
    );
    let err = client(&server, fast()).get_thing("a").await.unwrap_err();
    assert!(
        matches!(err, Error::RateLimited { retry_after: Some(w), .. } if w.as_secs() == u64::MAX),
        "{err:?}"
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn each_retryable_server_error_on_a_get_is_retried_once_then_succeeds() {
    for status in [500, 502, 503, 504] {
        let server = Recorder::start().await;
        server
            .reply(Reply::json(status, &json!({"error": "try later"})))
            .reply(ok());
        client(&server, fast()).get_thing("a").await.unwrap();
        assert_eq!(server.requests().len(), 2, "{status}");
    }
}

#[tokio::test]
async fn repeated_429s_without_retry_after_back_off_then_fail_as_rate_limited() {
    let server = Recorder::start().await;
    for _ in 0..3 {
        server.reply(Reply::json(429, &json!({"error": "slow down"})));
    }
    let err = client(&server, fast()).get_thing("a").await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::RateLimited {
                retry_after: None,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("slow down"), "{err}");
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn a_503_with_retry_after_on_a_get_is_waited_out() {
    let server = Recorder::start().await;
    server
        .reply(unavailable().header("Retry-After", "1"))
        .reply(ok());
    let started = Instant::now();
    client(&server, fast()).get_thing("a").await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn the_last_error_keeps_the_apis_message() {
    let server = Recorder::start().await;
    for _ in 0..3 {
        server.reply(unavailable());
    }
    let err = client(&server, fast()).get_thing("a").await.unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert!(err.to_string().contains("try later"), "{err}");
    assert!(err.is_retryable(), "a GET may be tried again later");
}
