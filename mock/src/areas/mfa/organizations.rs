//! The organization MFA routes: `GET /organizations/{organization_id}/mfa-enforcement`,
//! `POST .../mfa-enforcement/enable` and `.../disable` (204), and `POST .../mfa/remind`.
//!
//! The organization is looked up in the Organizations area (404 if unknown or deleted; 403
//! unless the caller is a member to read, or its owner to change); what these routes set is
//! kept in this area's store, by organization ID. Errors use the API's plain `Error` schema,
//! `{"error": ...}`, as the spec says.
//!
//! `remind` takes `{"user_ids": [...]}` (at least one UUID) and answers, per user ID,
//! `{"code": 200, "message": ...}` when the reminder went out, `409` for a member who already
//! uses TOTP and `404` for a user who is not a member. Sent reminders are recorded
//! ([`MfaHandle::reminders`](super::MfaHandle::reminders)).

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::Store;
use crate::areas::organizations;
use crate::core::auth::Caller;
use crate::core::error::ApiError;
use crate::core::http::{check_json, decoded, json_object, kind};
use crate::core::{Shared, lock};

/// `GET /organizations/{organization_id}/mfa-enforcement` (or `name=<name>`).
pub(super) async fn get_enforcement(
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let segment = decoded(segment)?;
    let id = lock(&orgs).readable(&segment, &caller)?.org.id.clone();
    let enforced = lock(&store).enforced(&id);
    Ok(Json(json!({ "enforce_mfa": enforced })))
}

/// `POST .../mfa-enforcement/enable`.
pub(super) async fn enable_enforcement(
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    set_enforcement(&orgs, &store, &caller, segment, true)
}

/// `POST .../mfa-enforcement/disable`.
pub(super) async fn disable_enforcement(
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    set_enforcement(&orgs, &store, &caller, segment, false)
}

fn set_enforcement(
    orgs: &Shared<organizations::Store>,
    store: &Shared<Store>,
    caller: &Caller,
    segment: Result<Path<String>, PathRejection>,
    enforce: bool,
) -> Result<StatusCode, ApiError> {
    let segment = decoded(segment)?;
    let id = lock(orgs).manageable(&segment, caller)?.org.id.clone();
    lock(store).organizations.entry(id).or_default().enforce_mfa = enforce;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /organizations/{organization_id}/mfa/remind`.
pub(super) async fn remind(
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let segment = decoded(segment)?;
    let (id, members) = {
        let mut orgs = lock(&orgs);
        let record = orgs.manageable(&segment, &caller)?;
        (record.org.id.clone(), record.members.clone())
    };
    check_json(&headers)?;
    let user_ids = user_ids(&body)?;
    let mut store = lock(&store);
    let mut outcome = Map::new();
    for user_id in user_ids {
        let (code, message) = if !members.contains(&user_id) {
            (404, "the user is not a member of the organization")
        } else if store.is_enrolled(user_id) {
            (409, "the user already uses multi-factor authentication")
        } else {
            let settings = store.organizations.entry(id.clone()).or_default();
            settings.reminded.push(user_id);
            (200, "reminder sent")
        };
        outcome.insert(
            user_id.to_string(),
            json!({ "code": code, "message": message }),
        );
    }
    Ok(Json(Value::Object(outcome)))
}

/// `{"user_ids": [uuid, ...]}` with at least one ID.
fn user_ids(body: &[u8]) -> Result<Vec<Uuid>, ApiError> {
    let bad = |why: String| ApiError::bad_request(why);
    let object = json_object(body)?;
    if let Some(key) = object.keys().find(|key| *key != "user_ids") {
        return Err(bad(format!(
            "unknown field `{key}`; the fields accepted are user_ids"
        )));
    }
    let ids = match object.get("user_ids") {
        Some(Value::Array(ids)) if !ids.is_empty() => ids,
        Some(Value::Array(_)) | None => {
            return Err(bad("`user_ids` must name at least one member".to_owned()));
        }
        Some(other) => {
            return Err(bad(format!(
                "`user_ids` must be an array, not {}",
                kind(other)
            )));
        }
    };
    ids.iter()
        .map(|id| {
            id.as_str()
                .and_then(|id| Uuid::parse_str(id).ok())
                .ok_or_else(|| bad(format!("`user_ids` must hold user IDs (UUIDs), got {id}")))
        })
        .collect()
}
