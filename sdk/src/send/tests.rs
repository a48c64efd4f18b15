use super::*;

#[test]
fn decode_names_the_expected_type_and_shows_the_body() {
    let response = Response {
        status: StatusCode::OK,
        body: Bytes::from_static(b"{not json"),
        secret: false,
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
