//! The Teams area: `GET`/`POST /teams`, `GET`/`PATCH`/`DELETE /teams/{team_id}`, the team's
//! members (`GET`/`POST /teams/{team_id}/members`, `GET`/`DELETE .../members/{user_id}`) and
//! `GET /users/{user_id}/teams`.
//!
//! A team belongs to an organization: its members (and admins) may read it, only the
//! organization's owner (or an admin) may create, change or delete it or its members (403
//! otherwise). A team member must be a member of the team's organization (400). `GET /teams`
//! shows the teams of the caller's organizations, with filters on `organization_id`, `id` and
//! `updated_at`, sorts and cursor pages. Deleting a team removes its grants (the grants are
//! kept here, see [`store`]; the Team Access area reads and changes them). Errors are
//! `{"error": ...}`.
//!
//! Its test handle is [`TeamsHandle`].

mod members;
pub(crate) mod store;

use std::fmt;
use std::sync::{Arc, Mutex};

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
pub use self::store::{Team, TeamGrant, TeamMember};
use crate::areas::organizations;
use crate::core::auth::Caller;
use crate::core::clock::later_than;
use crate::core::error::ApiError;
use crate::core::http::rules::not_blank_rule;
use crate::core::http::{JsonBody, base_url, decoded};
use crate::core::{Core, Lend, Shared, lock};
use crate::kit::filters::{Field, ListQuery, ListSpec};

/// The project permissions a team may carry.
pub(crate) const PROJECT_PERMISSIONS: &[&str] = &[
    "admin",
    "viewer",
    "development:admin",
    "development:contributor",
    "development:viewer",
    "staging:admin",
    "staging:contributor",
    "staging:viewer",
    "production:admin",
    "production:contributor",
    "production:viewer",
];

const TEAMS: ListSpec = ListSpec {
    filters: &["organization_id", "id", "updated_at"],
    sorts: &["label", "created_at", "updated_at"],
    default_size: 10,
    max_size: 100,
};
const USER_TEAMS: ListSpec = ListSpec {
    filters: &["organization_id", "updated_at"],
    sorts: &["created_at", "updated_at"],
    default_size: 10,
    max_size: 100,
};

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<Store>: FromRef<S>,
    Shared<organizations::Store>: FromRef<S>,
{
    Router::new()
        .route("/teams", get(list_teams).post(create_team))
        .route(
            "/teams/{team_id}",
            get(get_team).patch(update_team).delete(delete_team),
        )
        .route(
            "/teams/{team_id}/members",
            get(members::list).post(members::add),
        )
        .route(
            "/teams/{team_id}/members/{user_id}",
            get(members::get).delete(members::remove),
        )
        .route("/users/{user_id}/teams", get(list_user_teams))
}

fn team_field(record: &store::TeamRecord, name: &str) -> Field {
    let team = &record.team;
    match name {
        "organization_id" => Field::from(team.organization_id.as_str()),
        "id" => Field::from(team.id.as_str()),
        "label" => Field::from(team.label.as_str()),
        "created_at" => Field::from(team.created_at),
        _ => Field::from(team.updated_at),
    }
}

/// A page of teams as the API answers it.
fn team_page<'a>(
    query: &ListQuery,
    teams: impl Iterator<Item = &'a store::TeamRecord>,
    base: &str,
) -> Result<Json<Value>, ApiError> {
    let page = query.page(teams, team_field, |r| r.team.id.as_str(), base)?;
    let items: Vec<Value> = page.items.iter().map(|r| r.json()).collect();
    Ok(Json(
        json!({ "items": items, "count": page.count, "_links": page.links }),
    ))
}

/// `GET /teams`: the teams of the caller's organizations (every team for an admin).
async fn list_teams(
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let query = ListQuery::parse(raw.as_deref(), TEAMS)?;
    let orgs = lock(&orgs);
    let store = lock(&store);
    let visible = store
        .records()
        .filter(|r| orgs.read_by_id(&r.team.organization_id, &caller).is_ok());
    team_page(&query, visible, &format!("{}/teams", base_url(&headers)))
}

/// `GET /users/{user_id}/teams`: the teams a user is a member of (the user itself or an admin).
async fn list_user_teams(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let user = caller.target_user(&core, &decoded(segment)?)?;
    let query = ListQuery::parse(raw.as_deref(), USER_TEAMS)?;
    let store = lock(&store);
    let base = format!("{}/users/{user}/teams", base_url(&headers));
    team_page(
        &query,
        store.records().filter(|r| r.member(user).is_some()),
        &base,
    )
}

fn permission_rule(text: &str) -> Result<(), String> {
    if PROJECT_PERMISSIONS.contains(&text) {
        Ok(())
    } else {
        Err(format!(
            "must be one of {}, got {text:?}",
            PROJECT_PERMISSIONS.join(", ")
        ))
    }
}

/// `POST /teams`: 201 with the new team; the organization's owner or an admin only.
async fn create_team(
    State(core): State<Arc<Core>>,
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let mut fields = JsonBody::parse(
        &headers,
        &body,
        &["organization_id", "label", "project_permissions"],
    )?;
    let org = fields.required_string("organization_id");
    let label = fields.required_string("label");
    let permissions = fields.strings("project_permissions", permission_rule);
    fields.finish()?;
    let (org, label) = (org.unwrap_or_default(), label.unwrap_or_default());
    let orgs = lock(&orgs);
    if orgs.get(&org).is_none() {
        return Err(ApiError::bad_request(format!(
            "`organization_id` {org:?} names no organization"
        )));
    }
    orgs.manage_by_id(&org, &caller)?;
    let mut store = lock(&store);
    let record = store.insert(&org, &label, permissions.unwrap_or_default(), core.now());
    Ok((StatusCode::CREATED, Json(record.json())).into_response())
}

/// Finds a team and checks the caller on its organization: 404, then 403.
pub(super) fn checked<'s>(
    orgs: &organizations::Store,
    store: &'s Store,
    team_id: &str,
    caller: &Caller,
    manage: bool,
) -> Result<&'s store::TeamRecord, ApiError> {
    let record = store.find(team_id)?;
    let org = &record.team.organization_id;
    if manage {
        orgs.manage_by_id(org, caller)?;
    } else {
        orgs.read_by_id(org, caller)?;
    }
    Ok(record)
}

/// `GET /teams/{team_id}`.
async fn get_team(
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let id = decoded(segment)?;
    let (orgs, store) = (lock(&orgs), lock(&store));
    Ok(Json(checked(&orgs, &store, &id, &caller, false)?.json()))
}

/// `PATCH /teams/{team_id}`: applies the fields sent.
async fn update_team(
    State(core): State<Arc<Core>>,
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let id = decoded(segment)?;
    let (orgs, mut store) = (lock(&orgs), lock(&store));
    checked(&orgs, &store, &id, &caller, true)?;
    let mut fields = JsonBody::parse(&headers, &body, &["label", "project_permissions"])?;
    let label = fields.checked("label", not_blank_rule);
    let permissions = fields.strings("project_permissions", permission_rule);
    fields.finish()?;
    let record = store.find_mut(&id)?;
    if let Some(label) = label {
        record.team.label = label;
    }
    if let Some(permissions) = permissions {
        record.team.project_permissions = permissions;
    }
    record.team.updated_at = later_than(record.team.updated_at, core.now());
    Ok(Json(record.json()))
}

/// `DELETE /teams/{team_id}`: 204; its members and grants go with it.
async fn delete_team(
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    let id = decoded(segment)?;
    let (orgs, mut store) = (lock(&orgs), lock(&store));
    checked(&orgs, &store, &id, &caller, true)?;
    store.remove(&id);
    Ok(StatusCode::NO_CONTENT)
}

/// The teams, their members and grants, for tests: from
/// [`MockServer::teams`](crate::MockServer::teams).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use upsun_mock::{MockServer, NewOrganization};
///
/// let mock = MockServer::start().await;
/// let acme = mock.organizations().add(NewOrganization::new("acme"));
/// let team = mock.teams().add(&acme.id, "Developers");
/// assert_eq!(mock.teams().get(&team.id), Some(team.clone()));
/// assert!(mock.teams().members(&team.id).unwrap().is_empty());
/// # }
/// ```
#[derive(Clone, Copy)]
pub struct TeamsHandle<'a> {
    core: &'a Core,
    store: &'a Mutex<Store>,
}

impl<'a> TeamsHandle<'a> {
    pub(crate) fn new<R>(registry: &'a R) -> Self
    where
        R: Lend<Core> + Lend<Mutex<Store>>,
    {
        TeamsHandle {
            core: registry.lend(),
            store: registry.lend(),
        }
    }

    /// Adds a team to an organization (not checked), with no permissions; returns it.
    pub fn add(&self, organization_id: &str, label: &str) -> Team {
        let now = self.core.now();
        lock(self.store)
            .insert(organization_id, label, Vec::new(), now)
            .team
            .clone()
    }

    /// The team with this ID, or `None`.
    pub fn get(&self, id: &str) -> Option<Team> {
        lock(self.store).find(id).ok().map(|r| r.team.clone())
    }

    /// A team's members, or `None` for an unknown team.
    pub fn members(&self, id: &str) -> Option<Vec<Uuid>> {
        let store = lock(self.store);
        let record = store.find(id).ok()?;
        Some(record.members.iter().map(|m| m.user_id).collect())
    }

    /// Every grant of every team, in the order the teams were created.
    pub fn grants(&self) -> Vec<TeamGrant> {
        lock(self.store)
            .records()
            .flat_map(|r| r.grants.iter().cloned())
            .collect()
    }
}

impl fmt::Debug for TeamsHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TeamsHandle").finish_non_exhaustive()
    }
}
