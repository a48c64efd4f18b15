//! Credentials: a ready access token, or an API token exchanged for access tokens.
//!
//! Upsun users hold an API token. Before the first call the client exchanges it at
//! `{auth_url}/oauth2/token` for an access token, uses that until shortly before it expires, and
//! then exchanges again (with the refresh token first, when one was given).
//!
//! Exchanges are single flight: however many calls need a token at once, one exchange runs and
//! every waiter gets its result. A valid token is read under a shared lock only.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::Duration;

use futures_util::FutureExt as _;
use futures_util::future::{BoxFuture, Shared};
use reqwest::StatusCode;
use reqwest::header::{self, HeaderValue};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use tokio::time::Instant;

use crate::error::{Error, Result};

/// `base64("platform-api-user:")`: the OAuth2 client that Upsun's official tools use with API
/// tokens, with an empty secret.
const BASIC_AUTH: &str = "Basic cGxhdGZvcm0tYXBpLXVzZXI6";
/// A token is replaced this long before it expires.
const EXPIRY_MARGIN: Duration = Duration::from_secs(60);

/// An access token ready to be sent, with what is needed to know when to replace it.
pub(crate) struct AccessToken {
    /// `Bearer <token>`, marked sensitive.
    pub(crate) header: HeaderValue,
    /// Replace the token from this instant on; `None` for a token given by the user.
    renew_at: Option<Instant>,
    refresh_token: Option<SecretString>,
}

impl AccessToken {
    pub(crate) fn bearer(token: &str) -> std::result::Result<Self, Error> {
        if token.trim().is_empty() {
            return Err(Error::config("the access token is empty"));
        }
        let mut header = HeaderValue::from_str(&format!("Bearer {token}")).map_err(|_| {
            Error::config("the access token holds a character a header may not hold")
        })?;
        header.set_sensitive(true);
        Ok(AccessToken {
            header,
            renew_at: None,
            refresh_token: None,
        })
    }

    fn is_fresh(&self) -> bool {
        self.renew_at.is_none_or(|at| Instant::now() < at)
    }
}

/// Where the bearer token comes from.
pub(crate) enum Credentials {
    /// No `Authorization` header at all.
    None,
    /// A token given by the user: never exchanged.
    Fixed(Arc<AccessToken>),
    /// An API token, exchanged for access tokens as needed.
    Exchange(TokenSource),
}

impl Credentials {
    /// The token for the next request, exchanging first when there is no fresh one.
    pub(crate) async fn token(&self) -> Result<Option<Arc<AccessToken>>> {
        match self {
            Credentials::None => Ok(None),
            Credentials::Fixed(token) => Ok(Some(token.clone())),
            Credentials::Exchange(source) => source.token().await.map(Some),
        }
    }

    /// The token for the next request when it can be had without waiting (no credentials, a
    /// fixed token, or a fresh one); `None` when an exchange is needed.
    pub(crate) fn ready(&self) -> Option<Option<Arc<AccessToken>>> {
        match self {
            Credentials::None => Some(None),
            Credentials::Fixed(token) => Some(Some(token.clone())),
            Credentials::Exchange(source) => source.fresh().map(Some),
        }
    }

    /// Forgets `used` after the API refused it, unless another call already replaced it.
    /// Returns whether a new token can be had (only an API token can be exchanged again).
    pub(crate) fn invalidate(&self, used: &Arc<AccessToken>) -> bool {
        match self {
            Credentials::Exchange(source) => {
                let mut current = source
                    .current
                    .write()
                    .unwrap_or_else(PoisonError::into_inner);
                if current.as_ref().is_some_and(|c| Arc::ptr_eq(c, used)) {
                    *current = None;
                }
                true
            }
            _ => false,
        }
    }

    pub(crate) fn describe(&self) -> &'static str {
        match self {
            Credentials::None => "none",
            Credentials::Fixed(_) => "access token (redacted)",
            Credentials::Exchange(_) => "API token (redacted)",
        }
    }
}

type Exchange = Shared<BoxFuture<'static, std::result::Result<Arc<AccessToken>, ExchangeError>>>;

/// Exchanges an API token for access tokens, one exchange at a time.
pub(crate) struct TokenSource {
    http: reqwest::Client,
    token_url: String,
    api_token: SecretString,
    current: RwLock<Option<Arc<AccessToken>>>,
    in_flight: Mutex<Option<Exchange>>,
}

impl TokenSource {
    pub(crate) fn new(http: reqwest::Client, auth_url: &str, api_token: SecretString) -> Self {
        TokenSource {
            http,
            token_url: format!("{}/oauth2/token", auth_url.trim_end_matches('/')),
            api_token,
            current: RwLock::new(None),
            in_flight: Mutex::new(None),
        }
    }

    fn fresh(&self) -> Option<Arc<AccessToken>> {
        let current = self.current.read().unwrap_or_else(PoisonError::into_inner);
        current.as_ref().filter(|token| token.is_fresh()).cloned()
    }

    async fn token(&self) -> Result<Arc<AccessToken>> {
        let stale = {
            let current = self.current.read().unwrap_or_else(PoisonError::into_inner);
            match &*current {
                Some(token) if token.is_fresh() => return Ok(token.clone()),
                other => other.clone(),
            }
        };
        let exchange = {
            let mut in_flight = self
                .in_flight
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            // Another caller may have stored a token between the read above and this lock.
            if let Some(token) = &*self.current.read().unwrap_or_else(PoisonError::into_inner) {
                if token.is_fresh() {
                    return Ok(token.clone());
                }
            }
            in_flight
                .get_or_insert_with(|| {
                    self.start_exchange(stale.and_then(|s| s.refresh_token.clone()))
                })
                .clone()
        };
        let outcome = exchange.clone().await;
        {
            // The first waiter to see the outcome clears the flight; the others find it gone or
            // replaced by a newer one, which they leave alone.
            let mut in_flight = self
                .in_flight
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            if in_flight.as_ref().is_some_and(|f| f.ptr_eq(&exchange)) {
                *in_flight = None;
                if let Ok(token) = &outcome {
                    *self.current.write().unwrap_or_else(PoisonError::into_inner) =
                        Some(token.clone());
                }
            }
        }
        outcome.map_err(ExchangeError::into_error)
    }

    /// Starts an exchange that lives on even if the caller that started it is dropped: any
    /// waiter can drive the shared future to its end.
    fn start_exchange(&self, refresh_token: Option<SecretString>) -> Exchange {
        let http = self.http.clone();
        let url = self.token_url.clone();
        let api_token = self.api_token.clone();
        async move {
            if let Some(refresh) = refresh_token {
                let form = [
                    ("grant_type", "refresh_token"),
                    ("refresh_token", refresh.expose_secret()),
                ];
                if let Ok(token) = request_token(&http, &url, &form).await {
                    return Ok(token);
                }
            }
            let form = [
                ("grant_type", "api_token"),
                ("api_token", api_token.expose_secret()),
            ];
            request_token(&http, &url, &form).await
        }
        .boxed()
        .shared()
    }
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: SecretString,
    expires_in: Option<u64>,
    #[serde(default)]
    token_type: Option<String>,
    refresh_token: Option<SecretString>,
}

async fn request_token(
    http: &reqwest::Client,
    url: &str,
    form: &[(&str, &str)],
) -> std::result::Result<Arc<AccessToken>, ExchangeError> {
    let body = serde_urlencoded::to_string(form)
        .map_err(|_| ExchangeError::Failed("the token request could not be encoded".into()))?;
    let started = Instant::now();
    let response = http
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
        return Err(ExchangeError::Failed(format!(
            "the auth server answered {status}"
        )));
    }
    let bytes = response
        .bytes()
        .await
        .map_err(|e| ExchangeError::transport(&e, started))?;
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
    let lifetime = Duration::from_secs(answer.expires_in.unwrap_or(900));
    // Replace a token 60 s before it expires; a short-lived one (under 2 min) at half its life.
    token.renew_at = Some(started + lifetime.saturating_sub(EXPIRY_MARGIN.min(lifetime / 2)));
    token.refresh_token = answer.refresh_token;
    Ok(Arc::new(token))
}

/// Why an exchange failed: cloneable, so every waiter of a shared exchange gets it.
#[derive(Clone, Debug)]
enum ExchangeError {
    /// 400 or 401: the API token is wrong, expired or revoked.
    Refused(StatusCode),
    /// The auth server could not be reached or gave no usable answer.
    Failed(String),
    /// The exchange took too long.
    Timeout(Duration),
}

impl ExchangeError {
    fn transport(err: &reqwest::Error, started: Instant) -> Self {
        if err.is_timeout() {
            ExchangeError::Timeout(started.elapsed())
        } else {
            // reqwest's message without the URL is enough and holds no secret.
            let message = err.to_string();
            ExchangeError::Failed(format!("the auth server could not be reached: {message}"))
        }
    }

    fn into_error(self) -> Error {
        match self {
            ExchangeError::Refused(status) => Error::Credentials(format!(
                "the auth server refused the API token ({status}); check that it is valid and not revoked"
            )),
            ExchangeError::Failed(message) => Error::Auth(message),
            ExchangeError::Timeout(after) => Error::Timeout { after },
        }
    }
}

impl fmt::Debug for TokenSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenSource")
            .field("token_url", &self.token_url)
            .finish_non_exhaustive()
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
}
