//! The three error bodies the mock answers with. Every one has a string `error`, as the API's
//! `Error` schema requires.
//!
//! - The API's own `Error` schema, `{"error": "..."}`, for most routes under the API
//!   ([`ApiError`]).
//! - `application/problem+json` (RFC 9457), for the organization routes ([`Problem`]): the
//!   problem fields and the same `error`.
//! - The OAuth 2.0 error body (RFC 6749 §5.2), `{"error": "invalid_grant", "error_description":
//!   "..."}`, for `POST /oauth2/token` ([`OAuthError`]).

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// An answer in the API's `Error` schema: a status and `{"error": message}`.
#[derive(Debug, Clone)]
pub(crate) struct ApiError {
    status: StatusCode,
    message: String,
    www_authenticate: Option<String>,
}

impl ApiError {
    /// Any status with a message.
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
            www_authenticate: None,
        }
    }

    /// 400: the request is invalid; the message names the field.
    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    /// 401 with `WWW-Authenticate: Bearer`, optionally with an RFC 6750 error code.
    pub(crate) fn unauthorized(message: impl Into<String>, bearer_error: Option<&str>) -> Self {
        let message = message.into();
        let challenge = match bearer_error {
            None => "Bearer".to_owned(),
            Some(code) => format!(
                "Bearer error=\"{code}\", error_description=\"{}\"",
                message.replace(['"', '\\'], "'")
            ),
        };
        ApiError {
            status: StatusCode::UNAUTHORIZED,
            message,
            www_authenticate: Some(challenge),
        }
    }

    /// 403: authenticated, but not allowed to touch this resource.
    pub(crate) fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, message)
    }

    /// 404: no such resource.
    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(json!({ "error": self.message }))).into_response();
        let challenge = self
            .www_authenticate
            .and_then(|challenge| HeaderValue::from_str(&challenge).ok());
        if let Some(challenge) = challenge {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, challenge);
        }
        response
    }
}

/// An error answered as `application/problem+json`: `{"type": "about:blank", "title": <reason
/// phrase>, "status": <code>, "detail": <message>, "error": <message>}` (the API's `Error`
/// schema, which these routes declare, requires `error`).
///
/// It converts from and into [`ApiError`] (status and message kept), so the helpers shared by
/// every area, which answer an `ApiError`, serve the organization routes too.
#[derive(Debug, Clone)]
pub(crate) struct Problem {
    status: StatusCode,
    detail: String,
}

impl Problem {
    /// Any status with a detail message.
    pub(crate) fn new(status: StatusCode, detail: impl Into<String>) -> Self {
        Problem {
            status,
            detail: detail.into(),
        }
    }

    /// 400: the detail names the field.
    pub(crate) fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, detail)
    }

    /// 403: the caller may not do this.
    pub(crate) fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, detail)
    }

    /// 404: no such resource.
    pub(crate) fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, detail)
    }

    /// 409: a conflicting state, such as a name already taken.
    pub(crate) fn conflict(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, detail)
    }
}

/// The same error in the API's plain `Error` schema, for the routes that use it.
impl From<Problem> for ApiError {
    fn from(problem: Problem) -> Self {
        ApiError::new(problem.status, problem.detail)
    }
}

/// The same error as a problem; a `WWW-Authenticate` challenge is not kept.
impl From<ApiError> for Problem {
    fn from(error: ApiError) -> Self {
        Problem::new(error.status, error.message)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = json!({
            "type": "about:blank",
            "title": self.status.canonical_reason().unwrap_or("Error"),
            "status": self.status.as_u16(),
            "detail": self.detail,
            "error": self.detail,
        });
        let mut response = (self.status, Json(body)).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        response
    }
}

/// An OAuth 2.0 token-endpoint error (RFC 6749 §5.2).
#[derive(Debug, Clone)]
pub(crate) struct OAuthError {
    status: StatusCode,
    code: &'static str,
    description: String,
}

impl OAuthError {
    /// 400 `invalid_request`: a parameter is missing or the body is not a form.
    pub(crate) fn invalid_request(description: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "invalid_request", description)
    }

    /// 401 `invalid_client`: the client did not authenticate as `platform-api-user`.
    pub(crate) fn invalid_client(description: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "invalid_client", description)
    }

    /// 400 `invalid_grant`: the API token or refresh token is unknown.
    pub(crate) fn invalid_grant(description: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "invalid_grant", description)
    }

    /// 400 `unsupported_grant_type`.
    pub(crate) fn unsupported_grant_type(description: impl Into<String>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            description,
        )
    }

    fn new(status: StatusCode, code: &'static str, description: impl Into<String>) -> Self {
        OAuthError {
            status,
            code,
            description: description.into(),
        }
    }
}

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        let body = json!({ "error": self.code, "error_description": self.description });
        let mut response = (self.status, Json(body)).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if self.status == StatusCode::UNAUTHORIZED {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"upsun-mock\""),
            );
        }
        response
    }
}
