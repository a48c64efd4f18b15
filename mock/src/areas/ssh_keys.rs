//! The Ssh Keys area: `POST /ssh_keys`, `GET`/`DELETE /ssh_keys/{key_id}`.
//!
//! Keys are kept per user, with sequential integer IDs from 1. A key's `value` must look like
//! an `authorized_keys` line (`<type> <base64> [comment]`, the type starting `ssh-`, `ecdsa-`
//! or `sk-`): 400 otherwise. `uuid` adds it to another user (an admin only: 403). Only the
//! key's user (or an admin) may read or delete it (403); an unknown key is a 404. There is no
//! list route: `GET /me` shows the caller's keys in `ssh_keys` (see `users/me.rs`).

use std::collections::hash_map::DefaultHasher;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use crate::core::auth::Caller;
use crate::core::error::ApiError;
use crate::core::http::{JsonBody, decoded};
use crate::core::{Core, Lend, Shared, lock};

/// A public SSH key as the API answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SshKey {
    /// The ID.
    pub key_id: i64,
    /// The user's sequence number in the mock.
    pub uid: i64,
    /// A fingerprint of the value (the mock's own, 16 pairs of hex).
    pub fingerprint: String,
    /// The title.
    pub title: String,
    /// The key.
    pub value: String,
    /// When it last changed (RFC 3339).
    pub changed: String,
    /// The user it belongs to.
    #[serde(skip)]
    pub user: Uuid,
}

/// Every key, in creation order.
#[derive(Debug, Default)]
pub(crate) struct Store {
    keys: Vec<SshKey>,
    created: i64,
}

impl Store {
    /// A user's keys, in creation order.
    pub(crate) fn keys_of(&self, user: Uuid) -> impl Iterator<Item = &SshKey> {
        self.keys.iter().filter(move |k| k.user == user)
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
        .route("/ssh_keys", post(create_key))
        .route("/ssh_keys/{key_id}", get(get_key).delete(delete_key))
}

fn value_rule(text: &str) -> Result<(), String> {
    let mut parts = text.split_whitespace();
    let kind = parts.next().unwrap_or_default();
    let body = parts.next().unwrap_or_default();
    let known = ["ssh-", "ecdsa-", "sk-"]
        .iter()
        .any(|p| kind.starts_with(p));
    if known && !body.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "must be a public key line such as `ssh-ed25519 AAAA... comment`, got {text:?}"
        ))
    }
}

fn fingerprint(value: &str) -> String {
    let mut out = String::new();
    for round in 0..2u8 {
        let mut hasher = DefaultHasher::new();
        (round, value).hash(&mut hasher);
        out.extend(hasher.finish().to_be_bytes().map(|b| format!("{b:02x}")));
    }
    out
}

/// `POST /ssh_keys`: 201 with the key.
async fn create_key(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let mut fields = JsonBody::parse(&headers, &body, &["value", "title", "uuid"])?;
    let value = fields.checked("value", value_rule);
    if !fields.has("value") {
        fields.problem("`value` is required".to_owned());
    }
    let title = fields.string("title");
    let uuid = fields.string("uuid");
    fields.finish()?;
    let user = match uuid {
        Some(text) => Uuid::parse_str(&text)
            .map_err(|_| ApiError::bad_request(format!("`uuid` must be a UUID, got {text:?}")))?,
        None => caller.user_id,
    };
    caller.check_access(user)?;
    let uid = lock(&core.identity)
        .sequence(user)
        .ok_or_else(|| ApiError::bad_request(format!("`uuid` {user} names no user")))?;
    let value = value.unwrap_or_default();
    let mut store = lock(&store);
    store.created += 1;
    let key = SshKey {
        key_id: store.created,
        uid: i64::try_from(uid).unwrap_or(i64::MAX),
        fingerprint: fingerprint(&value),
        title: title.unwrap_or_default(),
        value,
        changed: core.now().to_rfc3339(),
        user,
    };
    store.keys.push(key.clone());
    Ok((StatusCode::CREATED, Json(to_json(&key))).into_response())
}

fn to_json(key: &SshKey) -> Value {
    serde_json::to_value(key).unwrap_or(Value::Null)
}

/// The index of the key a path names, if the caller may touch it: 404, then 403.
fn find(store: &Store, segment: &str, caller: &Caller) -> Result<usize, ApiError> {
    let missing = || ApiError::not_found(format!("no SSH key {segment:?}"));
    let id: i64 = segment.parse().map_err(|_| missing())?;
    let at = store
        .keys
        .iter()
        .position(|k| k.key_id == id)
        .ok_or_else(missing)?;
    caller.check_access(store.keys[at].user)?;
    Ok(at)
}

/// `GET /ssh_keys/{key_id}`.
async fn get_key(
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let segment = decoded(segment)?;
    let store = lock(&store);
    let at = find(&store, &segment, &caller)?;
    Ok(Json(to_json(&store.keys[at])))
}

/// `DELETE /ssh_keys/{key_id}`: 204.
async fn delete_key(
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    let segment = decoded(segment)?;
    let mut store = lock(&store);
    let at = find(&store, &segment, &caller)?;
    store.keys.remove(at);
    Ok(StatusCode::NO_CONTENT)
}

/// The SSH keys, for tests: from [`MockServer::ssh_keys`](crate::MockServer::ssh_keys).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let mock = upsun_mock::MockServer::start().await;
/// assert!(mock.ssh_keys().of(mock.user_id()).is_empty());
/// # }
/// ```
#[derive(Clone, Copy)]
pub struct SshKeysHandle<'a> {
    store: &'a Mutex<Store>,
}

impl<'a> SshKeysHandle<'a> {
    pub(crate) fn new<R: Lend<Mutex<Store>>>(registry: &'a R) -> Self {
        SshKeysHandle {
            store: registry.lend(),
        }
    }

    /// A user's keys, in creation order.
    pub fn of(&self, user: Uuid) -> Vec<SshKey> {
        lock(self.store).keys_of(user).cloned().collect()
    }
}

impl fmt::Debug for SshKeysHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SshKeysHandle").finish_non_exhaustive()
    }
}
