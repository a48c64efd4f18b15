//! The Environment Type area: `GET /projects/{projectId}/environment-types` (production,
//! staging, development) and one of them.

use std::fmt;
use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, State};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

use super::projects::Store as Projects;
use crate::core::auth::Caller;
use crate::core::error::ApiError;
use crate::core::http::decoded;
use crate::core::{Core, Lend, Shared, lock};

/// The area keeps nothing of its own (its data is in the project's record).
#[derive(Debug, Default)]
pub(crate) struct Store;

const TYPES: [&str; 3] = ["production", "staging", "development"];

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<Projects>: FromRef<S>,
{
    Router::new()
        .route("/projects/{projectId}/environment-types", get(list))
        .route(
            "/projects/{projectId}/environment-types/{environmentTypeId}",
            get(get_one),
        )
}

async fn list(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let project = decoded(segment)?;
    lock(&store).project_mut(&project, &caller, core.now())?;
    let items = TYPES
        .iter()
        .map(|t| json!({"id": t, "attributes": {}}))
        .collect();
    Ok(Json(Value::Array(items)))
}

async fn get_one(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String)>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let (project, id) = decoded(segment)?;
    lock(&store).project_mut(&project, &caller, core.now())?;
    if !TYPES.contains(&id.as_str()) {
        return Err(ApiError::not_found(format!(
            "environment type {id:?} not found"
        )));
    }
    Ok(Json(json!({"id": id, "attributes": {}})))
}

/// The environment types area's handle: the types are fixed.
#[derive(Clone, Copy)]
pub struct EnvironmentTypesHandle<'a> {
    _core: &'a Core,
}

impl<'a> EnvironmentTypesHandle<'a> {
    pub(crate) fn new<R: Lend<Core>>(registry: &'a R) -> Self {
        EnvironmentTypesHandle {
            _core: registry.lend(),
        }
    }
}

impl fmt::Debug for EnvironmentTypesHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EnvironmentTypesHandle")
            .finish_non_exhaustive()
    }
}
