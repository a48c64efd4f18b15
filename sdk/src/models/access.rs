//! The access models several areas share: the states and sender of an invitation
//! (organization and project invitations), and the project permissions (teams, user access, project invitations).

use serde::{Deserialize, Serialize};

use crate::UserId;
use crate::models::string_enum;

string_enum! {
    /// The state of an invitation to an organization or a project.
    ///
    /// An invitation starts `pending`; it is `processing` while the API acts on it, then
    /// `accepted`, `cancelled` or `error`. A state this SDK does not know is kept as
    /// [`Unknown`](Self::Unknown).
    ///
    /// ```
    /// use upsun::InvitationState;
    ///
    /// assert_eq!(InvitationState::from("pending"), InvitationState::Pending);
    /// assert_eq!(InvitationState::from("expired"), InvitationState::Unknown("expired".into()));
    /// assert_eq!(InvitationState::Accepted.as_str(), "accepted");
    /// ```
    pub enum InvitationState {
        /// Sent, not yet acted on.
        Pending = "pending",
        /// Being acted on.
        Processing = "processing",
        /// The invitee accepted it.
        Accepted = "accepted",
        /// Cancelled before it was accepted.
        Cancelled = "cancelled",
        /// It failed.
        Error = "error",
    }
}

string_enum! {
    /// A permission on a project: a role on the whole project (`admin`, `viewer`), or a role on
    /// one type of environment (`production:viewer`, `development:admin`, ...).
    ///
    /// ```
    /// use upsun::ProjectPermission;
    ///
    /// assert_eq!(ProjectPermission::from("staging:contributor"), ProjectPermission::StagingContributor);
    /// assert_eq!(ProjectPermission::ProductionViewer.as_str(), "production:viewer");
    /// ```
    pub enum ProjectPermission {
        /// Administer the whole project.
        Admin = "admin",
        /// View the whole project.
        Viewer = "viewer",
        /// Administer development environments.
        DevelopmentAdmin = "development:admin",
        /// Contribute to development environments.
        DevelopmentContributor = "development:contributor",
        /// View development environments.
        DevelopmentViewer = "development:viewer",
        /// Administer staging environments.
        StagingAdmin = "staging:admin",
        /// Contribute to staging environments.
        StagingContributor = "staging:contributor",
        /// View staging environments.
        StagingViewer = "staging:viewer",
        /// Administer production environments.
        ProductionAdmin = "production:admin",
        /// Contribute to production environments.
        ProductionContributor = "production:contributor",
        /// View production environments.
        ProductionViewer = "production:viewer",
    }
}

/// The user who sent an invitation (to an organization or a project).
///
/// ```
/// let owner: upsun::InvitationOwner = serde_json::from_str(r#"{"display_name": "Ada"}"#).unwrap();
/// assert_eq!(owner.display_name.as_deref(), Some("Ada"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InvitationOwner {
    /// The user's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<UserId>,
    /// The user's display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
}
