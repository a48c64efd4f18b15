//! The teams the mock keeps: each with its members, and the projects it was granted (the
//! grants live here, beside the teams, so that a grant made from either side is the one record
//! both sides read, and deleting a team removes its grants in the same step).

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::areas::organizations::ulid;
use crate::core::error::ApiError;
use crate::kit::collection::Collection;

/// A team as the mock stores it: the API's `Team` without `counts`, which the routes add.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Team {
    /// The ID, a ULID.
    pub id: String,
    /// The ID of its organization.
    pub organization_id: String,
    /// The label.
    pub label: String,
    /// The project permissions its members get on the projects granted to it.
    pub project_permissions: Vec<String>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it was last updated.
    pub updated_at: DateTime<Utc>,
}

/// A member of a team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamMember {
    /// The team's ID.
    pub team_id: String,
    /// The user's ID.
    pub user_id: Uuid,
    /// When the user joined.
    pub created_at: DateTime<Utc>,
    /// When the membership last changed.
    pub updated_at: DateTime<Utc>,
}

/// A team's access to a project, read the same from both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamGrant {
    /// The team's ID.
    pub team_id: String,
    /// The project's ID.
    pub project_id: String,
    /// When it was granted.
    pub granted_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// One team, its members and its grants, in the order they were added.
#[derive(Debug, Clone)]
pub(crate) struct TeamRecord {
    pub(crate) team: Team,
    pub(crate) members: Vec<TeamMember>,
    pub(crate) grants: Vec<TeamGrant>,
}

impl TeamRecord {
    pub(crate) fn member(&self, user_id: Uuid) -> Option<&TeamMember> {
        self.members.iter().find(|m| m.user_id == user_id)
    }

    pub(crate) fn grant(&self, project_id: &str) -> Option<&TeamGrant> {
        self.grants.iter().find(|g| g.project_id == project_id)
    }

    /// The team as the API answers it, with its counts.
    pub(crate) fn json(&self) -> Value {
        let mut value = serde_json::to_value(&self.team).unwrap_or(Value::Null);
        value["counts"] = json!({
            "member_count": self.members.len(),
            "project_count": self.grants.len(),
        });
        value
    }
}

/// Every team by ID, in creation order.
#[derive(Debug, Default)]
pub(crate) struct Store {
    teams: Collection<String, TeamRecord>,
    created: u64,
}

impl Store {
    /// Stores a new team.
    pub(crate) fn insert(
        &mut self,
        organization_id: &str,
        label: &str,
        project_permissions: Vec<String>,
        now: DateTime<Utc>,
    ) -> &TeamRecord {
        self.created += 1;
        let id = ulid(now, self.created);
        let team = Team {
            id: id.clone(),
            organization_id: organization_id.to_owned(),
            label: label.to_owned(),
            project_permissions,
            created_at: now,
            updated_at: now,
        };
        self.teams.insert(
            id.clone(),
            TeamRecord {
                team,
                members: Vec::new(),
                grants: Vec::new(),
            },
        );
        match self.teams.get(&id) {
            Some(record) => record,
            None => unreachable!("the team was just inserted"),
        }
    }

    /// Every team, in creation order.
    pub(crate) fn records(&self) -> impl DoubleEndedIterator<Item = &TeamRecord> {
        self.teams.values()
    }

    /// The team with this ID: 404 otherwise.
    pub(crate) fn find(&self, id: &str) -> Result<&TeamRecord, ApiError> {
        self.teams.get(id).ok_or_else(|| no_such(id))
    }

    /// Like [`find`](Self::find), to change it.
    pub(crate) fn find_mut(&mut self, id: &str) -> Result<&mut TeamRecord, ApiError> {
        self.teams.get_mut(id).ok_or_else(|| no_such(id))
    }

    /// Removes a team, its members and its grants.
    pub(crate) fn remove(&mut self, id: &str) -> Option<TeamRecord> {
        self.teams.remove(id)
    }

    /// Takes a user out of every team of an organization (when they leave it).
    pub(crate) fn remove_member_everywhere(&mut self, organization_id: &str, user: Uuid) {
        let ids: Vec<String> = self
            .teams
            .values()
            .filter(|r| r.team.organization_id == organization_id)
            .map(|r| r.team.id.clone())
            .collect();
        for id in ids {
            if let Some(record) = self.teams.get_mut(&id) {
                record.members.retain(|m| m.user_id != user);
            }
        }
    }

    /// Every grant of a project, in the order the teams were created.
    pub(crate) fn grants_of_project<'a>(
        &'a self,
        project_id: &'a str,
    ) -> impl Iterator<Item = (&'a TeamRecord, &'a TeamGrant)> + 'a {
        self.teams
            .values()
            .filter_map(move |r| r.grant(project_id).map(|g| (r, g)))
    }
}

fn no_such(id: &str) -> ApiError {
    ApiError::not_found(format!("no team {id:?}"))
}
