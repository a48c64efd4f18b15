//! [`Error`], the one error type of the SDK, and the [`Result`] alias.

use std::fmt;
use std::time::Duration;

use reqwest::StatusCode;
use serde::Deserialize;

/// The result of every SDK call.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How much of an error body is kept in an [`ApiError`].
pub(crate) const ERROR_BODY_LIMIT: usize = 64 * 1024;
/// How much of a raw (non-JSON) error body is shown as the message.
const MESSAGE_LIMIT: usize = 512;
/// How much of an undecodable body a [`Error::Decode`] shows.
const SNIPPET_LIMIT: usize = 256;

/// Everything that can go wrong in a call.
///
/// Answers from the API are sorted by status into their own variants, each holding the
/// [`ApiError`] with the status and the API's message; [`Error::status`] reads it from any of
/// them.
///
/// ```
/// # async fn run(client: upsun::Client) {
/// use upsun::users::UsersApi;
///
/// match client.current_user().await {
///     Ok(user) => println!("hello {}", user.username),
///     Err(err) if err.status() == Some(upsun::StatusCode::UNAUTHORIZED) => {
///         eprintln!("check your token: {err}")
///     }
///     Err(err) => eprintln!("{err}"),
/// }
/// # }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// 400 or 422 (or another 4xx without a variant of its own): the API refused the request.
    #[error("the API refused the request: {0}")]
    BadRequest(ApiError),
    /// 401: the token is missing, expired or revoked.
    #[error("unauthorized: {0}")]
    Unauthorized(ApiError),
    /// 401 asking for a stronger authentication (MFA or SSO) than the token carries.
    #[error("this call needs a stronger authentication (MFA or SSO): {0}")]
    StepUpRequired(ApiError),
    /// 403: the token may not do this.
    #[error("forbidden: {0}")]
    Forbidden(ApiError),
    /// 404: no such resource.
    #[error("not found: {0}")]
    NotFound(ApiError),
    /// 409: the resource already exists or is in a conflicting state.
    #[error("conflict: {0}")]
    Conflict(ApiError),
    /// 429, or a `Retry-After` longer than the SDK is willing to wait.
    #[error("rate limited{}: {error}", retry_after_suffix(*.retry_after))]
    RateLimited {
        /// The API's answer.
        error: ApiError,
        /// How long the API asked to wait, when it said.
        retry_after: Option<Duration>,
    },
    /// 5xx: the API failed.
    #[error("server error: {0}")]
    Server(ApiError),
    /// Any other status the SDK does not expect, such as a 3xx (redirects are not followed).
    #[error("unexpected answer: {0}")]
    Unexpected(ApiError),
    /// The call did not finish in time.
    #[error("timed out after {after:?}")]
    Timeout {
        /// How long the call ran before giving up.
        after: Duration,
    },
    /// The request could not be sent or the answer could not be read.
    #[error("transport error: {0}")]
    Transport(#[source] reqwest::Error),
    /// The answer was not what the endpoint declares.
    #[error(
        "could not decode the {status} answer as `{expected}`: {source}; the body starts with: {snippet}"
    )]
    Decode {
        /// The answer's status.
        status: StatusCode,
        /// The Rust type the answer should have decoded into.
        expected: &'static str,
        /// The start of the body.
        snippet: String,
        /// What serde said.
        #[source]
        source: serde_json::Error,
    },
    /// The answer's body is larger than the configured limit.
    #[error("the answer is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// The auth server refused the API token (400 or 401 from the token endpoint).
    #[error("invalid credentials: {0}")]
    Credentials(String),
    /// The API token could not be exchanged for an access token for another reason.
    #[error("token exchange failed: {0}")]
    Auth(String),
    /// A link in an answer points away from the client's origin, so it is not followed.
    #[error("link not followed: {0}")]
    InvalidLink(String),
    /// A list cannot be followed further: its `next` link leads back to a page already read,
    /// an empty page still points onwards, or the cap on pages followed was reached.
    #[error("list not followed further: {0}")]
    Pagination(String),
    /// The request was refused before sending: the message names the field.
    #[error("invalid input: {0}")]
    InvalidInput(String),
    /// The client could not be built.
    #[error("invalid configuration: {0}")]
    Config(String),
}

fn retry_after_suffix(wait: Option<Duration>) -> String {
    wait.map(|w| format!(" (retry after {}s)", w.as_secs()))
        .unwrap_or_default()
}

impl Error {
    pub(crate) fn invalid_input(message: impl Into<String>) -> Self {
        Error::InvalidInput(message.into())
    }

    pub(crate) fn config(message: impl Into<String>) -> Self {
        Error::Config(message.into())
    }

    /// Sorts an API answer that is not a success into its variant.
    pub(crate) fn from_response(
        status: StatusCode,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Self {
        let error = ApiError::new(status, content_type, body);
        match status.as_u16() {
            401 => Error::Unauthorized(error),
            403 => Error::Forbidden(error),
            404 => Error::NotFound(error),
            409 => Error::Conflict(error),
            429 => Error::RateLimited {
                error,
                retry_after: None,
            },
            400..=499 => Error::BadRequest(error),
            500..=599 => Error::Server(error),
            _ => Error::Unexpected(error),
        }
    }

    /// The API's answer, when the error is one.
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Error::BadRequest(e)
            | Error::Unauthorized(e)
            | Error::StepUpRequired(e)
            | Error::Forbidden(e)
            | Error::NotFound(e)
            | Error::Conflict(e)
            | Error::RateLimited { error: e, .. }
            | Error::Server(e)
            | Error::Unexpected(e) => Some(e),
            _ => None,
        }
    }

    /// The HTTP status of the answer behind this error, if there was one.
    ///
    /// ```
    /// # async fn run(client: upsun::Client, id: upsun::UserId) {
    /// use upsun::users::UsersApi;
    ///
    /// if let Err(err) = client.get_user(id).await {
    ///     assert_ne!(err.status(), Some(upsun::StatusCode::OK));
    /// }
    /// # }
    /// ```
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Decode { status, .. } => Some(*status),
            Error::Transport(e) => e.status(),
            _ => self.api_error().map(|e| e.status),
        }
    }

    /// True when the input was refused before anything was sent.
    pub fn is_invalid_input(&self) -> bool {
        matches!(self, Error::InvalidInput(_))
    }

    /// True when the call timed out.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Timeout { .. })
            || matches!(self, Error::Transport(e) if e.is_timeout())
    }

    /// True when trying the same call again later may succeed: rate limits, server errors,
    /// timeouts, transport failures and failed token exchanges.
    ///
    /// The client already retries what is safe to retry (see
    /// [`RetryPolicy`](crate::RetryPolicy)); this tells whether a caller's own, later retry
    /// makes sense.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::RateLimited { .. }
            | Error::Timeout { .. }
            | Error::Transport(_)
            | Error::Auth(_) => true,
            Error::Server(e) => matches!(e.status.as_u16(), 500 | 502 | 503 | 504),
            _ => false,
        }
    }

    /// How long the API asked to wait, for a rate-limited call.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::RateLimited { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// True for a 404.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::NotFound(_))
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_apis_message_and_status() {
        let err = Error::from_response(
            StatusCode::BAD_REQUEST,
            Some("application/json"),
            br#"{"error": "country must be 2 characters"}"#,
        );
        assert_eq!(err.status(), Some(StatusCode::BAD_REQUEST));
        assert_eq!(
            err.to_string(),
            "the API refused the request: 400 Bad Request: country must be 2 characters"
        );
    }

    #[test]
    fn reads_problem_json() {
        let err = Error::from_response(
            StatusCode::CONFLICT,
            Some("application/problem+json"),
            br#"{"type":"about:blank","title":"Conflict","status":409,"detail":"name taken"}"#,
        );
        assert!(matches!(&err, Error::Conflict(e) if e.message == "Conflict: name taken"));
    }

    #[test]
    fn cuts_long_text_bodies_and_names_empty_ones() {
        let long = "x".repeat(10_000);
        let err = ApiError::new(StatusCode::BAD_GATEWAY, Some("text/html"), long.as_bytes());
        assert!(err.message.len() < 600);
        assert_eq!(err.body.len(), 10_000);
        let empty = ApiError::new(StatusCode::NOT_FOUND, None, b"");
        assert_eq!(empty.message, "Not Found");
    }
}
