//! The Rust SDK for the [Upsun](https://upsun.com) API, declared endpoint by endpoint.
//!
//! # A tour
//!
//! **A client.** [`Client`] holds the base URL, the credentials and one connection pool; clone
//! it freely. Give it the API token from the Upsun console (it is exchanged for short-lived
//! access tokens, once however many calls start together, and again before they expire), or a
//! ready access token; [`Client::from_env`] reads the variables of Upsun's own CLI
//! (`UPSUN_CLI_TOKEN`, ...).
//!
//! ```no_run
//! # fn run() -> upsun::Result<()> {
//! let client = upsun::Client::builder().api_token("my-api-token").build()?;
//! let same = upsun::Client::from_env()?;
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
//! | module | what |
//! |---|---|
//! | [`users`] | the current user, users by ID, e-mail or username, updates, resets, checks |
//! | [`api_tokens`] | a user's API tokens: list, create, read, delete |
//! | [`connections`] | federated login connections |
//! | [`phone_numbers`] | phone number verification |
//! | [`mfa`] | TOTP enrollment, recovery codes, organization MFA enforcement |
//! | [`organizations`] | organizations: list with filters and pages, create, read, update, delete |
//! | [`org_profiles`] | an organization's billing profile and address |
//! | [`profiles`] | user profiles, addresses and profile pictures |
//! | [`projects`] | a project, its capabilities, build cache and maintenance redeploys |
//! | [`environment_variables`], [`project_variables`] | variables, with inheritance; values are secrets |
//! | [`environment_backups`] | backups: take, list, read, delete, restore |
//! | [`environment_types`], [`routing`] | environment types, and routes as one enum |
//! | [`project_activity`], [`environment_activity`] | activities: list, read, cancel |
//! | [`environments`] | environments: list, read, branch, merge, sync, activate, pause, deploy |
//! | [`organization_members`] | an organization's members and their permissions |
//! | [`organization_invitations`] | invitations to an organization: send, list, cancel; a 409 for a pending one |
//! | [`project_invitations`] | invitations to a project, with a role per environment type |
//! | [`teams`] | teams of an organization and their members |
//! | [`team_access`] | which teams may work on a project: one grant, read from either side |
//! | [`user_access`] | which users may work on a project, with which permissions, from either side |
//! | [`grants`] | everything a user may reach, and access documents |
//! | [`ssh_keys`] | a user's public SSH keys, one at a time (the list comes with the current user) |
//! | [`references`] | records by ID for the `in` and `sig` a trusted service hands out |
//!
//! **Lists.** Paginated lists answer a [`Page`]: read it page by page with [`Page::next`], or
//! as a stream of items with [`Page::into_stream`], which follows the API's `next` links lazily
//! and only on the client's own origin. [`query`] has typed filters (`filter[name][eq]=...`).
//!
//! **Activities.** Calls that start work answer an [`Accepted`] with the activities they
//! started: [`Accepted::wait`] polls them under a [`PollPolicy`] (with a time limit on by
//! default) and answers a typed [`Verdict`]; [`ActivityHandle`] awaits, streams or cancels one;
//! [`Client::activity_log`] streams a log as it is written. See the README's section on
//! activities.
//!
//! **Retries and time limits.** Failures before sending and 429s are retried for any call;
//! 5xx answers and lost connections only for calls that are safe to repeat (GET, PUT, DELETE,
//! and endpoints declared `idempotent`), with jittered exponential backoff, `Retry-After`, and a
//! retry budget per client. Each attempt and each whole call has a time limit. See
//! [`RetryPolicy`] and [`ClientBuilder`].
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
//!
//! **Testing.** The `upsun-mock` crate is a local, stateful double of the API: point a client
//! at `MockServer::start().await.base_url()` and test your code over real HTTP, without an
//! account or a network.
#![deny(missing_docs)]

extern crate self as upsun;

// The engine: everything a call goes through, whatever its area.
#[doc(hidden)]
/// The README's examples, compiled and run as doctests so that they cannot drift.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

pub mod __private;
mod auth;
mod body;
mod call;
mod client;
mod error;
mod multipart;
mod paging;
pub mod query;
mod retry;
mod send;
mod wait;

// The models every area shares.
mod models;

// The API areas, one module per OpenAPI tag, each written on the engine and the shared models.
mod api;

#[doc(inline)]
pub use api::{
    api_tokens, connections, environment_activity, environment_backups, environment_types,
    environment_variables, environments, grants, mfa, org_profiles, organization_invitations,
    organization_members, organizations, phone_numbers, profiles, project_activity,
    project_invitations, project_variables, projects, references, routing, ssh_keys, team_access,
    teams, user_access, users,
};
pub use client::{
    CLIENT_HEADER, Client, ClientBuilder, DEFAULT_AUTH_URL, DEFAULT_BASE_URL, USER_AGENT,
};
pub use error::{ApiError, Error, Result};
pub use models::{
    Accepted, AccessId, Activity, ActivityCommand, ActivityId, ActivityResult, ActivityState,
    ApiTokenId, BackupId, EnvironmentId, EnvironmentTypeId, FailureReason, InItems, InvitationId,
    InvitationOwner, InvitationState, Link, Links, ListActivities, ListKey, OrganizationId, Page,
    Payload, ProjectId, ProjectPermission, ProviderId, Resources, RouteId, SshKey, SshKeyId,
    TeamId, UserId, VariableId,
};
pub use multipart::Multipart;
pub use paging::{DEFAULT_MAX_PAGES, Items};
pub use reqwest::StatusCode;
pub use retry::RetryPolicy;
pub use upsun_macros::endpoint;
pub use wait::{ActivityHandle, LogLine, MAX_LOG_LINE, PollPolicy, Started, Verdict};

/// Every area trait, to bring all the calls into scope at once: `use upsun::prelude::*;`.
///
/// Method names are unique across the areas (the conformance test checks it), so the glob never
/// makes a call ambiguous.
///
/// ```no_run
/// use upsun::prelude::*;
///
/// # async fn run(client: upsun::Client) -> upsun::Result<()> {
/// let me = client.current_user().await?; // UsersApi
/// let tokens = client.list_api_tokens(me.id).await?; // ApiTokensApi
/// # let _ = tokens;
/// # Ok(())
/// # }
/// ```
pub mod prelude {
    pub use crate::Api;
    pub use crate::api::prelude::*;
}

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
