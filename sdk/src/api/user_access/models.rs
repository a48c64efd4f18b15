//! The User Access area's models, grant and update requests, and list queries.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize, Serializer};

use crate::models::{Links, request};
use crate::query::list::list_query;
use crate::query::{PageParams, Sort};
use crate::{OrganizationId, ProjectId, ProjectPermission, UserId};

/// A user's access to a project: one record, answered the same from the project's side and
/// from the user's.
///
/// The document marks none of its fields as required: each is an `Option` or an empty list
/// when absent.
///
/// ```
/// let access: upsun::user_access::UserProjectAccess = serde_json::from_str(
///     r#"{"project_id": "abcdefgh1234567", "permissions": ["production:viewer"]}"#,
/// )
/// .unwrap();
/// assert_eq!(access.permissions, [upsun::ProjectPermission::ProductionViewer]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserProjectAccess {
    /// The ID of the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// The ID of the project's organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<OrganizationId>,
    /// The ID of the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<ProjectId>,
    /// The title of the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_title: Option<String>,
    /// What the user may do on the project: a project role, or a role per environment type.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permissions: Vec<ProjectPermission>,
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
    /// One user to grant a project, from the project's side.
    ///
    /// ```
    /// use upsun::ProjectPermission;
    /// use upsun::user_access::ProjectUserGrant;
    ///
    /// let grant = ProjectUserGrant::new(upsun::UserId::new(uuid::Uuid::nil()), [ProjectPermission::Viewer])
    ///     .auto_add_member(true);
    /// assert_eq!(
    ///     serde_json::to_value([grant]).unwrap(),
    ///     serde_json::json!([{"user_id": "00000000-0000-0000-0000-000000000000",
    ///                         "permissions": ["viewer"], "auto_add_member": true}]),
    /// );
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct ProjectUserGrant {
        required {
            /// The ID of the user.
            user_id: UserId,
            /// What the user may do on the project.
            permissions: Vec<ProjectPermission>,
        }
        optional {
            /// Whether to make the user a member of the project's organization if they are not.
            auto_add_member: bool,
        }
    }
}

request! {
    /// One project to grant a user, from the user's side.
    ///
    /// ```
    /// use upsun::ProjectPermission;
    /// use upsun::user_access::UserProjectGrant;
    ///
    /// let grant = UserProjectGrant::new("abcdefgh1234567", [ProjectPermission::ProductionViewer]);
    /// assert_eq!(
    ///     serde_json::to_value([grant]).unwrap(),
    ///     serde_json::json!([{"project_id": "abcdefgh1234567", "permissions": ["production:viewer"]}]),
    /// );
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct UserProjectGrant {
        required {
            /// The ID of the project.
            project_id: ProjectId,
            /// What the user may do on the project.
            permissions: Vec<ProjectPermission>,
        }
    }
}

request! {
    /// New permissions for a user's access to a project; the same body from either side.
    ///
    /// ```
    /// use upsun::ProjectPermission;
    /// use upsun::user_access::UpdateUserAccess;
    ///
    /// let update = UpdateUserAccess::new([ProjectPermission::Admin]);
    /// assert_eq!(serde_json::to_value(&update).unwrap(), serde_json::json!({"permissions": ["admin"]}));
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct UpdateUserAccess {
        required {
            /// The permissions, replacing the user's.
            permissions: Vec<ProjectPermission>,
        }
    }
}

list_query! {
    /// The query of
    /// [`list_project_user_access`](super::UserAccessApi::list_project_user_access).
    ///
    /// ```
    /// use upsun::user_access::ListProjectUserAccess;
    /// use upsun::query::{Sort, to_query_string};
    ///
    /// let query = ListProjectUserAccess::new().page_size(50).sort(Sort::desc("updated_at"));
    /// assert_eq!(to_query_string(&query)?, "page[size]=50&sort=-updated_at");
    /// # Ok::<(), upsun::Error>(())
    /// ```
    pub struct ListProjectUserAccess {
        size 200,
        sort ["granted_at", "updated_at"],
    }
}

/// The query of [`list_user_project_access`](super::UserAccessApi::list_user_project_access):
/// one organization's projects (a plain `filter[organization_id]=<id>`, not an operator
/// filter), paging, and a sort on `project_title`, `granted_at` or `updated_at`.
///
/// ```
/// use upsun::user_access::ListUserProjectAccess;
/// use upsun::query::{Sort, to_query_string};
///
/// let query = ListUserProjectAccess::new().organization_id("01EY").sort(Sort::asc("project_title"));
/// assert_eq!(to_query_string(&query)?, "filter[organization_id]=01EY&sort=project_title");
/// # Ok::<(), upsun::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListUserProjectAccess {
    /// Only the projects of this organization.
    pub organization_id: Option<OrganizationId>,
    /// The page size (1 to 200) and cursors.
    pub page: PageParams,
    /// The sort order.
    pub sort: Option<Sort>,
}

impl ListUserProjectAccess {
    /// The sort fields this list takes.
    pub const SORT_FIELDS: &'static [&'static str] = &["project_title", "granted_at", "updated_at"];

    /// A query for the first page with the API's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only the projects of this organization.
    #[must_use]
    pub fn organization_id(mut self, id: impl Into<OrganizationId>) -> Self {
        self.organization_id = Some(id.into());
        self
    }

    /// Sets how many items a page holds: 1 to 200.
    #[must_use]
    pub fn page_size(mut self, size: u32) -> Self {
        self.page.size = Some(size);
        self
    }

    /// Asks for the items before this cursor (from a page's `previous` link).
    #[must_use]
    pub fn before(mut self, cursor: impl Into<String>) -> Self {
        self.page.before = Some(cursor.into());
        self
    }

    /// Asks for the items after this cursor (from a page's `next` link).
    #[must_use]
    pub fn after(mut self, cursor: impl Into<String>) -> Self {
        self.page.after = Some(cursor.into());
        self
    }

    /// Sorts by one of [`SORT_FIELDS`](Self::SORT_FIELDS).
    #[must_use]
    pub fn sort(mut self, sort: Sort) -> Self {
        self.sort = Some(sort);
        self
    }
}

impl Serialize for ListUserProjectAccess {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error as _, SerializeStruct as _};
        crate::query::list::check(&self.page, self.sort.as_ref(), 200, Self::SORT_FIELDS)
            .map_err(S::Error::custom)?;
        let mut query = serializer.serialize_struct("ListUserProjectAccess", 3)?;
        query.serialize_field("filter[organization_id]", &self.organization_id)?;
        query.serialize_field("page", &self.page)?;
        query.serialize_field("sort", &self.sort)?;
        query.end()
    }
}
