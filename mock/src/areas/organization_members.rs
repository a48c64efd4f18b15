//! The Organization Members area: `GET`/`POST /organizations/{organization_id}/members` and
//! `GET`/`PATCH`/`DELETE /organizations/{organization_id}/members/{user_id}`.
//!
//! Who is a member is the organizations' store (the owner first); this area keeps each
//! member's permissions and dates. Members may read the members (the organization also by
//! `name=<name>` on the `GET` routes); only the owner or an admin may add, change or remove
//! them (403). The owner has `admin` and cannot be removed (400). Removing a member removes
//! them from the organization's teams and takes away their access to its projects too. The
//! list takes `filter[permissions]`, sorts on `created_at` / `updated_at` and pages with
//! cursors. Errors are `application/problem+json`.

mod store;

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};
use uuid::Uuid;

pub(crate) use self::store::Store;
use self::store::{Detail, Member, key, member_json};
use crate::areas::organizations;
use crate::areas::{projects, teams, user_access};
use crate::core::auth::Caller;
use crate::core::clock::later_than;
use crate::core::error::Problem;
use crate::core::http::{JsonBody, base_url, decoded};
use crate::core::identity::user_id;
use crate::core::{Core, Shared, lock};
use crate::kit::filters::{Field, ListQuery, ListSpec};

const PERMISSIONS: &[&str] = &[
    "admin",
    "billing",
    "members",
    "plans",
    "projects:create",
    "projects:list",
];

const LIST: ListSpec = ListSpec {
    filters: &["permissions"],
    sorts: &["created_at", "updated_at"],
    default_size: 20,
    max_size: 100,
};

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<Store>: FromRef<S>,
    Shared<organizations::Store>: FromRef<S>,
    Shared<teams::Store>: FromRef<S>,
    Shared<projects::Store>: FromRef<S>,
    Shared<user_access::Store>: FromRef<S>,
{
    Router::new()
        .route(
            "/organizations/{organization_id}/members",
            get(list_members).post(add_member),
        )
        .route(
            "/organizations/{organization_id}/members/{user_id}",
            get(get_member).patch(update_member).delete(remove_member),
        )
}

/// `GET /organizations/{organization_id}/members`.
async fn list_members(
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, Problem> {
    let segment = decoded(segment)?;
    let query = ListQuery::parse(raw.as_deref(), LIST)?;
    let (orgs, store) = (lock(&orgs), lock(&store));
    let record = orgs.readable(&segment, &caller)?;
    let members: Vec<(String, Member)> = record
        .members
        .iter()
        .map(|u| (u.to_string(), store.member(record, *u)))
        .collect();
    let field = |(_, m): &(String, Member), name: &str| match name {
        "permissions" => Field::List(m.permissions.clone()),
        "created_at" => Field::from(m.created_at),
        _ => Field::from(m.updated_at),
    };
    let base = format!("{}/organizations/{segment}/members", base_url(&headers));
    let page = query.page(members.iter(), field, |(id, _)| id.as_str(), &base)?;
    let org = &record.org.id;
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|(_, m)| member_json(org, m, &headers))
        .collect();
    Ok(Json(
        json!({ "count": page.count, "items": items, "_links": page.links }),
    ))
}

fn permission_rule(text: &str) -> Result<(), String> {
    if PERMISSIONS.contains(&text) {
        Ok(())
    } else {
        Err(format!(
            "must be one of {}, got {text:?}",
            PERMISSIONS.join(", ")
        ))
    }
}

/// `POST /organizations/{organization_id}/members`: 201; 409 for a member already.
async fn add_member(
    State(core): State<Arc<Core>>,
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Problem> {
    let org = decoded(segment)?;
    let (mut orgs, mut store) = (lock(&orgs), lock(&store));
    orgs.manage_by_id(&org, &caller)?;
    let mut fields = JsonBody::parse(&headers, &body, &["user_id", "permissions"])?;
    let user = fields.required_string("user_id");
    let permissions = fields.strings("permissions", permission_rule);
    fields.finish()?;
    let user = Uuid::parse_str(&user.unwrap_or_default())
        .map_err(|_| Problem::bad_request("`user_id` must be a UUID"))?;
    if lock(&core.identity).user(user).is_none() {
        return Err(Problem::not_found(format!("no user {user}")));
    }
    let record = orgs.find_mut(&org, false)?;
    if record.is_member(user) {
        return Err(Problem::conflict(format!(
            "user {user} is already a member"
        )));
    }
    record.members.push(user);
    let now = core.now();
    store.details.insert(
        key(&org, user),
        Detail {
            permissions: permissions.unwrap_or_default(),
            created_at: now,
            updated_at: now,
        },
    );
    let member = store.member(record, user);
    Ok((
        StatusCode::CREATED,
        Json(member_json(&org, &member, &headers)),
    )
        .into_response())
}

fn member_path(
    segments: Result<Path<(String, String)>, PathRejection>,
) -> Result<(String, Uuid), Problem> {
    let (org, user) = decoded(segments)?;
    Ok((org, user_id(&user)?))
}

fn not_a_member(user: Uuid) -> Problem {
    Problem::not_found(format!("user {user} is not a member"))
}

/// `GET /organizations/{organization_id}/members/{user_id}`.
async fn get_member(
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segments: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Json<Value>, Problem> {
    let (segment, user) = member_path(segments)?;
    let (orgs, store) = (lock(&orgs), lock(&store));
    let record = orgs.readable(&segment, &caller)?;
    if !record.is_member(user) {
        return Err(not_a_member(user));
    }
    let member = store.member(record, user);
    Ok(Json(member_json(&record.org.id, &member, &headers)))
}

/// `PATCH /organizations/{organization_id}/members/{user_id}`.
async fn update_member(
    State(core): State<Arc<Core>>,
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segments: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, Problem> {
    let (org, user) = member_path(segments)?;
    let (orgs, mut store) = (lock(&orgs), lock(&store));
    let record = orgs.manage_by_id(&org, &caller)?;
    if !record.is_member(user) {
        return Err(not_a_member(user));
    }
    let mut fields = JsonBody::parse(&headers, &body, &["permissions"])?;
    let permissions = fields.strings("permissions", permission_rule);
    fields.finish()?;
    let mut current = store.member(record, user);
    if let Some(permissions) = permissions {
        current.permissions = permissions;
    }
    current.updated_at = later_than(current.updated_at, core.now());
    store.details.insert(
        key(&org, user),
        Detail {
            permissions: current.permissions.clone(),
            created_at: current.created_at,
            updated_at: current.updated_at,
        },
    );
    Ok(Json(member_json(&org, &current, &headers)))
}

/// What a leaving member is also removed from: the organization's teams, and the user
/// grants of its projects.
#[derive(Clone)]
struct Leaving {
    teams: Shared<teams::Store>,
    projects: Shared<projects::Store>,
    user_grants: Shared<user_access::Store>,
}

impl<S> FromRef<S> for Leaving
where
    Shared<teams::Store>: FromRef<S>,
    Shared<projects::Store>: FromRef<S>,
    Shared<user_access::Store>: FromRef<S>,
{
    fn from_ref(state: &S) -> Self {
        Leaving {
            teams: FromRef::from_ref(state),
            projects: FromRef::from_ref(state),
            user_grants: FromRef::from_ref(state),
        }
    }
}

/// `DELETE /organizations/{organization_id}/members/{user_id}`: 204; out of the teams and the
/// projects' user access too.
async fn remove_member(
    State(orgs): State<Shared<organizations::Store>>,
    State(leaving): State<Leaving>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segments: Result<Path<(String, String)>, PathRejection>,
) -> Result<StatusCode, Problem> {
    let (org, user) = member_path(segments)?;
    let mut orgs = lock(&orgs);
    let record = orgs.manage_by_id(&org, &caller)?;
    if !record.is_member(user) {
        return Err(not_a_member(user));
    }
    if record.org.owner_id == user {
        return Err(Problem::bad_request("the owner cannot be removed"));
    }
    let record = orgs.find_mut(&org, false)?;
    record.members.retain(|m| *m != user);
    lock(&leaving.teams).remove_member_everywhere(&org, user);
    let projects = lock(&leaving.projects);
    lock(&leaving.user_grants).grants.retain(|g| {
        g.user != user
            || projects
                .in_organization(&g.project_id)
                .is_ok_and(|p| p.organization_id != org)
    });
    lock(&store).details.remove(&key(&org, user));
    Ok(StatusCode::NO_CONTENT)
}

/// The members' permissions, for tests: from
/// [`MockServer::organization_members`](crate::MockServer::organization_members). Who is a
/// member is [`OrganizationsHandle::members`](crate::OrganizationsHandle::members).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use upsun_mock::{MockServer, NewOrganization};
///
/// let mock = MockServer::start().await;
/// let acme = mock.organizations().add(NewOrganization::new("acme"));
/// assert_eq!(mock.organization_members().permissions(&acme.id, mock.user_id()), None);
/// # }
/// ```
#[derive(Clone, Copy)]
pub struct OrganizationMembersHandle<'a> {
    store: &'a std::sync::Mutex<Store>,
}

impl<'a> OrganizationMembersHandle<'a> {
    pub(crate) fn new<R: crate::core::Lend<std::sync::Mutex<Store>>>(registry: &'a R) -> Self {
        OrganizationMembersHandle {
            store: registry.lend(),
        }
    }

    /// The permissions set through this area for a member (`None` when none were: a seeded
    /// member, or the owner, whose permission is `admin`).
    pub fn permissions(&self, organization_id: &str, user: Uuid) -> Option<Vec<String>> {
        lock(self.store)
            .details
            .get(&key(organization_id, user))
            .map(|d| d.permissions.clone())
    }
}

impl std::fmt::Debug for OrganizationMembersHandle<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OrganizationMembersHandle")
            .finish_non_exhaustive()
    }
}
