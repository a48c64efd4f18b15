//! The Routing area: an environment's routes (`GET .../routes`) and one by ID, its URL
//! pattern (`https://{default}/`, one encoded segment). Every environment has the application on
//! `https://{default}/` and `https://www.{default}/` redirecting there.

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

use super::projects::extras::routes as env_routes;

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<Projects>: FromRef<S>,
{
    let base = "/projects/{projectId}/environments/{environmentId}/routes";
    Router::new()
        .route(base, get(list))
        .route(&format!("{base}/{{routeId}}"), get(get_one))
}

async fn list(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String)>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let (project, env) = decoded(segment)?;
    let mut store = lock(&store);
    store
        .project_mut(&project, &caller, core.now())?
        .env(&env)?;
    Ok(Json(Value::Array(env_routes())))
}

async fn get_one(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String, String)>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let (project, env, id) = decoded(segment)?;
    let mut store = lock(&store);
    store
        .project_mut(&project, &caller, core.now())?
        .env(&env)?;
    env_routes()
        .into_iter()
        .find(|r| r["id"] == json!(id))
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("route {id:?} not found")))
}

/// The routing area's handle: the routes are fixed.
#[derive(Clone, Copy)]
pub struct RoutingHandle<'a> {
    _core: &'a Core,
}

impl<'a> RoutingHandle<'a> {
    pub(crate) fn new<R: Lend<Core>>(registry: &'a R) -> Self {
        RoutingHandle {
            _core: registry.lend(),
        }
    }
}

impl fmt::Debug for RoutingHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RoutingHandle").finish_non_exhaustive()
    }
}
