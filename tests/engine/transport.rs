//! Broken connections from a raw TCP listener: an answer cut in its headers, a body shorter
//! than its `Content-Length`, bytes trickled slower than the timeout, no answer at all, and a
//! reset. A GET is retried and ends with the whole value; a POST that may have been applied is
//! not retried; no case yields a partial value.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use upsun::users::UsersApi;
use upsun::{Client, Error, RetryPolicy};

/// How the listener treats one connection.
#[derive(Clone, Copy, Debug)]
enum Fault {
    /// Closes after part of the status line and headers.
    CloseMidHeaders,
    /// Announces 200 bytes of body, sends 10, closes.
    ShortBody,
    /// Sends the answer one byte every 300 ms.
    Trickle,
    /// Reads the request and never answers.
    Silent,
    /// Reads the request and resets the connection (RST, not FIN).
    Reset,
}

const USER: &str = r#"{"id": "d81c8ee2-44b3-429f-b944-a33ad7437690", "deactivated": false, "namespace": "upsun", "username": "ada", "email": "ada@example.com", "email_verified": true, "first_name": "Ada", "last_name": "Lovelace", "picture": "https://example.com/a.png", "company": "", "website": "https://example.com", "country": "GB", "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z", "consented_at": "2024-01-01T00:00:00Z", "consent_method": "opt-in"}"#;

/// A listener whose first connection gets `fault` and every later one a good answer; counts
/// the connections.
async fn listener(fault: Fault) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let connections = Arc::new(AtomicUsize::new(0));
    let seen = connections.clone();
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            let n = seen.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(serve(stream, (n == 0).then_some(fault)));
        }
    });
    (url, connections)
}

/// Reads one request (headers, then the body its `Content-Length` announces).
async fn read_request(stream: &mut TcpStream) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let Ok(n) = stream.read(&mut chunk).await else {
            return;
        };
        if n == 0 {
            return;
        }
        buf.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&buf);
        if let Some(end) = text.find("\r\n\r\n") {
            let length = text[..end]
                .lines()
                .find_map(|l| {
                    let (name, value) = l.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            if buf.len() >= end + 4 + length {
                return;
            }
        }
    }
}

async fn serve(mut stream: TcpStream, fault: Option<Fault>) {
    read_request(&mut stream).await;
    let good = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{USER}",
        USER.len()
    );
    match fault {
        None => {
            let _ = stream.write_all(good.as_bytes()).await;
        }
        Some(Fault::CloseMidHeaders) => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Ty").await;
        }
        Some(Fault::ShortBody) => {
            let head =
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n";
            let _ = stream.write_all(head.as_bytes()).await;
            let _ = stream.write_all(&USER.as_bytes()[..10]).await;
        }
        Some(Fault::Trickle) => {
            for byte in good.as_bytes() {
                if stream.write_all(&[*byte]).await.is_err() {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(300)).await;
            }
        }
        Some(Fault::Silent) => {
            tokio::time::sleep(Duration::from_secs(30)).await;
        }
        Some(Fault::Reset) => {
            #[allow(deprecated)] // the plain way to send an RST; nothing else needs it
            let _ = stream.set_linger(Some(Duration::ZERO));
        }
    }
    let _ = stream.shutdown().await;
}

/// A POST that is not declared idempotent: it may not be repeated once it may have arrived.
trait Things: upsun::Api {
    #[upsun::endpoint(POST, "/things")]
    async fn make_thing(&self, #[body] thing: &Value) -> upsun::Result<Value>;
}

impl Things for Client {}

fn client(url: &str) -> Client {
    Client::builder()
        .base_url(url)
        .access_token("t")
        .timeout(Duration::from_millis(700))
        .retry(RetryPolicy::default().base_delay(Duration::from_millis(5)))
        .build()
        .unwrap()
}

const FAULTS: [Fault; 5] = [
    Fault::CloseMidHeaders,
    Fault::ShortBody,
    Fault::Trickle,
    Fault::Silent,
    Fault::Reset,
];

#[tokio::test]
async fn a_get_is_retried_after_every_broken_connection_and_ends_whole() {
    for fault in FAULTS {
        let (url, connections) = listener(fault).await;
        let me = client(&url)
            .current_user()
            .await
            .unwrap_or_else(|e| panic!("{fault:?}: {e:?}"));
        assert_eq!(me.username, "ada", "{fault:?}");
        assert_eq!(me.last_name, "Lovelace", "{fault:?}: the whole value");
        assert_eq!(connections.load(Ordering::SeqCst), 2, "{fault:?}");
    }
}

#[tokio::test]
async fn a_post_is_not_repeated_after_a_broken_connection_and_yields_no_value() {
    for fault in FAULTS {
        let (url, connections) = listener(fault).await;
        let err = client(&url)
            .make_thing(&json!({"name": "x"}))
            .await
            .expect_err("no value from a broken answer");
        assert!(
            matches!(err, Error::Transport { .. } | Error::Timeout { .. }),
            "{fault:?}: {err:?}"
        );
        assert!(
            !err.is_retryable(),
            "{fault:?}: a POST that may have been applied is not safe to repeat: {err:?}"
        );
        assert_eq!(connections.load(Ordering::SeqCst), 1, "{fault:?}");
    }
}

#[tokio::test]
async fn a_refused_connection_is_retried_for_a_post_with_the_same_body() {
    // A port that refuses now, and listens a moment later.
    let port = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let bodies = Arc::new(std::sync::Mutex::new(Vec::<Vec<u8>>::new()));
    let seen = bodies.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(30)).await;
        let listener = TcpListener::bind(("127.0.0.1", port)).await.unwrap();
        while let Ok((mut stream, _)) = listener.accept().await {
            let seen = seen.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 8192];
                let n = stream.read(&mut buf).await.unwrap_or(0);
                let text = String::from_utf8_lossy(&buf[..n]).into_owned();
                let body = text
                    .split_once("\r\n\r\n")
                    .map(|(_, b)| b.to_owned())
                    .unwrap_or_default();
                seen.lock().unwrap().push(body.into_bytes());
                let answer = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 11\r\nConnection: close\r\n\r\n{\"ok\":true}";
                let _ = stream.write_all(answer.as_bytes()).await;
            });
        }
    });
    let client = Client::builder()
        .base_url(&url)
        .access_token("t")
        .retry(
            RetryPolicy::default()
                .max_attempts(10)
                .base_delay(Duration::from_millis(40))
                .max_delay(Duration::from_millis(40)),
        )
        .build()
        .unwrap();
    let thing = json!({"name": "x", "tags": ["a", "b"]});
    let made = client.make_thing(&thing).await.unwrap();
    assert_eq!(made, json!({"ok": true}));
    let bodies = bodies.lock().unwrap();
    assert_eq!(
        bodies.len(),
        1,
        "the refused attempts never arrived; one did"
    );
    assert_eq!(bodies[0], serde_json::to_vec(&thing).unwrap());
}

#[tokio::test]
async fn https_to_a_server_that_does_not_speak_tls_fails_without_falling_back() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let first_bytes = Arc::new(std::sync::Mutex::new(Vec::<u8>::new()));
    let seen = first_bytes.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let seen = seen.clone();
            tokio::spawn(async move {
                let mut buf = [0u8; 16];
                let n = stream.read(&mut buf).await.unwrap_or(0);
                seen.lock().unwrap().extend_from_slice(&buf[..n]);
                let _ = stream
                    .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")
                    .await;
            });
        }
    });
    let client = Client::builder()
        .base_url(format!("https://127.0.0.1:{port}"))
        .access_token("secret-token")
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let err = client.current_user().await.unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    let first = first_bytes.lock().unwrap().clone();
    assert_eq!(
        first.first(),
        Some(&0x16),
        "a TLS handshake, not clear-text HTTP"
    );
    assert!(!String::from_utf8_lossy(&first).contains("secret-token"));
}

#[tokio::test]
async fn a_pooled_connection_the_server_closed_is_not_a_failure() {
    // Each connection answers one request, keeps the socket open a moment as a server that
    // allows keep-alive would, then closes it while the client still holds it in its pool.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let connections = Arc::new(AtomicUsize::new(0));
    let seen = connections.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            seen.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(async move {
                read_request(&mut stream).await;
                let answer = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{USER}",
                    USER.len()
                );
                let _ = stream.write_all(answer.as_bytes()).await;
                tokio::time::sleep(Duration::from_millis(50)).await;
                let _ = stream.shutdown().await;
            });
        }
    });
    let client = client(&url);
    client.current_user().await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let me = client.current_user().await.unwrap();
    assert_eq!(me.username, "ada");
    let made = connections.load(Ordering::SeqCst);
    assert!((2..=3).contains(&made), "{made} connections");
}

#[tokio::test]
async fn a_host_that_does_not_resolve_fails_as_a_retryable_connect_error() {
    let client = Client::builder()
        .base_url("https://upsun-sdk-test.invalid")
        .access_token("t")
        .call_timeout(Duration::from_secs(20))
        .retry(RetryPolicy::default().base_delay(Duration::from_millis(5)))
        .build()
        .unwrap();
    let err = client.current_user().await.unwrap_err();
    assert!(
        matches!(err, Error::Transport { .. } | Error::Timeout { .. }),
        "{err:?}"
    );
    assert!(err.is_retryable(), "nothing was sent: {err:?}");
}

#[tokio::test]
async fn a_server_that_never_answers_gets_every_attempt_then_a_timeout_within_the_deadline() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let connections = Arc::new(AtomicUsize::new(0));
    let seen = connections.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            seen.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(serve(stream, Some(Fault::Silent)));
        }
    });
    let client = Client::builder()
        .base_url(&url)
        .access_token("t")
        .timeout(Duration::from_millis(300))
        .call_timeout(Duration::from_secs(10))
        .retry(
            RetryPolicy::default()
                .max_attempts(3)
                .base_delay(Duration::from_millis(5)),
        )
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let err = client.current_user().await.unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_eq!(
        connections.load(Ordering::SeqCst),
        3,
        "one connection per attempt"
    );
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "within the call's deadline"
    );
}
