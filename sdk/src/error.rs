//! [`Error`], the one error type of the SDK, and the [`Result`] alias.

use std::time::Duration;

use reqwest::StatusCode;

/// The result of every SDK call.
pub type Result<T, E = Error> = std::result::Result<T, E>;

mod api_error;

pub use self::api_error::ApiError;
pub(crate) use self::api_error::{ERROR_BODY_LIMIT, snippet};

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
        /// Whether sending the call again cannot apply it twice: nothing reached the server, or
        /// the endpoint is safe to repeat. False for a POST or PATCH that may have been applied.
        replay_safe: bool,
    },
    /// The request could not be sent or the answer could not be read.
    #[error("transport error: {source}")]
    Transport {
        /// What the HTTP client said (without the URL).
        #[source]
        source: reqwest::Error,
        /// Whether sending the call again cannot apply it twice: nothing reached the server, or
        /// the endpoint is safe to repeat. False for a POST or PATCH that may have been applied.
        replay_safe: bool,
    },
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
            Error::Transport { source, .. } => source.status(),
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
            || matches!(self, Error::Transport { source, .. } if source.is_timeout())
    }

    /// True when trying the same call again later may succeed and cannot apply it twice: rate
    /// limits, failed token exchanges, and timeouts, transport failures and 5xx answers of calls
    /// that are safe to repeat (GET, PUT, DELETE, endpoints declared `idempotent`) or that
    /// never reached the server.
    ///
    /// False for a POST or PATCH that may already have been applied (it timed out, lost its
    /// connection or got a 5xx after it was sent): check the resource's state before sending it
    /// again. The client itself already retries what is safe (see
    /// [`RetryPolicy`](crate::RetryPolicy)).
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::RateLimited { .. } | Error::Auth(_) => true,
            Error::Timeout { replay_safe, .. } | Error::Transport { replay_safe, .. } => {
                *replay_safe
            }
            Error::Server(e) => e.replay_safe && matches!(e.status.as_u16(), 500 | 502 | 503 | 504),
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
