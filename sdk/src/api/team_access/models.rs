//! The Team Access area's models, grant requests and list queries.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::models::{Links, request};
use crate::query::list::list_query;
use crate::{OrganizationId, ProjectId, TeamId};

/// A team's access to a project: one record, answered the same from the project's side and
/// from the team's.
///
/// The document marks none of its fields as required: each is an `Option` when absent.
///
/// ```
/// let access: upsun::team_access::TeamProjectAccess = serde_json::from_str(
///     r#"{"team_id": "01FV", "project_id": "abcdefgh1234567", "_links": {"delete": null}}"#,
/// )
/// .unwrap();
/// assert!(access.links.get("delete").is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TeamProjectAccess {
    /// The ID of the team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_id: Option<TeamId>,
    /// The ID of the organization of the team and the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<OrganizationId>,
    /// The ID of the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<ProjectId>,
    /// The title of the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_title: Option<String>,
    /// When the access was granted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granted_at: Option<DateTime<Utc>>,
    /// When the access was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// `self`, and `update` / `delete` when the caller may change the access.
    #[serde(rename = "_links", default, skip_serializing_if = "Links::is_empty")]
    pub links: Links,
}

request! {
    /// One team to grant a project, from the project's side
    /// ([`grant_project_team_access`](super::TeamAccessApi::grant_project_team_access)).
    ///
    /// ```
    /// use upsun::team_access::ProjectTeamGrant;
    ///
    /// let grants = [ProjectTeamGrant::new("01FVMKN9KHVWWVY488AVKDWHR3")];
    /// assert_eq!(
    ///     serde_json::to_value(&grants).unwrap(),
    ///     serde_json::json!([{"team_id": "01FVMKN9KHVWWVY488AVKDWHR3"}]),
    /// );
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct ProjectTeamGrant {
        required {
            /// The ID of the team.
            team_id: TeamId,
        }
    }
}

request! {
    /// One project to grant a team, from the team's side
    /// ([`grant_team_project_access`](super::TeamAccessApi::grant_team_project_access)).
    ///
    /// ```
    /// use upsun::team_access::TeamProjectGrant;
    ///
    /// let grants = [TeamProjectGrant::new("abcdefgh1234567")];
    /// assert_eq!(
    ///     serde_json::to_value(&grants).unwrap(),
    ///     serde_json::json!([{"project_id": "abcdefgh1234567"}]),
    /// );
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct TeamProjectGrant {
        required {
            /// The ID of the project.
            project_id: ProjectId,
        }
    }
}

list_query! {
    /// The query of
    /// [`list_project_team_access`](super::TeamAccessApi::list_project_team_access).
    ///
    /// ```
    /// use upsun::team_access::ListProjectTeamAccess;
    /// use upsun::query::{Sort, to_query_string};
    ///
    /// let query = ListProjectTeamAccess::new().page_size(200).sort(Sort::desc("granted_at"));
    /// assert_eq!(to_query_string(&query)?, "page[size]=200&sort=-granted_at");
    /// assert!(to_query_string(&ListProjectTeamAccess::new().sort(Sort::asc("project_title"))).is_err());
    /// # Ok::<(), upsun::Error>(())
    /// ```
    pub struct ListProjectTeamAccess {
        size 200,
        sort ["granted_at", "updated_at"],
    }
}

list_query! {
    /// The query of
    /// [`list_team_project_access`](super::TeamAccessApi::list_team_project_access).
    ///
    /// ```
    /// use upsun::team_access::ListTeamProjectAccess;
    /// use upsun::query::{Sort, to_query_string};
    ///
    /// let query = ListTeamProjectAccess::new().sort(Sort::asc("project_title"));
    /// assert_eq!(to_query_string(&query)?, "sort=project_title");
    /// # Ok::<(), upsun::Error>(())
    /// ```
    pub struct ListTeamProjectAccess {
        size 200,
        sort ["project_title", "granted_at", "updated_at"],
    }
}
