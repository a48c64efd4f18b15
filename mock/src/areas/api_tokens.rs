//! The Api Tokens area: `GET`/`POST /users/{user_id}/api-tokens` and
//! `GET`/`DELETE /users/{user_id}/api-tokens/{token_id}`.
//!
//! Tokens created here are kept per user, in creation order. The answer to the creation (201)
//! is the only one with the secret value in `token`; listings and reads never show it. A
//! creation needs a non-empty `name` (400 naming it otherwise, and for any other field) that
//! none of the user's tokens has yet (409). An unknown token, or one of another user, is a 404;
//! a deletion answers 204. Every route checks the token (401) and the target user (404, 403)
//! first. `last_used_at` stays `null` and `mfa_on_creation` is `false`.
//!
//! A token created here signs in at `POST /oauth2/token` like the API tokens of
//! [`MockServer::api_token`](crate::MockServer::api_token) and
//! [`AddedUser::api_token`](crate::AddedUser), until it is deleted. Creating and deleting
//! change this area's store and core's credentials under one lock, so concurrent requests
//! never leave a deleted token usable.
//!
//! Its test handle is [`ApiTokensHandle`].

use std::fmt;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Json;
use axum::routing::get;
use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::core::auth::Caller;
use crate::core::error::ApiError;
use crate::core::http::{JsonBody, decoded};
use crate::core::{Core, Lend, Shared, lock};
use crate::kit::collection::Collection;

/// An API token as the API's `ApiToken` schema serializes it.
#[derive(Debug, Clone, Serialize)]
struct ApiToken {
    id: Uuid,
    name: String,
    mfa_on_creation: bool,
    /// Only in the answer to the creation.
    #[serde(skip_serializing_if = "Option::is_none")]
    token: Option<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    last_used_at: Option<DateTime<Utc>>,
}

#[derive(Debug)]
struct Record {
    user_id: Uuid,
    /// Stored without its secret, so it cannot be listed by mistake.
    token: ApiToken,
    /// The secret, kept apart to revoke it at the token endpoint when the token is deleted.
    secret: String,
}

/// Every token created through the API, by ID, in creation order.
#[derive(Debug, Default)]
pub(crate) struct Store {
    tokens: Collection<Uuid, Record>,
}

impl Store {
    fn of(&self, user_id: Uuid) -> impl Iterator<Item = &ApiToken> {
        self.tokens
            .values()
            .filter(move |record| record.user_id == user_id)
            .map(|record| &record.token)
    }

    /// The user's token `token_id`: 404 if it is not one of the user's.
    fn find(&self, user_id: Uuid, token_id: &str) -> Result<&Record, ApiError> {
        Uuid::parse_str(token_id)
            .ok()
            .and_then(|id| self.tokens.get(&id))
            .filter(|record| record.user_id == user_id)
            .ok_or_else(|| {
                ApiError::not_found(format!("user {user_id} has no API token {token_id:?}"))
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
        .route("/users/{user_id}/api-tokens", get(list).post(create))
        .route(
            "/users/{user_id}/api-tokens/{token_id}",
            get(read).delete(delete),
        )
}

/// `GET /users/{user_id}/api-tokens`
async fn list(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Vec<ApiToken>>, ApiError> {
    let user_id = caller.target_user(&core, &decoded(path)?)?;
    let store = lock(&store);
    Ok(Json(store.of(user_id).cloned().collect()))
}

/// `POST /users/{user_id}/api-tokens`: 201 with the secret value, this once.
async fn create(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<ApiToken>), ApiError> {
    let user_id = caller.target_user(&core, &decoded(path)?)?;
    let mut body = JsonBody::parse(&headers, &body, &["name"])?;
    let name = body.required_string("name");
    body.finish()?;
    let name = name.unwrap_or_default();
    let now = core.now();
    let mut store = lock(&store);
    if store.of(user_id).any(|token| token.name == name) {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            format!("user {user_id} already has an API token named {name:?}"),
        ));
    }
    let token = ApiToken {
        id: Uuid::new_v4(),
        name,
        mfa_on_creation: false,
        token: None,
        created_at: now,
        updated_at: now,
        last_used_at: None,
    };
    // The new token signs in at `POST /oauth2/token` like any other, until it is deleted.
    // Still under this area's lock, so a concurrent delete cannot come in between.
    let secret = lock(&core.tokens).add_api_token(user_id, None);
    store.tokens.insert(
        token.id,
        Record {
            user_id,
            token: token.clone(),
            secret: secret.clone(),
        },
    );
    let created = ApiToken {
        token: Some(secret),
        ..token
    };
    Ok((StatusCode::CREATED, Json(created)))
}

/// `GET /users/{user_id}/api-tokens/{token_id}`
async fn read(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Json<ApiToken>, ApiError> {
    let (user, token_id) = decoded(path)?;
    let user_id = caller.target_user(&core, &user)?;
    let store = lock(&store);
    Ok(Json(store.find(user_id, &token_id)?.token.clone()))
}

/// `DELETE /users/{user_id}/api-tokens/{token_id}`: 204.
async fn delete(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    let (user, token_id) = decoded(path)?;
    let user_id = caller.target_user(&core, &user)?;
    let mut store = lock(&store);
    let id = store.find(user_id, &token_id)?.token.id;
    if let Some(record) = store.tokens.remove(&id) {
        lock(&core.tokens).remove_api_token(&record.secret);
    }
    Ok(StatusCode::NO_CONTENT)
}

/// The API tokens created through the API, for tests: from
/// [`MockServer::api_tokens`](crate::MockServer::api_tokens).
#[derive(Clone, Copy)]
pub struct ApiTokensHandle<'a> {
    store: &'a Mutex<Store>,
}

impl<'a> ApiTokensHandle<'a> {
    pub(crate) fn new<R: Lend<Mutex<Store>>>(registry: &'a R) -> Self {
        ApiTokensHandle {
            store: registry.lend(),
        }
    }

    /// The names of this user's tokens, in creation order.
    pub fn names(&self, user_id: Uuid) -> Vec<String> {
        lock(self.store)
            .of(user_id)
            .map(|token| token.name.clone())
            .collect()
    }

    /// How many tokens exist, every user's together.
    pub fn count(&self) -> usize {
        lock(self.store).tokens.len()
    }
}

impl fmt::Debug for ApiTokensHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiTokensHandle").finish_non_exhaustive()
    }
}
