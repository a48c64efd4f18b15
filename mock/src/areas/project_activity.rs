//! The Project Activity area: `GET /projects/{projectId}/activities` (newest first, with the
//! filters the API takes though the document leaves them out: `type`, `state`, `result`,
//! `starts_at`, `count`), one activity, and `POST .../cancel`.
//!
//! Activities live in their project's record (the Project area's store); the Environment
//! Activity area answers the same activities filtered by environment. Its store is empty; its
//! test handle is [`ProjectActivityHandle`]. The log of an activity streams from
//! `.../activities/{activityId}/log` (`log.rs`), which the activities' `_links.log` names.

mod log;

use std::fmt;
use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::projects::{ProjectRecord, Store as Projects};
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
    Router::new()
        .route("/projects/{projectId}/activities", get(list))
        .route(
            "/projects/{projectId}/activities/{activityId}",
            get(get_one),
        )
        .route(
            "/projects/{projectId}/activities/{activityId}/cancel",
            post(cancel),
        )
        .route(
            "/projects/{projectId}/activities/{activityId}/log",
            get(log::log),
        )
}

/// The filters of an activity list.
#[derive(Debug, Default)]
pub(crate) struct Filters {
    kinds: Vec<String>,
    states: Vec<String>,
    result: Option<String>,
    starts_at: Option<DateTime<Utc>>,
    count: usize,
}

impl Filters {
    /// Reads `type`, `state`, `result`, `starts_at` and `count` (default 10, at most 100).
    pub(crate) fn parse(raw: Option<&str>) -> Result<Self, ApiError> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or_default())
            .map_err(|e| ApiError::bad_request(format!("invalid query: {e}")))?;
        let mut filters = Filters {
            count: 10,
            ..Filters::default()
        };
        for (name, value) in pairs {
            let list = || value.split(',').map(str::to_owned).collect::<Vec<_>>();
            match name.as_str() {
                "type" => filters.kinds.extend(list()),
                "state" => filters.states.extend(list()),
                "result" => filters.result = Some(value),
                "starts_at" => {
                    let at = DateTime::parse_from_rfc3339(&value).map_err(|_| {
                        ApiError::bad_request("`starts_at` must be an RFC 3339 date-time")
                    })?;
                    filters.starts_at = Some(at.with_timezone(&Utc));
                }
                "count" => {
                    filters.count = value
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=100).contains(n))
                        .ok_or_else(|| ApiError::bad_request("`count` must be 1 to 100"))?;
                }
                _ => {}
            }
        }
        Ok(filters)
    }

    /// The activities of `record` (of `env` only, when given) these filters keep, newest
    /// first, as JSON at `now`. `starts_at` keeps those created before it (the next page).
    pub(crate) fn list(
        &self,
        record: &ProjectRecord,
        env: Option<&str>,
        now: DateTime<Utc>,
        base: &str,
    ) -> Vec<Value> {
        let project = format!("{base}/projects/{}", record.id);
        record
            .activities
            .newest_first()
            .filter(|a| env.is_none_or(|env| a.environments.iter().any(|e| e == env)))
            .filter(|a| self.kinds.is_empty() || self.kinds.contains(&a.kind))
            .filter(|a| self.starts_at.is_none_or(|at| a.created_at < at))
            .map(|a| a.to_json(now, &project))
            .filter(|json| {
                let state = json["state"].as_str().unwrap_or_default();
                self.states.is_empty() || self.states.iter().any(|s| s == state)
            })
            .filter(|json| {
                self.result
                    .as_deref()
                    .is_none_or(|r| json["result"].as_str() == Some(r))
            })
            .take(self.count)
            .collect()
    }
}

/// `GET /projects/{projectId}/activities`.
async fn list(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let project = decoded(segment)?;
    let filters = Filters::parse(raw.as_deref())?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, now)?;
    Ok(Json(Value::Array(filters.list(
        record,
        None,
        now,
        &base_url(&headers),
    ))))
}

/// The activity `id` of `record` (in `env`, when given) as JSON at `now`: 404 if there is none.
pub(crate) fn one(
    record: &ProjectRecord,
    env: Option<&str>,
    id: &str,
    now: DateTime<Utc>,
    base: &str,
) -> Result<Value, ApiError> {
    let project = format!("{base}/projects/{}", record.id);
    record
        .activities
        .get(id)
        .filter(|a| env.is_none_or(|env| a.environments.iter().any(|e| e == env)))
        .map(|a| a.to_json(now, &project))
        .ok_or_else(|| ApiError::not_found(format!("activity {id:?} not found")))
}

/// Cancels the activity `id` of `record`: 202, or 400 if it has finished.
pub(crate) fn cancel_one(
    record: &mut ProjectRecord,
    env: Option<&str>,
    id: &str,
    now: DateTime<Utc>,
    base: &str,
) -> Result<Response, ApiError> {
    one(record, env, id, now, base)?;
    if !record.activities.cancel(id, now) {
        return Err(ApiError::bad_request(format!(
            "activity {id:?} has finished and cannot be cancelled"
        )));
    }
    record.settle(now);
    let body = json!({"status": "Accepted", "code": 202});
    Ok((StatusCode::ACCEPTED, Json(body)).into_response())
}

/// `GET /projects/{projectId}/activities/{activityId}`.
async fn get_one(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let (project, id) = decoded(segment)?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, now)?;
    Ok(Json(one(record, None, &id, now, &base_url(&headers))?))
}

/// `POST /projects/{projectId}/activities/{activityId}/cancel`.
async fn cancel(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (project, id) = decoded(segment)?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, now)?;
    cancel_one(record, None, &id, now, &base_url(&headers))
}

/// The project activity area's handle: nothing to seed (activities are started by the calls
/// that start work, and scripted with [`ProjectsHandle`](crate::ProjectsHandle)).
#[derive(Clone, Copy)]
pub struct ProjectActivityHandle<'a> {
    _core: &'a Core,
}

impl<'a> ProjectActivityHandle<'a> {
    pub(crate) fn new<R: Lend<Core>>(registry: &'a R) -> Self {
        ProjectActivityHandle {
            _core: registry.lend(),
        }
    }
}

impl fmt::Debug for ProjectActivityHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProjectActivityHandle")
            .finish_non_exhaustive()
    }
}
