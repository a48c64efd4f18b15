//! The Project area: `GET /projects/{projectId}`, its capabilities, `POST
//! .../clear_build_cache` and `POST .../maintenance-redeploy`.
//!
//! The store keeps each project whole: its fields, its environment tree (`tree.rs`) and its
//! activities (the engine is [`crate::kit::activities`]), so that a call and the activities it
//! starts change under one lock. The Environment and activity areas reach a project through
//! [`Store::project_mut`]. Only the project's owner (or an admin) sees it: 404 otherwise, as for
//! an unknown project. Errors are the API's `{"error"}`. Its test handle is [`ProjectsHandle`].
//!
//! This store is the one registry of projects: the access areas (Team Access, User Access,
//! Grants, Organization Members, Project Invitations, References) look a project up here with
//! [`Store::in_organization`], which sees the projects that belong to an organization
//! ([`NewProject::organization`]). Where a route holds several stores, they are locked in the
//! one order the registry documents (`crate::areas`): organizations, organization members,
//! teams, then this store, then the user grants.

pub(crate) mod extras;
mod record;
pub(crate) mod tree;

use std::fmt;
use std::sync::{Arc, Mutex};

use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

pub(crate) use self::record::{Effect, ProjectRecord};
use self::tree::Env;
pub use self::tree::EnvironmentStatus;
use crate::core::auth::Caller;
use crate::core::error::{ApiError, Problem};
use crate::core::http::{base_url, decoded};
use crate::core::{Core, Lend, Shared, lock};
pub use crate::kit::activities::Ending;
use crate::kit::activities::Script;
use crate::kit::collection::Collection;

/// Every project.
#[derive(Debug, Default)]
pub(crate) struct Store {
    projects: Collection<String, ProjectRecord>,
}

impl Store {
    /// The project `id` as `caller` may see it, its finished activities applied: 404 for an
    /// unknown project or one the caller does not own (unless an admin).
    pub(crate) fn project_mut(
        &mut self,
        id: &str,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<&mut ProjectRecord, ApiError> {
        let record = self
            .projects
            .get_mut(id)
            .filter(|r| caller.admin || r.owner == caller.user_id)
            .ok_or_else(|| ApiError::not_found(format!("project {id:?} not found")))?;
        record.settle(now);
        Ok(record)
    }

    /// The project `id` as the access areas see it, whoever calls (they check the caller on
    /// its organization): 404 for an unknown project or one that belongs to no organization.
    pub(crate) fn in_organization(&self, id: &str) -> Result<Project, Problem> {
        self.projects
            .get(id)
            .and_then(|r| {
                r.organization.as_ref().map(|org| Project {
                    id: r.id.clone(),
                    organization_id: org.clone(),
                    title: r.title.clone(),
                })
            })
            .ok_or_else(|| Problem::not_found(format!("no project {id:?}")))
    }
}

/// A project of an organization, as the access areas read it (a copy of its record's fields).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Project {
    pub(crate) id: String,
    pub(crate) organization_id: String,
    pub(crate) title: String,
}

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<Store>: FromRef<S>,
{
    Router::new()
        .route("/projects/{projectId}", get(get_project))
        .route("/projects/{projectId}/capabilities", get(get_capabilities))
        .route(
            "/projects/{projectId}/clear_build_cache",
            post(clear_build_cache),
        )
        .route(
            "/projects/{projectId}/maintenance-redeploy",
            post(maintenance_redeploy),
        )
}

/// `GET /projects/{projectId}`.
async fn get_project(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let id = decoded(segment)?;
    let mut store = lock(&store);
    let record = store.project_mut(&id, &caller, core.now())?;
    Ok(Json(record.to_json(&base_url(&headers))))
}

/// `GET /projects/{projectId}/capabilities`.
async fn get_capabilities(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let id = decoded(segment)?;
    lock(&store).project_mut(&id, &caller, core.now())?;
    Ok(Json(record::capabilities()))
}

/// `POST /projects/{projectId}/clear_build_cache`: one `project.clear_build_cache` activity.
async fn clear_build_cache(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let id = decoded(segment)?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&id, &caller, now)?;
    let index =
        record
            .activities
            .start(&id, "project.clear_build_cache", Vec::new(), json!({}), now);
    Ok(record.accepted(&[index], now, &base_url(&headers)))
}

/// `POST /projects/{projectId}/maintenance-redeploy`: one redeploy activity per active
/// environment.
async fn maintenance_redeploy(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let id = decoded(segment)?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.project_mut(&id, &caller, now)?;
    let active: Vec<String> = record
        .environments
        .values()
        .filter(|e| !e.deleted && e.status == EnvironmentStatus::Active)
        .map(|e| e.id.clone())
        .collect();
    let indices: Vec<usize> = active
        .iter()
        .map(|env| {
            let effect = Some(Effect::Status(EnvironmentStatus::Active));
            record.start_on(
                env,
                "environment.maintenance_redeploy",
                effect,
                json!({}),
                now,
            )
        })
        .collect();
    Ok(record.accepted(&indices, now, &base_url(&headers)))
}

/// A project to seed with [`ProjectsHandle::add`]: its ID, title and, optionally, its
/// organization; it starts with one environment, `main`, active and in production.
///
/// A project of an organization is the one the access areas know: its teams and members can
/// be granted it, and its JSON answers the organization's ID (`null` without one).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use upsun_mock::{MockServer, NewOrganization, NewProject};
///
/// let mock = MockServer::start().await;
/// let acme = mock.organizations().add(NewOrganization::new("acme"));
/// mock.projects().add(NewProject::new("p1").title("Shop").organization(&acme.id));
/// // The access areas see it too.
/// assert!(mock.team_access().has_project("p1"));
/// # }
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct NewProject {
    /// The project's ID.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its owner; the seeded user when `None`.
    pub owner: Option<Uuid>,
    /// The ID of the organization it belongs in (not checked); `None` for none.
    pub organization: Option<String>,
}

impl NewProject {
    /// A project with this ID, titled as it.
    pub fn new(id: impl Into<String>) -> Self {
        let id = id.into();
        NewProject {
            title: id.clone(),
            id,
            owner: None,
            organization: None,
        }
    }

    /// Puts the project in an organization (its ID; not checked).
    #[must_use]
    pub fn organization(mut self, organization_id: impl Into<String>) -> Self {
        self.organization = Some(organization_id.into());
        self
    }

    /// Sets the title.
    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = title.into();
        self
    }
}

/// The projects, for tests: from [`MockServer::projects`](crate::MockServer::projects).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use upsun_mock::{Ending, MockServer, NewProject};
///
/// let mock = MockServer::start().await;
/// mock.projects().add(NewProject::new("p1"));
/// assert_eq!(mock.projects().environment_status("p1", "main").unwrap().as_str(), "active");
/// // The next activity started on p1 fails.
/// mock.projects().script_activity("p1", Ending::Failure, None);
/// # }
/// ```
#[derive(Clone, Copy)]
pub struct ProjectsHandle<'a> {
    core: &'a Core,
    store: &'a Mutex<Store>,
}

impl<'a> ProjectsHandle<'a> {
    pub(crate) fn new<R>(registry: &'a R) -> Self
    where
        R: Lend<Core> + Lend<Mutex<Store>>,
    {
        ProjectsHandle {
            core: registry.lend(),
            store: registry.lend(),
        }
    }

    /// Adds a project with a `main` production environment; a project with the same ID is
    /// replaced.
    pub fn add(&self, project: NewProject) {
        let now = self.core.now();
        let owner = project.owner.unwrap_or_else(|| {
            lock(&self.core.identity)
                .users()
                .next()
                .map(|u| u.id)
                .unwrap_or_default()
        });
        let mut environments = Collection::default();
        environments.insert("main".to_owned(), Env::new("main", None, "production", now));
        let record = ProjectRecord {
            id: project.id.clone(),
            title: project.title,
            organization: project.organization,
            owner,
            region: "eu-5.platform.sh".to_owned(),
            created_at: now,
            environments,
            activities: Default::default(),
            effects: Default::default(),
            bare: false,
            variables: Collection::default(),
            env_variables: Default::default(),
            backups: Default::default(),
            backups_taken: 0,
            cut_log_after: None,
        };
        lock(self.store).projects.insert(project.id, record);
    }

    /// Whether a project with this ID exists.
    pub fn contains(&self, id: &str) -> bool {
        lock(self.store).projects.get(id).is_some()
    }

    /// Whether the project `id` exists and belongs to an organization: the access areas know
    /// it.
    pub(crate) fn in_organization(&self, id: &str) -> bool {
        lock(self.store).in_organization(id).is_ok()
    }

    /// Scripts the next activity started on `project`: how it ends and, optionally, the lines
    /// of its log. Scripts queue up, one per activity, in order. Unknown projects are ignored.
    pub fn script_activity(&self, project: &str, ending: Ending, lines: Option<Vec<String>>) {
        self.script(
            project,
            Script {
                ending,
                lines,
                payload: None,
                integration: None,
            },
        );
    }

    /// Like [`script_activity`](Self::script_activity), with a payload (which may hold
    /// credentials, as a backup's does).
    pub fn script_activity_with_payload(&self, project: &str, ending: Ending, payload: Value) {
        let script = Script {
            ending,
            lines: None,
            payload: Some(payload),
            integration: None,
        };
        self.script(project, script);
    }

    /// Scripts the next activity started on `project` as one an integration started (its
    /// `integration` member is set).
    pub fn script_integration_activity(&self, project: &str, integration: &str) {
        let script = Script {
            integration: Some(integration.to_owned()),
            ..Script::default()
        };
        self.script(project, script);
    }

    /// Makes the project's accepted answers leave `_embedded` out, as some of the API's do:
    /// the caller must find the activity it started in the activity list.
    pub fn answer_without_embedded(&self, project: &str) {
        if let Some(record) = lock(self.store).projects.get_mut(project) {
            record.bare = true;
        }
    }

    /// Makes the next log stream of the project's activities fail after `lines` lines, as a
    /// dropped connection would.
    pub fn cut_log_after(&self, project: &str, lines: usize) {
        if let Some(record) = lock(self.store).projects.get_mut(project) {
            record.cut_log_after = Some(lines);
        }
    }

    fn script(&self, project: &str, script: Script) {
        if let Some(record) = lock(self.store).projects.get_mut(project) {
            record.activities.script(script);
        }
    }

    /// The status of an environment now, or `None` if there is no such environment.
    pub fn environment_status(&self, project: &str, env: &str) -> Option<EnvironmentStatus> {
        let now = self.core.now();
        let mut store = lock(self.store);
        let record = store.projects.get_mut(project)?;
        record.settle(now);
        record.env(env).ok().map(|e| e.status)
    }

    /// How many activities the project has.
    pub fn activity_count(&self, project: &str) -> usize {
        lock(self.store)
            .projects
            .get(project)
            .map_or(0, |r| r.activities.newest_first().count())
    }
}

impl fmt::Debug for ProjectsHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProjectsHandle").finish_non_exhaustive()
    }
}
