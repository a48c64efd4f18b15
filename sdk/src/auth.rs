//! Credentials: a ready access token, or an API token exchanged for access tokens.
//!
//! Upsun users hold an API token. Before the first call the client exchanges it at
//! `{auth_url}/oauth2/token` for an access token, uses that until shortly before it expires, and
//! then exchanges again (with the refresh token first, when one was given).
//!
//! Exchanges are single flight: however many calls need a token at once, one exchange runs and
//! every waiter gets its result. A valid token is read under a shared lock only. The exchange
//! clears itself when it ends, whatever the outcome (a token, an error, even a panic), so the
//! next call after a failure starts a fresh one.

mod exchange;

use std::fmt;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use futures_util::FutureExt as _;
use futures_util::future::{BoxFuture, Shared};
use reqwest::header::HeaderValue;
use secrecy::{ExposeSecret, SecretString};
use tokio::time::Instant;

use crate::error::Error;
use exchange::{ExchangeError, request_token};

/// Why no token could be had, and whether trying again may help (the auth server was not
/// reached, or answered 429 or 5xx).
pub(crate) struct TokenFailure {
    pub(crate) error: Error,
    pub(crate) retryable: bool,
}

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
    pub(crate) async fn token(
        &self,
    ) -> std::result::Result<Option<Arc<AccessToken>>, TokenFailure> {
        match self {
            Credentials::None => Ok(None),
            Credentials::Fixed(token) => Ok(Some(token.clone())),
            Credentials::Exchange(source) => {
                source.token().await.map(Some).map_err(|e| TokenFailure {
                    retryable: e.is_retryable(),
                    error: e.into_error(),
                })
            }
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
                    .state
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

/// The token in use and the exchange in flight, shared with the exchange itself so that it can
/// clear itself when it ends.
struct State {
    current: RwLock<Option<Arc<AccessToken>>>,
    /// The exchange in flight and its number.
    in_flight: Mutex<Option<(u64, Exchange)>>,
    next_flight: AtomicU64,
}

impl State {
    fn fresh(&self) -> Option<Arc<AccessToken>> {
        let current = self.current.read().unwrap_or_else(PoisonError::into_inner);
        current.as_ref().filter(|token| token.is_fresh()).cloned()
    }

    /// Ends flight `id`: stores its token (if it got one) and forgets it, unless a newer flight
    /// already replaced it.
    fn finish(&self, id: u64, outcome: &std::result::Result<Arc<AccessToken>, ExchangeError>) {
        let mut in_flight = self
            .in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if in_flight.as_ref().is_some_and(|(flight, _)| *flight == id) {
            *in_flight = None;
            if let Ok(token) = outcome {
                *self.current.write().unwrap_or_else(PoisonError::into_inner) = Some(token.clone());
            }
        }
    }
}

/// Exchanges an API token for access tokens, one exchange at a time.
pub(crate) struct TokenSource {
    http: reqwest::Client,
    token_url: String,
    api_token: SecretString,
    state: Arc<State>,
}

impl TokenSource {
    pub(crate) fn new(http: reqwest::Client, auth_url: &str, api_token: SecretString) -> Self {
        TokenSource {
            http,
            token_url: format!("{}/oauth2/token", auth_url.trim_end_matches('/')),
            api_token,
            state: Arc::new(State {
                current: RwLock::new(None),
                in_flight: Mutex::new(None),
                next_flight: AtomicU64::new(0),
            }),
        }
    }

    fn fresh(&self) -> Option<Arc<AccessToken>> {
        self.state.fresh()
    }

    async fn token(&self) -> std::result::Result<Arc<AccessToken>, ExchangeError> {
        if let Some(token) = self.fresh() {
            return Ok(token);
        }
        let exchange = {
            let mut in_flight = self
                .state
                .in_flight
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            // Another caller may have stored a token between the read above and this lock.
            if let Some(token) = self.fresh() {
                return Ok(token);
            }
            match &*in_flight {
                Some((_, exchange)) => exchange.clone(),
                None => {
                    let refresh = self
                        .state
                        .current
                        .read()
                        .unwrap_or_else(PoisonError::into_inner)
                        .as_ref()
                        .and_then(|stale| stale.refresh_token.clone());
                    let id = self.state.next_flight.fetch_add(1, Ordering::Relaxed);
                    let exchange = self.start_exchange(id, refresh);
                    *in_flight = Some((id, exchange.clone()));
                    exchange
                }
            }
        };
        exchange.await
    }

    /// Starts exchange number `id`. It lives on even if the caller that started it is dropped
    /// (any waiter, or the next caller, drives the shared future on), and it clears itself when
    /// it ends, a panic included, so no outcome leaves the client stuck.
    fn start_exchange(&self, id: u64, refresh_token: Option<SecretString>) -> Exchange {
        let http = self.http.clone();
        let url = self.token_url.clone();
        let api_token = self.api_token.clone();
        let work = async move {
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
        };
        flight(Arc::clone(&self.state), id, work)
    }
}

/// Flight `id` of `work`, shared by every waiter, clearing itself from `state` when it ends:
/// with a token, an error, or a panic (caught, and turned into an error).
fn flight<F>(state: Arc<State>, id: u64, work: F) -> Exchange
where
    F: std::future::Future<Output = std::result::Result<Arc<AccessToken>, ExchangeError>>
        + Send
        + 'static,
{
    async move {
        let outcome = AssertUnwindSafe(work)
            .catch_unwind()
            .await
            .unwrap_or(Err(ExchangeError::Panicked));
        state.finish(id, &outcome);
        outcome
    }
    .boxed()
    .shared()
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

    fn state() -> Arc<State> {
        Arc::new(State {
            current: RwLock::new(None),
            in_flight: Mutex::new(None),
            next_flight: AtomicU64::new(0),
        })
    }

    #[tokio::test]
    async fn a_flight_that_panics_clears_itself_and_reaches_every_waiter() {
        let state = state();
        let exchange = flight(state.clone(), 7, async {
            // Stands for any bug in the exchange: it must not leave the client stuck.
            if std::hint::black_box(true) {
                panic!("a bug in the exchange");
            }
            AccessToken::bearer("never")
                .map(Arc::new)
                .map_err(|_| ExchangeError::Panicked)
        });
        *state.in_flight.lock().unwrap() = Some((7, exchange.clone()));
        let waiters = [exchange.clone(), exchange];
        for waiter in waiters {
            assert!(matches!(waiter.await, Err(ExchangeError::Panicked)));
        }
        assert!(
            state.in_flight.lock().unwrap().is_none(),
            "the flight cleared itself"
        );
        assert!(state.current.read().unwrap().is_none());
    }

    #[tokio::test]
    async fn a_flight_stores_its_token_and_an_older_one_leaves_a_newer_flight_alone() {
        let state = state();
        let newer = flight(state.clone(), 2, async { Err(ExchangeError::Panicked) });
        *state.in_flight.lock().unwrap() = Some((2, newer));
        let older = flight(state.clone(), 1, async {
            AccessToken::bearer("t1")
                .map(Arc::new)
                .map_err(|_| ExchangeError::Panicked)
        });
        assert!(older.await.is_ok());
        assert_eq!(
            state.in_flight.lock().unwrap().as_ref().map(|(id, _)| *id),
            Some(2),
            "flight 1 did not clear flight 2"
        );
        let only = flight(state.clone(), 3, async {
            AccessToken::bearer("t3")
                .map(Arc::new)
                .map_err(|_| ExchangeError::Panicked)
        });
        *state.in_flight.lock().unwrap() = Some((3, only.clone()));
        only.await.unwrap();
        assert!(state.in_flight.lock().unwrap().is_none());
        assert!(state.fresh().is_some(), "the token is stored");
    }
}
