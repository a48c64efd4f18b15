//! The Project Variables area: `GET`/`POST /projects/{projectId}/variables` and `GET`/`PATCH`/
//! `DELETE .../variables/{projectVariableId}`. Variables live in the project's record; a
//! sensitive variable's value is never answered. Writes answer 202 with a
//! `project.variable.*` activity.

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

use super::projects::extras::Var;

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<Projects>: FromRef<S>,
{
    Router::new()
        .route("/projects/{projectId}/variables", get(list).post(create))
        .route(
            "/projects/{projectId}/variables/{projectVariableId}",
            get(get_one).patch(update).delete(delete),
        )
}

async fn list(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let project = decoded(segment)?;
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, core.now())?;
    let items = record.variables.values().map(|v| v.to_json(None)).collect();
    Ok(Json(Value::Array(items)))
}

async fn create(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let project = decoded(segment)?;
    check_json(&headers)?;
    let body = json_object(&body)?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, now)?;
    let var = Var::create(&body, now)?;
    if record.variables.get(&var.name).is_some() {
        return Err(ApiError::new(
            axum::http::StatusCode::CONFLICT,
            format!("a variable named {:?} already exists", var.name),
        ));
    }
    record.variables.insert(var.name.clone(), var);
    let index = record.activities.start(
        &project,
        "project.variable.create",
        Vec::new(),
        json!({}),
        now,
    );
    Ok(record.accepted(&[index], now, &base_url(&headers)))
}

async fn get_one(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String)>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let (project, name) = decoded(segment)?;
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, core.now())?;
    let var = record
        .variables
        .get(&name)
        .ok_or_else(|| no_variable(&name))?;
    Ok(Json(var.to_json(None)))
}

async fn update(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (project, name) = decoded(segment)?;
    check_json(&headers)?;
    let body = json_object(&body)?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, now)?;
    let var = record
        .variables
        .get_mut(&name)
        .ok_or_else(|| no_variable(&name))?;
    var.patch(&body, now)?;
    let index = record.activities.start(
        &project,
        "project.variable.update",
        Vec::new(),
        json!({}),
        now,
    );
    Ok(record.accepted(&[index], now, &base_url(&headers)))
}

async fn delete(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (project, name) = decoded(segment)?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, now)?;
    record
        .variables
        .remove(&name)
        .ok_or_else(|| no_variable(&name))?;
    let index = record.activities.start(
        &project,
        "project.variable.delete",
        Vec::new(),
        json!({}),
        now,
    );
    Ok(record.accepted(&[index], now, &base_url(&headers)))
}

fn no_variable(name: &str) -> ApiError {
    ApiError::not_found(format!("variable {name:?} not found"))
}

/// The project variables area's handle: nothing to seed (variables are made through the API).
#[derive(Clone, Copy)]
pub struct ProjectVariablesHandle<'a> {
    _core: &'a Core,
}

impl<'a> ProjectVariablesHandle<'a> {
    pub(crate) fn new<R: Lend<Core>>(registry: &'a R) -> Self {
        ProjectVariablesHandle {
            _core: registry.lend(),
        }
    }
}

impl fmt::Debug for ProjectVariablesHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProjectVariablesHandle")
            .finish_non_exhaustive()
    }
}
