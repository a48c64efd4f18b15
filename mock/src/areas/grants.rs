//! The Grants area: `GET /users/{user_id}/extended-access` and `GET /access/{access_id}`.
//!
//! A user's extended access is every organization they are a member of (`resource_type`
//! `organization`, with their member permissions) and every project they were granted
//! through User Access (`project`, with those permissions), read from those areas' stores.
//! Filters on `resource_type`, `organization_id` and `permissions`. Only the user itself (or an
//! admin) may read it (403). Each access has a document at `GET /access/{access_id}`, whose ID
//! is `<resource_type>:<resource_id>:<user_id>`: the same fields, and its `id` (404 for
//! another ID, or one the caller may not read). Errors are `{"error": ...}`.

use std::fmt;
use std::sync::{Arc, Mutex};

use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::areas::{organization_members, organizations, projects, user_access};
use crate::core::auth::Caller;
use crate::core::error::ApiError;
use crate::core::http::{base_url, decoded};
use crate::core::{Core, Lend, Shared, lock};
use crate::kit::filters::{Field, ListQuery, ListSpec};

const LIST: ListSpec = ListSpec {
    filters: &["resource_type", "organization_id", "permissions"],
    sorts: &[],
    default_size: 50,
    max_size: 50,
};

/// This area keeps nothing of its own: it reads the others.
#[derive(Debug, Default)]
pub(crate) struct Store;

/// The stores a Grants route reads, as one piece of router state.
#[derive(Clone)]
struct Sources {
    orgs: Shared<organizations::Store>,
    members: Shared<organization_members::Store>,
    projects: Shared<projects::Store>,
    users: Shared<user_access::Store>,
}

impl<S> FromRef<S> for Sources
where
    Shared<organizations::Store>: FromRef<S>,
    Shared<organization_members::Store>: FromRef<S>,
    Shared<projects::Store>: FromRef<S>,
    Shared<user_access::Store>: FromRef<S>,
{
    fn from_ref(state: &S) -> Self {
        Sources {
            orgs: FromRef::from_ref(state),
            members: FromRef::from_ref(state),
            projects: FromRef::from_ref(state),
            users: FromRef::from_ref(state),
        }
    }
}

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<organizations::Store>: FromRef<S>,
    Shared<organization_members::Store>: FromRef<S>,
    Shared<projects::Store>: FromRef<S>,
    Shared<user_access::Store>: FromRef<S>,
{
    Router::new()
        .route("/users/{user_id}/extended-access", get(list_extended))
        .route("/access/{access_id}", get(get_document))
}

/// Every access of a user, in the order organizations then project grants were made.
fn accesses(sources: &Sources, user: Uuid) -> Vec<Value> {
    let (orgs, members, projects, users) = (
        lock(&sources.orgs),
        lock(&sources.members),
        lock(&sources.projects),
        lock(&sources.users),
    );
    let mut out = Vec::new();
    for record in orgs.records().filter(|r| r.is_member(user)) {
        let (permissions, granted_at, updated_at) = members.summary(record, user);
        out.push(json!({
            "user_id": user,
            "resource_id": record.org.id,
            "resource_type": "organization",
            "organization_id": record.org.id,
            "permissions": permissions,
            "granted_at": granted_at,
            "updated_at": updated_at,
        }));
    }
    for grant in users.grants.iter().filter(|g| g.user == user) {
        let Ok(project) = projects.in_organization(&grant.project_id) else {
            continue;
        };
        out.push(json!({
            "user_id": user,
            "resource_id": grant.project_id,
            "resource_type": "project",
            "organization_id": project.organization_id,
            "permissions": grant.permissions,
            "granted_at": grant.granted_at,
            "updated_at": grant.updated_at,
        }));
    }
    out
}

fn access_id(access: &Value) -> String {
    let text = |key: &str| access[key].as_str().unwrap_or_default().to_owned();
    format!(
        "{}:{}:{}",
        text("resource_type"),
        text("resource_id"),
        text("user_id")
    )
}

fn field(access: &Value, name: &str) -> Field {
    match name {
        "permissions" => Field::List(
            access[name]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|p| p.as_str().map(str::to_owned))
                .collect(),
        ),
        _ => Field::from(access[name].as_str().unwrap_or_default()),
    }
}

/// `GET /users/{user_id}/extended-access`.
async fn list_extended(
    State(core): State<Arc<Core>>,
    State(sources): State<Sources>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let user = caller.target_user(&core, &decoded(segment)?)?;
    let query = ListQuery::parse(raw.as_deref(), LIST)?;
    let all: Vec<(String, Value)> = accesses(&sources, user)
        .into_iter()
        .map(|a| (access_id(&a), a))
        .collect();
    let base = format!("{}/users/{user}/extended-access", base_url(&headers));
    let page = query.page(all.iter(), |(_, a), n| field(a, n), |(id, _)| id, &base)?;
    let items: Vec<&Value> = page.items.iter().map(|(_, a)| a).collect();
    Ok(Json(json!({ "items": items, "_links": page.links })))
}

/// `GET /access/{access_id}`: the access document, for its user (or an admin).
async fn get_document(
    State(sources): State<Sources>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let id = decoded(segment)?;
    let missing = || ApiError::not_found(format!("no access document {id:?}"));
    let user = id
        .rsplit(':')
        .next()
        .and_then(|u| Uuid::parse_str(u).ok())
        .ok_or_else(missing)?;
    if caller.check_access(user).is_err() {
        return Err(missing());
    }
    let mut document = accesses(&sources, user)
        .into_iter()
        .find(|a| access_id(a) == id)
        .ok_or_else(missing)?;
    document["id"] = json!(id);
    Ok(Json(document))
}

/// The access documents' IDs, for tests: from
/// [`MockServer::grants`](crate::MockServer::grants).
///
/// ```
/// let id = upsun_mock::GrantsHandle::access_id("project", "p1", uuid::Uuid::nil());
/// assert_eq!(id, "project:p1:00000000-0000-0000-0000-000000000000");
/// ```
#[derive(Clone, Copy)]
pub struct GrantsHandle<'a> {
    _store: &'a Mutex<Store>,
}

impl<'a> GrantsHandle<'a> {
    pub(crate) fn new<R: Lend<Mutex<Store>>>(registry: &'a R) -> Self {
        GrantsHandle {
            _store: registry.lend(),
        }
    }

    /// The ID of the access document of a user's access to a resource (`project` or
    /// `organization`).
    pub fn access_id(resource_type: &str, resource_id: &str, user: Uuid) -> String {
        format!("{resource_type}:{resource_id}:{user}")
    }
}

impl fmt::Debug for GrantsHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GrantsHandle").finish_non_exhaustive()
    }
}
