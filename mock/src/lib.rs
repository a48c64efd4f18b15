//! `upsun-mock`: a local, stateful double of the Upsun API.
//!
//! The real API needs an account and the internet. This crate serves the same routes on
//! `127.0.0.1`, keeps users, organizations and the rest in memory, checks tokens and validates
//! input the way the API does, and answers with the API's own schemas, so examples run without
//! an account and tests talk real HTTP. It is independent of any SDK: it is the thing an SDK is
//! checked against.
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
//!
//! let seen = &mock.requests()[0]; // the journal saw it, and what it was answered
//! assert_eq!(seen.route.as_deref(), Some("/users/me"));
//! assert_eq!(seen.status(), Some(200));
//! # Ok(()) }
//! ```
//!
//! ## Users, credentials, and each area's state
//!
//! The server starts with one user, "ada" ([`MockServer::user_id`]), with an access token
//! ([`MockServer::access_token`]) and an API token ([`MockServer::api_token`]).
//!
//! What each API area keeps is seeded and read back through that area's handle, named like
//! the area: [`mock.users()`](MockServer::users) adds users and admins, each with its own tokens
//! ([`AddedUser`]), and reads them back; [`mock.organizations()`](MockServer::organizations)
//! seeds organizations ([`NewOrganization`]); [`mock.profiles()`](MockServer::profiles),
//! [`mock.mfa()`](MockServer::mfa), [`mock.api_tokens()`](MockServer::api_tokens),
//! [`mock.connections()`](MockServer::connections),
//! [`mock.phone_numbers()`](MockServer::phone_numbers) and
//! [`mock.org_profiles()`](MockServer::org_profiles) show what requests changed.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! use upsun_mock::{MockServer, NewOrganization, NewUser};
//!
//! let mock = MockServer::start().await;
//! let grace = mock.users().add(NewUser::new("grace"));
//! let acme = mock
//!     .organizations()
//!     .add(NewOrganization::new("acme").member(grace.user.id));
//! // ... requests as grace, with `grace.access_token` ...
//! assert_eq!(mock.users().get(grace.user.id).unwrap().username, "grace");
//! assert_eq!(mock.organizations().members(&acme.id).unwrap().len(), 2);
//! # }
//! ```
//!
//! ## Routes
//!
//! | area | routes |
//! | --- | --- |
//! | token endpoint | `POST /oauth2/token`: `grant_type=api_token` or `refresh_token`, Basic auth for client `platform-api-user` with an empty secret; OAuth errors (`invalid_client` 401, `invalid_grant`, `invalid_request`, `unsupported_grant_type` 400) |
//! | users | `GET /users/me`, `GET /users/{user_id}`, `GET /users/email={email}` (ASCII case ignored), `GET /users/username={username}`, `PATCH /users/{user_id}`, `POST /users/{user_id}/emailaddress`, `POST /users/{user_id}/resetpassword`, `GET /me`, `POST /me/phone`, `POST /me/verification` |
//! | api_tokens | `GET`, `POST /users/{user_id}/api-tokens`; `GET`, `DELETE /users/{user_id}/api-tokens/{token_id}` |
//! | connections | `GET /users/{user_id}/connections`; `GET`, `DELETE /users/{user_id}/connections/{provider}` |
//! | phone_numbers | `POST /users/{user_id}/phonenumber` (code: [`PHONE_VERIFICATION_CODE`]), `POST /users/{user_id}/phonenumber/{sid}` |
//! | mfa | `GET`, `POST`, `DELETE /users/{user_id}/totp` (passcode: [`TOTP_PASSCODE`]), `POST /users/{user_id}/codes`, `GET /organizations/{organization_id}/mfa-enforcement`, `POST .../enable`, `POST .../disable`, `POST /organizations/{organization_id}/mfa/remind` |
//! | organizations | `GET`, `POST /organizations` (filters, sort, cursor pages), `GET`, `PATCH`, `DELETE /organizations/{organization_id}`, `GET /users/{user_id}/organizations` |
//! | org_profiles | `GET`, `PATCH /organizations/{organization_id}/profile` and `.../address` |
//! | organization_invitations | `GET`, `POST /organizations/{organization_id}/invitations` (a 409 for a pending one unless `force`), `DELETE .../invitations/{invitation_id}` |
//! | organization_members | `GET`, `POST /organizations/{organization_id}/members` (filter on permissions, sort, cursor pages), `GET`, `PATCH`, `DELETE .../members/{user_id}` |
//! | ssh_keys | `POST /ssh_keys`, `GET`, `DELETE /ssh_keys/{key_id}` (no list: `GET /me` shows them) |
//! | teams | `GET`, `POST /teams` (filters, sort, cursor pages), `GET`, `PATCH`, `DELETE /teams/{team_id}`, `GET`, `POST /teams/{team_id}/members`, `GET`, `DELETE .../members/{user_id}`, `GET /users/{user_id}/teams` |
//! | team_access | `GET`, `POST /projects/{project_id}/team-access`, `GET`, `DELETE .../team-access/{team_id}`, `GET`, `POST /teams/{team_id}/project-access`, `GET`, `DELETE .../project-access/{project_id}` (projects are the Project area's, those of an organization: [`NewProject::organization`], or the shorthand [`TeamAccessHandle::add_project`]) |
//! | user_access | `GET`, `POST /projects/{project_id}/user-access`, `GET`, `PATCH`, `DELETE .../user-access/{user_id}`, `GET`, `POST /users/{user_id}/project-access`, `GET`, `PATCH`, `DELETE .../project-access/{project_id}` |
//! | project_invitations | `GET`, `POST /projects/{project_id}/invitations` (a 409 for a pending one unless `force`), `DELETE .../invitations/{invitation_id}` |
//! | grants | `GET /users/{user_id}/extended-access` (organizations and project grants, filters), `GET /access/{access_id}` |
//! | references | `GET /ref/organizations`, `/ref/projects`, `/ref/regions`, `/ref/teams`, `/ref/users` with `in` and `sig` ([`ReferencesHandle::sign`]) |
//! | profiles | `GET /profiles`, `GET`, `PATCH /profiles/{userId}` and `.../address`, `POST`, `DELETE /profile/{uuid}/picture` (the picture is then served at the URL the upload answers) |
//!
//! The API routes answer 401 with `WWW-Authenticate: Bearer` without a valid access token
//! (`error="invalid_token"` for an unknown or expired one), 403 when the token's user may not
//! act on the resource (admins may touch any user), 404 for an unknown one, 415 for a body
//! that is not `application/json` where JSON is expected, and 400 naming each invalid field in
//! one message. Every error body has the API's `error` string: `{"error": "..."}`, or on the
//! organization routes `application/problem+json` with `type`, `title`, `status`, `detail`
//! and the same `error`. Unknown routes answer a JSON 404, wrong methods a JSON 405. A user's
//! `picture` is always a URI ([`DEFAULT_PICTURE`] until one is set).
//!
//! ## Tokens and time
//!
//! Access tokens live for [`MockServerBuilder::access_token_lifetime`] (default 15 minutes) on
//! the mock's clock, which [`MockServer::advance_clock`] moves forward so tests never sleep.
//! [`MockServer::expire_access_tokens`] ends every current token at once. Refresh tokens work
//! once each: every exchange answers a new one. [`MockServer::token_exchanges`] counts the
//! successful exchanges. Absurd durations are clamped, never a panic: a lifetime or a clock
//! advance over ten years counts as ten years (so `expires_in` always fits in 32 bits), and
//! the clock stops a thousand years on.
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
//! faults and authentication, then completed with its answer: [`MockServer::requests`] returns
//! them as [`RecordedRequest`]s, whose [`response`](RecordedRequest::response) is a
//! [`RecordedResponse`] (status, content type, the first [`RECORDED_RESPONSE_LIMIT`] bytes of
//! the body, and whether a fault gave it) and whose [`route`](RecordedRequest::route) is the
//! OpenAPI path that answered (`/users/{user_id}`).
//!
//! ## A long run stays bounded
//!
//! The journal keeps the newest [`JOURNAL_CAPACITY`] requests and at most
//! [`JOURNAL_BODY_BUDGET`] bytes of bodies, counting what it drops
//! ([`MockServer::dropped_requests`]). Expired and used credentials are forgotten as new ones
//! are issued. Locks recover from a panic elsewhere instead of poisoning every later request,
//! and concurrent writes of one resource (a create racing a delete) leave it consistent.
//!
//! ## The binary
//!
//! `upsun-mock --port 8080` serves the same mock for other languages and manual tries, and
//! prints its URL and tokens; `upsun-mock --help` lists its options.
//!
//! ## Layout, for contributors
//!
//! ```text
//! src/
//!   lib.rs            these docs; the public re-exports
//!   main.rs           the binary
//!   core.rs           Core (the engine's state) and the lock rules
//!   core/
//!     server.rs       MockServer, MockServerBuilder: what every server has
//!     serve.rs        accept loop, journal and fault pipeline, router assembly (app)
//!     auth.rs         the Caller extractor; target_user / own_user access checks
//!     identity.rs     the users directory (+ identity/model.rs: User, NewUser, AddedUser)
//!     tokens.rs       credentials, bounded (+ tokens/endpoint.rs: POST /oauth2/token)
//!     clock.rs        the mock clock, clamped durations, later_than
//!     error.rs        ApiError {"error"}, Problem (problem+json), OAuthError
//!     http.rs         request helpers (+ http/body.rs: JsonBody, http/rules.rs: field rules)
//!     journal.rs      RecordedRequest, RecordedResponse, the bounded journal
//!     faults.rs       Fault (+ faults/: pattern.rs, script.rs, table.rs)
//!   kit.rs
//!   kit/
//!     collection.rs   Collection<K, T>: items by ID in creation order
//!     cursor.rs       page[size] / page[after] / page[before] pages
//!     links.rs        HAL _links: a resource's, a list page's self/previous/next
//!   areas.rs          the registry: one `registry!` entry per area, and the lock order
//!   areas/<tag>.rs    one per SDK module: users, api_tokens, connections, phone_numbers,
//!   areas/<tag>/...   mfa, organizations, org_profiles, profiles, projects, teams,
//!                     team_access, ... (submodules as they grow)
//! ```
//!
//! Each resource has one owner. Projects are the `projects` area's (`areas/projects/record.rs`:
//! fields, organization, environment tree, activities); the environment and activity areas
//! change them through its store, and the access areas (`team_access`, `user_access`, `grants`,
//! `organization_members`, `project_invitations`, `references`) read the projects of an
//! organization from it. Routes that hold several stores lock them in the order `areas.rs`
//! documents: organizations, organization members, teams, projects, user grants.
//!
//! Imports go one way: `core` ← `kit` ← `areas/<tag>` ← `areas.rs` (the registry). `core`
//! knows no area: the registry hands the server its routes and state when it starts. `kit`
//! uses only `core`. An area uses `core` and `kit`, and another area only where an API route
//! spans both (`users` reads `phone_numbers`; `mfa` and `org_profiles` find organizations in
//! `organizations`; the access areas find projects in `projects`); no area names the
//! registry's types.
//!
//! An area is a `Store` (its state, `Default`), a `routes()` generic over the router state
//! whose `where` clause lists the state it extracts (`Arc<Core>: FromRef<S>`,
//! `Shared<Store>: FromRef<S>`, ...), and a test handle built from whatever `Lend`s it the
//! parts it reads. Handlers take `State<Shared<Store>>` and a `Caller`, check access with
//! `caller.target_user(..)`, read bodies with `JsonBody`, and fail with `ApiError` (or
//! `Problem`). A new area adds exactly:
//!
//! 1. `src/areas/<tag>.rs`, named like the SDK module, with its `Store`, `routes()`, handle;
//! 2. optionally `src/areas/<tag>/…` for its submodules (models, bodies, tests);
//! 3. in `src/areas.rs`, its `pub(crate) mod <tag>;` and its one line in `registry!`
//!    (`<tag>: <Tag>Handle,` with a doc comment), which adds its state, routes and
//!    `mock.<tag>()` accessor;
//! 4. in `lib.rs`, a `pub use` of its handle (and any seed types) for users of the crate.

#![deny(missing_docs)]

mod areas;
mod core;
mod kit;

pub use axum::body::Bytes;
pub use axum::http::{HeaderMap, Method};

pub use crate::areas::api_tokens::ApiTokensHandle;
pub use crate::areas::connections::ConnectionsHandle;
pub use crate::areas::environment_activity::EnvironmentActivityHandle;
pub use crate::areas::environment_backups::EnvironmentBackupsHandle;
pub use crate::areas::environment_types::EnvironmentTypesHandle;
pub use crate::areas::environment_variables::EnvironmentVariablesHandle;
pub use crate::areas::environments::EnvironmentsHandle;
pub use crate::areas::grants::GrantsHandle;
pub use crate::areas::mfa::{MfaHandle, TOTP_PASSCODE};
pub use crate::areas::org_profiles::OrgProfilesHandle;
pub use crate::areas::organization_invitations::{
    OrganizationInvitation, OrganizationInvitationsHandle,
};
pub use crate::areas::organization_members::OrganizationMembersHandle;
pub use crate::areas::organizations::OrganizationsHandle;
pub use crate::areas::organizations::model::{
    NewOrganization, Organization, OrganizationStatus, OrganizationType,
};
pub use crate::areas::phone_numbers::{PHONE_VERIFICATION_CODE, PhoneNumbersHandle};
pub use crate::areas::profiles::ProfilesHandle;
pub use crate::areas::project_activity::ProjectActivityHandle;
pub use crate::areas::project_invitations::{ProjectInvitation, ProjectInvitationsHandle};
pub use crate::areas::project_variables::ProjectVariablesHandle;
pub use crate::areas::projects::{Ending, EnvironmentStatus, NewProject, ProjectsHandle};
pub use crate::areas::references::ReferencesHandle;
pub use crate::areas::routing::RoutingHandle;
pub use crate::areas::ssh_keys::{SshKey, SshKeysHandle};
pub use crate::areas::team_access::TeamAccessHandle;
pub use crate::areas::teams::{Team, TeamGrant, TeamMember, TeamsHandle};
pub use crate::areas::user_access::UserAccessHandle;
pub use crate::areas::users::UsersHandle;
pub use crate::core::faults::{Fault, RouteScript, ScheduledFault};
pub use crate::core::identity::DEFAULT_PICTURE;
pub use crate::core::identity::model::{AddedUser, ConsentMethod, DEFAULT_COUNTRY, NewUser, User};
pub use crate::core::journal::{
    JOURNAL_BODY_BUDGET, JOURNAL_CAPACITY, RECORDED_RESPONSE_LIMIT, RecordedRequest,
    RecordedResponse,
};
pub use crate::core::server::{DEFAULT_ACCESS_TOKEN_LIFETIME, MockServer, MockServerBuilder};
