//! `upsun-mock`: a local, stateful double of the Upsun API.
//!
//! The real API needs an account and the internet. This crate serves the same routes on
//! `127.0.0.1`, keeps users in memory, checks tokens and validates input the way the API does,
//! and answers with the API's own schemas, so examples run without an account and tests talk
//! real HTTP. It is independent of any SDK: it is the thing an SDK is checked against.
//!
//! # A tour
//!
//! Start a server, then talk to [`MockServer::base_url`] with any HTTP client (here `reqwest`):
//!
//! ```
//! use upsun_mock::MockServer;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let mock = MockServer::start().await; // 127.0.0.1, a free port; stops when dropped
//!
//! let me: serde_json::Value = reqwest::Client::new()
//!     .get(format!("{}/users/me", mock.base_url()))
//!     .bearer_auth(mock.access_token())
//!     .send()
//!     .await?
//!     .json()
//!     .await?;
//! assert_eq!(me["username"], "ada");
//! assert_eq!(mock.requests().len(), 1); // the journal saw it
//! # Ok(()) }
//! ```
//!
//! ## Users and credentials
//!
//! The server starts with one user, "ada" ([`MockServer::user_id`]), with an access token
//! ([`MockServer::access_token`]) and an API token ([`MockServer::api_token`]).
//! [`MockServer::add_user`] and [`MockServer::add_admin`] add more, each with its own tokens
//! ([`AddedUser`]); [`MockServer::user`] and [`MockServer::users`] read the stored state back for
//! assertions.
//!
//! ## Routes
//!
//! | route | answers |
//! | --- | --- |
//! | `POST /oauth2/token` | `grant_type=api_token` or `refresh_token`, Basic auth for client `platform-api-user` with an empty secret; OAuth errors (`invalid_client` 401, `invalid_grant`, `invalid_request`, `unsupported_grant_type` 400) |
//! | `GET /users/me` | the token's user |
//! | `GET /users/{user_id}` | a user by ID |
//! | `GET /users/email={email}` | a user by email address (percent-decoded, ASCII case ignored) |
//! | `GET /users/username={username}` | a user by username (percent-decoded) |
//! | `PATCH /users/{user_id}` | updates `username`, `first_name`, `last_name`, `picture`, `company`, `website`, `country`: only those sent; moves `updated_at` forward |
//!
//! The API routes answer 401 with `WWW-Authenticate: Bearer` without a valid access token
//! (`error="invalid_token"` for an unknown or expired one), 403 when the token's user is not the
//! user asked for (admins may touch anyone), 404 for an unknown user, and for a `PATCH` 415 for
//! a body that is not `application/json` and 400 naming each invalid field: a body that is not
//! a JSON object, a field that is not a string (or is `null`), an unknown field, an empty
//! username or one already taken, a `country` that is not 2 letters, a `picture` or `website`
//! that is not an absolute `http(s)` URI. Errors use the API's `Error` schema,
//! `{"error": "..."}`. Unknown routes answer a JSON 404, wrong methods a JSON 405.
//!
//! ## Tokens and time
//!
//! Access tokens live for [`MockServerBuilder::access_token_lifetime`] (default 15 minutes) on
//! the mock's clock, which [`MockServer::advance_clock`] moves forward so tests never sleep.
//! [`MockServer::expire_access_tokens`] ends every current token at once. Refresh tokens work
//! once each: every exchange answers a new one. [`MockServer::token_exchanges`] counts the
//! successful exchanges.
//!
//! ## Faults
//!
//! [`MockServer::on`] scripts what a route answers before its real response: an error status
//! with any body and headers, a delay, a dropped connection, a malformed JSON body, or an
//! oversized body. See [`Fault`].
//!
//! ```no_run
//! # async fn demo() {
//! use upsun_mock::{Fault, Method, MockServer};
//!
//! let mock = MockServer::start().await;
//! mock.on(Method::GET, "/users/{id}")
//!     .respond(Fault::status(503).header("Retry-After", "1"))
//!     .times(2)
//!     .then(Fault::drop_connection());
//! # }
//! ```
//!
//! ## The journal
//!
//! Every request is recorded as it arrived (method, raw path, query, headers, body), before
//! faults and authentication: [`MockServer::requests`] returns them as [`RecordedRequest`]s.
//!
//! ## The binary
//!
//! `upsun-mock --port 8080` serves the same mock for other languages and manual tries, and
//! prints its URL and tokens; `upsun-mock --help` lists its options.
//!
//! ## Layout, for contributors
//!
//! One module per API area (`users.rs` + `users/`, `auth.rs`), each exposing `routes()`, merged
//! in `serve.rs`. State lives in `state.rs` (users) and `tokens.rs` (credentials); routes
//! authenticate with the `auth::Caller` extractor and fail with `error::ApiError` (or
//! `error::Problem`). What every area reads from a request (path, headers, JSON body, common
//! field rules) is in `http.rs`; `clock::later_than` moves an `updated_at` forward.

#![deny(missing_docs)]

mod api_tokens;
mod auth;
mod clock;
mod connections;
mod error;
mod faults;
mod http;
mod journal;
mod mfa;
mod organizations;
mod phone_numbers;
mod profiles;
mod serve;
mod server;
mod state;
mod tokens;
mod users;

pub use axum::body::Bytes;
pub use axum::http::{HeaderMap, Method};

pub use crate::faults::{Fault, RouteScript, ScheduledFault};
pub use crate::journal::RecordedRequest;
pub use crate::mfa::TOTP_PASSCODE;
pub use crate::organizations::model::{
    NewOrganization, Organization, OrganizationStatus, OrganizationType,
};
pub use crate::phone_numbers::PHONE_VERIFICATION_CODE;
pub use crate::server::{DEFAULT_ACCESS_TOKEN_LIFETIME, MockServer, MockServerBuilder};
pub use crate::users::model::{AddedUser, ConsentMethod, NewUser, User};
