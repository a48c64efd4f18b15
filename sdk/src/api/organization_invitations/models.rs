//! The Organization Invitations area's models, request and list query.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::models::{email_address, request, string_enum};
use crate::query::list::list_query;
use crate::{InvitationId, InvitationOwner, InvitationState, OrganizationId};

/// An invitation to an organization.
///
/// The document marks none of its fields as required; the API always sends `id`, which the
/// cancel call needs, so it is required here (a row of the deviation table). Every other field
/// is an `Option` or an empty list when absent.
///
/// ```
/// let invitation: upsun::organization_invitations::OrganizationInvitation = serde_json::from_str(
///     r#"{"id": "97f46eca-6276-4993-bfeb-bbb53cba6f08", "state": "accepted", "finished_at": null}"#,
/// )
/// .unwrap();
/// assert_eq!(invitation.state, Some(upsun::InvitationState::Accepted));
/// assert!(invitation.permissions.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrganizationInvitation {
    /// The ID of the invitation.
    pub id: InvitationId,
    /// Its state: pending, processing, accepted, cancelled or error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<InvitationState>,
    /// The ID of the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<OrganizationId>,
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
    /// When it was finished (accepted, cancelled or failed); `None` while pending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<DateTime<Utc>>,
    /// The permissions the invitee will get on the organization.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permissions: Vec<OrganizationPermission>,
}

string_enum! {
    /// A permission an invitee gets on an organization.
    ///
    /// ```
    /// use upsun::organization_invitations::OrganizationPermission;
    ///
    /// assert_eq!(OrganizationPermission::from("project:create"), OrganizationPermission::ProjectCreate);
    /// assert_eq!(OrganizationPermission::ProjectsList.as_str(), "projects:list");
    /// ```
    pub enum OrganizationPermission {
        /// Everything.
        Admin = "admin",
        /// Manage billing.
        Billing = "billing",
        /// Manage plans.
        Plans = "plans",
        /// Manage members.
        Members = "members",
        /// Create projects (the document spells it `project:create` here).
        ProjectCreate = "project:create",
        /// List projects.
        ProjectsList = "projects:list",
    }
}

request! {
    /// An invitation to send: the address and the permissions are required.
    ///
    /// ```
    /// use upsun::organization_invitations::{CreateOrgInvite, OrganizationPermission};
    ///
    /// let invite = CreateOrgInvite::new("grace@example.com", [OrganizationPermission::Billing]);
    /// assert_eq!(
    ///     serde_json::to_value(&invite).unwrap(),
    ///     serde_json::json!({"email": "grace@example.com", "permissions": ["billing"]}),
    /// );
    /// assert!(serde_json::to_vec(&CreateOrgInvite::new("nobody", [])).is_err());
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct CreateOrgInvite {
        required {
            /// The invitee's email address.
            email: String => email_address,
            /// The permissions the invitee will get.
            permissions: Vec<OrganizationPermission>,
        }
        optional {
            /// Whether to cancel a pending invitation for the same address and send a new one;
            /// without it such an invitation is an [`Error::Conflict`](crate::Error).
            force: bool,
        }
    }
}

list_query! {
    /// The query of
    /// [`list_org_invites`](super::OrganizationInvitationsApi::list_org_invites): a filter on
    /// the state (the API shows pending invitations when unset), paging, and a sort on
    /// `updated_at`.
    ///
    /// ```
    /// use upsun::organization_invitations::ListOrgInvites;
    /// use upsun::query::{Filter, Sort, to_query_string};
    ///
    /// let query = ListOrgInvites::new().state(Filter::eq("error")).page_size(5).sort(Sort::desc("updated_at"));
    /// assert_eq!(to_query_string(&query)?, "filter[state][eq]=error&page[size]=5&sort=-updated_at");
    /// assert!(to_query_string(&ListOrgInvites::new().sort(Sort::asc("email"))).is_err());
    /// # Ok::<(), upsun::Error>(())
    /// ```
    pub struct ListOrgInvites {
        filter ListOrgInvitesFilters {
            /// Filters on the state (`pending`, `error`, ...).
            state,
        }
        size 100,
        sort ["updated_at"],
    }
}
