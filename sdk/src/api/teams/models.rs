//! The Teams area's models, requests and list queries.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::models::request;
use crate::query::list::list_query;
use crate::{OrganizationId, ProjectPermission, TeamId, UserId};

/// A team of an organization.
///
/// The document marks none of its fields as required; the API always sends `id`, which every
/// call on the team needs, so it is required here (a row of the deviation table). `label` is
/// empty if ever left out; every other field is an `Option` or an empty list when absent.
///
/// ```
/// let team: upsun::teams::Team = serde_json::from_str(
///     r#"{"id": "01FVMKN9KHVWWVY488AVKDWHR3", "project_permissions": ["viewer", "qa:tester"]}"#,
/// )
/// .unwrap();
/// assert_eq!(team.label, "");
/// assert_eq!(team.project_permissions[1], upsun::ProjectPermission::Unknown("qa:tester".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Team {
    /// The ID of the team.
    pub id: TeamId,
    /// The ID of its organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<OrganizationId>,
    /// The human-readable label.
    #[serde(default)]
    pub label: String,
    /// The permissions the team's members get on each project granted to the team.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub project_permissions: Vec<ProjectPermission>,
    /// How many members and projects it has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<TeamCounts>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

/// The member and project counts of a [`Team`].
///
/// ```
/// let counts: upsun::teams::TeamCounts = serde_json::from_str(
///     r#"{"member_count": 12}"#,
/// )
/// .unwrap();
/// assert_eq!(counts.project_count, None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TeamCounts {
    /// How many members the team has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_count: Option<i64>,
    /// How many projects the team has access to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_count: Option<i64>,
}

/// A member of a team.
///
/// ```
/// let member: upsun::teams::TeamMember = serde_json::from_str(
///     r#"{"team_id": "01FVMKN9KHVWWVY488AVKDWHR3"}"#,
/// )
/// .unwrap();
/// assert_eq!(member.user_id, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TeamMember {
    /// The ID of the team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_id: Option<TeamId>,
    /// The ID of the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// When the user joined the team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// When the membership was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

request! {
    /// A new team: its organization and label are required.
    ///
    /// ```
    /// use upsun::ProjectPermission;
    /// use upsun::teams::CreateTeam;
    ///
    /// let team = CreateTeam::new("01EY8BWRSQ56EY1TDC32PARAJS", "QA")
    ///     .project_permissions([ProjectPermission::StagingContributor]);
    /// assert_eq!(
    ///     serde_json::to_value(&team).unwrap(),
    ///     serde_json::json!({"organization_id": "01EY8BWRSQ56EY1TDC32PARAJS", "label": "QA",
    ///                        "project_permissions": ["staging:contributor"]}),
    /// );
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct CreateTeam {
        required {
            /// The ID of the organization.
            organization_id: OrganizationId,
            /// The human-readable label.
            label: String,
        }
        optional {
            /// The permissions the team's members get on the projects granted to the team.
            project_permissions: Vec<ProjectPermission>,
        }
    }
}

request! {
    /// The changes to make to a team: only the fields set are sent.
    ///
    /// ```
    /// use upsun::teams::UpdateTeam;
    ///
    /// let update = UpdateTeam::new().label("Ops");
    /// assert_eq!(serde_json::to_value(&update).unwrap(), serde_json::json!({"label": "Ops"}));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct UpdateTeam {
        optional {
            /// The human-readable label.
            label: String,
            /// The project permissions, replacing the team's.
            project_permissions: Vec<ProjectPermission>,
        }
    }
}

request! {
    /// A user to add to a team.
    ///
    /// ```
    /// use upsun::teams::CreateTeamMember;
    ///
    /// let member = CreateTeamMember::new(upsun::UserId::new(uuid::Uuid::nil()));
    /// assert_eq!(
    ///     serde_json::to_value(&member).unwrap(),
    ///     serde_json::json!({"user_id": "00000000-0000-0000-0000-000000000000"}),
    /// );
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct CreateTeamMember {
        required {
            /// The ID of the user.
            user_id: UserId,
        }
    }
}

list_query! {
    /// The query of [`list_teams`](super::TeamsApi::list_teams).
    ///
    /// ```
    /// use upsun::teams::ListTeams;
    /// use upsun::query::{Filter, Sort, to_query_string};
    ///
    /// let query = ListTeams::new().organization_id(Filter::eq("01EY")).sort(Sort::desc("label"));
    /// assert_eq!(to_query_string(&query)?, "filter[organization_id][eq]=01EY&sort=-label");
    /// assert!(to_query_string(&ListTeams::new().page_size(101)).is_err());
    /// # Ok::<(), upsun::Error>(())
    /// ```
    pub struct ListTeams {
        filter ListTeamsFilters {
            /// Filters on the organization's ID.
            organization_id,
            /// Filters on the team's ID.
            id,
            /// Filters on the time of the last update.
            updated_at,
        }
        size 100,
        sort ["label", "created_at", "updated_at"],
    }
}

list_query! {
    /// The query of [`list_team_members`](super::TeamsApi::list_team_members): cursors and a
    /// sort; the API sets the page size.
    ///
    /// ```
    /// use upsun::teams::ListTeamMembers;
    /// use upsun::query::{Sort, to_query_string};
    ///
    /// let query = ListTeamMembers::new().sort(Sort::asc("created_at"));
    /// assert_eq!(to_query_string(&query)?, "sort=created_at");
    /// # Ok::<(), upsun::Error>(())
    /// ```
    pub struct ListTeamMembers {
        sort ["created_at", "updated_at"],
    }
}

list_query! {
    /// The query of [`list_user_teams`](super::TeamsApi::list_user_teams).
    ///
    /// ```
    /// use upsun::teams::ListUserTeams;
    /// use upsun::query::{Filter, to_query_string};
    ///
    /// let query = ListUserTeams::new().organization_id(Filter::eq("01EY")).page_size(10);
    /// assert_eq!(to_query_string(&query)?, "filter[organization_id][eq]=01EY&page[size]=10");
    /// # Ok::<(), upsun::Error>(())
    /// ```
    pub struct ListUserTeams {
        filter ListUserTeamsFilters {
            /// Filters on the organization's ID.
            organization_id,
            /// Filters on the time of the last update.
            updated_at,
        }
        size 100,
        sort ["created_at", "updated_at"],
    }
}
