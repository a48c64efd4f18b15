//! The Connections area: `GET /users/{user_id}/connections` and
//! `GET`/`DELETE /users/{user_id}/connections/{provider}`.
//!
//! The seeded user "ada" starts with three federated login connections: `github` and `google`,
//! and `acme-inc-oidc` (an `okta` provider) that is mandatory; other users start with none.
//! Deleting a connection answers 204 and forgets it; deleting the mandatory one is a 403. An
//! unknown provider is a 404. Every route checks the token (401) and the target user (404,
//! 403) first.

use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Json;
use axum::routing::get;
use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::http::decoded;
use crate::state::{Shared, lock, seed_user};
use crate::users::target_user;

/// A connection as the API's `Connection` schema serializes it.
#[derive(Debug, Clone, Serialize)]
struct Connection {
    provider: String,
    provider_type: String,
    is_mandatory: bool,
    subject: String,
    email_address: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

#[derive(Debug)]
struct Record {
    user_id: Uuid,
    connection: Connection,
}

/// Every user's connections; starts with the seeded user's.
#[derive(Debug)]
pub(crate) struct Store {
    connections: Vec<Record>,
}

impl Default for Store {
    fn default() -> Self {
        let (ada, created_at) = seed_user();
        let user_id = ada.id.unwrap_or_default();
        let email = ada.email.unwrap_or_default();
        let seeded = [
            ("github", "github", false, "1021865"),
            ("google", "google", false, "108234567890123456789"),
            ("acme-inc-oidc", "okta", true, "00u1a2b3c4d5e6f7g8h9"),
        ];
        let connections = seeded
            .into_iter()
            .map(|(provider, provider_type, is_mandatory, subject)| Record {
                user_id,
                connection: Connection {
                    provider: provider.to_owned(),
                    provider_type: provider_type.to_owned(),
                    is_mandatory,
                    subject: subject.to_owned(),
                    email_address: email.clone(),
                    created_at,
                    updated_at: created_at,
                },
            })
            .collect();
        Store { connections }
    }
}

impl Store {
    fn position(&self, user_id: Uuid, provider: &str) -> Result<usize, ApiError> {
        self.connections
            .iter()
            .position(|r| r.user_id == user_id && r.connection.provider == provider)
            .ok_or_else(|| {
                ApiError::not_found(format!("user {user_id} has no connection to {provider:?}"))
            })
    }
}

/// The area's routes.
pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/users/{user_id}/connections", get(list))
        .route(
            "/users/{user_id}/connections/{provider}",
            get(read).delete(delete),
        )
}

/// `GET /users/{user_id}/connections`
async fn list(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Vec<Connection>>, ApiError> {
    let user_id = target_user(&shared, &caller, &decoded(path)?)?;
    let store = lock(&shared.connections);
    let connections = store
        .connections
        .iter()
        .filter(|r| r.user_id == user_id)
        .map(|r| r.connection.clone())
        .collect();
    Ok(Json(connections))
}

/// `GET /users/{user_id}/connections/{provider}`
async fn read(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Json<Connection>, ApiError> {
    let (user, provider) = decoded(path)?;
    let user_id = target_user(&shared, &caller, &user)?;
    let store = lock(&shared.connections);
    let index = store.position(user_id, &provider)?;
    Ok(Json(store.connections[index].connection.clone()))
}

/// `DELETE /users/{user_id}/connections/{provider}`: 204, or 403 for a mandatory connection.
async fn delete(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    let (user, provider) = decoded(path)?;
    let user_id = target_user(&shared, &caller, &user)?;
    let mut store = lock(&shared.connections);
    let index = store.position(user_id, &provider)?;
    if store.connections[index].connection.is_mandatory {
        return Err(ApiError::forbidden(format!(
            "the connection to {provider:?} is mandatory and cannot be deleted"
        )));
    }
    store.connections.remove(index);
    Ok(StatusCode::NO_CONTENT)
}
