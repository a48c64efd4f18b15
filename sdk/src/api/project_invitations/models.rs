//! The Project Invitations area's models, request and list query.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::models::{email_address, request, string_enum};
use crate::query::list::list_query;
use crate::{InvitationId, InvitationOwner, InvitationState, ProjectId};

/// An invitation to a project.
///
/// The document marks none of its fields as required; the API always sends `id`, which the
/// cancel call needs, so it is required here (a row of the deviation table). Every other field
/// is an `Option` or an empty list when absent.
///
/// ```
/// let invitation: upsun::project_invitations::ProjectInvitation = serde_json::from_str(
///     r#"{"id": "97f46eca-6276-4993-bfeb-bbb53cba6f08", "environments": [{"type": "staging", "role": "contributor"}]}"#,
/// )
/// .unwrap();
/// assert_eq!(invitation.environments[0].r#type.as_deref(), Some("staging"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProjectInvitation {
    /// The ID of the invitation.
    pub id: InvitationId,
    /// Its state: pending, processing, accepted, cancelled or error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<InvitationState>,
    /// The ID of the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<ProjectId>,
    /// The role the invitee gets on the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<ProjectRole>,
    /// The email address of the invitee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Who sent the invitation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<InvitationOwner>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// When it was finished; `None` while pending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<DateTime<Utc>>,
    /// The roles the invitee gets on environments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub environments: Vec<InvitationEnvironment>,
}

/// A role an invitation gives on one environment.
///
/// ```
/// let env: upsun::project_invitations::InvitationEnvironment = serde_json::from_str(
///     r#"{"id": "main", "role": "viewer"}"#,
/// )
/// .unwrap();
/// assert_eq!(env.title, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InvitationEnvironment {
    /// The ID of the environment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The environment's type.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// The role on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<EnvironmentRole>,
    /// The environment's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

string_enum! {
    /// A role on a whole project.
    ///
    /// ```
    /// use upsun::project_invitations::ProjectRole;
    ///
    /// assert_eq!(ProjectRole::from("viewer"), ProjectRole::Viewer);
    /// ```
    pub enum ProjectRole {
        /// Administer the project.
        Admin = "admin",
        /// View the project.
        Viewer = "viewer",
    }
}

string_enum! {
    /// A role on an environment, or on every environment of a type.
    ///
    /// ```
    /// use upsun::project_invitations::EnvironmentRole;
    ///
    /// assert_eq!(EnvironmentRole::Contributor.as_str(), "contributor");
    /// ```
    pub enum EnvironmentRole {
        /// Administer.
        Admin = "admin",
        /// View.
        Viewer = "viewer",
        /// Push code and branch.
        Contributor = "contributor",
    }
}

string_enum! {
    /// A type of environment.
    ///
    /// ```
    /// use upsun::project_invitations::EnvironmentType;
    ///
    /// assert_eq!(EnvironmentType::from("staging"), EnvironmentType::Staging);
    /// ```
    pub enum EnvironmentType {
        /// The production environment.
        Production = "production",
        /// Staging environments.
        Staging = "staging",
        /// Development environments.
        Development = "development",
    }
}

request! {
    /// A role per environment type, for [`CreateProjectInvite::permissions`].
    ///
    /// ```
    /// use upsun::project_invitations::{EnvironmentRole, EnvironmentType, EnvironmentTypeRole};
    ///
    /// let role = EnvironmentTypeRole::new(EnvironmentType::Staging, EnvironmentRole::Contributor);
    /// assert_eq!(serde_json::to_value(&role).unwrap(), serde_json::json!({"type": "staging", "role": "contributor"}));
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct EnvironmentTypeRole {
        required {
            /// The environment type.
            r#type: EnvironmentType,
            /// The role on environments of that type.
            role: EnvironmentRole,
        }
    }
}

request! {
    /// A role on one environment, for the deprecated [`CreateProjectInvite::environments`].
    ///
    /// ```
    /// use upsun::project_invitations::{EnvironmentIdRole, EnvironmentRole};
    ///
    /// let role = EnvironmentIdRole::new("main", EnvironmentRole::Viewer);
    /// assert_eq!(serde_json::to_value(&role).unwrap(), serde_json::json!({"id": "main", "role": "viewer"}));
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct EnvironmentIdRole {
        required {
            /// The environment's ID.
            id: String,
            /// The role on it.
            role: EnvironmentRole,
        }
    }
}

request! {
    /// An invitation to a project: the address is required; give a project `role`, or a role
    /// per environment type in `permissions`.
    ///
    /// ```
    /// use upsun::project_invitations::{CreateProjectInvite, EnvironmentRole, EnvironmentType, EnvironmentTypeRole};
    ///
    /// let invite = CreateProjectInvite::new("grace@example.com")
    ///     .permissions(vec![EnvironmentTypeRole::new(EnvironmentType::Production, EnvironmentRole::Viewer)]);
    /// assert_eq!(
    ///     serde_json::to_value(&invite).unwrap(),
    ///     serde_json::json!({"email": "grace@example.com",
    ///                        "permissions": [{"type": "production", "role": "viewer"}]}),
    /// );
    /// assert!(serde_json::to_vec(&CreateProjectInvite::new("grace")).is_err());
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct CreateProjectInvite {
        required {
            /// The invitee's email address.
            email: String => email_address,
        }
        optional {
            /// The role on the whole project.
            role: ProjectRole,
            /// A role per environment type.
            permissions: Vec<EnvironmentTypeRole>,
            /// A role per environment (deprecated by the API: use `permissions`).
            environments: Vec<EnvironmentIdRole>,
            /// Whether to cancel a pending invitation for the same address and send a new one;
            /// without it such an invitation is an [`Error::Conflict`](crate::Error).
            force: bool,
        }
    }
}

list_query! {
    /// The query of
    /// [`list_project_invites`](super::ProjectInvitationsApi::list_project_invites): a filter
    /// on the state (the API shows pending invitations when unset), paging, and a sort on
    /// `updated_at`.
    ///
    /// ```
    /// use upsun::project_invitations::ListProjectInvites;
    /// use upsun::query::{Filter, to_query_string};
    ///
    /// let query = ListProjectInvites::new().state(Filter::eq("error"));
    /// assert_eq!(to_query_string(&query)?, "filter[state][eq]=error");
    /// # Ok::<(), upsun::Error>(())
    /// ```
    pub struct ListProjectInvites {
        filter ListProjectInvitesFilters {
            /// Filters on the state (`pending`, `error`, ...).
            state,
        }
        size 100,
        sort ["updated_at"],
    }
}
