//! The Team Access area: a team's access to a project, from both sides:
//! `GET`/`POST /projects/{project_id}/team-access`, `GET`/`DELETE
//! /projects/{project_id}/team-access/{team_id}`, and `GET`/`POST
//! /teams/{team_id}/project-access`, `GET`/`DELETE /teams/{team_id}/project-access/{project_id}`.
//!
//! A grant is one record, kept with its team (see [`teams::store`](super::teams::store)): made
//! from either side, it reads the same from both (its `self` link is the project's side), and
//! it goes when the team does. Projects are the Project area's (see
//! [`projects::Store::in_organization`]): those that belong to an organization, seeded with
//! [`ProjectsHandle::add`](crate::ProjectsHandle::add) and
//! [`NewProject::organization`](crate::NewProject::organization), or with the shorthand
//! [`TeamAccessHandle::add_project`]. The team and the project must belong to the same
//! organization (400). Members of that organization may read the grants; only its owner or an
//! admin may grant or remove them (403). Granting again what is granted changes nothing.
//! Errors are `application/problem+json`.

use std::fmt;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

mod grants;

pub(crate) use self::grants::Store;
use self::grants::{Access, check, grant, grant_field, grant_json, ids_in};
use crate::areas::organizations;
use crate::areas::projects::{self, NewProject, Project, ProjectsHandle};
use crate::areas::teams::{self, TeamGrant};
use crate::core::auth::Caller;
use crate::core::error::Problem;
use crate::core::http::{base_url, decoded};
use crate::core::{Core, Lend, Shared, lock};
use crate::kit::filters::{ListQuery, ListSpec};

const PROJECT_SIDE: ListSpec = ListSpec {
    filters: &[],
    sorts: &["granted_at", "updated_at"],
    default_size: 20,
    max_size: 200,
};
const TEAM_SIDE: ListSpec = ListSpec {
    filters: &[],
    sorts: &["project_title", "granted_at", "updated_at"],
    default_size: 20,
    max_size: 200,
};

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<projects::Store>: FromRef<S>,
    Shared<teams::Store>: FromRef<S>,
    Shared<organizations::Store>: FromRef<S>,
{
    Router::new()
        .route(
            "/projects/{project_id}/team-access",
            get(list_project_side).post(grant_project_side),
        )
        .route(
            "/projects/{project_id}/team-access/{team_id}",
            get(get_project_side).delete(remove_project_side),
        )
        .route(
            "/teams/{team_id}/project-access",
            get(list_team_side).post(grant_team_side),
        )
        .route(
            "/teams/{team_id}/project-access/{project_id}",
            get(get_team_side).delete(remove_team_side),
        )
}

/// `GET /projects/{project_id}/team-access`.
async fn list_project_side(
    State(access): State<Access>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, Problem> {
    let Access {
        orgs,
        teams,
        projects,
    } = access;
    let project_id = decoded(segment)?;
    let query = ListQuery::parse(raw.as_deref(), PROJECT_SIDE)?;
    let (orgs, teams, projects) = (lock(&orgs), lock(&teams), lock(&projects));
    let project = projects.in_organization(&project_id)?;
    let may_delete = check(&orgs, &project.organization_id, &caller, false)?;
    let grants: Vec<&TeamGrant> = teams
        .grants_of_project(&project_id)
        .map(|(_, g)| g)
        .collect();
    let base = format!("{}/projects/{project_id}/team-access", base_url(&headers));
    let page = query.page(
        grants.into_iter(),
        |g, name| grant_field(g, &project.title, name),
        |g| g.team_id.as_str(),
        &base,
    )?;
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|g| grant_json(g, &project, may_delete, &headers))
        .collect();
    Ok(Json(json!({ "items": items, "_links": page.links })))
}

/// `POST /projects/{project_id}/team-access`: 204.
async fn grant_project_side(
    State(core): State<Arc<Core>>,
    State(access): State<Access>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, Problem> {
    let Access {
        orgs,
        teams,
        projects,
    } = access;
    let project_id = decoded(segment)?;
    let (orgs, mut teams, projects) = (lock(&orgs), lock(&teams), lock(&projects));
    let project = projects.in_organization(&project_id)?;
    check(&orgs, &project.organization_id, &caller, true)?;
    let team_ids = ids_in(&headers, &body, "team_id")?;
    for (i, id) in team_ids.iter().enumerate() {
        match teams.find(id) {
            Ok(team) if team.team.organization_id == project.organization_id => {}
            Ok(_) => {
                return Err(Problem::bad_request(format!(
                    "`[{i}].team_id`: team {id} is not in the project's organization"
                )));
            }
            Err(_) => {
                return Err(Problem::bad_request(format!(
                    "`[{i}].team_id`: no team {id:?}"
                )));
            }
        }
    }
    for id in &team_ids {
        let team = teams.find_mut(id)?;
        grant(team, &project, &core);
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /projects/{project_id}/team-access/{team_id}`.
async fn get_project_side(
    State(access): State<Access>,
    caller: Caller,
    segments: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Json<Value>, Problem> {
    let (project_id, team_id) = decoded(segments)?;
    access.read_one(&caller, &project_id, &team_id, &headers)
}

/// `GET /teams/{team_id}/project-access/{project_id}`: the same record.
async fn get_team_side(
    State(access): State<Access>,
    caller: Caller,
    segments: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Json<Value>, Problem> {
    let (team_id, project_id) = decoded(segments)?;
    access.read_one(&caller, &project_id, &team_id, &headers)
}

/// `DELETE /projects/{project_id}/team-access/{team_id}`: 204.
async fn remove_project_side(
    State(access): State<Access>,
    caller: Caller,
    segments: Result<Path<(String, String)>, PathRejection>,
) -> Result<StatusCode, Problem> {
    let (project_id, team_id) = decoded(segments)?;
    access.remove(&caller, &project_id, &team_id)
}

/// `DELETE /teams/{team_id}/project-access/{project_id}`: 204, the same removal.
async fn remove_team_side(
    State(access): State<Access>,
    caller: Caller,
    segments: Result<Path<(String, String)>, PathRejection>,
) -> Result<StatusCode, Problem> {
    let (team_id, project_id) = decoded(segments)?;
    access.remove(&caller, &project_id, &team_id)
}

/// `GET /teams/{team_id}/project-access`.
async fn list_team_side(
    State(access): State<Access>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, Problem> {
    let Access {
        orgs,
        teams,
        projects,
    } = access;
    let team_id = decoded(segment)?;
    let query = ListQuery::parse(raw.as_deref(), TEAM_SIDE)?;
    let (orgs, teams, projects) = (lock(&orgs), lock(&teams), lock(&projects));
    let team = teams.find(&team_id)?;
    let may_delete = check(&orgs, &team.team.organization_id, &caller, false)?;
    let grants: Vec<(&TeamGrant, Project)> = team
        .grants
        .iter()
        .filter_map(|g| projects.in_organization(&g.project_id).ok().map(|p| (g, p)))
        .collect();
    let base = format!("{}/teams/{team_id}/project-access", base_url(&headers));
    let page = query.page(
        grants.iter(),
        |(g, p), name| grant_field(g, &p.title, name),
        |(g, _)| g.project_id.as_str(),
        &base,
    )?;
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|(g, p)| grant_json(g, p, may_delete, &headers))
        .collect();
    Ok(Json(json!({ "items": items, "_links": page.links })))
}

/// `POST /teams/{team_id}/project-access`: 204.
async fn grant_team_side(
    State(core): State<Arc<Core>>,
    State(access): State<Access>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, Problem> {
    let Access {
        orgs,
        teams,
        projects,
    } = access;
    let team_id = decoded(segment)?;
    let (orgs, mut teams, projects) = (lock(&orgs), lock(&teams), lock(&projects));
    let team = teams.find_mut(&team_id)?;
    check(&orgs, &team.team.organization_id, &caller, true)?;
    let project_ids = ids_in(&headers, &body, "project_id")?;
    let mut found = Vec::new();
    for (i, id) in project_ids.iter().enumerate() {
        match projects.in_organization(id) {
            Ok(p) if p.organization_id == team.team.organization_id => found.push(p),
            Ok(_) => {
                return Err(Problem::bad_request(format!(
                    "`[{i}].project_id`: project {id} is not in the team's organization"
                )));
            }
            Err(_) => {
                return Err(Problem::bad_request(format!(
                    "`[{i}].project_id`: no project {id:?}"
                )));
            }
        }
    }
    for project in &found {
        grant(team, project, &core);
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Shorthands for tests on the projects the access areas know, from
/// [`MockServer::team_access`](crate::MockServer::team_access): they create and look up
/// projects in the Project area's store (the one registry of projects), so a project added
/// here is also the one `GET /projects/{id}` answers. The grants themselves are read with
/// [`TeamsHandle::grants`](crate::TeamsHandle::grants).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use upsun_mock::{MockServer, NewOrganization};
///
/// let mock = MockServer::start().await;
/// let acme = mock.organizations().add(NewOrganization::new("acme"));
/// mock.team_access().add_project("p1", &acme.id);
/// assert!(mock.team_access().has_project("p1"));
/// // The same project, in the Project area.
/// assert!(mock.projects().contains("p1"));
/// # }
/// ```
#[derive(Clone, Copy)]
pub struct TeamAccessHandle<'a> {
    projects: ProjectsHandle<'a>,
}

impl<'a> TeamAccessHandle<'a> {
    pub(crate) fn new<R>(registry: &'a R) -> Self
    where
        R: Lend<Core> + Lend<Mutex<projects::Store>>,
    {
        TeamAccessHandle {
            projects: ProjectsHandle::new(registry),
        }
    }

    /// Adds a project of an organization (not checked), titled like its ID: the same as
    /// `mock.projects().add(NewProject::new(id).organization(organization_id))`, which
    /// replaces a project with the same ID.
    pub fn add_project(&self, id: &str, organization_id: &str) {
        self.add_titled_project(id, organization_id, id);
    }

    /// Adds a project of an organization with a title: the same as
    /// `mock.projects().add(NewProject::new(id).title(title).organization(organization_id))`.
    pub fn add_titled_project(&self, id: &str, organization_id: &str, title: &str) {
        self.projects.add(
            NewProject::new(id)
                .title(title)
                .organization(organization_id),
        );
    }

    /// Whether the access areas know a project with this ID: it exists and belongs to an
    /// organization.
    pub fn has_project(&self, id: &str) -> bool {
        self.projects.in_organization(id)
    }
}

impl fmt::Debug for TeamAccessHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TeamAccessHandle").finish_non_exhaustive()
    }
}
