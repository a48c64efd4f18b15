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
//! These tokens are records only: `POST /oauth2/token` does not accept them (it knows the API
//! tokens of [`MockServer::api_token`](crate::MockServer::api_token) and
//! [`AddedUser::api_token`](crate::AddedUser)).

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Json;
use axum::routing::get;
use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::http::decoded;
use crate::state::{Shared, lock};
use crate::users::body::JsonBody;
use crate::users::target_user;

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

/// Every token created through the API.
#[derive(Debug, Default)]
pub(crate) struct Store {
    tokens: Vec<Record>,
}

impl Store {
    fn of(&self, user_id: Uuid) -> impl Iterator<Item = &ApiToken> {
        self.tokens
            .iter()
            .filter(move |record| record.user_id == user_id)
            .map(|record| &record.token)
    }

    fn position(&self, user_id: Uuid, token_id: &str) -> Result<usize, ApiError> {
        let id = Uuid::parse_str(token_id).ok();
        self.tokens
            .iter()
            .position(|record| record.user_id == user_id && Some(record.token.id) == id)
            .ok_or_else(|| {
                ApiError::not_found(format!("user {user_id} has no API token {token_id:?}"))
            })
    }
}

/// The area's routes.
pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/users/{user_id}/api-tokens", get(list).post(create))
        .route(
            "/users/{user_id}/api-tokens/{token_id}",
            get(read).delete(delete),
        )
}

/// `GET /users/{user_id}/api-tokens`
async fn list(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Vec<ApiToken>>, ApiError> {
    let user_id = target_user(&shared, &caller, &decoded(path)?)?;
    let store = lock(&shared.api_tokens);
    Ok(Json(store.of(user_id).cloned().collect()))
}

/// `POST /users/{user_id}/api-tokens`: 201 with the secret value, this once.
async fn create(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<ApiToken>), ApiError> {
    let user_id = target_user(&shared, &caller, &decoded(path)?)?;
    let mut body = JsonBody::parse(&headers, &body, &["name"])?;
    let name = body.required_string("name");
    body.finish()?;
    let name = name.unwrap_or_default();
    let now = shared.now();
    let mut store = lock(&shared.api_tokens);
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
    let secret = format!("mock_api_{}", Uuid::new_v4().simple());
    store.tokens.push(Record {
        user_id,
        token: token.clone(),
        secret: secret.clone(),
    });
    drop(store);
    // The new token signs in at `POST /oauth2/token` like any other, until it is deleted.
    lock(&shared.store)
        .tokens
        .add_api_token(user_id, Some(secret.clone()));
    let created = ApiToken {
        token: Some(secret),
        ..token
    };
    Ok((StatusCode::CREATED, Json(created)))
}

/// `GET /users/{user_id}/api-tokens/{token_id}`
async fn read(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Json<ApiToken>, ApiError> {
    let (user, token_id) = decoded(path)?;
    let user_id = target_user(&shared, &caller, &user)?;
    let store = lock(&shared.api_tokens);
    let index = store.position(user_id, &token_id)?;
    Ok(Json(store.tokens[index].token.clone()))
}

/// `DELETE /users/{user_id}/api-tokens/{token_id}`: 204.
async fn delete(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    let (user, token_id) = decoded(path)?;
    let user_id = target_user(&shared, &caller, &user)?;
    let mut store = lock(&shared.api_tokens);
    let index = store.position(user_id, &token_id)?;
    let record = store.tokens.remove(index);
    drop(store);
    lock(&shared.store).tokens.remove_api_token(&record.secret);
    Ok(StatusCode::NO_CONTENT)
}
