//! The Grants area's models and list query.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::models::string_enum;
use crate::query::list::list_query;
use crate::{OrganizationId, UserId};

/// One thing a user has access to: an organization or a project, with the permissions on it.
///
/// The document marks none of its fields as required: each is an `Option` or an empty list.
///
/// ```
/// let access: upsun::grants::ExtendedAccess = serde_json::from_str(
///     r#"{"resource_type": "project", "resource_id": "abcdefgh1234567", "permissions": ["admin"]}"#,
/// )
/// .unwrap();
/// assert_eq!(access.resource_type, Some(upsun::grants::ResourceType::Project));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExtendedAccess {
    /// The ID of the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// The ID of the organization or project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
    /// What the resource is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<ResourceType>,
    /// The ID of the organization that owns the resource.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<OrganizationId>,
    /// The permissions on it, as the API writes them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permissions: Vec<String>,
    /// When the access was granted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granted_at: Option<DateTime<Utc>>,
    /// When the access was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

string_enum! {
    /// What an [`ExtendedAccess`] is to.
    ///
    /// ```
    /// use upsun::grants::ResourceType;
    ///
    /// assert_eq!(ResourceType::from("project"), ResourceType::Project);
    /// ```
    pub enum ResourceType {
        /// A project.
        Project = "project",
        /// An organization.
        Organization = "organization",
    }
}

list_query! {
    /// The query of
    /// [`list_user_extended_access`](super::GrantsApi::list_user_extended_access): filters on
    /// the resource type, the organization and the permissions.
    ///
    /// ```
    /// use upsun::grants::ListUserExtendedAccess;
    /// use upsun::query::{Filter, to_query_string};
    ///
    /// let query = ListUserExtendedAccess::new()
    ///     .resource_type(Filter::eq("organization"))
    ///     .permissions(Filter::contains("admin"));
    /// assert_eq!(
    ///     to_query_string(&query)?,
    ///     "filter[resource_type][eq]=organization&filter[permissions][contains]=admin",
    /// );
    /// # Ok::<(), upsun::Error>(())
    /// ```
    pub struct ListUserExtendedAccess {
        filter ListUserExtendedAccessFilters {
            /// Filters on the resource type (`project`, `organization`).
            resource_type,
            /// Filters on the owning organization's ID.
            organization_id,
            /// Filters on the permissions.
            permissions,
        }
        sort [],
    }
}
