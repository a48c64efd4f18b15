//! Organization members: who belongs to an organization, and with which permissions.
//!
//! A member's [`permissions`](OrganizationMember::permissions) say what they may do on the
//! organization (`admin`, `billing`, `members`, ...); the owner is always a member. To bring
//! someone who has no account yet, invite them by email address with
//! [`organization_invitations`](crate::organization_invitations); to add an existing user, use
//! [`create_org_member`](OrganizationMembersApi::create_org_member).
//!
//! ```no_run
//! use upsun::organization_members::{
//!     CreateOrgMember, ListOrgMembers, MemberPermission, OrganizationMembersApi,
//! };
//! use upsun::query::Filter;
//!
//! # async fn run(client: upsun::Client, org: upsun::OrganizationId, user: upsun::UserId)
//! # -> upsun::Result<()> {
//! client
//!     .create_org_member(&org, &CreateOrgMember::new(user).permissions([MemberPermission::Billing]))
//!     .await?;
//! let billing = client
//!     .list_org_members(&org, &ListOrgMembers::new().permissions(Filter::eq("billing")))
//!     .await?;
//! # let _ = billing;
//! # Ok(())
//! # }
//! ```

mod models;

use crate::{OrganizationId, UserId, endpoint};

pub use self::models::{
    CreateOrgMember, ListOrgMembers, ListOrgMembersFilters, MemberLevel, MemberPermission,
    OrganizationMember, UpdateOrgMember,
};

/// The calls of the Organization Members area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them:
/// `use upsun::organization_members::OrganizationMembersApi;`.
pub trait OrganizationMembersApi: crate::Api {
    /// Lists an organization's members, one page at a time; the organization may be given as
    /// `name=<name>`.
    ///
    /// ```no_run
    /// # use upsun::organization_members::{ListOrgMembers, OrganizationMembersApi};
    /// use upsun::query::Sort;
    ///
    /// # async fn run(client: upsun::Client, org: upsun::OrganizationId) -> upsun::Result<()> {
    /// let query = ListOrgMembers::new().sort(Sort::desc("created_at")).page_size(50);
    /// for member in client.list_org_members(&org, &query).await?.items {
    ///     println!("{:?} {:?}", member.user_id, member.permissions);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/organizations/<organization_id>/members")]
    async fn list_org_members(
        &self,
        organization_id: &OrganizationId,
        #[query] query: &ListOrgMembers,
    ) -> crate::Result<crate::Page<OrganizationMember>>;

    /// Adds an existing user to an organization; its owner or an admin only
    /// ([`Error::Forbidden`](crate::Error) otherwise).
    ///
    /// ```no_run
    /// # use upsun::organization_members::{CreateOrgMember, OrganizationMembersApi};
    /// # async fn run(client: upsun::Client, org: upsun::OrganizationId, user: upsun::UserId)
    /// # -> upsun::Result<()> {
    /// let member = client.create_org_member(&org, &CreateOrgMember::new(user)).await?;
    /// println!("{:?}", member.level);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/organizations/<organization_id>/members")]
    async fn create_org_member(
        &self,
        organization_id: &OrganizationId,
        #[body] member: &CreateOrgMember,
    ) -> crate::Result<OrganizationMember>;

    /// Removes a member from an organization (and from its teams). The owner cannot be
    /// removed.
    ///
    /// ```no_run
    /// # use upsun::organization_members::OrganizationMembersApi;
    /// # async fn run(client: upsun::Client, org: upsun::OrganizationId, user: upsun::UserId)
    /// # -> upsun::Result<()> {
    /// client.delete_org_member(&org, user).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/organizations/<organization_id>/members/<user_id>")]
    async fn delete_org_member(
        &self,
        organization_id: &OrganizationId,
        user_id: UserId,
    ) -> crate::Result<()>;

    /// Gets one member of an organization (which may be given as `name=<name>`).
    ///
    /// ```no_run
    /// # use upsun::organization_members::OrganizationMembersApi;
    /// # async fn run(client: upsun::Client, org: upsun::OrganizationId, user: upsun::UserId)
    /// # -> upsun::Result<()> {
    /// let member = client.get_org_member(&org, user).await?;
    /// println!("owner: {:?}", member.owner);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/organizations/<organization_id>/members/<user_id>")]
    async fn get_org_member(
        &self,
        organization_id: &OrganizationId,
        user_id: UserId,
    ) -> crate::Result<OrganizationMember>;

    /// Changes a member's permissions.
    ///
    /// ```no_run
    /// # use upsun::organization_members::{MemberPermission, OrganizationMembersApi, UpdateOrgMember};
    /// # async fn run(client: upsun::Client, org: upsun::OrganizationId, user: upsun::UserId)
    /// # -> upsun::Result<()> {
    /// let update = UpdateOrgMember::new().permissions([MemberPermission::Admin]);
    /// let member = client.update_org_member(&org, user, &update).await?;
    /// assert_eq!(member.permissions, [MemberPermission::Admin]);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(PATCH, "/organizations/<organization_id>/members/<user_id>")]
    async fn update_org_member(
        &self,
        organization_id: &OrganizationId,
        user_id: UserId,
        #[body] update: &UpdateOrgMember,
    ) -> crate::Result<OrganizationMember>;
}

impl OrganizationMembersApi for crate::Client {}
