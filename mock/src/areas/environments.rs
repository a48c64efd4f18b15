//! The Environment area: the environments of a project (`GET /projects/{projectId}/environments`,
//! read, update, delete) and the calls that start work on one: activate, branch, deactivate,
//! deploy, initialize, maintenance-redeploy, merge, pause, redeploy, resume, synchronize.
//!
//! The environment tree lives in each project's record (the Project area's store), so an
//! environment call and the activities it starts change under one lock. Every call that starts
//! work answers 202 with the activities under `_embedded.activities`; while an activity runs its
//! environment is `dirty`, and when it completes the environment takes its new status (or goes
//! back to the one it had, if the activity failed or was cancelled). A call on an environment in
//! the wrong status (pausing an inactive one, say) is a 400. Its store is empty; its test handle
//! is [`EnvironmentsHandle`].

mod bodies;

use std::fmt;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

use self::bodies::{Action, action_for};
use super::projects::tree::Env;
use super::projects::{Effect, EnvironmentStatus, Store as Projects};
use crate::core::auth::Caller;
use crate::core::error::ApiError;
use crate::core::http::{base_url, decoded};
use crate::core::{Core, Lend, Shared, lock};

/// The area keeps nothing of its own (see the module documentation).
#[derive(Debug, Default)]
pub(crate) struct Store;

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<Projects>: FromRef<S>,
{
    let env = "/projects/{projectId}/environments/{environmentId}";
    let mut router = Router::new()
        .route("/projects/{projectId}/environments", get(list))
        .route(env, get(get_one).patch(update).delete(delete));
    for action in bodies::ACTIONS {
        router = router.route(&format!("{env}/{action}"), post(act));
    }
    router
}

/// `GET /projects/{projectId}/environments`.
async fn list(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let project = decoded(segment)?;
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, core.now())?;
    let items: Vec<Value> = record
        .environments
        .values()
        .filter(|e| !e.deleted)
        .map(|e| e.to_json(&project))
        .collect();
    Ok(Json(Value::Array(items)))
}

/// `GET /projects/{projectId}/environments/{environmentId}`.
async fn get_one(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String)>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let (project, env) = decoded(segment)?;
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, core.now())?;
    Ok(Json(record.env(&env)?.to_json(&project)))
}

/// `PATCH /projects/{projectId}/environments/{environmentId}`: the fields sent change at
/// once; one `environment.update` activity records it.
async fn update(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (project, env) = decoded(segment)?;
    let patch = bodies::Patch::parse(&headers, &body)?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, now)?;
    let target = record.env_mut(&env)?;
    patch.apply(target, now);
    Ok(record.accept_on(&env, "environment.update", now, &base_url(&headers)))
}

/// `DELETE /projects/{projectId}/environments/{environmentId}`: only an inactive environment
/// that is not the production one; it is `deleting` until the activity completes.
async fn delete(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (project, env) = decoded(segment)?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, now)?;
    let target = record.env(&env)?;
    if target.parent.is_none() || target.status != EnvironmentStatus::Inactive {
        return Err(ApiError::bad_request(format!(
            "only an inactive environment other than production can be deleted; {env:?} is {}",
            target.status.as_str()
        )));
    }
    let index = record.start_on(
        &env,
        "environment.delete",
        Some(Effect::Remove),
        json!({}),
        now,
    );
    if let Ok(target) = record.env_mut(&env) {
        target.status = EnvironmentStatus::Deleting;
    }
    Ok(record.accepted(&[index], now, &base_url(&headers)))
}

/// `POST /projects/{projectId}/environments/{environmentId}/<action>`.
async fn act(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String)>, PathRejection>,
    uri: axum::http::Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (project, env) = decoded(segment)?;
    let name = uri.path().rsplit('/').next().unwrap_or_default().to_owned();
    let action = action_for(&name, &headers, &body)?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&project, &caller, now)?;
    let status = record.env(&env)?.status;
    let parent = record.env(&env)?.parent.clone();
    let kind = format!("environment.{}", name.replace('-', "_"));
    let (target, effect) = match &action {
        Action::Branch {
            name: child,
            title,
            kind: env_kind,
        } => {
            require(&env, status, &[EnvironmentStatus::Active])?;
            if record.environments.get(child).is_some_and(|e| !e.deleted) {
                return Err(ApiError::new(
                    axum::http::StatusCode::CONFLICT,
                    format!("an environment named {child:?} already exists"),
                ));
            }
            let mut new = Env::new(child, Some(&env), env_kind, now);
            new.title = title.clone();
            new.status = EnvironmentStatus::Inactive;
            record.environments.insert(child.clone(), new);
            (child.clone(), EnvironmentStatus::Active)
        }
        Action::Activate => {
            require(&env, status, &[EnvironmentStatus::Inactive])?;
            (env.clone(), EnvironmentStatus::Active)
        }
        Action::Deactivate => {
            require(
                &env,
                status,
                &[EnvironmentStatus::Active, EnvironmentStatus::Paused],
            )?;
            if parent.is_none() {
                return Err(ApiError::bad_request(
                    "the production environment cannot be deactivated",
                ));
            }
            (env.clone(), EnvironmentStatus::Inactive)
        }
        Action::Pause => {
            require(&env, status, &[EnvironmentStatus::Active])?;
            (env.clone(), EnvironmentStatus::Paused)
        }
        Action::Resume => {
            require(&env, status, &[EnvironmentStatus::Paused])?;
            (env.clone(), EnvironmentStatus::Active)
        }
        Action::Merge | Action::Synchronize => {
            let Some(parent) = parent else {
                return Err(ApiError::bad_request(format!(
                    "{env:?} has no parent to {name} with"
                )));
            };
            require(&env, status, &[EnvironmentStatus::Active])?;
            let target = if matches!(action, Action::Merge) {
                parent
            } else {
                env.clone()
            };
            (target, EnvironmentStatus::Active)
        }
        Action::Initialize | Action::Redeploy => (
            env.clone(),
            if status == EnvironmentStatus::Dirty {
                EnvironmentStatus::Active
            } else {
                status
            },
        ),
    };
    let parameters = json!({ "environment": env });
    let index = record.start_on(
        &target,
        &kind,
        Some(Effect::Status(effect)),
        parameters,
        now,
    );
    Ok(record.accepted(&[index], now, &base_url(&headers)))
}

/// 400 unless the environment is in one of these statuses.
fn require(
    env: &str,
    status: EnvironmentStatus,
    allowed: &[EnvironmentStatus],
) -> Result<(), ApiError> {
    if allowed.contains(&status) {
        return Ok(());
    }
    let allowed: Vec<&str> = allowed.iter().map(|s| s.as_str()).collect();
    Err(ApiError::bad_request(format!(
        "environment {env:?} is {}; this needs it {}",
        status.as_str(),
        allowed.join(" or ")
    )))
}

/// The environments, for tests: from
/// [`MockServer::environments`](crate::MockServer::environments). Environments live in their
/// project's record; see [`ProjectsHandle`](crate::ProjectsHandle) for their status.
#[derive(Clone, Copy)]
pub struct EnvironmentsHandle<'a> {
    core: &'a Core,
    projects: &'a std::sync::Mutex<Projects>,
}

impl<'a> EnvironmentsHandle<'a> {
    pub(crate) fn new<R>(registry: &'a R) -> Self
    where
        R: Lend<Core> + Lend<std::sync::Mutex<Projects>>,
    {
        EnvironmentsHandle {
            core: registry.lend(),
            projects: registry.lend(),
        }
    }

    /// The IDs of a project's environments (deleted ones left out), in creation order.
    pub fn ids(&self, project: &str) -> Vec<String> {
        let now = self.core.now();
        let mut store = lock(self.projects);
        let caller = Caller {
            user_id: uuid::Uuid::nil(),
            admin: true,
        };
        match store.project_mut(project, &caller, now) {
            Ok(record) => record
                .environments
                .values()
                .filter(|e| !e.deleted)
                .map(|e| e.id.clone())
                .collect(),
            Err(_) => Vec::new(),
        }
    }
}

impl fmt::Debug for EnvironmentsHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EnvironmentsHandle").finish_non_exhaustive()
    }
}
