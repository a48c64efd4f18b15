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

#[tokio::test]
async fn token_answers_without_refresh_token_or_with_extra_fields_are_accepted() {
    let server = Recorder::start().await;
    server
        .reply(Reply::json(
            200,
            &json!({"access_token": "at-2", "token_type": "BeArEr", "expires_in": 900, "scope": "x", "extra": {"a": 1}}),
        ))
        .reply(pong());
    let client = client(&server);
    client.ping().await.unwrap();
    assert_eq!(
        server.requests()[1].header("authorization"),
        Some("Bearer at-2")
    );
}

#[tokio::test]
async fn token_answers_that_are_not_bearer_tokens_are_auth_errors_that_leak_nothing() {
    for answer in [
        json!({"access_token": "at-secret", "token_type": "mac", "expires_in": 900}),
        json!({"token_type": "bearer", "expires_in": 900, "id_token": "at-secret"}),
        json!({"access_token": "", "token_type": "bearer"}),
    ] {
        let server = Recorder::start().await;
        server.reply(Reply::json(200, &answer));
        let client = client(&server);
        let err = client.ping().await.unwrap_err();
        assert!(matches!(err, Error::Auth(_)), "{answer}: {err:?}");
        let shown = format!("{err} {err:?}");
        assert!(
            !shown.contains("at-secret") && !shown.contains("api-token"),
            "{shown}"
        );
        assert_eq!(server.requests().len(), 1, "{answer}: not retried");
    }
}

#[tokio::test]
async fn a_token_answer_announcing_ten_gigabytes_is_refused_unread() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = stream.read(&mut buf).await;
                let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10737418240\r\n\r\n{";
                let _ = stream.write_all(head.as_bytes()).await;
                tokio::time::sleep(std::time::Duration::from_secs(30)).await;
            });
        }
    });
    let client = Client::builder()
        .base_url(&url)
        .auth_url(&url)
        .api_token("api-token")
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let err = client.ping().await.unwrap_err();
    assert!(matches!(err, Error::Auth(_)), "{err:?}");
    assert!(err.to_string().contains("bytes"), "{err}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "not read to the end"
    );
}

#[tokio::test]
async fn no_error_shows_the_api_token_whatever_failed() {
    const CANARY: &str = "canary-api-token-4c1d";
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap();
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let silent_url = format!("http://{}", silent.local_addr().unwrap());
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = silent.accept().await {
            held.push(stream); // accepted, never answered
        }
    });
    let server = Recorder::start().await;
    let cases = [
        // The auth server refuses connections: Auth (after the retries).
        (format!("http://{closed}"), server.base_url().to_owned()),
        // The auth server never answers: Timeout.
        (silent_url.clone(), server.base_url().to_owned()),
        // The token works, the API is unreachable: Transport.
        (server.base_url().to_owned(), format!("http://{closed}")),
    ];
    for (auth, api) in cases {
        server.reply(token(json!(900)));
        let client = Client::builder()
            .base_url(&api)
            .auth_url(&auth)
            .api_token(CANARY)
            .timeout(std::time::Duration::from_millis(300))
            .call_timeout(std::time::Duration::from_secs(2))
            .retry(RetryPolicy::default().base_delay(std::time::Duration::from_millis(5)))
            .build()
            .unwrap();
        let err = client.ping().await.unwrap_err();
        assert!(
            matches!(
                err,
                Error::Auth(_) | Error::Timeout { .. } | Error::Transport { .. }
            ),
            "{err:?}"
        );
        let mut shown = format!("{err} {err:?} {client:?}");
        let mut source = std::error::Error::source(&err);
        while let Some(cause) = source {
            shown.push_str(&format!(" {cause} {cause:?}"));
            source = cause.source();
        }
        assert!(!shown.contains(CANARY), "{shown}");
    }
}
