//! Organization invitations: inviting people to an organization by email address.
//!
//! An invitation is [`InvitationState::Pending`](crate::InvitationState) until the invitee
//! acts on it. Inviting an address that already has a pending invitation is refused with an
//! [`Error::Conflict`](crate::Error) (never retried: the SDK retries only what may succeed on a
//! second try); to replace the pending invitation, say so with
//! [`CreateOrgInvite::force`].
//!
//! ```no_run
//! use upsun::organization_invitations::{
//!     CreateOrgInvite, ListOrgInvites, OrganizationInvitationsApi, OrganizationPermission,
//! };
//! use upsun::query::Filter;
//!
//! # async fn run(client: upsun::Client, org: upsun::OrganizationId) -> upsun::Result<()> {
//! let invite = CreateOrgInvite::new("grace@example.com", [OrganizationPermission::ProjectsList]);
//! let invitation = match client.create_org_invite(&org, &invite).await {
//!     Err(upsun::Error::Conflict(_)) => {
//!         // Already invited: send a new invitation in place of the pending one.
//!         client.create_org_invite(&org, &invite.force(true)).await?
//!     }
//!     other => other?,
//! };
//! let pending = client
//!     .list_org_invites(&org, &ListOrgInvites::new().state(Filter::eq("pending")))
//!     .await?;
//! # let _ = (invitation, pending);
//! # Ok(())
//! # }
//! ```

mod models;

use crate::{InvitationId, OrganizationId, endpoint};

pub use self::models::{
    CreateOrgInvite, ListOrgInvites, ListOrgInvitesFilters, OrganizationInvitation,
    OrganizationPermission,
};
pub use crate::InvitationOwner;

/// The calls of the Organization Invitations area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them:
/// `use upsun::organization_invitations::OrganizationInvitationsApi;`.
pub trait OrganizationInvitationsApi: crate::Api {
    /// Lists the invitations to an organization: the pending ones unless the query filters on
    /// `state`. The answer is a plain array of at most `page[size]` invitations.
    ///
    /// Only the organization's owner and admins may list them: [`Error::Forbidden`](crate::Error)
    /// otherwise.
    ///
    /// ```no_run
    /// # use upsun::organization_invitations::{ListOrgInvites, OrganizationInvitationsApi};
    /// use upsun::query::{Filter, Sort};
    ///
    /// # async fn run(client: upsun::Client, org: upsun::OrganizationId) -> upsun::Result<()> {
    /// let query = ListOrgInvites::new()
    ///     .state(Filter::any_of(["pending", "error"]))
    ///     .sort(Sort::desc("updated_at"));
    /// for invitation in client.list_org_invites(&org, &query).await? {
    ///     println!("{:?} {:?}", invitation.email, invitation.state);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/organizations/<organization_id>/invitations")]
    async fn list_org_invites(
        &self,
        organization_id: &OrganizationId,
        #[query] query: &ListOrgInvites,
    ) -> crate::Result<Vec<OrganizationInvitation>>;

    /// Invites someone to an organization by email address, with the permissions they will get.
    ///
    /// The address is checked before sending. An address with a pending invitation is an
    /// [`Error::Conflict`](crate::Error), which is not retried; set
    /// [`force`](CreateOrgInvite::force) to cancel the pending invitation and send a new one.
    ///
    /// ```no_run
    /// # use upsun::organization_invitations::{
    /// #     CreateOrgInvite, OrganizationInvitationsApi, OrganizationPermission,
    /// # };
    /// # async fn run(client: upsun::Client, org: upsun::OrganizationId) -> upsun::Result<()> {
    /// let invite = CreateOrgInvite::new("grace@example.com", [OrganizationPermission::Members]);
    /// let invitation = client.create_org_invite(&org, &invite).await?;
    /// println!("invited, {:?}", invitation.state);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/organizations/<organization_id>/invitations")]
    async fn create_org_invite(
        &self,
        organization_id: &OrganizationId,
        #[body] invite: &CreateOrgInvite,
    ) -> crate::Result<OrganizationInvitation>;

    /// Cancels a pending invitation; it is then
    /// [`InvitationState::Cancelled`](crate::InvitationState).
    ///
    /// ```no_run
    /// # use upsun::organization_invitations::OrganizationInvitationsApi;
    /// # async fn run(
    /// #     client: upsun::Client,
    /// #     org: upsun::OrganizationId,
    /// #     invitation: upsun::InvitationId,
    /// # ) -> upsun::Result<()> {
    /// client.cancel_org_invite(&org, invitation).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/organizations/<organization_id>/invitations/<invitation_id>")]
    async fn cancel_org_invite(
        &self,
        organization_id: &OrganizationId,
        invitation_id: InvitationId,
    ) -> crate::Result<()>;
}

impl OrganizationInvitationsApi for crate::Client {}
