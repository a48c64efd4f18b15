//! The Environment Activity area: the activities of one environment
//! (`GET /projects/{projectId}/environments/{environmentId}/activities`, with the same filters
//! as the project's list), one of them, and `POST .../cancel`. The activities are the project's
//! (see the Project Activity area), filtered by environment. Its store is empty.

use std::fmt;
use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::Value;

use super::project_activity::{Filters, cancel_one, one};
use super::projects::Store as Projects;
use crate::core::auth::Caller;
use crate::core::error::ApiError;
use crate::core::http::{base_url, decoded};
use crate::core::{Core, Lend, Shared, lock};

/// The area keeps nothing of its own.
#[derive(Debug, Default)]
pub(crate) struct Store;

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<Projects>: FromRef<S>,
{
    let base = "/projects/{projectId}/environments/{environmentId}/activities";
    Router::new()
        .route(base, get(list))
        .route(&format!("{base}/{{activityId}}"), get(get_one))
        .route(&format!("{base}/{{activityId}}/cancel"), post(cancel))
}

/// `GET .../environments/{environmentId}/activities`.
async fn list(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let (project, env) = decoded(segment)?;
    let filters = Filters::parse(raw.as_deref())?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, now)?;
    record.env(&env)?;
    let items = filters.list(record, Some(&env), now, &base_url(&headers));
    Ok(Json(Value::Array(items)))
}

/// `GET .../environments/{environmentId}/activities/{activityId}`.
async fn get_one(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let (project, env, id) = decoded(segment)?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, now)?;
    Ok(Json(one(
        record,
        Some(&env),
        &id,
        now,
        &base_url(&headers),
    )?))
}

/// `POST .../environments/{environmentId}/activities/{activityId}/cancel`.
async fn cancel(
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
    cancel_one(record, Some(&env), &id, now, &base_url(&headers))
}

/// The environment activity area's handle: nothing to seed.
#[derive(Clone, Copy)]
pub struct EnvironmentActivityHandle<'a> {
    _core: &'a Core,
}

impl<'a> EnvironmentActivityHandle<'a> {
    pub(crate) fn new<R: Lend<Core>>(registry: &'a R) -> Self {
        EnvironmentActivityHandle {
            _core: registry.lend(),
        }
    }
}

impl fmt::Debug for EnvironmentActivityHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EnvironmentActivityHandle")
            .finish_non_exhaustive()
    }
}
