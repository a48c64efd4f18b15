//! [`ApiError`]: what the API answered when it refused a call, and how its message is read.

use std::fmt;

use reqwest::StatusCode;
use serde::Deserialize;

/// How much of an error body is kept in an [`ApiError`].
pub(crate) const ERROR_BODY_LIMIT: usize = 64 * 1024;
/// How much of a raw (non-JSON) error body is shown as the message.
const MESSAGE_LIMIT: usize = 512;
/// How much of an undecodable body a [`Error::Decode`](crate::Error::Decode) shows.
const SNIPPET_LIMIT: usize = 256;

/// What the API answered when it refused a call: the status and its message.
///
/// The message comes from the API's `{"error": "..."}` body, from an
/// `application/problem+json` body (`title` and `detail`), or from the start of any other body.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The API's message, or the start of the body when it had none.
    pub message: String,
    /// The body as received, cut to 64 KiB.
    pub body: String,
    /// Whether sending the call again cannot apply it twice (the endpoint is safe to repeat).
    pub replay_safe: bool,
}

#[derive(Deserialize)]
struct ErrorBody {
    error: Option<serde_json::Value>,
    message: Option<String>,
    title: Option<String>,
    detail: Option<String>,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, content_type: Option<&str>, body: &[u8]) -> Self {
        let text = String::from_utf8_lossy(&body[..body.len().min(ERROR_BODY_LIMIT)]).into_owned();
        let message = message_from(content_type, &text).unwrap_or_else(|| {
            let trimmed = text.trim();
            if trimmed.is_empty() {
                status.canonical_reason().unwrap_or("no message").to_owned()
            } else {
                cut(trimmed, MESSAGE_LIMIT)
            }
        });
        ApiError {
            status,
            message,
            body: text,
            replay_safe: true,
        }
    }
}

fn message_from(content_type: Option<&str>, text: &str) -> Option<String> {
    let json_like = content_type.is_none_or(|ct| ct.contains("json"));
    if !json_like {
        return None;
    }
    let body: ErrorBody = serde_json::from_str(text).ok()?;
    if let Some(error) = body.error {
        let message = match error {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        return Some(match body.message.or(body.detail) {
            Some(extra) if extra != message => format!("{message}: {extra}"),
            _ => message,
        });
    }
    match (body.title, body.detail.or(body.message)) {
        (Some(title), Some(detail)) => Some(format!("{title}: {detail}")),
        (Some(one), None) | (None, Some(one)) => Some(one),
        (None, None) => None,
    }
}

/// Cuts `text` to at most `limit` bytes on a character boundary, marking the cut.
pub(crate) fn cut(text: &str, limit: usize) -> String {
    if text.len() <= limit {
        return text.to_owned();
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

pub(crate) fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(SNIPPET_LIMIT * 4)]);
    let trimmed = text.trim();
    if trimmed.is_empty() {
        "(empty body)".to_owned()
    } else {
        format!("{:?}", cut(trimmed, SNIPPET_LIMIT))
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.status, self.message)
    }
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("status", &self.status)
            .field("message", &self.message)
            .field("body_len", &self.body.len())
            .finish()
    }
}
