//! What both sides of a user's grant share: the stores a route locks (always organizations,
//! then projects, then grants), the caller's checks, bodies, and a grant as answered.

use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path};
use axum::http::{HeaderMap, StatusCode};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::areas::organizations;
use crate::areas::projects::{self, Project};
use crate::areas::teams::PROJECT_PERMISSIONS;
use crate::core::auth::Caller;
use crate::core::clock::later_than;
use crate::core::error::Problem;
use crate::core::http::decoded;
use crate::core::http::{base_url, check_json};
use crate::core::identity::user_id;
use crate::core::{Core, Shared, lock};
use crate::kit::filters::Field;
use crate::kit::links::Links;

/// A user's access to a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UserGrant {
    pub(crate) user: Uuid,
    pub(crate) project_id: String,
    pub(crate) permissions: Vec<String>,
    pub(crate) granted_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
}

/// Every user grant, in the order they were made.
#[derive(Debug, Default)]
pub(crate) struct Store {
    pub(crate) grants: Vec<UserGrant>,
}

impl Store {
    pub(crate) fn position(&self, user: Uuid, project_id: &str) -> Result<usize, Problem> {
        self.grants
            .iter()
            .position(|g| g.user == user && g.project_id == project_id)
            .ok_or_else(|| {
                Problem::not_found(format!("user {user} has no access to project {project_id}"))
            })
    }
}

/// The three stores a User Access route reads, as one piece of router state.
#[derive(Clone)]
pub(super) struct Access {
    pub(super) orgs: Shared<organizations::Store>,
    pub(super) projects: Shared<projects::Store>,
    pub(super) grants: Shared<Store>,
}

impl<S> FromRef<S> for Access
where
    Shared<organizations::Store>: FromRef<S>,
    Shared<projects::Store>: FromRef<S>,
    Shared<Store>: FromRef<S>,
{
    fn from_ref(state: &S) -> Self {
        Access {
            orgs: FromRef::from_ref(state),
            projects: FromRef::from_ref(state),
            grants: FromRef::from_ref(state),
        }
    }
}

/// Checks the caller on the project's organization (read, or manage); answers whether the
/// caller may change the grants.
pub(super) fn check(
    orgs: &organizations::Store,
    project: &Project,
    caller: &Caller,
    manage: bool,
) -> Result<bool, Problem> {
    let org = &project.organization_id;
    if manage {
        orgs.manage_by_id(org, caller)?;
    } else {
        orgs.read_by_id(org, caller)?;
    }
    Ok(orgs.manage_by_id(org, caller).is_ok())
}

/// A grant as the API answers it, from either side (`self` is the project's side).
pub(super) fn grant_json(
    g: &UserGrant,
    project: &Project,
    may_change: bool,
    headers: &HeaderMap,
) -> Value {
    let href = format!(
        "{}/projects/{}/user-access/{}",
        base_url(headers),
        g.project_id,
        g.user
    );
    let mut links = Links::default().with("self", &href);
    if may_change {
        links = links
            .with_method("update", &href, "PATCH")
            .with_method("delete", &href, "DELETE");
    }
    json!({
        "user_id": g.user,
        "organization_id": project.organization_id,
        "project_id": g.project_id,
        "project_title": project.title,
        "permissions": g.permissions,
        "granted_at": g.granted_at,
        "updated_at": g.updated_at,
        "_links": links.into_value(),
    })
}

pub(super) fn grant_field(g: &UserGrant, title: &str, name: &str) -> Field {
    match name {
        "project_title" => Field::from(title),
        "granted_at" => Field::from(g.granted_at),
        _ => Field::from(g.updated_at),
    }
}

/// The permissions at `at` in `item`: each must be a project permission.
fn permissions(item: &Value, at: &str, problems: &mut Vec<String>) -> Vec<String> {
    let Some(list) = item.get("permissions").and_then(Value::as_array) else {
        problems.push(format!("`{at}permissions` is required, an array"));
        return Vec::new();
    };
    let mut out = Vec::new();
    for (j, p) in list.iter().enumerate() {
        match p.as_str() {
            Some(text) if PROJECT_PERMISSIONS.contains(&text) => out.push(text.to_owned()),
            _ => problems.push(format!(
                "`{at}permissions[{j}]` must be one of {}",
                PROJECT_PERMISSIONS.join(", ")
            )),
        }
    }
    out
}

/// One item of a grant body: the ID under `key`, the permissions, `auto_add_member`.
pub(super) struct Item {
    pub(super) id: String,
    pub(super) permissions: Vec<String>,
    pub(super) auto_add_member: bool,
}

fn json_value(headers: &HeaderMap, body: &[u8]) -> Result<Value, Problem> {
    check_json(headers).map_err(|_| {
        Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "the body must be application/json",
        )
    })?;
    serde_json::from_slice(body)
        .map_err(|err| Problem::bad_request(format!("the body is not JSON: {err}")))
}

/// A grant body: an array of objects with `key`, `permissions` (and `extra` fields allowed).
pub(super) fn items(
    headers: &HeaderMap,
    body: &[u8],
    key: &str,
    extra: &[&str],
) -> Result<Vec<Item>, Problem> {
    let value = json_value(headers, body)?;
    let list = value
        .as_array()
        .ok_or_else(|| Problem::bad_request("the body must be an array"))?;
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let at = format!("[{i}].");
        let id = item.get(key).and_then(Value::as_str).unwrap_or_default();
        if id.is_empty() {
            problems.push(format!("`{at}{key}` is required, a non-empty string"));
        }
        let permissions = permissions(item, &at, &mut problems);
        for other in item.as_object().into_iter().flat_map(|o| o.keys()) {
            if other != key && other != "permissions" && !extra.contains(&other.as_str()) {
                problems.push(format!("`{at}`: unknown field `{other}`"));
            }
        }
        let auto_add_member = item
            .get("auto_add_member")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        out.push(Item {
            id: id.to_owned(),
            permissions,
            auto_add_member,
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Problem::bad_request(problems.join("; ")))
    }
}

/// An update body: `{"permissions": [...]}`.
pub(super) fn update(headers: &HeaderMap, body: &[u8]) -> Result<Vec<String>, Problem> {
    let value = json_value(headers, body)?;
    let mut problems = Vec::new();
    if !value.is_object() {
        return Err(Problem::bad_request("the body must be an object"));
    }
    for other in value.as_object().into_iter().flat_map(|o| o.keys()) {
        if other != "permissions" {
            problems.push(format!("unknown field `{other}`"));
        }
    }
    let list = permissions(&value, "", &mut problems);
    if problems.is_empty() {
        Ok(list)
    } else {
        Err(Problem::bad_request(problems.join("; ")))
    }
}

/// Grants `permissions` on `project` to `user`: 400 for an outsider (unless `auto_add`, which
/// makes them a member), 409 for an existing grant.
pub(super) fn grant(
    core: &Core,
    orgs: &mut organizations::Store,
    store: &mut Store,
    project: &Project,
    user: Uuid,
    permissions: Vec<String>,
    auto_add: bool,
) -> Result<(), Problem> {
    if lock(&core.identity).user(user).is_none() {
        return Err(Problem::bad_request(format!("no user {user}")));
    }
    let org = orgs.find_mut(&project.organization_id, false)?;
    if !org.is_member(user) {
        if !auto_add {
            return Err(Problem::bad_request(format!(
                "user {user} is not a member of organization {} (set auto_add_member)",
                org.org.id
            )));
        }
        org.members.push(user);
    }
    if store.position(user, &project.id).is_ok() {
        return Err(Problem::conflict(format!(
            "user {user} already has access to project {}; update it instead",
            project.id
        )));
    }
    let now = core.now();
    store.grants.push(UserGrant {
        user,
        project_id: project.id.clone(),
        permissions,
        granted_at: now,
        updated_at: now,
    });
    Ok(())
}

/// Reads one grant: the user itself, a member of the project's organization, or an admin.
pub(super) fn read_one(
    access: &Access,
    caller: &Caller,
    project_id: &str,
    user: Uuid,
    headers: &HeaderMap,
) -> Result<Json<Value>, Problem> {
    let (orgs, projects, store) = (
        lock(&access.orgs),
        lock(&access.projects),
        lock(&access.grants),
    );
    let project = &projects.in_organization(project_id)?;
    let may_change = if user == caller.user_id {
        orgs.manage_by_id(&project.organization_id, caller).is_ok()
    } else {
        check(&orgs, project, caller, false)?
    };
    let at = store.position(user, project_id)?;
    Ok(Json(grant_json(
        &store.grants[at],
        project,
        may_change,
        headers,
    )))
}

pub(super) fn change(
    core: &Core,
    access: &Access,
    caller: &Caller,
    project_id: &str,
    user: Uuid,
    permissions: Option<Vec<String>>,
) -> Result<StatusCode, Problem> {
    let (orgs, projects, mut store) = (
        lock(&access.orgs),
        lock(&access.projects),
        lock(&access.grants),
    );
    let project = &projects.in_organization(project_id)?;
    check(&orgs, project, caller, true)?;
    let at = store.position(user, project_id)?;
    match permissions {
        Some(permissions) => {
            let g = &mut store.grants[at];
            g.permissions = permissions;
            g.updated_at = later_than(g.updated_at, core.now());
        }
        None => {
            store.grants.remove(at);
        }
    }
    Ok(StatusCode::NO_CONTENT)
}

pub(super) type Pair = Result<Path<(String, String)>, PathRejection>;

/// `(project_id, user)` from `/projects/{project_id}/user-access/{user_id}`.
pub(super) fn project_user(segments: Pair) -> Result<(String, Uuid), Problem> {
    let (project, user) = decoded(segments)?;
    Ok((project, user_id(&user)?))
}

/// `(project_id, user)` from `/users/{user_id}/project-access/{project_id}`.
pub(super) fn user_project(segments: Pair) -> Result<(String, Uuid), Problem> {
    let (user, project) = decoded(segments)?;
    Ok((project, user_id(&user)?))
}
