//! [`Client`] and its [`ClientBuilder`].

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{self, HeaderMap, HeaderValue};
use secrecy::SecretString;

use crate::auth::{AccessToken, Credentials, TokenSource};
use crate::error::{Error, Result};
use crate::retry::{RetryBudget, RetryPolicy};

mod settings;

use settings::{checked_timeout, normalize_url};

/// The API the client talks to unless told otherwise.
pub const DEFAULT_BASE_URL: &str = "https://api.upsun.com";

/// The auth server API tokens are exchanged at unless told otherwise.
pub const DEFAULT_AUTH_URL: &str = "https://auth.upsun.com";

/// The `User-Agent` every request carries, after the convention of Upsun's official SDKs.
pub const USER_AGENT: &str = concat!("upsun-sdk-rust@", env!("CARGO_PKG_VERSION"));

/// The header naming the SDK and its version on every request (`upsun-sdk-rust@x.y.z`),
/// whatever [`ClientBuilder::user_agent`] adds to the `User-Agent`.
pub const CLIENT_HEADER: &str = "x-upsun-client";

/// A handle to the Upsun API.
///
/// Cheap to clone: clones share one connection pool, one token and one configuration. Endpoints
/// are methods of the area traits ([`UsersApi`](crate::users::UsersApi), ...), implemented for
/// `Client`.
///
/// ```no_run
/// use upsun::users::{UpdateUser, UsersApi};
///
/// # async fn run() -> upsun::Result<()> {
/// let client = upsun::Client::builder().api_token("my-api-token").build()?;
/// let me = client.current_user().await?;
/// let me = client.update_user(me.id, &UpdateUser::new().company("Upsun")).await?;
/// assert_eq!(me.company, "Upsun");
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    /// The base URL without its trailing slash: `https://api.upsun.com`, `http://host/api`.
    pub(crate) base: String,
    /// The same, parsed once, for resolving and checking the links answers carry.
    pub(crate) base_url: reqwest::Url,
    pub(crate) credentials: Credentials,
    pub(crate) retry: RetryPolicy,
    pub(crate) budget: RetryBudget,
    pub(crate) attempt_timeout: Duration,
    pub(crate) call_timeout: Option<Duration>,
    pub(crate) max_response_bytes: u64,
}

/// Configures a [`Client`]; made by [`Client::builder`].
///
/// | setting | default |
/// |---|---|
/// | [`base_url`](Self::base_url) | `https://api.upsun.com` |
/// | [`api_token`](Self::api_token) / [`access_token`](Self::access_token) | none |
/// | [`auth_url`](Self::auth_url) | `https://auth.upsun.com` |
/// | [`connect_timeout`](Self::connect_timeout) | 10 s |
/// | [`timeout`](Self::timeout) (one attempt) | 30 s |
/// | [`call_timeout`](Self::call_timeout) (retries and token exchange included) | 2 min |
/// | [`retry`](Self::retry) | [`RetryPolicy::default`] |
/// | [`max_response_bytes`](Self::max_response_bytes) | 16 MiB |
///
/// ```
/// use std::time::Duration;
///
/// let client = upsun::Client::builder()
///     .base_url("http://127.0.0.1:8080")
///     .access_token("my-access-token")
///     .user_agent("my-tool/1.2")
///     .timeout(Duration::from_secs(10))
///     .build()?;
/// # Ok::<(), upsun::Error>(())
/// ```
#[must_use]
pub struct ClientBuilder {
    base_url: String,
    auth_url: String,
    access_token: Option<SecretString>,
    api_token: Option<SecretString>,
    user_agent: Option<String>,
    connect_timeout: Duration,
    timeout: Duration,
    call_timeout: Option<Duration>,
    retry: RetryPolicy,
    max_response_bytes: u64,
    allow_insecure_http: bool,
}

impl Client {
    /// Starts configuring a client.
    ///
    /// ```
    /// let client = upsun::Client::builder().access_token("my-access-token").build()?;
    /// assert_eq!(client.base_url(), "https://api.upsun.com");
    /// # Ok::<(), upsun::Error>(())
    /// ```
    pub fn builder() -> ClientBuilder {
        ClientBuilder {
            base_url: DEFAULT_BASE_URL.to_owned(),
            auth_url: DEFAULT_AUTH_URL.to_owned(),
            access_token: None,
            api_token: None,
            user_agent: None,
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            call_timeout: Some(Duration::from_secs(120)),
            retry: RetryPolicy::default(),
            max_response_bytes: 16 * 1024 * 1024,
            allow_insecure_http: false,
        }
    }

    /// A client configured from the environment, as Upsun's CLI is: the API token from
    /// `UPSUN_CLI_TOKEN` (or `UPSUN_API_TOKEN`), the API URL from `UPSUN_CLI_API_URL` and the
    /// auth URL from `UPSUN_CLI_AUTH_URL`, each optional but the token.
    ///
    /// ```no_run
    /// let client = upsun::Client::from_env()?;
    /// # Ok::<(), upsun::Error>(())
    /// ```
    pub fn from_env() -> Result<Client> {
        Self::builder_from_env()?.build()
    }

    /// Like [`from_env`](Self::from_env), but returns the builder for more settings.
    pub fn builder_from_env() -> Result<ClientBuilder> {
        Self::builder_from_vars(|name| std::env::var(name).ok())
    }

    /// [`builder_from_env`](Self::builder_from_env) over any source of variables.
    pub(crate) fn builder_from_vars(var: impl Fn(&str) -> Option<String>) -> Result<ClientBuilder> {
        let var = |name: &str| var(name).filter(|v| !v.trim().is_empty());
        let token = var("UPSUN_CLI_TOKEN")
            .or_else(|| var("UPSUN_API_TOKEN"))
            .ok_or_else(|| {
                Error::config("no API token: set UPSUN_CLI_TOKEN (or UPSUN_API_TOKEN)")
            })?;
        let mut builder = Client::builder().api_token(token);
        if let Some(url) = var("UPSUN_CLI_API_URL") {
            builder = builder.base_url(url);
        }
        if let Some(url) = var("UPSUN_CLI_AUTH_URL") {
            builder = builder.auth_url(url);
        }
        Ok(builder)
    }

    /// The base URL requests are sent to, without a trailing slash.
    ///
    /// ```
    /// let client = upsun::Client::builder().base_url("http://127.0.0.1:9000/api/").build()?;
    /// assert_eq!(client.base_url(), "http://127.0.0.1:9000/api");
    /// # Ok::<(), upsun::Error>(())
    /// ```
    pub fn base_url(&self) -> &str {
        &self.inner.base
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base)
            .field("credentials", &self.inner.credentials.describe())
            .field("retry", &self.inner.retry)
            .field("timeout", &self.inner.attempt_timeout)
            .field("call_timeout", &self.inner.call_timeout)
            .finish()
    }
}

impl crate::Api for Client {
    fn client(&self) -> &Client {
        self
    }
}

impl ClientBuilder {
    /// The API's base URL; a path prefix is kept (`http://host/api` + `/users/x` is
    /// `http://host/api/users/x`). The access token is sent to this origin only.
    ///
    /// `http://` is accepted for loopback hosts only (`127.0.0.1`, `[::1]`, `localhost`), where
    /// a local mock or proxy listens; anywhere else the token would travel in clear text, so
    /// [`build`](Self::build) refuses it unless [`allow_insecure_http`](Self::allow_insecure_http)
    /// was called.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// An API token (what Upsun's console hands out), exchanged for short-lived access tokens
    /// at [`auth_url`](Self::auth_url) before the first call and whenever they expire.
    ///
    /// The token is kept as a secret: no `Debug` output, error or log line shows it.
    pub fn api_token(mut self, token: impl Into<String>) -> Self {
        self.api_token = Some(SecretString::from(token.into()));
        self
    }

    /// The auth server for API-token exchange (default `https://auth.upsun.com`).
    pub fn auth_url(mut self, url: impl Into<String>) -> Self {
        self.auth_url = url.into();
        self
    }

    /// Accepts `http://` base and auth URLs on hosts that are not loopback. Tokens then cross
    /// the network unencrypted: only for a trusted network (a proxy on the same host under
    /// another name, a test network).
    ///
    /// ```
    /// let err = upsun::Client::builder().base_url("http://api.internal").build().unwrap_err();
    /// assert!(err.to_string().contains("allow_insecure_http"));
    /// let client = upsun::Client::builder()
    ///     .base_url("http://api.internal")
    ///     .allow_insecure_http()
    ///     .build()?;
    /// # Ok::<(), upsun::Error>(())
    /// ```
    pub fn allow_insecure_http(mut self) -> Self {
        self.allow_insecure_http = true;
        self
    }

    /// A ready access token, sent as `Authorization: Bearer <token>` as is; never exchanged.
    ///
    /// The token is kept as a secret: no `Debug` output, error or log line shows it.
    pub fn access_token(mut self, token: impl Into<String>) -> Self {
        self.access_token = Some(SecretString::from(token.into()));
        self
    }

    /// Your program's name and version, appended to the SDK's own `User-Agent`
    /// (`upsun-sdk-rust@x.y.z my-tool/1.2`).
    pub fn user_agent(mut self, agent: impl Into<String>) -> Self {
        self.user_agent = Some(agent.into());
        self
    }

    /// How long one attempt may take, from sending to reading the whole answer (default 30 s).
    ///
    /// Every timeout must be more than zero ([`build`](Self::build) refuses zero); one over a
    /// year (`Duration::MAX`, say) is taken as a year.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How long connecting may take (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long a whole call may take, retries, waits and token exchange included (default
    /// 2 min); `None` for no limit beyond the per-attempt [`timeout`](Self::timeout).
    pub fn call_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.call_timeout = timeout.into();
        self
    }

    /// How failed attempts are retried; [`RetryPolicy::none`] turns retries off.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The largest answer body accepted (default 16 MiB); a larger one fails with
    /// [`Error::TooLarge`].
    pub fn max_response_bytes(mut self, bytes: u64) -> Self {
        self.max_response_bytes = bytes;
        self
    }

    /// Checks the configuration and builds the client.
    ///
    /// Fails with [`Error::Config`] when a URL is not an absolute `http(s)` URL without query or
    /// fragment (or is `http://` on a host that is not loopback, without
    /// [`allow_insecure_http`](Self::allow_insecure_http)), when a timeout is zero, when both an
    /// API token and an access token are given, or when the token or user agent cannot be sent
    /// as a header.
    pub fn build(self) -> Result<Client> {
        let insecure = self.allow_insecure_http;
        let base = normalize_url("base URL", &self.base_url, insecure)?;
        let timeout = checked_timeout("timeout", self.timeout)?;
        let connect_timeout = checked_timeout("connect_timeout", self.connect_timeout)?;
        let call_timeout = self
            .call_timeout
            .map(|t| checked_timeout("call_timeout", t))
            .transpose()?;
        let base_url = reqwest::Url::parse(&base)
            .map_err(|e| Error::config(format!("base URL `{base}`: {e}")))?;
        let agent = match &self.user_agent {
            Some(extra) if !extra.trim().is_empty() => format!("{USER_AGENT} {}", extra.trim()),
            _ => USER_AGENT.to_owned(),
        };
        let agent = HeaderValue::from_str(&agent)
            .map_err(|_| Error::config("the user agent holds a character a header may not hold"))?;
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
        // The SDK's own name and version on every request, apart from the User-Agent a user
        // may extend, so the API can tell this client's traffic.
        headers.insert(
            header::HeaderName::from_static(CLIENT_HEADER),
            HeaderValue::from_static(USER_AGENT),
        );
        let http = reqwest::Client::builder()
            .user_agent(agent)
            .default_headers(headers)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(timeout)
            .connect_timeout(connect_timeout)
            // Below the 60 s idle limit load balancers commonly apply, so a pooled connection is
            // dropped by us before the far end closes it under a request.
            .pool_idle_timeout(settings::POOL_IDLE_TIMEOUT)
            .build()
            .map_err(|e| Error::config(format!("the HTTP client could not be built: {e}")))?;
        let credentials = match (self.access_token, self.api_token) {
            (Some(_), Some(_)) => {
                return Err(Error::config(
                    "give either an API token or an access token, not both",
                ));
            }
            (Some(token), None) => {
                use secrecy::ExposeSecret as _;
                Credentials::Fixed(Arc::new(AccessToken::bearer(token.expose_secret())?))
            }
            (None, Some(token)) => {
                let auth = normalize_url("auth URL", &self.auth_url, insecure)?;
                Credentials::Exchange(TokenSource::new(http.clone(), &auth, token))
            }
            (None, None) => Credentials::None,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base,
                base_url,
                credentials,
                budget: RetryBudget::new(self.retry.budget),
                retry: self.retry,
                attempt_timeout: timeout,
                call_timeout,
                max_response_bytes: self.max_response_bytes,
            }),
        })
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redacted = |s: &Option<SecretString>| s.as_ref().map(|_| "(redacted)");
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("auth_url", &self.auth_url)
            .field("access_token", &redacted(&self.access_token))
            .field("api_token", &redacted(&self.api_token))
            .field("user_agent", &self.user_agent)
            .field("timeout", &self.timeout)
            .field("call_timeout", &self.call_timeout)
            .field("retry", &self.retry)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .finish()
    }
}

#[cfg(test)]
mod tests;
