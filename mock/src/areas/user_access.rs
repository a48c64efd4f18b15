//! The User Access area: a user's access to a project, from both sides:
//! `GET`/`POST /projects/{project_id}/user-access`, `GET`/`PATCH`/`DELETE
//! /projects/{project_id}/user-access/{user_id}`, and `GET`/`POST
//! /users/{user_id}/project-access`, `GET`/`PATCH`/`DELETE
//! /users/{user_id}/project-access/{project_id}`.
//!
//! A grant is one record (user, project, permissions): made from either side, it reads the
//! same from both (its `self` link is the project's side). Projects are the Project area's,
//! those of an organization ([`NewProject::organization`](crate::NewProject::organization), or
//! [`TeamAccessHandle::add_project`](crate::TeamAccessHandle::add_project)).
//! The user must be a member of the project's organization, unless the project-side grant says
//! `auto_add_member` (then it becomes one): 400 otherwise. Granting a user who has access is a
//! 409 (update it instead). Members of the organization may read a project's grants, a user
//! their own; only the organization's owner or an admin may grant, update or remove (403).
//! Errors are `application/problem+json`.

mod grants;

use std::fmt;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};
use uuid::Uuid;

pub(crate) use self::grants::Store;
use self::grants::{
    Access, Pair, UserGrant, change, check, grant, grant_field, grant_json, items, project_user,
    read_one, update, user_project,
};
use crate::areas::organizations;
use crate::areas::projects::{self, Project};
use crate::core::auth::Caller;
use crate::core::error::Problem;
use crate::core::http::{base_url, decoded};
use crate::core::identity::user_id;
use crate::core::{Core, Lend, Shared, lock};
use crate::kit::filters::{ListQuery, ListSpec};

const PROJECT_SIDE: ListSpec = ListSpec {
    filters: &[],
    sorts: &["granted_at", "updated_at"],
    default_size: 20,
    max_size: 200,
};
const USER_SIDE: ListSpec = ListSpec {
    filters: &["organization_id"],
    sorts: &["project_title", "granted_at", "updated_at"],
    default_size: 20,
    max_size: 200,
};

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
            "/projects/{project_id}/user-access",
            get(list_project_side).post(grant_project_side),
        )
        .route(
            "/projects/{project_id}/user-access/{user_id}",
            get(get_project_side)
                .patch(update_project_side)
                .delete(remove_project_side),
        )
        .route(
            "/users/{user_id}/project-access",
            get(list_user_side).post(grant_user_side),
        )
        .route(
            "/users/{user_id}/project-access/{project_id}",
            get(get_user_side)
                .patch(update_user_side)
                .delete(remove_user_side),
        )
}

/// `GET /projects/{project_id}/user-access`.
async fn list_project_side(
    State(access): State<Access>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, Problem> {
    let project_id = decoded(segment)?;
    let query = ListQuery::parse(raw.as_deref(), PROJECT_SIDE)?;
    let (orgs, projects, store) = (
        lock(&access.orgs),
        lock(&access.projects),
        lock(&access.grants),
    );
    let project = &projects.in_organization(&project_id)?;
    let may_change = check(&orgs, project, &caller, false)?;
    let ids: Vec<(String, &UserGrant)> = store
        .grants
        .iter()
        .filter(|g| g.project_id == project_id)
        .map(|g| (g.user.to_string(), g))
        .collect();
    let base = format!("{}/projects/{project_id}/user-access", base_url(&headers));
    let page = query.page(
        ids.iter(),
        |(_, g), n| grant_field(g, &project.title, n),
        |(id, _)| id.as_str(),
        &base,
    )?;
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|(_, g)| grant_json(g, project, may_change, &headers))
        .collect();
    Ok(Json(json!({ "items": items, "_links": page.links })))
}

/// `POST /projects/{project_id}/user-access`: 204.
async fn grant_project_side(
    State(core): State<Arc<Core>>,
    State(access): State<Access>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, Problem> {
    let project_id = decoded(segment)?;
    let (mut orgs, projects, mut store) = (
        lock(&access.orgs),
        lock(&access.projects),
        lock(&access.grants),
    );
    let project = &projects.in_organization(&project_id)?;
    check(&orgs, project, &caller, true)?;
    for item in items(&headers, &body, "user_id", &["auto_add_member"])? {
        let user = Uuid::parse_str(&item.id)
            .map_err(|_| Problem::bad_request(format!("`user_id` {:?} is not a UUID", item.id)))?;
        grant(
            &core,
            &mut orgs,
            &mut store,
            project,
            user,
            item.permissions,
            item.auto_add_member,
        )?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /users/{user_id}/project-access`: 204.
async fn grant_user_side(
    State(core): State<Arc<Core>>,
    State(access): State<Access>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, Problem> {
    let user = user_id(&decoded(segment)?)?;
    let (mut orgs, projects, mut store) = (
        lock(&access.orgs),
        lock(&access.projects),
        lock(&access.grants),
    );
    for item in items(&headers, &body, "project_id", &[])? {
        let project = projects
            .in_organization(&item.id)
            .map_err(|_| Problem::bad_request(format!("`project_id`: no project {:?}", item.id)))?;
        check(&orgs, &project, &caller, true)?;
        grant(
            &core,
            &mut orgs,
            &mut store,
            &project,
            user,
            item.permissions,
            false,
        )?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /users/{user_id}/project-access`: the user itself, or an admin.
async fn list_user_side(
    State(core): State<Arc<Core>>,
    State(access): State<Access>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, Problem> {
    let user = caller.target_user(&core, &decoded(segment)?)?;
    let query = ListQuery::parse(raw.as_deref(), USER_SIDE)?;
    let (orgs, projects, store) = (
        lock(&access.orgs),
        lock(&access.projects),
        lock(&access.grants),
    );
    let mine: Vec<(&UserGrant, Project, bool)> = store
        .grants
        .iter()
        .filter(|g| g.user == user)
        .filter_map(|g| projects.in_organization(&g.project_id).ok().map(|p| (g, p)))
        .map(|(g, p)| {
            let may_change = orgs.manage_by_id(&p.organization_id, &caller).is_ok();
            (g, p, may_change)
        })
        .collect();
    let base = format!("{}/users/{user}/project-access", base_url(&headers));
    let page = query.page(
        mine.iter(),
        |(g, p, _), n| match n {
            "organization_id" => p.organization_id.as_str().into(),
            _ => grant_field(g, &p.title, n),
        },
        |(g, _, _)| g.project_id.as_str(),
        &base,
    )?;
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|(g, p, may)| grant_json(g, p, *may, &headers))
        .collect();
    Ok(Json(json!({ "items": items, "_links": page.links })))
}

/// `GET /projects/{project_id}/user-access/{user_id}`.
async fn get_project_side(
    State(access): State<Access>,
    caller: Caller,
    segments: Pair,
    headers: HeaderMap,
) -> Result<Json<Value>, Problem> {
    let (project, user) = project_user(segments)?;
    read_one(&access, &caller, &project, user, &headers)
}

/// `GET /users/{user_id}/project-access/{project_id}`: the same record.
async fn get_user_side(
    State(access): State<Access>,
    caller: Caller,
    segments: Pair,
    headers: HeaderMap,
) -> Result<Json<Value>, Problem> {
    let (project, user) = user_project(segments)?;
    read_one(&access, &caller, &project, user, &headers)
}

/// `PATCH /projects/{project_id}/user-access/{user_id}`: 204.
async fn update_project_side(
    State(core): State<Arc<Core>>,
    State(access): State<Access>,
    caller: Caller,
    segments: Pair,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, Problem> {
    let (project, user) = project_user(segments)?;
    let permissions = update(&headers, &body)?;
    change(&core, &access, &caller, &project, user, Some(permissions))
}

/// `PATCH /users/{user_id}/project-access/{project_id}`: 204, the same change.
async fn update_user_side(
    State(core): State<Arc<Core>>,
    State(access): State<Access>,
    caller: Caller,
    segments: Pair,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, Problem> {
    let (project, user) = user_project(segments)?;
    let permissions = update(&headers, &body)?;
    change(&core, &access, &caller, &project, user, Some(permissions))
}

/// `DELETE /projects/{project_id}/user-access/{user_id}`: 204.
async fn remove_project_side(
    State(core): State<Arc<Core>>,
    State(access): State<Access>,
    caller: Caller,
    segments: Pair,
) -> Result<StatusCode, Problem> {
    let (project, user) = project_user(segments)?;
    change(&core, &access, &caller, &project, user, None)
}

/// `DELETE /users/{user_id}/project-access/{project_id}`: 204, the same removal.
async fn remove_user_side(
    State(core): State<Arc<Core>>,
    State(access): State<Access>,
    caller: Caller,
    segments: Pair,
) -> Result<StatusCode, Problem> {
    let (project, user) = user_project(segments)?;
    change(&core, &access, &caller, &project, user, None)
}

/// The users' grants of projects, for tests: from
/// [`MockServer::user_access`](crate::MockServer::user_access).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let mock = upsun_mock::MockServer::start().await;
/// assert_eq!(mock.user_access().permissions(mock.user_id(), "p1"), None);
/// # }
/// ```
#[derive(Clone, Copy)]
pub struct UserAccessHandle<'a> {
    store: &'a Mutex<Store>,
}

impl<'a> UserAccessHandle<'a> {
    pub(crate) fn new<R: Lend<Mutex<Store>>>(registry: &'a R) -> Self {
        UserAccessHandle {
            store: registry.lend(),
        }
    }

    /// A user's permissions on a project, or `None` without a grant.
    pub fn permissions(&self, user: Uuid, project_id: &str) -> Option<Vec<String>> {
        let store = lock(self.store);
        let at = store.position(user, project_id).ok()?;
        Some(store.grants[at].permissions.clone())
    }

    /// How many user grants there are, over every project.
    pub fn count(&self) -> usize {
        lock(self.store).grants.len()
    }
}

impl fmt::Debug for UserAccessHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UserAccessHandle").finish_non_exhaustive()
    }
}
