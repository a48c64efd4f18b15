//! [`MockServer`], the handle tests hold, and its [`MockServerBuilder`].

use std::fmt;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::http::Method;
use chrono::{DateTime, Utc};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use uuid::Uuid;

use crate::faults::RouteScript;
use crate::journal::RecordedRequest;
use crate::state::{self, Config, Shared, lock};
use crate::users::model::{AddedUser, NewUser, User};

/// The default access-token lifetime: 15 minutes, as the real API gives.
pub const DEFAULT_ACCESS_TOKEN_LIFETIME: Duration = Duration::from_secs(900);

/// A running mock of the Upsun API on 127.0.0.1. It stops when dropped.
///
/// It starts with one user, "ada", whose credentials are [`access_token`](Self::access_token)
/// and [`api_token`](Self::api_token). Everything else about it is read or changed through the
/// methods below, from any thread (`&self` everywhere; wrap it in an `Arc` to share it).
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
    pub(crate) shared: Arc<Shared>,
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

    /// How long access tokens stay valid (default [`DEFAULT_ACCESS_TOKEN_LIFETIME`]). The
    /// token endpoint reports it as `expires_in`, in whole seconds rounded up. Time is the mock's
    /// clock, which [`MockServer::advance_clock`] moves forward.
    #[must_use]
    pub fn access_token_lifetime(mut self, lifetime: Duration) -> Self {
        self.access_token_lifetime = lifetime;
        self
    }

    /// Gives the seeded user this API token instead of a random one (handy for a fixed token in
    /// scripts that start the binary).
    #[must_use]
    pub fn api_token(mut self, token: impl Into<String>) -> Self {
        self.api_token = Some(token.into());
        self
    }

    /// Binds the address and starts serving on the current Tokio runtime.
    ///
    /// # Errors
    ///
    /// If the address cannot be bound (for a fixed port: it is in use).
    pub async fn start(self) -> io::Result<MockServer> {
        let listener = TcpListener::bind(self.addr).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared::new(Config {
            access_token_lifetime: self.access_token_lifetime,
        }));
        let (seed, created_at) = state::seed_user();
        let seed = shared.add_user(seed, false, created_at, self.api_token);
        let task = tokio::spawn(crate::serve::accept_loop(listener, shared.clone()));
        Ok(MockServer {
            shared,
            addr,
            base_url: format!("http://{addr}"),
            seed,
            task,
        })
    }
}

impl MockServer {
    /// Starts a mock on 127.0.0.1 on a free port, with default options.
    ///
    /// # Panics
    ///
    /// If no loopback port can be bound, or outside a Tokio runtime. Use
    /// [`builder`](Self::builder) to get the error instead.
    pub async fn start() -> MockServer {
        match Self::builder().start().await {
            Ok(server) => server,
            Err(err) => panic!("upsun-mock: cannot listen on 127.0.0.1: {err}"),
        }
    }

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

    /// Adds a user; returns it with its own access token and API token.
    ///
    /// Usernames and emails are not checked for uniqueness here; lookups by them return the
    /// first match.
    ///
    /// ```no_run
    /// # async fn demo() {
    /// use upsun_mock::{MockServer, NewUser};
    ///
    /// let mock = MockServer::start().await;
    /// let grace = mock.add_user(NewUser::new("grace").first_name("Grace"));
    /// assert_eq!(mock.user(grace.user.id), Some(grace.user));
    /// # }
    /// ```
    pub fn add_user(&self, user: NewUser) -> AddedUser {
        self.shared.add_user(user, false, self.shared.now(), None)
    }

    /// Adds a user whose tokens may read and update every user, not only itself.
    pub fn add_admin(&self, user: NewUser) -> AddedUser {
        self.shared.add_user(user, true, self.shared.now(), None)
    }

    /// The user with this ID as currently stored, or `None`.
    pub fn user(&self, id: Uuid) -> Option<User> {
        lock(&self.shared.store).user(id).cloned()
    }

    /// Every user, in the order they were added (the seeded user first).
    pub fn users(&self) -> Vec<User> {
        lock(&self.shared.store).users().cloned().collect()
    }

    /// The content type and bytes of the profile picture last uploaded for this user with
    /// `POST /profile/{uuid}/picture`; `None` if there is none (or it was deleted).
    pub fn profile_picture(&self, user_id: Uuid) -> Option<(String, crate::Bytes)> {
        crate::profiles::picture(&self.shared, user_id)
    }

    /// A new access token for an existing user, valid for the access-token lifetime from now;
    /// `None` if there is no such user.
    pub fn issue_access_token(&self, user_id: Uuid) -> Option<String> {
        self.shared.issue_access_token(user_id)
    }

    /// How many exchanges at `POST /oauth2/token` succeeded (with either grant). Refused
    /// attempts and requests answered by a fault are not counted; the
    /// [journal](Self::requests) has every attempt.
    pub fn token_exchanges(&self) -> usize {
        lock(&self.shared.store).tokens.exchanges()
    }

    /// Expires every access token issued so far, so their next use gets a 401
    /// (`error="invalid_token"`). Tokens issued afterwards work as usual.
    pub fn expire_access_tokens(&self) {
        let now = self.shared.now();
        lock(&self.shared.store).tokens.expire_access(now);
    }

    /// Revokes every refresh token issued so far, so only an API-token exchange still works.
    pub fn revoke_refresh_tokens(&self) {
        lock(&self.shared.store).tokens.revoke_refresh();
    }

    /// Moves the mock's clock forward: tokens expire and timestamps move as if `by` had passed,
    /// without sleeping. (Fault delays are real time.)
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
        self.shared.clock.advance(by);
    }

    /// The mock clock's current time (wall clock plus every [`advance_clock`](Self::advance_clock)).
    pub fn now(&self) -> DateTime<Utc> {
        self.shared.now()
    }

    /// The access-token lifetime this server was started with.
    pub fn access_token_lifetime(&self) -> Duration {
        self.shared.config.access_token_lifetime
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
        RouteScript::new(&self.shared, method, pattern)
    }

    /// How many scripted answers have not been given yet (a step set to `always` counts once).
    /// Zero after a test means every scripted fault was hit.
    pub fn pending_faults(&self) -> usize {
        lock(&self.shared.faults).pending()
    }

    /// Forgets every fault script.
    pub fn clear_faults(&self) {
        lock(&self.shared.faults).clear();
    }

    /// Every request received so far, oldest first; see [`RecordedRequest`].
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.journal).requests()
    }

    /// Empties the journal.
    pub fn clear_requests(&self) {
        lock(&self.shared.journal).clear();
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
