//! [`MockServer`], the handle tests hold, and its [`MockServerBuilder`].
//!
//! This file has what every server has: its address, the seeded user's credentials, the
//! clock, the fault scripts and the journal. What each API area keeps is read through that
//! area's handle (`mock.users()`, `mock.organizations()`, ...), which the registry
//! (`areas.rs`) adds; the registry also starts the server ([`MockServerBuilder::start`]),
//! handing [`launch`](MockServerBuilder::launch) its routes and state.

use std::any::Any;
use std::fmt;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::Method;
use chrono::{DateTime, Utc};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use uuid::Uuid;

use crate::core::faults::RouteScript;
use crate::core::identity::model::AddedUser;
use crate::core::identity::seed_user;
use crate::core::journal::RecordedRequest;
use crate::core::{Config, Core, clock, lock};

/// The default access-token lifetime: 15 minutes, as the real API gives.
pub const DEFAULT_ACCESS_TOKEN_LIFETIME: Duration = Duration::from_secs(900);

/// A running mock of the Upsun API on 127.0.0.1. It stops when dropped.
///
/// It starts with one user, "ada", whose credentials are [`access_token`](Self::access_token)
/// and [`api_token`](Self::api_token). The methods below read or change what every area shares
/// (credentials, the clock, faults, the journal); each API area's state is read and seeded
/// through its handle: [`users`](Self::users), [`organizations`](Self::organizations),
/// [`profiles`](Self::profiles), [`mfa`](Self::mfa), ... All take `&self` and work from any
/// thread (wrap the server in an `Arc` to share it).
///
/// ```no_run
/// # async fn demo() {
/// use upsun_mock::MockServer;
///
/// let mock = MockServer::start().await;
/// let url = format!("{}/users/me", mock.base_url());
/// let bearer = format!("Bearer {}", mock.access_token());
/// // ... send GET `url` with `Authorization: bearer` using any HTTP client ...
/// # let _ = (url, bearer);
/// # }
/// ```
pub struct MockServer {
    pub(crate) core: Arc<Core>,
    /// The registry's state, which only `areas.rs` reads back (see [`MockServer::areas`]).
    areas: Arc<dyn Any + Send + Sync>,
    addr: SocketAddr,
    base_url: String,
    seed: AddedUser,
    task: JoinHandle<()>,
}

/// Options for a [`MockServer`]; from [`MockServer::builder`].
#[derive(Debug, Clone)]
pub struct MockServerBuilder {
    addr: SocketAddr,
    access_token_lifetime: Duration,
    api_token: Option<String>,
}

impl MockServerBuilder {
    /// Listens on this port of 127.0.0.1 instead of a free one chosen by the system.
    #[must_use]
    pub fn port(mut self, port: u16) -> Self {
        self.addr.set_port(port);
        self
    }

    /// Listens on this address instead of `127.0.0.1:0`.
    #[must_use]
    pub fn bind(mut self, addr: SocketAddr) -> Self {
        self.addr = addr;
        self
    }

    /// How long access tokens stay valid (default [`DEFAULT_ACCESS_TOKEN_LIFETIME`]); a
    /// lifetime over ten years counts as ten years. The token endpoint reports it as
    /// `expires_in`, in whole seconds rounded up. Time is the mock's clock, which
    /// [`MockServer::advance_clock`] moves forward.
    #[must_use]
    pub fn access_token_lifetime(mut self, lifetime: Duration) -> Self {
        self.access_token_lifetime = clock::clamp(lifetime);
        self
    }

    /// Gives the seeded user this API token instead of a random one (handy for a fixed token in
    /// scripts that start the binary).
    #[must_use]
    pub fn api_token(mut self, token: impl Into<String>) -> Self {
        self.api_token = Some(token.into());
        self
    }

    /// Binds the address, seeds the first user, and serves the router `assemble` builds over
    /// the new [`Core`] (the registry's routes and area state) on the current Tokio runtime.
    /// The registry's [`start`](Self::start) calls it.
    pub(crate) async fn launch<A>(
        self,
        assemble: impl FnOnce(&Arc<Core>) -> (Router, Arc<A>),
    ) -> io::Result<MockServer>
    where
        A: Any + Send + Sync,
    {
        let listener = TcpListener::bind(self.addr).await?;
        let addr = listener.local_addr()?;
        let core = Arc::new(Core::new(Config {
            access_token_lifetime: self.access_token_lifetime,
        }));
        let (router, areas) = assemble(&core);
        let (seed, created_at) = seed_user();
        let seed = core.add_user(seed, false, created_at, self.api_token);
        let task = tokio::spawn(crate::core::serve::accept_loop(
            listener,
            core.clone(),
            router,
        ));
        Ok(MockServer {
            core,
            areas,
            addr,
            base_url: format!("http://{addr}"),
            seed,
            task,
        })
    }
}

impl MockServer {
    /// Options: a fixed port, the access-token lifetime, a fixed API token.
    ///
    /// ```no_run
    /// # async fn demo() -> std::io::Result<()> {
    /// use std::time::Duration;
    /// use upsun_mock::MockServer;
    ///
    /// let mock = MockServer::builder()
    ///     .access_token_lifetime(Duration::from_secs(60))
    ///     .start()
    ///     .await?;
    /// # let _ = mock; Ok(()) }
    /// ```
    pub fn builder() -> MockServerBuilder {
        MockServerBuilder {
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            access_token_lifetime: DEFAULT_ACCESS_TOKEN_LIFETIME,
            api_token: None,
        }
    }

    /// The URL to send requests to, without a trailing slash: `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The address the mock listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The seeded user's ID.
    pub fn user_id(&self) -> Uuid {
        self.seed.user.id
    }

    /// An access token for the seeded user, issued at start. It expires like any other (after
    /// the access-token lifetime, or at [`expire_access_tokens`](Self::expire_access_tokens));
    /// get a new one with [`issue_access_token`](Self::issue_access_token).
    pub fn access_token(&self) -> &str {
        &self.seed.access_token
    }

    /// The seeded user's API token, for `POST /oauth2/token` with `grant_type=api_token`.
    pub fn api_token(&self) -> &str {
        &self.seed.api_token
    }

    /// A new access token for an existing user, valid for the access-token lifetime from now;
    /// `None` if there is no such user.
    pub fn issue_access_token(&self, user_id: Uuid) -> Option<String> {
        self.core.issue_access_token(user_id)
    }

    /// How many exchanges at `POST /oauth2/token` succeeded (with either grant). Refused
    /// attempts and requests answered by a fault are not counted; the
    /// [journal](Self::requests) has every attempt.
    pub fn token_exchanges(&self) -> usize {
        lock(&self.core.tokens).exchanges()
    }

    /// Expires every access token issued so far, so their next use gets a 401
    /// (`error="invalid_token"`). Tokens issued afterwards work as usual.
    pub fn expire_access_tokens(&self) {
        let now = self.core.now();
        lock(&self.core.tokens).expire_access(now);
    }

    /// Revokes every refresh token issued so far, so only an API-token exchange still works.
    pub fn revoke_refresh_tokens(&self) {
        lock(&self.core.tokens).revoke_refresh();
    }

    /// Moves the mock's clock forward: tokens expire and timestamps move as if `by` had passed,
    /// without sleeping. (Fault delays are real time.) One call moves it at most ten years
    /// (`Duration::MAX` is fine), and all calls together at most a thousand.
    ///
    /// ```no_run
    /// # async fn demo() {
    /// use std::time::Duration;
    /// use upsun_mock::MockServer;
    ///
    /// let mock = MockServer::start().await;
    /// mock.advance_clock(Duration::from_secs(901));
    /// // mock.access_token() now gets 401 with `error="invalid_token"`.
    /// # }
    /// ```
    pub fn advance_clock(&self, by: Duration) {
        self.core.clock.advance(by);
    }

    /// Runs the mock clock at `speed` times real time from now on (activities progress on it):
    /// `20.0` makes a second pass every 50 ms. `1.0` is real time; `0.0` stops the clock, so
    /// only [`advance_clock`](Self::advance_clock) moves it. Clamped to 0 to 1000.
    ///
    /// ```no_run
    /// # async fn demo() {
    /// let mock = upsun_mock::MockServer::start().await;
    /// mock.set_clock_speed(20.0);
    /// # }
    /// ```
    pub fn set_clock_speed(&self, speed: f64) {
        self.core.clock.set_speed(speed);
    }

    /// The mock clock's current time (wall clock plus every [`advance_clock`](Self::advance_clock)).
    pub fn now(&self) -> DateTime<Utc> {
        self.core.now()
    }

    /// The access-token lifetime this server was started with (at most ten years).
    pub fn access_token_lifetime(&self) -> Duration {
        self.core.config.access_token_lifetime
    }

    /// Scripts faults for requests with this method whose path matches `pattern`. See
    /// [`Fault`](crate::Fault) for what a fault can do.
    ///
    /// The pattern is a path, where a `{name}` stands for any non-empty text within one segment
    /// (`/users/{id}`, `/users/email={email}`) and a final `{*name}` for any remainder
    /// (`/{*any}` matches every path). Literal text matches the path as sent or percent-decoded;
    /// the query string is ignored. Calling `on` again with the same method and pattern appends
    /// to that script. When several scripts match a request, the one created first that still
    /// has a step left answers.
    ///
    /// ```no_run
    /// # async fn demo() {
    /// use upsun_mock::{Fault, Method, MockServer};
    ///
    /// let mock = MockServer::start().await;
    /// mock.on(Method::GET, "/users/me")
    ///     .respond(Fault::status(503).header("Retry-After", "1"))
    ///     .times(2);
    /// # }
    /// ```
    pub fn on(&self, method: Method, pattern: &str) -> RouteScript<'_> {
        RouteScript::new(&self.core, method, pattern)
    }

    /// How many scripted answers have not been given yet (a step set to `always` counts once).
    /// Zero after a test means every scripted fault was hit.
    pub fn pending_faults(&self) -> usize {
        lock(&self.core.faults).pending()
    }

    /// Forgets every fault script.
    pub fn clear_faults(&self) {
        lock(&self.core.faults).clear();
    }

    /// Every request received so far, oldest first, each with its answer once given; see
    /// [`RecordedRequest`].
    ///
    /// The journal keeps the newest [`JOURNAL_CAPACITY`](crate::JOURNAL_CAPACITY) requests
    /// (and at most [`JOURNAL_BODY_BUDGET`](crate::JOURNAL_BODY_BUDGET) bytes of bodies): a
    /// long run drops the oldest ones, which [`dropped_requests`](Self::dropped_requests)
    /// counts.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.core.journal).requests()
    }

    /// How many requests the journal dropped, oldest first, to stay within its bounds since
    /// the server started. [`clear_requests`](Self::clear_requests) does not count as dropping,
    /// nor reset this count. Zero means [`requests`](Self::requests) has every request not
    /// cleared.
    pub fn dropped_requests(&self) -> u64 {
        lock(&self.core.journal).dropped()
    }

    /// Empties the journal.
    pub fn clear_requests(&self) {
        lock(&self.core.journal).clear();
    }

    /// The registry's state, if it is an `A`: how `areas.rs` reaches each area's store for the
    /// handles.
    pub(crate) fn areas<A: Any>(&self) -> Option<&A> {
        self.areas.downcast_ref()
    }
}

impl fmt::Debug for MockServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MockServer")
            .field("base_url", &self.base_url)
            .field("user_id", &self.seed.user.id)
            .finish_non_exhaustive()
    }
}

impl Drop for MockServer {
    /// Stops accepting connections and ends the open ones.
    fn drop(&mut self) {
        self.task.abort();
    }
}
