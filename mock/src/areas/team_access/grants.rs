//! What both sides of a grant share: the stores a route locks (always organizations, then
//! teams, then projects: the registry's one order), the caller's checks, and a grant as
//! answered.

use axum::Json;
use axum::extract::FromRef;
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Value, json};

use crate::areas::organizations;
use crate::areas::projects::{self, Project};
use crate::areas::teams::{self, TeamGrant, store::TeamRecord};
use crate::core::auth::Caller;
use crate::core::error::Problem;
use crate::core::http::{base_url, check_json};
use crate::core::{Core, Shared, lock};
use crate::kit::filters::Field;
use crate::kit::links::Links;

pub(super) type Orgs = Shared<organizations::Store>;
pub(super) type Teams = Shared<teams::Store>;
pub(super) type Projects = Shared<projects::Store>;

/// The three stores a Team Access route reads, as one piece of router state.
#[derive(Clone)]
pub(super) struct Access {
    pub(super) orgs: Orgs,
    pub(super) teams: Teams,
    pub(super) projects: Projects,
}

impl<S> FromRef<S> for Access
where
    Orgs: FromRef<S>,
    Teams: FromRef<S>,
    Projects: FromRef<S>,
{
    fn from_ref(state: &S) -> Self {
        Access {
            orgs: Orgs::from_ref(state),
            teams: Teams::from_ref(state),
            projects: Projects::from_ref(state),
        }
    }
}

/// This area keeps nothing of its own: the grants live with their teams, the projects in the
/// Project area's store.
#[derive(Debug, Default)]
pub(crate) struct Store;

/// Checks the caller on an organization: read, or manage.
pub(super) fn check(
    orgs: &organizations::Store,
    org: &str,
    caller: &Caller,
    manage: bool,
) -> Result<bool, Problem> {
    if manage {
        orgs.manage_by_id(org, caller)?;
    } else {
        orgs.read_by_id(org, caller)?;
    }
    Ok(orgs.manage_by_id(org, caller).is_ok())
}

/// A grant as the API answers it, from either side.
pub(super) fn grant_json(
    grant: &TeamGrant,
    project: &Project,
    may_delete: bool,
    headers: &HeaderMap,
) -> Value {
    let href = format!(
        "{}/projects/{}/team-access/{}",
        base_url(headers),
        grant.project_id,
        grant.team_id
    );
    let mut links = Links::default().with("self", &href);
    if may_delete {
        links = links.with_method("delete", &href, "DELETE");
    }
    json!({
        "team_id": grant.team_id,
        "organization_id": project.organization_id,
        "project_id": grant.project_id,
        "project_title": project.title,
        "granted_at": grant.granted_at,
        "updated_at": grant.updated_at,
        "_links": links.into_value(),
    })
}

pub(super) fn grant_field(grant: &TeamGrant, project_title: &str, name: &str) -> Field {
    match name {
        "project_title" => Field::from(project_title),
        "granted_at" => Field::from(grant.granted_at),
        _ => Field::from(grant.updated_at),
    }
}

/// The IDs named by `key` in each object of a JSON array body: 400 naming what is wrong.
pub(super) fn ids_in(headers: &HeaderMap, body: &[u8], key: &str) -> Result<Vec<String>, Problem> {
    check_json(headers).map_err(|_| {
        Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "the body must be application/json",
        )
    })?;
    let value: Value = serde_json::from_slice(body)
        .map_err(|err| Problem::bad_request(format!("the body is not JSON: {err}")))?;
    let items = value
        .as_array()
        .ok_or_else(|| Problem::bad_request("the body must be an array"))?;
    let mut ids = Vec::new();
    let mut problems = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match item.get(key).and_then(Value::as_str) {
            Some(id) if !id.is_empty() => ids.push(id.to_owned()),
            _ => problems.push(format!("`[{i}].{key}` is required, a non-empty string")),
        }
        if let Some(object) = item.as_object() {
            for other in object.keys().filter(|k| *k != key) {
                problems.push(format!("`[{i}]`: unknown field `{other}`"));
            }
        }
    }
    if problems.is_empty() {
        Ok(ids)
    } else {
        Err(Problem::bad_request(problems.join("; ")))
    }
}

/// Adds a grant of `project` to `team` unless there is one.
pub(super) fn grant(team: &mut TeamRecord, project: &Project, core: &Core) {
    if team.grant(&project.id).is_none() {
        let now = core.now();
        team.grants.push(TeamGrant {
            team_id: team.team.id.clone(),
            project_id: project.id.clone(),
            granted_at: now,
            updated_at: now,
        });
    }
}

impl Access {
    /// One grant, whichever side the route names it from.
    pub(super) fn read_one(
        &self,
        caller: &Caller,
        project_id: &str,
        team_id: &str,
        headers: &HeaderMap,
    ) -> Result<Json<Value>, Problem> {
        let (orgs, teams, projects) = (lock(&self.orgs), lock(&self.teams), lock(&self.projects));
        let project = projects.in_organization(project_id)?;
        let team = teams.find(team_id)?;
        let may_delete = check(&orgs, &team.team.organization_id, caller, false)?;
        let grant = team.grant(project_id).ok_or_else(|| {
            Problem::not_found(format!(
                "team {team_id} has no access to project {project_id}"
            ))
        })?;
        Ok(Json(grant_json(grant, &project, may_delete, headers)))
    }

    /// Removes one grant, whichever side the route names it from.
    pub(super) fn remove(
        &self,
        caller: &Caller,
        project_id: &str,
        team_id: &str,
    ) -> Result<StatusCode, Problem> {
        let (orgs, mut teams, projects) =
            (lock(&self.orgs), lock(&self.teams), lock(&self.projects));
        projects.in_organization(project_id)?;
        let team = teams.find_mut(team_id)?;
        check(&orgs, &team.team.organization_id, caller, true)?;
        let before = team.grants.len();
        team.grants.retain(|g| g.project_id != project_id);
        if team.grants.len() == before {
            return Err(Problem::not_found(format!(
                "team {team_id} has no access to project {project_id}"
            )));
        }
        Ok(StatusCode::NO_CONTENT)
    }
}
