//! The Environment Variables area: `GET`/`POST .../environments/{environmentId}/variables` and
//! `GET`/`PATCH`/`DELETE .../variables/{variableId}`. An environment sees its own variables and
//! the inheritable ones of its ancestors (`inherited: true`); changing an inherited one sets an
//! override on the environment. A sensitive value is never answered. Writes answer 202 with an
//! `environment.variable.*` activity.

use std::fmt;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::Value;

use super::projects::Store as Projects;
use crate::core::auth::Caller;
use crate::core::error::ApiError;
use crate::core::http::{base_url, check_json, decoded, json_object};
use crate::core::{Core, Lend, Shared, lock};

/// The area keeps nothing of its own (its data is in the project's record).
#[derive(Debug, Default)]
pub(crate) struct Store;

use super::projects::ProjectRecord;
use super::projects::extras::Var;

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<Projects>: FromRef<S>,
{
    let base = "/projects/{projectId}/environments/{environmentId}/variables";
    Router::new().route(base, get(list).post(create)).route(
        &format!("{base}/{{variableId}}"),
        get(get_one).patch(update).delete(delete),
    )
}

fn seen(record: &ProjectRecord, env: &str, name: Option<&str>) -> Vec<Value> {
    record
        .env_vars(env)
        .into_iter()
        .filter(|(v, _)| name.is_none_or(|n| v.name == n))
        .map(|(v, inherited)| v.to_json(Some((&record.id, env, inherited))))
        .collect()
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
    Ok(Json(Value::Array(seen(record, &env, None))))
}

async fn create(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (project, env) = decoded(segment)?;
    check_json(&headers)?;
    let body = json_object(&body)?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, now)?;
    record.env(&env)?;
    let var = Var::create(&body, now)?;
    let own = record.env_variables.entry(env.clone()).or_default();
    if own.get(&var.name).is_some() {
        return Err(ApiError::new(
            axum::http::StatusCode::CONFLICT,
            format!("a variable named {:?} already exists on {env:?}", var.name),
        ));
    }
    own.insert(var.name.clone(), var);
    Ok(record.accept_on(
        &env,
        "environment.variable.create",
        now,
        &base_url(&headers),
    ))
}

async fn get_one(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String, String)>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let (project, env, name) = decoded(segment)?;
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, core.now())?;
    record.env(&env)?;
    seen(record, &env, Some(&name))
        .into_iter()
        .next()
        .map(Json)
        .ok_or_else(|| no_variable(&name))
}

async fn update(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String, String)>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (project, env, name) = decoded(segment)?;
    check_json(&headers)?;
    let body = json_object(&body)?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, now)?;
    record.env(&env)?;
    let current = record
        .env_vars(&env)
        .into_iter()
        .find(|(v, _)| v.name == name)
        .map(|(v, _)| v.clone())
        .ok_or_else(|| no_variable(&name))?;
    let own = record.env_variables.entry(env.clone()).or_default();
    let mut var = own.get(&name).cloned().unwrap_or(current);
    var.patch(&body, now)?;
    own.insert(name, var);
    Ok(record.accept_on(
        &env,
        "environment.variable.update",
        now,
        &base_url(&headers),
    ))
}

async fn delete(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (project, env, name) = decoded(segment)?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, now)?;
    record.env(&env)?;
    record
        .env_variables
        .get_mut(&env)
        .and_then(|own| own.remove(&name))
        .ok_or_else(|| no_variable(&name))?;
    Ok(record.accept_on(
        &env,
        "environment.variable.delete",
        now,
        &base_url(&headers),
    ))
}

fn no_variable(name: &str) -> ApiError {
    ApiError::not_found(format!("variable {name:?} not found"))
}

/// The environment variables area's handle: nothing to seed.
#[derive(Clone, Copy)]
pub struct EnvironmentVariablesHandle<'a> {
    _core: &'a Core,
}

impl<'a> EnvironmentVariablesHandle<'a> {
    pub(crate) fn new<R: Lend<Core>>(registry: &'a R) -> Self {
        EnvironmentVariablesHandle {
            _core: registry.lend(),
        }
    }
}

impl fmt::Debug for EnvironmentVariablesHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EnvironmentVariablesHandle")
            .finish_non_exhaustive()
    }
}
