//! What every area's routes share to read a request: the path parameters, the `Host` and
//! `Content-Type` headers, a JSON object body, and the rules the API states for common string
//! fields (URIs, email addresses, country codes).
//!
//! The rules answer `Err` with what is wrong, without the field's name (`must be an absolute
//! http(s) URI, got "x"`); the caller prefixes it (`` `website` must be ... ``).

use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::{HeaderMap, StatusCode, header};
use serde_json::{Map, Value};

use crate::error::ApiError;

/// The path parameters, percent-decoded by the router: 400 if they cannot be.
pub(crate) fn decoded<T>(segment: Result<Path<T>, PathRejection>) -> Result<T, ApiError> {
    segment
        .map(|Path(segment)| segment)
        .map_err(|rejection| ApiError::bad_request(format!("invalid path: {rejection}")))
}

/// `http://` and the request's `Host`: the mock's own base URL as the client reached it
/// (`http://localhost` for a request without a `Host`).
pub(crate) fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|host| host.to_str().ok())
        .unwrap_or("localhost");
    format!("http://{host}")
}

/// A body must be sent as JSON (`application/json` or any `+json` type): 415 otherwise.
pub(crate) fn check_json(headers: &HeaderMap) -> Result<(), ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if essence == "application/json" || essence.ends_with("+json") {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "the body must be JSON (`Content-Type: application/json`), got {content_type:?}"
            ),
        ))
    }
}

/// The body as a JSON object, or a 400 saying what it is instead.
pub(crate) fn json_object(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|err| ApiError::bad_request(format!("the body is not valid JSON: {err}")))?;
    match value {
        Value::Object(object) => Ok(object),
        other => Err(ApiError::bad_request(format!(
            "the body must be a JSON object, not {}",
            kind(&other)
        ))),
    }
}

/// "a number", "null", ... for error messages.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Not empty once trimmed.
pub(crate) fn not_blank_rule(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        Err("must not be empty".to_owned())
    } else {
        Ok(())
    }
}

/// An absolute `http(s)` URI; see [`is_absolute_http_uri`].
pub(crate) fn http_uri_rule(text: &str) -> Result<(), String> {
    if is_absolute_http_uri(text) {
        Ok(())
    } else {
        Err(format!("must be an absolute http(s) URI, got {text:?}"))
    }
}

/// Exactly two ASCII letters (ISO 3166-1 alpha-2), either case.
pub(crate) fn country_rule(text: &str) -> Result<(), String> {
    if text.len() == 2 && text.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(())
    } else {
        Err(format!(
            "must be a 2-letter country code (ISO 3166-1 alpha-2), got {text:?}"
        ))
    }
}

/// An email address; see [`is_email_address`].
pub(crate) fn email_rule(text: &str) -> Result<(), String> {
    if is_email_address(text) {
        Ok(())
    } else {
        Err(format!("must be an email address, got {text:?}"))
    }
}

/// `http://host...` or `https://host...` with a non-empty host and no whitespace or characters
/// that a URI never contains unescaped.
pub(crate) fn is_absolute_http_uri(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    !host.is_empty()
        && !text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"<>\\^`{|}".contains(c))
}

/// `local@domain` with one `@`, both parts non-empty, and no whitespace or control characters:
/// the API's `format: email`, checked cheaply.
pub(crate) fn is_email_address(text: &str) -> bool {
    let shaped = text.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && !domain.is_empty() && !domain.contains('@')
    });
    shaped && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}
