//! The `/me` routes: the older `GET /me` shape of the token's user, and the two checks of
//! whether it must verify itself before creating projects.
//!
//! - `GET /me` answers the API's `CurrentUser` schema: `id` and `uuid` (the same), `username`,
//!   `display_name` (first and last names), `status` (`1`, or `0` when deactivated), `mail`,
//!   `picture`, `sequence` (the user's position in the mock, from 1), `roles` (`["user"]`, plus
//!   `"administrator"` for an admin), the user's `ssh_keys` (see `areas/ssh_keys.rs`), and empty
//!   `projects` and `tickets`.
//! - `POST /me/phone` answers `{"verify_phone": true}` until the user confirms a phone number
//!   (see `areas/phone_numbers.rs`), then `false`.
//! - `POST /me/verification` answers `{"state": true, "type": "phone"}` until then, and
//!   `{"state": false}` after.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

use crate::areas::{phone_numbers, ssh_keys};
use crate::core::auth::Caller;
use crate::core::error::ApiError;
use crate::core::{Core, Shared, lock};

/// `GET /me` (deprecated by the API in favour of `GET /users/me`).
pub(crate) async fn get_me(
    State(core): State<Arc<Core>>,
    State(keys): State<Shared<ssh_keys::Store>>,
    caller: Caller,
) -> Result<Json<Value>, ApiError> {
    let keys: Vec<Value> = lock(&keys)
        .keys_of(caller.user_id)
        .filter_map(|k| serde_json::to_value(k).ok())
        .collect();
    let directory = lock(&core.identity);
    let missing = || ApiError::not_found("the access token's user no longer exists");
    let user = directory.user(caller.user_id).ok_or_else(missing)?;
    let sequence = directory.sequence(caller.user_id).ok_or_else(missing)?;
    let display_name = [user.first_name.as_str(), user.last_name.as_str()]
        .into_iter()
        .filter(|name| !name.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut roles = vec!["user"];
    if caller.admin {
        roles.push("administrator");
    }
    Ok(Json(json!({
        "id": user.id,
        "uuid": user.id,
        "username": user.username,
        "display_name": display_name,
        "status": if user.deactivated { 0 } else { 1 },
        "mail": user.email,
        "has_key": !keys.is_empty(),
        "ssh_keys": keys,
        "projects": [],
        "sequence": sequence,
        "roles": roles,
        "picture": user.picture,
        "tickets": {},
    })))
}

/// `POST /me/phone`
pub(crate) async fn phone_status(
    State(phones): State<Shared<phone_numbers::Store>>,
    caller: Caller,
) -> Json<Value> {
    let verified = lock(&phones).has_verified_phone(caller.user_id);
    Json(json!({ "verify_phone": !verified }))
}

/// `POST /me/verification`
pub(crate) async fn verification_status(
    State(phones): State<Shared<phone_numbers::Store>>,
    caller: Caller,
) -> Json<Value> {
    let verified = lock(&phones).has_verified_phone(caller.user_id);
    if verified {
        Json(json!({ "state": false }))
    } else {
        Json(json!({ "state": true, "type": "phone" }))
    }
}
