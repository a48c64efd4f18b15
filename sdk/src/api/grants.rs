//! Grants: everything a user may reach, across organizations and projects, and the full
//! document behind one access.
//!
//! [`list_user_extended_access`](GrantsApi::list_user_extended_access) sums up a user's access
//! (organization memberships and project access);
//! [`get_access_document`](GrantsApi::get_access_document) reads one access document, a
//! free-form object the SDK keeps as JSON.
//!
//! ```no_run
//! use upsun::grants::{GrantsApi, ListUserExtendedAccess};
//! use upsun::query::Filter;
//!
//! # async fn run(client: upsun::Client, user: upsun::UserId) -> upsun::Result<()> {
//! let projects = client
//!     .list_user_extended_access(user, &ListUserExtendedAccess::new().resource_type(Filter::eq("project")))
//!     .await?;
//! for access in &projects.items {
//!     println!("{:?} {:?}", access.resource_id, access.permissions);
//! }
//! # Ok(())
//! # }
//! ```

mod models;

use crate::{AccessId, UserId, endpoint};

pub use self::models::{
    ExtendedAccess, ListUserExtendedAccess, ListUserExtendedAccessFilters, ResourceType,
};

/// The calls of the Grants area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them: `use upsun::grants::GrantsApi;`.
pub trait GrantsApi: crate::Api {
    /// Gets an access document: a free-form JSON object (its members are not documented),
    /// kept as JSON.
    ///
    /// ```no_run
    /// # use upsun::grants::GrantsApi;
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let document = client.get_access_document(&"a1".into()).await?;
    /// println!("{}", document["permissions"]);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/access/<access_id>")]
    async fn get_access_document(
        &self,
        access_id: &AccessId,
    ) -> crate::Result<serde_json::Map<String, serde_json::Value>>;

    /// Lists everything a user has access to: organizations and projects, with the
    /// permissions on each.
    ///
    /// ```no_run
    /// # use upsun::grants::{GrantsApi, ListUserExtendedAccess};
    /// # async fn run(client: upsun::Client, user: upsun::UserId) -> upsun::Result<()> {
    /// let page = client.list_user_extended_access(user, &ListUserExtendedAccess::new()).await?;
    /// println!("{} grants", page.items.len());
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/<user_id>/extended-access")]
    async fn list_user_extended_access(
        &self,
        user_id: UserId,
        #[query] query: &ListUserExtendedAccess,
    ) -> crate::Result<crate::Page<ExtendedAccess>>;
}

impl GrantsApi for crate::Client {}
