//! The Rust SDK for the [Upsun](https://upsun.com) API, declared endpoint by endpoint.
//!
//! # A tour
//!
//! **A client.** [`Client`] holds the base URL, the credentials and one connection pool; clone
//! it freely.
//!
//! ```no_run
//! # fn run() -> upsun::Result<()> {
//! let client = upsun::Client::builder().access_token("my-access-token").build()?;
//! # Ok(())
//! # }
//! ```
//!
//! **Calls.** Each API area is a trait ([`users::UsersApi`], ...) implemented for [`Client`];
//! bring it into scope and call its methods. Request types are built with setters and only the
//! fields you set are sent; bad input is refused before anything is sent.
//!
//! ```no_run
//! use upsun::users::{UpdateUser, UsersApi};
//!
//! # async fn run(client: upsun::Client) -> upsun::Result<()> {
//! let me = client.current_user().await?;
//! let me = client.update_user(me.id, &UpdateUser::new().first_name("Ada")).await?;
//! # Ok(())
//! # }
//! ```
//!
//! **Errors.** Every call returns [`Result`]: an [`Error`] says what went wrong (the API's
//! status and message, a timeout, a decoding problem with the start of the body, input refused
//! before sending) and [`Error::status`] gives the HTTP status when there was one.
//!
//! **Your own endpoints.** Every endpoint of this crate is declared with [`endpoint`], and so
//! can yours: declare a trait with [`Api`] as its supertrait, annotate its methods, and
//! implement it for [`Client`].
//!
//! ```no_run
//! use upsun::endpoint;
//!
//! #[derive(serde::Deserialize)]
//! struct Organization {
//!     id: String,
//!     label: String,
//! }
//!
//! trait MyOrganizations: upsun::Api {
//!     /// Gets an organization.
//!     #[endpoint(GET, "/organizations/<organization_id>")]
//!     async fn organization(&self, organization_id: &str) -> upsun::Result<Organization>;
//! }
//!
//! impl MyOrganizations for upsun::Client {}
//!
//! # async fn run(client: upsun::Client) -> upsun::Result<()> {
//! let org = client.organization("01H...").await?;
//! println!("{}", org.label);
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]

extern crate self as upsun;

#[doc(hidden)]
pub mod __private;
pub mod api_tokens;
mod auth;
mod client;
pub mod connections;
mod error;
pub mod mfa;
mod models;
mod multipart;
pub mod org_profiles;
pub mod organizations;
mod page;
pub mod phone_numbers;
pub mod profiles;
pub mod query;
mod retry;
mod send;
pub mod users;

pub use client::{Client, ClientBuilder, DEFAULT_AUTH_URL, DEFAULT_BASE_URL, USER_AGENT};
pub use error::{ApiError, Error, Result};
pub use multipart::Multipart;
pub use page::{Items, Link, Links, Page};
pub use reqwest::StatusCode;
pub use retry::RetryPolicy;
pub use upsun_macros::endpoint;

/// What generated endpoint code needs from its receiver: the [`Client`] that performs the call.
///
/// Every trait of endpoints has `Api` as its supertrait. `Client` implements it; implement it for
/// your own wrapper type to call endpoints on it directly.
///
/// ```
/// struct Deployer {
///     upsun: upsun::Client,
///     dry_run: bool,
/// }
///
/// impl upsun::Api for Deployer {
///     fn client(&self) -> &upsun::Client {
///         &self.upsun
///     }
/// }
///
/// // Now every area trait can be implemented for `Deployer`:
/// impl upsun::users::UsersApi for Deployer {}
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot perform Upsun API calls",
    label = "`upsun::Api` is not implemented for `{Self}`",
    note = "declare `upsun::Api` as the supertrait of your endpoint trait: `trait MyApi: upsun::Api {{ .. }}`"
)]
pub trait Api: Send + Sync {
    /// The client that performs the calls.
    fn client(&self) -> &Client;
}
