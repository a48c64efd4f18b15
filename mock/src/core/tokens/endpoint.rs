//! The OAuth 2.0 token endpoint, `POST /oauth2/token`.
//!
//! It takes a form (`application/x-www-form-urlencoded`) and client authentication as HTTP
//! Basic for the client `platform-api-user` with an empty secret:
//!
//! - `grant_type=api_token&api_token=...` exchanges a user's API token;
//! - `grant_type=refresh_token&refresh_token=...` uses a refresh token, which works once: the
//!   answer carries a new one (rotation).
//!
//! Both answer `{"access_token", "expires_in", "token_type": "bearer", "refresh_token"}`;
//! `expires_in` is the access-token lifetime in whole seconds, rounded up (at most about ten
//! years, so it always fits in 32 bits).

use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRef, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::json;

use crate::core::auth::credentials;
use crate::core::error::OAuthError;
use crate::core::{Core, lock};

/// The OAuth client every API-token exchange authenticates as.
pub(crate) const CLIENT_ID: &str = "platform-api-user";

/// The token endpoint's route.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
{
    Router::new().route("/oauth2/token", post(token))
}

/// `POST /oauth2/token`
async fn token(
    State(core): State<Arc<Core>>,
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
    let now = core.now();
    let lifetime = core.access_token_lifetime();
    let mut tokens = lock(&core.tokens);
    let user_id = match grant_type {
        "api_token" => {
            let api_token = param("api_token")?;
            tokens.api_token_user(api_token).ok_or_else(|| {
                OAuthError::invalid_grant("the API token is invalid or has been revoked")
            })?
        }
        "refresh_token" => {
            let refresh_token = param("refresh_token")?;
            tokens.take_refresh(refresh_token).ok_or_else(|| {
                OAuthError::invalid_grant("the refresh token is invalid, expired or already used")
            })?
        }
        other => {
            return Err(OAuthError::unsupported_grant_type(format!(
                "grant type `{other}` is not supported; use `api_token` or `refresh_token`"
            )));
        }
    };
    let access_token = tokens.issue_access(user_id, now, lifetime);
    let refresh_token = tokens.issue_refresh(user_id);
    tokens.count_exchange();
    drop(tokens);
    let body = json!({
        "access_token": access_token,
        "expires_in": expires_in(core.config.access_token_lifetime),
        "token_type": "bearer",
        "refresh_token": refresh_token,
    });
    let mut response = Json(body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    Ok(response)
}

/// A lifetime in whole seconds, rounded up; saturates at `u32::MAX` (the mock's lifetimes are
/// clamped well below).
fn expires_in(lifetime: std::time::Duration) -> u32 {
    let seconds = lifetime
        .as_secs()
        .saturating_add(u64::from(lifetime.subsec_nanos() > 0));
    u32::try_from(seconds).unwrap_or(u32::MAX)
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
    use std::time::Duration;

    use super::{decode_base64, expires_in};
    use crate::core::clock::MAX_SPAN;

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

    #[test]
    fn expires_in_rounds_up_and_fits_in_32_bits() {
        assert_eq!(expires_in(Duration::from_millis(1500)), 2);
        assert_eq!(expires_in(Duration::from_secs(900)), 900);
        assert_eq!(expires_in(MAX_SPAN), 315_576_000);
        assert_eq!(expires_in(Duration::MAX), u32::MAX);
    }
}
