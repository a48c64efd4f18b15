//! Failures on the wire against upsun-mock: lost connections, stalls, huge bodies, redirects,
//! outages and cancelled calls.

use std::time::{Duration, Instant};

use upsun::users::UsersApi;
use upsun::{Client, Error, RetryPolicy};
use upsun_mock::{Fault, Method, MockServer};
use upsun_tests::Recorder;
use upsun_tests::mock;

trait Posts: upsun::Api {
    #[upsun::endpoint(POST, "/things")]
    async fn create_thing(
        &self,
        #[body] thing: &serde_json::Value,
    ) -> upsun::Result<serde_json::Value>;
}

impl Posts for Client {}

trait Lists: upsun::Api {
    #[upsun::endpoint(GET, "/lists/<id>")]
    async fn list(&self, id: &str) -> upsun::Result<Vec<u32>>;
}

impl Lists for Client {}

fn fast() -> RetryPolicy {
    RetryPolicy::default()
        .base_delay(Duration::from_millis(1))
        .max_delay(Duration::from_millis(5))
}

fn client(mock: &MockServer) -> upsun::ClientBuilder {
    Client::builder()
        .base_url(mock.base_url())
        .access_token(mock.access_token())
        .retry(fast())
}

fn hits(mock: &MockServer, method: &str, path: &str) -> usize {
    mock.requests()
        .iter()
        .filter(|r| r.method.as_str() == method && r.path == path)
        .count()
}

#[tokio::test]
async fn a_connection_lost_after_sending_is_retried_for_get() {
    let mock = mock().await;
    mock.on(Method::GET, "/users/me")
        .respond(Fault::drop_connection());
    let me = client(&mock).build().unwrap().current_user().await.unwrap();
    assert_eq!(me.id, mock.user_id());
    assert_eq!(hits(&mock, "GET", "/users/me"), 2);
}

#[tokio::test]
async fn a_connection_lost_after_sending_is_not_retried_for_post() {
    let mock = mock().await;
    mock.on(Method::POST, "/things")
        .respond(Fault::drop_connection());
    let err = client(&mock)
        .build()
        .unwrap()
        .create_thing(&serde_json::json!({"name": "x"}))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_eq!(hits(&mock, "POST", "/things"), 1);
}

#[tokio::test]
async fn a_stalled_server_times_out_within_the_deadline() {
    let mock = mock().await;
    mock.on(Method::GET, "/users/me")
        .respond(Fault::delay(Duration::from_secs(30)))
        .always();
    let client = client(&mock)
        .timeout(Duration::from_millis(200))
        .call_timeout(Duration::from_millis(700))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.current_user().await.unwrap_err();
    let took = started.elapsed();
    assert!(err.is_timeout(), "{err:?}");
    assert!(err.to_string().contains("timed out after"), "{err}");
    assert!(took < Duration::from_secs(3), "took {took:?}");
}

#[tokio::test]
async fn a_huge_content_length_is_refused_unread() {
    let mock = mock().await;
    mock.on(Method::GET, "/users/me")
        .respond(Fault::oversized_body(10 << 30));
    let client = client(&mock).retry(RetryPolicy::none()).build().unwrap();
    let started = Instant::now();
    let err = client.current_user().await.unwrap_err();
    assert!(
        matches!(err, Error::TooLarge { limit } if limit == 16 << 20),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn a_body_over_a_small_limit_is_refused() {
    let mock = mock().await;
    let client = client(&mock).max_response_bytes(64).build().unwrap();
    let err = client.current_user().await.unwrap_err();
    assert!(matches!(err, Error::TooLarge { limit: 64 }), "{err:?}");
}

#[tokio::test]
async fn a_redirect_elsewhere_is_not_followed_and_gets_no_token() {
    let mock = mock().await;
    let elsewhere = Recorder::start().await;
    mock.on(Method::GET, "/users/me").respond(
        Fault::status(307).header("Location", &format!("{}/users/me", elsewhere.base_url())),
    );
    let err = client(&mock)
        .build()
        .unwrap()
        .current_user()
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(307), "{err:?}");
    assert!(elsewhere.requests().is_empty(), "the redirect was followed");
}

#[tokio::test]
async fn an_outage_does_not_multiply_the_load() {
    let mock = mock().await;
    mock.on(Method::GET, "/users/me")
        .respond(Fault::status(503))
        .always();
    let client = client(&mock).build().unwrap();
    let calls: Vec<_> = (0..50)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.current_user().await })
        })
        .collect();
    for call in calls {
        assert!(call.await.unwrap().is_err());
    }
    let requests = hits(&mock, "GET", "/users/me");
    assert!(
        requests < 100,
        "{requests} requests for 50 calls: the budget did not hold"
    );
    assert!(requests > 50, "{requests}: nothing was retried");
}

#[tokio::test]
async fn dropping_a_call_mid_backoff_sends_nothing_more() {
    let mock = mock().await;
    // A fixed wait (`Retry-After`), not a jittered one that could be over before the abort.
    mock.on(Method::GET, "/users/me")
        .respond(Fault::status(503).header("Retry-After", "1"))
        .always();
    let client = client(&mock).build().unwrap();
    let call = tokio::spawn(async move { client.current_user().await });
    while hits(&mock, "GET", "/users/me") == 0 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    call.abort();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(hits(&mock, "GET", "/users/me"), 1);
}

#[tokio::test]
async fn a_chunked_body_is_cut_at_the_limit() {
    let server = Recorder::start().await;
    let big = format!("[{}1]", "1,".repeat(10_000));
    server.reply(upsun_tests::Reply::raw(200, "application/json", big.clone()).chunked());
    server.reply(upsun_tests::Reply::raw(200, "application/json", "[1,2]").chunked());
    let client = Client::builder()
        .base_url(server.base_url())
        .access_token("t")
        .max_response_bytes(4096)
        .build()
        .unwrap();
    let err = client.list("a").await.unwrap_err();
    assert!(matches!(err, Error::TooLarge { limit: 4096 }), "{err:?}");
    assert_eq!(
        client.list("b").await.unwrap(),
        vec![1, 2],
        "small chunked bodies still work"
    );
}

#[tokio::test]
async fn a_call_deadline_shorter_than_one_attempt_ends_the_attempt() {
    let mock = mock().await;
    mock.on(Method::GET, "/users/me")
        .respond(Fault::delay(Duration::from_secs(30)))
        .always();
    // One attempt may take 30 s (the default), but the whole call only 400 ms.
    let client = client(&mock)
        .call_timeout(Duration::from_millis(400))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.current_user().await.unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(hits(&mock, "GET", "/users/me"), 1);
}

#[tokio::test]
async fn one_deadline_covers_the_token_exchange_and_the_attempts() {
    let mock = mock().await;
    mock.on(Method::POST, "/oauth2/token")
        .respond(Fault::delay(Duration::from_millis(1500)));
    mock.on(Method::GET, "/users/me")
        .respond(Fault::delay(Duration::from_secs(30)));
    let client = Client::builder()
        .base_url(mock.base_url())
        .auth_url(mock.base_url())
        .api_token(mock.api_token())
        .call_timeout(Duration::from_secs(2))
        .retry(fast())
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let err = client.current_user().await.unwrap_err();
    let took = started.elapsed();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    // The exchange took 1.5 s of the 2 s: the attempt got what was left, not 2 s more.
    assert!(took < Duration::from_millis(3000), "took {took:?}");
    assert!(took >= Duration::from_millis(1900), "took {took:?}");
}
