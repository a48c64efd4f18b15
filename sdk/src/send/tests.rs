use super::*;

#[test]
fn decode_names_the_expected_type_and_shows_the_body() {
    let response = Response {
        status: StatusCode::OK,
        body: Bytes::from_static(b"{not json"),
        secret: false,
        not_json: None,
    };
    let err = response.decode::<Vec<u32>>().unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("Vec<u32>") && text.contains("{not json"),
        "{text}"
    );
    let empty = Response {
        status: StatusCode::NO_CONTENT,
        body: Bytes::new(),
        secret: false,
        not_json: None,
    };
    empty.decode::<()>().unwrap();
}

#[test]
fn decode_errors_of_secret_answers_quote_nothing() {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Created {
        token: String,
        id: u32,
    }
    let body = br#"{"token": "s3cr3t-value", "id": "not a number"}"#;
    let response = Response {
        status: StatusCode::CREATED,
        body: Bytes::from_static(body),
        secret: true,
        not_json: None,
    };
    let err = response.decode::<Created>().unwrap_err();
    let shown = format!(
        "{err} {err:?} {}",
        std::error::Error::source(&err)
            .map(ToString::to_string)
            .unwrap_or_default()
    );
    assert!(!shown.contains("s3cr3t"), "{shown}");
    assert!(!shown.contains("not a number"), "{shown}");
    assert!(
        shown.contains("Created") && shown.contains("withheld"),
        "{shown}"
    );
}

#[test]
fn step_up_is_read_from_www_authenticate() {
    let mut headers = HeaderMap::new();
    headers.insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    assert!(!step_up_required(&headers));
    headers.append(
        WWW_AUTHENTICATE,
        HeaderValue::from_static(r#"Bearer error="insufficient_user_authentication""#),
    );
    assert!(step_up_required(&headers));
}

#[test]
fn a_deadline_never_overflows() {
    let now = Instant::now();
    let never = Deadline::after(now, Some(Duration::MAX));
    assert!(never.fits(Duration::MAX));
    let soon = Deadline::after(now, Some(Duration::from_secs(1)));
    assert!(!soon.fits(Duration::MAX));
    assert!(Deadline::after(now, None).fits(Duration::MAX));
}

/// The backoff schedule, on paused time: each wait is exactly what the policy and the answer
/// say, measured on Tokio's clock without sleeping for real.
mod schedule {
    use super::*;
    use crate::retry::RetryPolicy;

    fn client(policy: RetryPolicy) -> Client {
        Client::builder()
            .access_token("t")
            .retry(policy)
            .build()
            .unwrap()
    }

    fn unavailable() -> Error {
        Error::Server(ApiError::new(StatusCode::SERVICE_UNAVAILABLE, None, b""))
    }

    /// How long `pause` waited (virtual time), or the error it gave up with.
    async fn waited(
        client: &Client,
        retry_after: Option<Duration>,
        attempt: u32,
        deadline: Deadline,
    ) -> std::result::Result<Duration, Error> {
        let start = Instant::now();
        client
            .pause(unavailable(), retry_after, attempt, deadline, start)
            .await
            .map(|()| start.elapsed())
    }

    #[tokio::test(start_paused = true)]
    async fn retry_after_is_waited_exactly() {
        let client = client(RetryPolicy::default());
        let wait = waited(&client, Some(Duration::from_secs(3)), 1, Deadline(None)).await;
        assert_eq!(wait.unwrap(), Duration::from_secs(3));
    }

    #[tokio::test(start_paused = true)]
    async fn retry_after_zero_waits_the_shortest_backoff() {
        let client = client(RetryPolicy::default().base_delay(Duration::from_millis(250)));
        let wait = waited(&client, Some(Duration::ZERO), 1, Deadline(None)).await;
        assert_eq!(wait.unwrap(), Duration::from_millis(250));
    }

    #[tokio::test(start_paused = true)]
    async fn backoff_stays_under_its_doubling_ceiling() {
        let policy = RetryPolicy::default()
            .max_attempts(10)
            .budget(100)
            .base_delay(Duration::from_millis(100))
            .max_delay(Duration::from_secs(1));
        let client = client(policy);
        for attempt in 1..=6u32 {
            let ceiling =
                (Duration::from_millis(100) * 2u32.pow(attempt - 1)).min(Duration::from_secs(1));
            let wait = waited(&client, None, attempt, Deadline(None))
                .await
                .unwrap();
            assert!(wait <= ceiling, "attempt {attempt}: {wait:?} > {ceiling:?}");
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_wait_past_the_cap_or_the_deadline_fails_at_once() {
        let client = client(RetryPolicy::default());
        let start = Instant::now();
        for huge in [
            Duration::from_secs(61),
            Duration::from_secs(u64::MAX),
            Duration::MAX,
        ] {
            let err = waited(&client, Some(huge), 1, Deadline(None))
                .await
                .unwrap_err();
            assert!(
                matches!(err, Error::RateLimited { retry_after: Some(w), .. } if w == huge),
                "{err:?}"
            );
        }
        let soon = Deadline::after(Instant::now(), Some(Duration::from_secs(2)));
        let err = waited(&client, Some(Duration::from_secs(5)), 1, soon)
            .await
            .unwrap_err();
        assert!(matches!(err, Error::RateLimited { .. }), "{err:?}");
        assert_eq!(start.elapsed(), Duration::ZERO, "nothing was waited");
    }

    #[tokio::test(start_paused = true)]
    async fn the_last_attempt_and_an_empty_budget_end_the_call() {
        let client = client(RetryPolicy::default().max_attempts(3).budget(1));
        let err = waited(&client, None, 3, Deadline(None)).await.unwrap_err();
        assert!(matches!(err, Error::Server(_)), "{err:?}");
        waited(&client, None, 1, Deadline(None)).await.unwrap();
        let err = waited(&client, None, 1, Deadline(None)).await.unwrap_err();
        assert!(matches!(err, Error::Server(_)), "budget spent: {err:?}");
    }
}

#[test]
fn a_success_that_is_not_json_is_not_parsed() {
    let page = Response {
        status: StatusCode::OK,
        body: Bytes::from_static(b"<html>502 Bad Gateway</html>"),
        secret: false,
        not_json: Some("text/html; charset=utf-8".to_owned()),
    };
    let err = page.decode::<serde_json::Value>().unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    assert!(err.to_string().contains("text/html"), "{err}");
    let empty = Response {
        status: StatusCode::NO_CONTENT,
        body: Bytes::new(),
        secret: false,
        not_json: Some("text/plain".to_owned()),
    };
    empty.decode::<()>().unwrap();
    for json in [
        "application/json",
        "application/problem+json; charset=utf-8",
        "application/hal+json",
        "TEXT/JSON",
    ] {
        assert!(is_json(json), "{json}");
    }
    for other in [
        "text/html",
        "application/octet-stream",
        "application/jsonl",
        "",
    ] {
        assert!(!is_json(other), "{other}");
    }
}
