//! The organization MFA routes: `GET /organizations/{organization_id}/mfa-enforcement`,
//! `POST .../mfa-enforcement/enable` and `.../disable` (204), and `POST .../mfa/remind`.
//!
//! These answer errors in the API's plain `Error` schema, `{"error": ...}`, as the spec says.
//!
//! `remind` takes `{"user_ids": [...]}` (at least one UUID) and answers, per user ID,
//! `{"code": 200, "message": ...}` when the reminder went out, `409` for a member who already
//! uses TOTP and `404` for a user who is not a member. Sent reminders are recorded
//! ([`MockServer::mfa_reminders`]).

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::MockServer;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::http::{check_json, decoded, json_object, kind};
use crate::state::{Shared, lock};

/// `GET /organizations/{organization_id}/mfa-enforcement` (or `name=<name>`).
pub(super) async fn get_enforcement(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let segment = decoded(segment)?;
    let store = lock(&shared.organizations);
    let record = store.readable(&segment, &caller)?;
    Ok(Json(json!({ "enforce_mfa": record.enforce_mfa })))
}

/// `POST .../mfa-enforcement/enable`.
pub(super) async fn enable_enforcement(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    set_enforcement(&shared, &caller, segment, true)
}

/// `POST .../mfa-enforcement/disable`.
pub(super) async fn disable_enforcement(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    set_enforcement(&shared, &caller, segment, false)
}

fn set_enforcement(
    shared: &Shared,
    caller: &Caller,
    segment: Result<Path<String>, PathRejection>,
    enforce: bool,
) -> Result<StatusCode, ApiError> {
    let segment = decoded(segment)?;
    let mut store = lock(&shared.organizations);
    let record = store.manageable(&segment, caller)?;
    record.enforce_mfa = enforce;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /organizations/{organization_id}/mfa/remind`.
pub(super) async fn remind(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let segment = decoded(segment)?;
    lock(&shared.organizations).manageable(&segment, &caller)?;
    check_json(&headers)?;
    let user_ids = user_ids(&body)?;
    let enrolled: Vec<bool> = {
        let totp = lock(&shared.mfa);
        user_ids.iter().map(|id| totp.is_enrolled(*id)).collect()
    };
    let mut store = lock(&shared.organizations);
    let record = store.find_mut(&segment, false)?;
    let mut outcome = Map::new();
    for (id, enrolled) in user_ids.into_iter().zip(enrolled) {
        let (code, message) = if !record.is_member(id) {
            (404, "the user is not a member of the organization")
        } else if enrolled {
            (409, "the user already uses multi-factor authentication")
        } else {
            record.reminded.push(id);
            (200, "reminder sent")
        };
        outcome.insert(id.to_string(), json!({ "code": code, "message": message }));
    }
    Ok(Json(Value::Object(outcome)))
}

/// `{"user_ids": [uuid, ...]}` with at least one ID.
fn user_ids(body: &[u8]) -> Result<Vec<Uuid>, ApiError> {
    let bad = |why: String| ApiError::bad_request(why);
    let object = json_object(body)?;
    if let Some(key) = object.keys().find(|key| *key != "user_ids") {
        return Err(bad(format!(
            "unknown field `{key}`; the fields are user_ids"
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

/// Organization MFA state, for tests.
impl MockServer {
    /// The users reminded to set up MFA for this organization, in order (repeats kept); empty
    /// for an unknown organization.
    pub fn mfa_reminders(&self, organization_id: &str) -> Vec<Uuid> {
        lock(&self.shared.organizations)
            .get(organization_id)
            .map(|record| record.reminded.clone())
            .unwrap_or_default()
    }
}
