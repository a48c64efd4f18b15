//! The Users area: `GET /users/me`, `GET /users/{user_id}`, `GET /users/email={email}`,
//! `GET /users/username={username}` and `PATCH /users/{user_id}`; the resets
//! `POST /users/{user_id}/emailaddress` and `POST /users/{user_id}/resetpassword`
//! (`reset.rs`); and the `/me` routes (`me.rs`).
//!
//! Every route needs a valid bearer access token (401 otherwise). A user may read and update
//! only itself (403 otherwise) unless its token belongs to an admin. An unknown user is a 404.
//! The answer is the API's `User` schema (or the route's own), or its `Error` schema
//! `{"error": "..."}`.

pub(crate) mod body;
mod me;
pub(crate) mod model;
mod patch;
mod reset;

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::{get, post};
use axum::{Json, Router};
use uuid::Uuid;

use self::model::User;
use self::patch::UserPatch;
use crate::auth::Caller;
use crate::clock::later_than;
use crate::error::ApiError;
use crate::http::{check_json, decoded};
use crate::state::{Shared, Store, lock};

/// The Users area's routes.
///
/// `/users/{user_id}` also serves the lookups `email={email}` and `username={username}`, which
/// the API writes as literal text inside that one path segment; the value arrives
/// percent-decoded.
pub(crate) fn routes() -> Router<Arc<Shared>> {
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
    State(shared): State<Arc<Shared>>,
    caller: Caller,
) -> Result<Json<User>, ApiError> {
    let store = lock(&shared.store);
    let user = store
        .user(caller.user_id)
        .ok_or_else(|| ApiError::not_found("the access token's user no longer exists"))?;
    Ok(Json(user.clone()))
}

/// `GET /users/{user_id}`, `GET /users/email={email}`, `GET /users/username={username}`.
async fn get_user(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Json<User>, ApiError> {
    let segment = decoded(segment)?;
    let store = lock(&shared.store);
    let user = if let Some(email) = segment.strip_prefix("email=") {
        store.user_by_email(email).ok_or_else(|| {
            ApiError::not_found(format!("no user has the email address {email:?}"))
        })?
    } else if let Some(username) = segment.strip_prefix("username=") {
        store
            .user_by_username(username)
            .ok_or_else(|| ApiError::not_found(format!("no user has the username {username:?}")))?
    } else {
        let id = user_id(&segment)?;
        store.user(id).ok_or_else(|| no_such_user(id))?
    };
    caller.check_access(user.id)?;
    Ok(Json(user.clone()))
}

/// `PATCH /users/{user_id}`: applies the fields sent, then moves `updated_at` forward.
async fn update_user(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<User>, ApiError> {
    let id = target_user(&shared, &caller, &decoded(segment)?)?;
    check_json(&headers)?;
    let patch = UserPatch::parse(&body)?;
    let now = shared.now();
    let mut store = lock(&shared.store);
    if let Some(wanted) = &patch.username {
        check_username_free(&store, id, wanted)?;
    }
    let user = store.user_mut(id).ok_or_else(|| no_such_user(id))?;
    patch.apply(user);
    user.updated_at = later_than(user.updated_at, now);
    Ok(Json(user.clone()))
}

/// The user a `/users/{user_id}/...` route acts on: 404 if `segment` names no user, 403 if the
/// caller may not act on it. Other areas' routes under `/users/{user_id}` use it too.
pub(crate) fn target_user(
    shared: &Shared,
    caller: &Caller,
    segment: &str,
) -> Result<Uuid, ApiError> {
    let id = user_id(segment)?;
    if lock(&shared.store).user(id).is_none() {
        return Err(no_such_user(id));
    }
    caller.check_access(id)?;
    Ok(id)
}

/// 400 if a user other than `id`, in `id`'s namespace, already has the username `wanted`.
pub(crate) fn check_username_free(store: &Store, id: Uuid, wanted: &str) -> Result<(), ApiError> {
    let namespace = store.user(id).map(|user| user.namespace.clone());
    let taken = store.users().any(|other| {
        other.id != id && other.username == wanted && Some(&other.namespace) == namespace.as_ref()
    });
    if taken {
        Err(ApiError::bad_request(format!(
            "`username` {wanted:?} is already taken"
        )))
    } else {
        Ok(())
    }
}

/// A `{user_id}` must be a UUID; anything else names no user.
pub(crate) fn user_id(segment: &str) -> Result<Uuid, ApiError> {
    Uuid::parse_str(segment)
        .map_err(|_| ApiError::not_found(format!("no user has the ID {segment:?}")))
}

/// The 404 for a user ID that names no user.
pub(crate) fn no_such_user(id: Uuid) -> ApiError {
    ApiError::not_found(format!("no user has the ID {id}"))
}
