//! The Users area: `GET /users/me`, `GET /users/{user_id}`, `GET /users/email={email}`,
//! `GET /users/username={username}` and `PATCH /users/{user_id}`; the resets
//! `POST /users/{user_id}/emailaddress` and `POST /users/{user_id}/resetpassword`
//! (`reset.rs`); and the `/me` routes (`me.rs`).
//!
//! Every route needs a valid bearer access token (401 otherwise). A user may read and update
//! only itself (403 otherwise) unless its token belongs to an admin. An unknown user is a 404.
//! The answer is the API's `User` schema (or the route's own), or its `Error` schema
//! `{"error": "..."}`.
//!
//! The users themselves live in core's directory (`core/identity.rs`), since authentication
//! needs them; this area has no store of its own. Its test handle is [`UsersHandle`].

mod me;
mod patch;
mod reset;

use std::fmt;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use uuid::Uuid;

use self::patch::UserPatch;
use crate::areas::{phone_numbers, ssh_keys};
use crate::core::auth::Caller;
use crate::core::clock::later_than;
use crate::core::error::ApiError;
use crate::core::http::{check_json, decoded};
use crate::core::identity::model::{AddedUser, NewUser, User};
use crate::core::identity::{no_such_user, user_id};
use crate::core::serve::RouteTemplate;
use crate::core::{Core, Lend, Shared, lock};

/// The Users area's own state: none. Its users live in core's directory, which
/// authentication needs too.
#[derive(Debug, Default)]
pub(crate) struct Store;

/// The Users area's routes.
///
/// `/users/{user_id}` also serves the lookups `email={email}` and `username={username}`, which
/// the API writes as literal text inside that one path segment; the value arrives
/// percent-decoded.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<phone_numbers::Store>: FromRef<S>,
    Shared<ssh_keys::Store>: FromRef<S>,
{
    Router::new()
        .route("/users/me", get(get_current_user))
        .route("/users/{user_id}", get(get_user).patch(update_user))
        .route(
            "/users/{user_id}/emailaddress",
            post(reset::reset_email_address),
        )
        .route(
            "/users/{user_id}/resetpassword",
            post(reset::reset_password),
        )
        .route("/me", get(me::get_me))
        .route("/me/phone", post(me::phone_status))
        .route("/me/verification", post(me::verification_status))
}

/// `GET /users/me`: the user the access token belongs to.
async fn get_current_user(
    State(core): State<Arc<Core>>,
    caller: Caller,
) -> Result<Json<User>, ApiError> {
    let directory = lock(&core.identity);
    let user = directory
        .user(caller.user_id)
        .ok_or_else(|| ApiError::not_found("the access token's user no longer exists"))?;
    Ok(Json(user.clone()))
}

/// `GET /users/{user_id}`, `GET /users/email={email}`, `GET /users/username={username}`: one
/// axum route; the answer names the document's route it served, errors included.
async fn get_user(
    State(core): State<Arc<Core>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Response {
    let segment = match decoded(segment) {
        Ok(segment) => segment,
        Err(err) => return err.into_response(),
    };
    let route = if segment.starts_with("email=") {
        "/users/email={email}"
    } else if segment.starts_with("username=") {
        "/users/username={username}"
    } else {
        "/users/{user_id}"
    };
    let answer = find_user(&core, &caller, &segment).map(Json);
    (Extension(RouteTemplate(route)), answer).into_response()
}

/// The user a `GET /users/...` segment names, if the caller may read it.
fn find_user(core: &Core, caller: &Caller, segment: &str) -> Result<User, ApiError> {
    let directory = lock(&core.identity);
    let user = if let Some(email) = segment.strip_prefix("email=") {
        directory.user_by_email(email).ok_or_else(|| {
            ApiError::not_found(format!("no user has the email address {email:?}"))
        })?
    } else if let Some(username) = segment.strip_prefix("username=") {
        directory
            .user_by_username(username)
            .ok_or_else(|| ApiError::not_found(format!("no user has the username {username:?}")))?
    } else {
        let id = user_id(segment)?;
        directory.user(id).ok_or_else(|| no_such_user(id))?
    };
    caller.check_access(user.id)?;
    Ok(user.clone())
}

/// `PATCH /users/{user_id}`: applies the fields sent, then moves `updated_at` forward.
async fn update_user(
    State(core): State<Arc<Core>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<User>, ApiError> {
    let id = caller.target_user(&core, &decoded(segment)?)?;
    check_json(&headers)?;
    let patch = UserPatch::parse(&body)?;
    let now = core.now();
    let mut directory = lock(&core.identity);
    if let Some(wanted) = &patch.username {
        directory.check_username_free(id, wanted)?;
    }
    let user = directory.user_mut(id).ok_or_else(|| no_such_user(id))?;
    patch.apply(user);
    user.updated_at = later_than(user.updated_at, now);
    Ok(Json(user.clone()))
}

/// The users, for tests: from [`MockServer::users`](crate::MockServer::users).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use upsun_mock::{MockServer, NewUser};
///
/// let mock = MockServer::start().await;
/// let grace = mock.users().add(NewUser::new("grace").first_name("Grace"));
/// assert_eq!(mock.users().get(grace.user.id), Some(grace.user));
/// assert_eq!(mock.users().all().len(), 2); // "ada", then "grace"
/// # }
/// ```
#[derive(Clone, Copy)]
pub struct UsersHandle<'a> {
    core: &'a Core,
}

impl<'a> UsersHandle<'a> {
    pub(crate) fn new<R: Lend<Core>>(registry: &'a R) -> Self {
        UsersHandle {
            core: registry.lend(),
        }
    }

    /// Adds a user, created now on the mock's clock; returns it with its own access token and
    /// API token.
    ///
    /// Usernames and emails are not checked for uniqueness here; lookups by them return the
    /// first match.
    pub fn add(&self, user: NewUser) -> AddedUser {
        self.core.add_user(user, false, self.core.now(), None)
    }

    /// Adds a user whose tokens may read and update every user, not only itself.
    pub fn add_admin(&self, user: NewUser) -> AddedUser {
        self.core.add_user(user, true, self.core.now(), None)
    }

    /// The user with this ID as currently stored, or `None`.
    pub fn get(&self, id: Uuid) -> Option<User> {
        lock(&self.core.identity).user(id).cloned()
    }

    /// Every user, in the order they were added (the seeded user first).
    pub fn all(&self) -> Vec<User> {
        lock(&self.core.identity).users().cloned().collect()
    }
}

impl fmt::Debug for UsersHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UsersHandle").finish_non_exhaustive()
    }
}
