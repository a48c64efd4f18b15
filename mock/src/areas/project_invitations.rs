//! The Project Invitations area: `GET`/`POST /projects/{project_id}/invitations` and
//! `DELETE /projects/{project_id}/invitations/{invitation_id}`.
//!
//! Projects are the Project area's, those of an organization. Only the owner of the project's
//! organization (or an admin) may list, send or cancel invitations (403). An invitation starts
//! `pending`; an address (ASCII case ignored) with a pending one is a 409 unless `"force":
//! true`, which cancels it and sends a new one. `role` is `admin` or `viewer`; `permissions`
//! give a role (`admin`, `viewer`, `contributor`) per environment type (`production`,
//! `staging`, `development`) and show in the answer's `environments`, as do the deprecated
//! `environments` (a role per environment ID). The list shows pending ones unless
//! `filter[state]` asks otherwise, as a plain array. Errors are `{"error": ...}`.

use std::fmt;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::areas::{organizations, projects};
use crate::core::auth::Caller;
use crate::core::clock::later_than;
use crate::core::error::ApiError;
use crate::core::http::JsonBody;
use crate::core::http::rules::email_rule;
use crate::core::http::{base_url, decoded};
use crate::core::{Core, Lend, Shared, lock};
use crate::kit::collection::Collection;
use crate::kit::filters::{Field, ListQuery, ListSpec};

const LIST: ListSpec = ListSpec {
    filters: &["state"],
    sorts: &["updated_at"],
    default_size: 20,
    max_size: 100,
};
const ENV_ROLES: &[&str] = &["admin", "viewer", "contributor"];
const ENV_TYPES: &[&str] = &["production", "staging", "development"];

/// An invitation to a project, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectInvitation {
    /// The ID.
    pub id: Uuid,
    /// `pending`, `processing`, `accepted`, `cancelled` or `error`.
    pub state: String,
    /// The project's ID.
    pub project_id: String,
    /// The project role, if one was asked for.
    pub role: Option<String>,
    /// The invitee's address.
    pub email: String,
    /// The inviter's ID.
    pub owner: Uuid,
    /// The environment roles, as answered in `environments`.
    pub environments: Vec<Value>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// When it was finished.
    pub finished_at: Option<DateTime<Utc>>,
}

/// Every project invitation, by ID.
#[derive(Debug, Default)]
pub(crate) struct Store {
    invitations: Collection<String, ProjectInvitation>,
}

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<Store>: FromRef<S>,
    Shared<projects::Store>: FromRef<S>,
    Shared<organizations::Store>: FromRef<S>,
{
    Router::new()
        .route(
            "/projects/{project_id}/invitations",
            get(list_invitations).post(create_invitation),
        )
        .route(
            "/projects/{project_id}/invitations/{invitation_id}",
            delete(cancel_invitation),
        )
}

fn to_json(i: &ProjectInvitation) -> Value {
    let mut value = json!({
        "id": i.id,
        "state": i.state,
        "project_id": i.project_id,
        "email": i.email,
        "owner": { "id": i.owner },
        "environments": i.environments,
        "created_at": i.created_at,
        "updated_at": i.updated_at,
        "finished_at": i.finished_at,
    });
    if let Some(role) = &i.role {
        value["role"] = json!(role);
    }
    value
}

/// The organizations and the projects, as one piece of router state.
#[derive(Clone)]
struct Places {
    orgs: Shared<organizations::Store>,
    projects: Shared<projects::Store>,
}

impl<S> FromRef<S> for Places
where
    Shared<organizations::Store>: FromRef<S>,
    Shared<projects::Store>: FromRef<S>,
{
    fn from_ref(state: &S) -> Self {
        Places {
            orgs: FromRef::from_ref(state),
            projects: FromRef::from_ref(state),
        }
    }
}

/// Ok if the caller manages the project's organization: 404, then 403.
fn managed(places: &Places, project_id: &str, caller: &Caller) -> Result<(), ApiError> {
    let org = lock(&places.projects)
        .in_organization(project_id)?
        .organization_id
        .clone();
    lock(&places.orgs).manage_by_id(&org, caller)?;
    Ok(())
}

/// `GET /projects/{project_id}/invitations`: an array.
async fn list_invitations(
    State(places): State<Places>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let project = decoded(segment)?;
    let query = ListQuery::parse(raw.as_deref(), LIST)?;
    managed(&places, &project, &caller)?;
    let store = lock(&store);
    let any_state = query.filters_on("state");
    let mine: Vec<(String, &ProjectInvitation)> = store
        .invitations
        .values()
        .filter(|i| i.project_id == project && (any_state || i.state == "pending"))
        .map(|i| (i.id.to_string(), i))
        .collect();
    let field = |(_, i): &(String, &ProjectInvitation), name: &str| match name {
        "state" => Field::from(i.state.as_str()),
        _ => Field::from(i.updated_at),
    };
    let base = format!("{}/projects/{project}/invitations", base_url(&headers));
    let page = query.page(mine.iter(), field, |(id, _)| id.as_str(), &base)?;
    Ok(Json(Value::Array(
        page.items.iter().map(|(_, i)| to_json(i)).collect(),
    )))
}

/// Reads `permissions` (a role per environment type) or `environments` (per environment ID)
/// into the answer's `environments`.
fn environments(
    items: Vec<Map<String, Value>>,
    key: &str,
    allowed: &[&str],
    field: &str,
) -> Result<Vec<Value>, String> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let name = item.get(key).and_then(Value::as_str).unwrap_or_default();
        let role = item.get("role").and_then(Value::as_str).unwrap_or_default();
        if !allowed.is_empty() && !allowed.contains(&name) || name.is_empty() {
            return Err(format!(
                "`{field}[{i}].{key}` must be one of {}",
                allowed.join(", ")
            ));
        }
        if !ENV_ROLES.contains(&role) {
            return Err(format!(
                "`{field}[{i}].role` must be one of {}",
                ENV_ROLES.join(", ")
            ));
        }
        out.push(json!({ key: name, "role": role }));
    }
    Ok(out)
}

/// `POST /projects/{project_id}/invitations`: 201, or 409 for a pending one.
async fn create_invitation(
    State(core): State<Arc<Core>>,
    State(places): State<Places>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let project = decoded(segment)?;
    managed(&places, &project, &caller)?;
    let mut fields = JsonBody::parse(
        &headers,
        &body,
        &["email", "role", "permissions", "environments", "force"],
    )?;
    let email = fields.checked("email", email_rule);
    if !fields.has("email") {
        fields.problem("`email` is required".to_owned());
    }
    let role = fields.checked("role", |r| match r {
        "admin" | "viewer" => Ok(()),
        _ => Err(format!("must be `admin` or `viewer`, got {r:?}")),
    });
    let mut envs = Vec::new();
    if let Some(items) = fields.objects("permissions") {
        match environments(items, "type", ENV_TYPES, "permissions") {
            Ok(found) => envs.extend(found),
            Err(problem) => fields.problem(problem),
        }
    }
    if let Some(items) = fields.objects("environments") {
        match environments(items, "id", &[], "environments") {
            Ok(found) => envs.extend(found),
            Err(problem) => fields.problem(problem),
        }
    }
    let force = fields.boolean("force").unwrap_or(false);
    fields.finish()?;
    let email = email.unwrap_or_default();
    let now = core.now();
    let mut store = lock(&store);
    let pending = store
        .invitations
        .values()
        .find(|i| {
            i.project_id == project && i.state == "pending" && i.email.eq_ignore_ascii_case(&email)
        })
        .map(|i| i.id.to_string());
    if let Some(id) = pending {
        if !force {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                format!("{email} already has a pending invitation to project {project}"),
            ));
        }
        if let Some(old) = store.invitations.get_mut(&id) {
            finish(old, "cancelled", now);
        }
    }
    let invitation = ProjectInvitation {
        id: Uuid::new_v4(),
        state: "pending".to_owned(),
        project_id: project,
        role,
        email,
        owner: caller.user_id,
        environments: envs,
        created_at: now,
        updated_at: now,
        finished_at: None,
    };
    store
        .invitations
        .insert(invitation.id.to_string(), invitation.clone());
    Ok((StatusCode::CREATED, Json(to_json(&invitation))).into_response())
}

fn finish(invitation: &mut ProjectInvitation, state: &str, now: DateTime<Utc>) {
    invitation.state = state.to_owned();
    invitation.updated_at = later_than(invitation.updated_at, now);
    if state != "pending" && state != "processing" {
        invitation.finished_at = Some(invitation.updated_at);
    }
}

/// `DELETE /projects/{project_id}/invitations/{invitation_id}`: 204.
async fn cancel_invitation(
    State(core): State<Arc<Core>>,
    State(places): State<Places>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segments: Result<Path<(String, String)>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    let (project, id) = decoded(segments)?;
    managed(&places, &project, &caller)?;
    let mut store = lock(&store);
    let invitation = store
        .invitations
        .get_mut(&id)
        .filter(|i| i.project_id == project)
        .ok_or_else(|| ApiError::not_found(format!("no invitation {id:?} to project {project}")))?;
    if invitation.state != "pending" && invitation.state != "error" {
        return Err(ApiError::bad_request(format!(
            "invitation {id} is {}; only a pending invitation can be cancelled",
            invitation.state
        )));
    }
    finish(invitation, "cancelled", core.now());
    Ok(StatusCode::NO_CONTENT)
}

/// The project invitations, for tests: from
/// [`MockServer::project_invitations`](crate::MockServer::project_invitations).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let mock = upsun_mock::MockServer::start().await;
/// assert!(mock.project_invitations().all().is_empty());
/// # }
/// ```
#[derive(Clone, Copy)]
pub struct ProjectInvitationsHandle<'a> {
    core: &'a Core,
    store: &'a Mutex<Store>,
}

impl<'a> ProjectInvitationsHandle<'a> {
    pub(crate) fn new<R: Lend<Core> + Lend<Mutex<Store>>>(registry: &'a R) -> Self {
        ProjectInvitationsHandle {
            core: registry.lend(),
            store: registry.lend(),
        }
    }

    /// Every invitation, in creation order.
    pub fn all(&self) -> Vec<ProjectInvitation> {
        lock(self.store).invitations.values().cloned().collect()
    }

    /// Sets an invitation's state (`processing`, `accepted`, `error`, ...); `false` for an
    /// unknown ID.
    pub fn set_state(&self, id: Uuid, state: &str) -> bool {
        let now = self.core.now();
        match lock(self.store).invitations.get_mut(&id.to_string()) {
            Some(invitation) => {
                finish(invitation, state, now);
                true
            }
            None => false,
        }
    }
}

impl fmt::Debug for ProjectInvitationsHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProjectInvitationsHandle")
            .finish_non_exhaustive()
    }
}
