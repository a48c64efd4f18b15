//! Authentication: the OAuth 2.0 token endpoint and the bearer-token check every API route uses.
//!
//! `POST /oauth2/token` takes a form (`application/x-www-form-urlencoded`) and client
//! authentication as HTTP Basic for the client `platform-api-user` with an empty secret:
//!
//! - `grant_type=api_token&api_token=...` exchanges a user's API token;
//! - `grant_type=refresh_token&refresh_token=...` uses a refresh token, which works once: the
//!   answer carries a new one (rotation).
//!
//! Both answer `{"access_token", "expires_in", "token_type": "bearer", "refresh_token"}`.

use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::json;
use uuid::Uuid;

use crate::error::{ApiError, OAuthError};
use crate::state::{Shared, lock};
use crate::tokens::TokenProblem;

/// The OAuth client every API-token exchange authenticates as.
pub(crate) const CLIENT_ID: &str = "platform-api-user";

/// The token endpoint's routes.
pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new().route("/oauth2/token", post(token))
}

/// The user an API request acts as, from its `Authorization: Bearer` access token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Caller {
    pub(crate) user_id: Uuid,
    pub(crate) admin: bool,
}

impl Caller {
    /// Ok if the caller may read or change the user `user_id`: itself, or anyone for an admin.
    pub(crate) fn check_access(&self, user_id: Uuid) -> Result<(), ApiError> {
        if self.admin || self.user_id == user_id {
            Ok(())
        } else {
            Err(ApiError::forbidden(format!(
                "the access token's user may not access user {user_id}"
            )))
        }
    }
}

impl FromRequestParts<Arc<Shared>> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, shared: &Arc<Shared>) -> Result<Self, ApiError> {
        let Some(token) = credentials(&parts.headers, "Bearer") else {
            return Err(ApiError::unauthorized(
                "authentication required: send `Authorization: Bearer <access token>`",
                None,
            ));
        };
        let now = shared.now();
        let store = lock(&shared.store);
        match store.tokens.authenticate(token, now) {
            Ok(user_id) => Ok(Caller {
                user_id,
                admin: store.is_admin(user_id),
            }),
            Err(TokenProblem::Unknown) => Err(ApiError::unauthorized(
                "the access token is invalid",
                Some("invalid_token"),
            )),
            Err(TokenProblem::Expired) => Err(ApiError::unauthorized(
                "the access token expired",
                Some("invalid_token"),
            )),
        }
    }
}

/// The credentials of an `Authorization: <scheme> <credentials>` header (scheme compared
/// ignoring ASCII case).
fn credentials<'h>(headers: &'h HeaderMap, scheme: &str) -> Option<&'h str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (given, rest) = value.split_once(' ')?;
    let rest = rest.trim();
    (given.eq_ignore_ascii_case(scheme) && !rest.is_empty()).then_some(rest)
}

/// `POST /oauth2/token`
async fn token(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, OAuthError> {
    check_client(&headers)?;
    let form = parse_form(&headers, &body)?;
    let param = |name: &str| -> Result<&str, OAuthError> {
        form.iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .filter(|value| !value.is_empty())
            .ok_or_else(|| OAuthError::invalid_request(format!("missing parameter `{name}`")))
    };
    let grant_type = param("grant_type")?;
    let now = shared.now();
    let lifetime = shared.access_token_lifetime();
    let mut store = lock(&shared.store);
    let user_id = match grant_type {
        "api_token" => {
            let api_token = param("api_token")?;
            store.tokens.api_token_user(api_token).ok_or_else(|| {
                OAuthError::invalid_grant("the API token is invalid or has been revoked")
            })?
        }
        "refresh_token" => {
            let refresh_token = param("refresh_token")?;
            store.tokens.take_refresh(refresh_token).ok_or_else(|| {
                OAuthError::invalid_grant("the refresh token is invalid, expired or already used")
            })?
        }
        other => {
            return Err(OAuthError::unsupported_grant_type(format!(
                "grant type `{other}` is not supported; use `api_token` or `refresh_token`"
            )));
        }
    };
    let access_token = store.tokens.issue_access(user_id, now, lifetime);
    let refresh_token = store.tokens.issue_refresh(user_id);
    store.tokens.count_exchange();
    drop(store);
    let lifetime = shared.config.access_token_lifetime;
    let expires_in = lifetime.as_secs() + u64::from(lifetime.subsec_nanos() > 0);
    let body = json!({
        "access_token": access_token,
        "expires_in": expires_in,
        "token_type": "bearer",
        "refresh_token": refresh_token,
    });
    let mut response = Json(body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    Ok(response)
}

/// The client must authenticate as `platform-api-user` with an empty secret, over HTTP Basic.
fn check_client(headers: &HeaderMap) -> Result<(), OAuthError> {
    let Some(encoded) = credentials(headers, "Basic") else {
        return Err(OAuthError::invalid_client(format!(
            "client authentication required: send `Authorization: Basic` for client `{CLIENT_ID}` \
             with an empty secret"
        )));
    };
    let decoded = decode_base64(encoded)
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(|| OAuthError::invalid_client("the Basic credentials are not valid base64"))?;
    match decoded.split_once(':') {
        Some((CLIENT_ID, "")) => Ok(()),
        Some((CLIENT_ID, _)) => Err(OAuthError::invalid_client(format!(
            "client `{CLIENT_ID}` has an empty secret"
        ))),
        _ => Err(OAuthError::invalid_client(format!(
            "unknown client; expected `{CLIENT_ID}` with an empty secret"
        ))),
    }
}

fn parse_form(headers: &HeaderMap, body: &[u8]) -> Result<Vec<(String, String)>, OAuthError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    if !essence.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
        return Err(OAuthError::invalid_request(
            "the body must be a form: `Content-Type: application/x-www-form-urlencoded`",
        ));
    }
    serde_urlencoded::from_bytes(body)
        .map_err(|err| OAuthError::invalid_request(format!("the form cannot be parsed: {err}")))
}

/// Decodes standard base64 (RFC 4648 §4), padding optional. `None` on any invalid input.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    fn value(byte: u8) -> Option<u32> {
        match byte {
            b'A'..=b'Z' => Some(u32::from(byte - b'A')),
            b'a'..=b'z' => Some(u32::from(byte - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(byte - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    }
    let text = text.trim_end_matches('=').as_bytes();
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.chunks(4) {
        let mut bits = 0u32;
        for (index, &byte) in chunk.iter().enumerate() {
            bits |= value(byte)? << (18 - 6 * index);
        }
        let bytes = bits.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::decode_base64;

    #[test]
    fn decodes_base64_with_and_without_padding() {
        assert_eq!(
            decode_base64("cGxhdGZvcm0tYXBpLXVzZXI6").as_deref(),
            Some(&b"platform-api-user:"[..])
        );
        assert_eq!(decode_base64("YQ==").as_deref(), Some(&b"a"[..]));
        assert_eq!(decode_base64("YQ").as_deref(), Some(&b"a"[..]));
        assert_eq!(decode_base64("YWI=").as_deref(), Some(&b"ab"[..]));
        assert_eq!(decode_base64("").as_deref(), Some(&b""[..]));
    }

    #[test]
    fn rejects_invalid_base64() {
        assert_eq!(decode_base64("Y"), None);
        assert_eq!(decode_base64("a*b="), None);
    }
}
