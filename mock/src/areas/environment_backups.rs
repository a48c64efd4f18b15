//! The Environment Backups area: `POST .../backup` (a backup record at once, and an
//! `environment.backup` activity), the backups list (newest first), one backup, `DELETE` and
//! `POST .../restore` (an `environment.restore` activity; with `environment_name`, into a new
//! environment branched from `branch_from` or the backup's).

use std::fmt;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

use super::projects::Store as Projects;
use crate::core::auth::Caller;
use crate::core::error::ApiError;
use crate::core::http::{base_url, check_json, decoded, json_object};
use crate::core::{Core, Lend, Shared, lock};

/// The area keeps nothing of its own (its data is in the project's record).
#[derive(Debug, Default)]
pub(crate) struct Store;

use super::projects::extras::BackupRec;
use super::projects::tree::Env;
use super::projects::{Effect, EnvironmentStatus};

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<Projects>: FromRef<S>,
{
    let env = "/projects/{projectId}/environments/{environmentId}";
    Router::new()
        .route(&format!("{env}/backup"), axum::routing::post(backup))
        .route(&format!("{env}/backups"), get(list))
        .route(
            &format!("{env}/backups/{{backupId}}"),
            get(get_one).delete(delete),
        )
        .route(
            &format!("{env}/backups/{{backupId}}/restore"),
            axum::routing::post(restore),
        )
}

fn object(headers: &HeaderMap, body: &[u8]) -> Result<serde_json::Map<String, Value>, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(serde_json::Map::new());
    }
    check_json(headers)?;
    json_object(body)
}

async fn backup(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (project, env) = decoded(segment)?;
    let body = object(&headers, &body)?;
    let safe = match body.get("safe") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(ApiError::bad_request("`safe` must be a boolean")),
    };
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, now)?;
    let status = record.env(&env)?.status;
    record.backups_taken = record.backups_taken.saturating_add(1);
    let id = format!("backup{}", record.backups_taken);
    let rec = BackupRec {
        id: id.clone(),
        environment: env.clone(),
        safe,
        created_at: now,
        deleting: false,
    };
    record
        .backups
        .entry(env.clone())
        .or_default()
        .insert(id.clone(), rec);
    let effect = (status == EnvironmentStatus::Active).then_some(Effect::Status(status));
    let index = record.start_on(
        &env,
        "environment.backup",
        effect,
        json!({"backup_name": id}),
        now,
    );
    Ok(record.accepted(&[index], now, &base_url(&headers)))
}

async fn list(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String)>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let (project, env) = decoded(segment)?;
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, core.now())?;
    record.env(&env)?;
    let items = record
        .backups
        .get(&env)
        .map(|b| b.values().rev().map(BackupRec::to_json).collect())
        .unwrap_or_default();
    Ok(Json(Value::Array(items)))
}

async fn get_one(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String, String)>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let (project, env, id) = decoded(segment)?;
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, core.now())?;
    record.env(&env)?;
    let backup = record
        .backups
        .get(&env)
        .and_then(|b| b.get(&id))
        .ok_or_else(|| no_backup(&id))?;
    Ok(Json(backup.to_json()))
}

async fn delete(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (project, env, id) = decoded(segment)?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, now)?;
    record.env(&env)?;
    record
        .backups
        .get_mut(&env)
        .and_then(|b| b.remove(&id))
        .ok_or_else(|| no_backup(&id))?;
    Ok(record.accept_on(&env, "environment.backup.delete", now, &base_url(&headers)))
}

async fn restore(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String, String)>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (project, env, id) = decoded(segment)?;
    let body = object(&headers, &body)?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, now)?;
    record.env(&env)?;
    if record.backups.get(&env).and_then(|b| b.get(&id)).is_none() {
        return Err(no_backup(&id));
    }
    let target = match body.get("environment_name").and_then(Value::as_str) {
        Some(name) if name != env => {
            if record.env(name).is_ok() {
                return Err(ApiError::bad_request(format!(
                    "environment {name:?} already exists"
                )));
            }
            let parent = body
                .get("branch_from")
                .and_then(Value::as_str)
                .unwrap_or(&env)
                .to_owned();
            let mut new = Env::new(name, Some(&parent), "development", now);
            new.status = EnvironmentStatus::Inactive;
            record.environments.insert(name.to_owned(), new);
            name.to_owned()
        }
        _ => env.clone(),
    };
    let effect = Some(Effect::Status(EnvironmentStatus::Active));
    let index = record.start_on(
        &target,
        "environment.restore",
        effect,
        json!({"backup": id}),
        now,
    );
    Ok(record.accepted(&[index], now, &base_url(&headers)))
}

fn no_backup(id: &str) -> ApiError {
    ApiError::not_found(format!("backup {id:?} not found"))
}

/// The environment backups area's handle: nothing to seed.
#[derive(Clone, Copy)]
pub struct EnvironmentBackupsHandle<'a> {
    _core: &'a Core,
}

impl<'a> EnvironmentBackupsHandle<'a> {
    pub(crate) fn new<R: Lend<Core>>(registry: &'a R) -> Self {
        EnvironmentBackupsHandle {
            _core: registry.lend(),
        }
    }
}

impl fmt::Debug for EnvironmentBackupsHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EnvironmentBackupsHandle")
            .finish_non_exhaustive()
    }
}
