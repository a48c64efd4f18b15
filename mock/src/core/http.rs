//! What every area's routes share to read a request: the path parameters, the `Host` and
//! `Content-Type` headers, a JSON object body read field by field ([`JsonBody`], `body.rs`),
//! and the rules the API states for common string fields (`rules.rs`).

mod body;
pub(crate) mod rules;

use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::{HeaderMap, StatusCode, header};
use serde_json::{Map, Value};

pub(crate) use self::body::JsonBody;
use crate::core::error::ApiError;

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
