//! The Organization Members area's models, requests and list query.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::models::{Links, request, string_enum};
use crate::query::list::list_query;
use crate::{OrganizationId, UserId};

/// A member of an organization.
///
/// The document marks none of its fields as required: each is an `Option` or an empty list
/// when absent.
///
/// ```
/// let member: upsun::organization_members::OrganizationMember = serde_json::from_str(
///     r#"{"user_id": "d81c8ee2-44b3-429f-b944-a33ad7437690", "level": "owner-ish"}"#,
/// )
/// .unwrap();
/// assert_eq!(member.level, Some(upsun::organization_members::MemberLevel::Unknown("owner-ish".into())));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrganizationMember {
    /// The user's ID under its deprecated name; read [`user_id`](Self::user_id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<UserId>,
    /// The ID of the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<OrganizationId>,
    /// The ID of the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// What the member may do on the organization.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permissions: Vec<MemberPermission>,
    /// The member's access level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<MemberLevel>,
    /// Whether the member owns the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<bool>,
    /// When the member joined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// When the membership was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// `self`, `update` and `delete`.
    #[serde(rename = "_links", default, skip_serializing_if = "Links::is_empty")]
    pub links: Links,
}

string_enum! {
    /// A member's permission on an organization.
    ///
    /// ```
    /// use upsun::organization_members::MemberPermission;
    ///
    /// assert_eq!(MemberPermission::from("projects:create"), MemberPermission::ProjectsCreate);
    /// assert_eq!(MemberPermission::Members.as_str(), "members");
    /// ```
    pub enum MemberPermission {
        /// Everything.
        Admin = "admin",
        /// Manage billing.
        Billing = "billing",
        /// Manage members.
        Members = "members",
        /// Manage plans.
        Plans = "plans",
        /// Create projects.
        ProjectsCreate = "projects:create",
        /// List projects.
        ProjectsList = "projects:list",
    }
}

string_enum! {
    /// A member's access level.
    ///
    /// ```
    /// use upsun::organization_members::MemberLevel;
    ///
    /// assert_eq!(MemberLevel::from("viewer"), MemberLevel::Viewer);
    /// ```
    pub enum MemberLevel {
        /// May administer the organization.
        Admin = "admin",
        /// May see the organization.
        Viewer = "viewer",
    }
}

request! {
    /// A user to add to an organization, with optional permissions.
    ///
    /// ```
    /// use upsun::organization_members::{CreateOrgMember, MemberPermission};
    ///
    /// let member = CreateOrgMember::new(upsun::UserId::new(uuid::Uuid::nil()))
    ///     .permissions([MemberPermission::ProjectsList]);
    /// assert_eq!(
    ///     serde_json::to_value(&member).unwrap(),
    ///     serde_json::json!({"user_id": "00000000-0000-0000-0000-000000000000",
    ///                        "permissions": ["projects:list"]}),
    /// );
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct CreateOrgMember {
        required {
            /// The ID of the user.
            user_id: UserId,
        }
        optional {
            /// What the member may do on the organization.
            permissions: Vec<MemberPermission>,
        }
    }
}

request! {
    /// The changes to make to a member: only the fields set are sent.
    ///
    /// ```
    /// use upsun::organization_members::{MemberPermission, UpdateOrgMember};
    ///
    /// let update = UpdateOrgMember::new().permissions([MemberPermission::Billing]);
    /// assert_eq!(serde_json::to_value(&update).unwrap(), serde_json::json!({"permissions": ["billing"]}));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct UpdateOrgMember {
        optional {
            /// The member's permissions, replacing theirs.
            permissions: Vec<MemberPermission>,
        }
    }
}

list_query! {
    /// The query of
    /// [`list_org_members`](super::OrganizationMembersApi::list_org_members). The
    /// `permissions` filter tests the list's elements: `eq`, `ne`, `in` and `nin`.
    ///
    /// ```
    /// use upsun::organization_members::ListOrgMembers;
    /// use upsun::query::{Filter, Sort, to_query_string};
    ///
    /// let query = ListOrgMembers::new().permissions(Filter::eq("admin")).sort(Sort::asc("created_at"));
    /// assert_eq!(to_query_string(&query)?, "filter[permissions][eq]=admin&sort=created_at");
    /// # Ok::<(), upsun::Error>(())
    /// ```
    pub struct ListOrgMembers {
        filter ListOrgMembersFilters {
            /// Filters on the permissions (has / has not one of them).
            permissions,
        }
        size 100,
        sort ["created_at", "updated_at"],
    }
}
