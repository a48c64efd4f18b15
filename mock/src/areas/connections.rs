//! The Connections area: `GET /users/{user_id}/connections` and
//! `GET`/`DELETE /users/{user_id}/connections/{provider}`.
//!
//! The seeded user "ada" starts with three federated login connections: `github` and `google`,
//! and `acme-inc-oidc` (an `okta` provider) that is mandatory; other users start with none.
//! Deleting a connection answers 204 and forgets it; deleting the mandatory one is a 403. An
//! unknown provider is a 404. Every route checks the token (401) and the target user (404,
//! 403) first.
//!
//! Its test handle is [`ConnectionsHandle`].

use std::fmt;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, State};
use axum::http::StatusCode;
use axum::response::Json;
use axum::routing::get;
use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::core::auth::Caller;
use crate::core::error::ApiError;
use crate::core::http::decoded;
use crate::core::identity::seed_user;
use crate::core::{Core, Lend, Shared, lock};
use crate::kit::collection::Collection;

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

/// Every user's connections by user and provider; starts with the seeded user's.
#[derive(Debug)]
pub(crate) struct Store {
    connections: Collection<(Uuid, String), Connection>,
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
        let mut connections = Collection::default();
        for (provider, provider_type, is_mandatory, subject) in seeded {
            let connection = Connection {
                provider: provider.to_owned(),
                provider_type: provider_type.to_owned(),
                is_mandatory,
                subject: subject.to_owned(),
                email_address: email.clone(),
                created_at,
                updated_at: created_at,
            };
            connections.insert((user_id, provider.to_owned()), connection);
        }
        Store { connections }
    }
}

impl Store {
    fn of(&self, user_id: Uuid) -> impl Iterator<Item = &Connection> {
        self.connections
            .iter()
            .filter(move |((owner, _), _)| *owner == user_id)
            .map(|(_, connection)| connection)
    }

    fn find(&self, user_id: Uuid, provider: &str) -> Result<&Connection, ApiError> {
        self.connections
            .get(&(user_id, provider.to_owned()))
            .ok_or_else(|| {
                ApiError::not_found(format!("user {user_id} has no connection to {provider:?}"))
            })
    }
}

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<Store>: FromRef<S>,
{
    Router::new()
        .route("/users/{user_id}/connections", get(list))
        .route(
            "/users/{user_id}/connections/{provider}",
            get(read).delete(delete),
        )
}

/// `GET /users/{user_id}/connections`
async fn list(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Vec<Connection>>, ApiError> {
    let user_id = caller.target_user(&core, &decoded(path)?)?;
    let store = lock(&store);
    Ok(Json(store.of(user_id).cloned().collect()))
}

/// `GET /users/{user_id}/connections/{provider}`
async fn read(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Json<Connection>, ApiError> {
    let (user, provider) = decoded(path)?;
    let user_id = caller.target_user(&core, &user)?;
    let store = lock(&store);
    Ok(Json(store.find(user_id, &provider)?.clone()))
}

/// `DELETE /users/{user_id}/connections/{provider}`: 204, or 403 for a mandatory connection.
async fn delete(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    let (user, provider) = decoded(path)?;
    let user_id = caller.target_user(&core, &user)?;
    let mut store = lock(&store);
    if store.find(user_id, &provider)?.is_mandatory {
        return Err(ApiError::forbidden(format!(
            "the connection to {provider:?} is mandatory and cannot be deleted"
        )));
    }
    store.connections.remove(&(user_id, provider));
    Ok(StatusCode::NO_CONTENT)
}

/// The federated login connections, for tests: from
/// [`MockServer::connections`](crate::MockServer::connections).
#[derive(Clone, Copy)]
pub struct ConnectionsHandle<'a> {
    store: &'a Mutex<Store>,
}

impl<'a> ConnectionsHandle<'a> {
    pub(crate) fn new<R: Lend<Mutex<Store>>>(registry: &'a R) -> Self {
        ConnectionsHandle {
            store: registry.lend(),
        }
    }

    /// The providers this user is connected to, in the order the connections were made (the
    /// seeded user starts with `github`, `google` and `acme-inc-oidc`).
    pub fn providers(&self, user_id: Uuid) -> Vec<String> {
        lock(self.store)
            .of(user_id)
            .map(|connection| connection.provider.clone())
            .collect()
    }
}

impl fmt::Debug for ConnectionsHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConnectionsHandle").finish_non_exhaustive()
    }
}
