//! One request to the token endpoint, and how its answer (hostile until checked) becomes an
//! [`AccessToken`].

use std::sync::Arc;
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{self, HeaderValue};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use tokio::time::Instant;

use super::AccessToken;
use crate::body::{ReadError, read_body};
use crate::error::Error;

/// `base64("platform-api-user:")`: the OAuth2 client that Upsun's official tools use with API
/// tokens, with an empty secret.
const BASIC_AUTH: &str = "Basic cGxhdGZvcm0tYXBpLXVzZXI6";
/// A token is replaced this long before it expires (less for a short-lived one).
const EXPIRY_MARGIN: Duration = Duration::from_secs(60);
/// The lifetime assumed when the answer gives none: the API's usual 15 minutes.
const DEFAULT_LIFETIME: Duration = Duration::from_secs(900);
/// No lifetime is trusted beyond this (about a year): a longer one is clamped.
const MAX_LIFETIME: Duration = Duration::from_secs(366 * 24 * 3600);
/// A token answer is a few hundred bytes; anything over this is not one.
const TOKEN_ANSWER_LIMIT: u64 = 64 * 1024;

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: SecretString,
    /// Seconds, as the API sends them; read leniently (see [`lifetime`]).
    #[serde(default)]
    expires_in: Option<serde_json::Value>,
    #[serde(default)]
    token_type: Option<String>,
    refresh_token: Option<SecretString>,
}

/// The token's lifetime from `expires_in`: any JSON number (or numeric string) of any size, sign
/// or precision. Negative means already expired; huge is clamped; anything else unreadable is
/// the default.
fn lifetime(expires_in: Option<&serde_json::Value>) -> Duration {
    let seconds = match expires_in {
        Some(serde_json::Value::Number(n)) => n.as_f64(),
        Some(serde_json::Value::String(s)) => s.trim().parse::<f64>().ok(),
        _ => None,
    };
    match seconds {
        Some(s) if s.is_nan() => DEFAULT_LIFETIME,
        Some(s) if s <= 0.0 => Duration::ZERO,
        Some(s) if s >= MAX_LIFETIME.as_secs_f64() => MAX_LIFETIME,
        Some(s) => Duration::try_from_secs_f64(s).unwrap_or(DEFAULT_LIFETIME),
        None => DEFAULT_LIFETIME,
    }
}

/// When to replace a token that lives `lifetime` from `started`: a minute early, or at half
/// its life when it lives under two minutes.
fn renew_at(started: Instant, lifetime: Duration) -> Instant {
    let early = lifetime.saturating_sub(EXPIRY_MARGIN.min(lifetime / 2));
    started.checked_add(early).unwrap_or(started)
}

pub(super) async fn request_token(
    http: &reqwest::Client,
    url: &str,
    form: &[(&str, &str)],
) -> Result<Arc<AccessToken>, ExchangeError> {
    let body = serde_urlencoded::to_string(form)
        .map_err(|_| ExchangeError::Failed("the token request could not be encoded".into()))?;
    let started = Instant::now();
    let mut response = http
        .post(url)
        .header(header::AUTHORIZATION, HeaderValue::from_static(BASIC_AUTH))
        .header(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/x-www-form-urlencoded"),
        )
        .header(header::ACCEPT, HeaderValue::from_static("application/json"))
        .body(body)
        .send()
        .await
        .map_err(|e| ExchangeError::transport(&e, started))?;
    let status = response.status();
    if status == StatusCode::BAD_REQUEST || status == StatusCode::UNAUTHORIZED {
        return Err(ExchangeError::Refused(status));
    }
    if !status.is_success() {
        return Err(ExchangeError::Status(status));
    }
    let bytes = read_body(&mut response, TOKEN_ANSWER_LIMIT, true)
        .await
        .map_err(|e| match e {
            ReadError::TooLarge => ExchangeError::Failed(format!(
                "the auth server's answer is over {TOKEN_ANSWER_LIMIT} bytes: not a token answer"
            )),
            ReadError::Transport(e) => ExchangeError::transport(&e, started),
        })?;
    // Never echo the answer: it may hold a token.
    let answer: TokenAnswer = serde_json::from_slice(&bytes).map_err(|_| {
        ExchangeError::Failed("the auth server's answer is not a token answer".into())
    })?;
    if answer
        .token_type
        .as_deref()
        .is_some_and(|t| !t.eq_ignore_ascii_case("bearer"))
    {
        return Err(ExchangeError::Failed(
            "the auth server gave a token that is not a bearer token".into(),
        ));
    }
    let mut token = AccessToken::bearer(answer.access_token.expose_secret()).map_err(|_| {
        ExchangeError::Failed("the auth server gave an unusable access token".into())
    })?;
    token.renew_at = Some(renew_at(started, lifetime(answer.expires_in.as_ref())));
    token.refresh_token = answer.refresh_token;
    Ok(Arc::new(token))
}

/// Why an exchange failed: cloneable, so every waiter of a shared exchange gets it.
#[derive(Clone, Debug)]
pub(super) enum ExchangeError {
    /// 400 or 401: the API token is wrong, expired or revoked.
    Refused(StatusCode),
    /// Another status that is not a success (429 and 5xx are worth another try).
    Status(StatusCode),
    /// The auth server could not be reached, or the connection broke.
    Unreachable(String),
    /// The auth server gave no usable answer.
    Failed(String),
    /// The exchange took too long.
    Timeout(Duration),
    /// The exchange panicked (a bug); it was cleared, and the next call starts a new one.
    Panicked,
}

impl ExchangeError {
    fn transport(err: &reqwest::Error, started: Instant) -> Self {
        if err.is_timeout() {
            ExchangeError::Timeout(started.elapsed())
        } else {
            // reqwest's message without the URL is enough and holds no secret.
            ExchangeError::Unreachable(format!(
                "the auth server could not be reached: {}",
                err.to_string().trim()
            ))
        }
    }

    /// Whether another exchange may succeed: asking again for a token is harmless, so any
    /// failure to get an answer, and a 429 or 5xx, is worth a retry.
    pub(super) fn is_retryable(&self) -> bool {
        match self {
            ExchangeError::Status(status) => {
                *status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
            }
            ExchangeError::Unreachable(_) | ExchangeError::Timeout(_) => true,
            ExchangeError::Refused(_) | ExchangeError::Failed(_) | ExchangeError::Panicked => false,
        }
    }

    pub(super) fn into_error(self) -> Error {
        match self {
            ExchangeError::Refused(status) => Error::Credentials(format!(
                "the auth server refused the API token ({status}); check that it is valid and not revoked"
            )),
            ExchangeError::Status(status) => {
                Error::Auth(format!("the auth server answered {status}"))
            }
            ExchangeError::Unreachable(message) | ExchangeError::Failed(message) => {
                Error::Auth(message)
            }
            ExchangeError::Timeout(after) => Error::Timeout {
                after,
                replay_safe: true,
            },
            ExchangeError::Panicked => {
                Error::Auth("the token exchange failed unexpectedly; it will be retried".into())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exchange_errors_never_carry_the_answer() {
        let err = ExchangeError::Refused(StatusCode::UNAUTHORIZED).into_error();
        assert!(matches!(err, Error::Credentials(_)));
        assert!(err.to_string().contains("401"));
    }

    #[test]
    fn any_expires_in_gives_a_bounded_lifetime() {
        let json = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
        assert_eq!(lifetime(Some(&json("3600"))), Duration::from_secs(3600));
        assert_eq!(lifetime(Some(&json("\"120\""))), Duration::from_secs(120));
        assert_eq!(lifetime(Some(&json("0"))), Duration::ZERO);
        assert_eq!(lifetime(Some(&json("-5"))), Duration::ZERO);
        assert_eq!(lifetime(Some(&json("1e300"))), MAX_LIFETIME);
        assert_eq!(lifetime(Some(&json("18446744073709551615"))), MAX_LIFETIME);
        assert_eq!(lifetime(Some(&json("\"soon\""))), DEFAULT_LIFETIME);
        assert_eq!(lifetime(Some(&json("null"))), DEFAULT_LIFETIME);
        assert_eq!(lifetime(None), DEFAULT_LIFETIME);
        assert_eq!(lifetime(Some(&json("0.5"))), Duration::from_millis(500));
    }

    #[test]
    fn renewal_margin_fits_the_lifetime() {
        let now = Instant::now();
        assert_eq!(
            renew_at(now, Duration::from_secs(900)),
            now + Duration::from_secs(840)
        );
        assert_eq!(
            renew_at(now, Duration::from_secs(60)),
            now + Duration::from_secs(30)
        );
        assert_eq!(renew_at(now, Duration::ZERO), now);
        // The largest lifetime still gives an instant, never a panic.
        let _ = renew_at(now, MAX_LIFETIME);
    }

    #[test]
    fn only_failures_worth_another_try_are_retryable() {
        assert!(ExchangeError::Status(StatusCode::SERVICE_UNAVAILABLE).is_retryable());
        assert!(ExchangeError::Status(StatusCode::TOO_MANY_REQUESTS).is_retryable());
        assert!(!ExchangeError::Status(StatusCode::FORBIDDEN).is_retryable());
        assert!(!ExchangeError::Refused(StatusCode::UNAUTHORIZED).is_retryable());
        assert!(ExchangeError::Unreachable(String::new()).is_retryable());
        assert!(!ExchangeError::Panicked.is_retryable());
    }
}
