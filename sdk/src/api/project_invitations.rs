//! Project invitations: inviting people to a project by email address, with a role on the
//! project or per environment type.
//!
//! Like [organization invitations](crate::organization_invitations), an address with a pending
//! invitation is refused with an [`Error::Conflict`](crate::Error), never retried; set
//! [`CreateProjectInvite::force`] to replace the pending invitation.
//!
//! ```no_run
//! use upsun::project_invitations::{
//!     CreateProjectInvite, EnvironmentRole, EnvironmentType, EnvironmentTypeRole,
//!     ProjectInvitationsApi,
//! };
//!
//! # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
//! let invite = CreateProjectInvite::new("grace@example.com").permissions(vec![
//!     EnvironmentTypeRole::new(EnvironmentType::Production, EnvironmentRole::Viewer),
//!     EnvironmentTypeRole::new(EnvironmentType::Development, EnvironmentRole::Admin),
//! ]);
//! let invitation = client.create_project_invite(&project, &invite).await?;
//! # let _ = invitation;
//! # Ok(())
//! # }
//! ```

mod models;

use crate::{InvitationId, ProjectId, endpoint};

pub use self::models::{
    CreateProjectInvite, EnvironmentIdRole, EnvironmentRole, EnvironmentType, EnvironmentTypeRole,
    InvitationEnvironment, ListProjectInvites, ListProjectInvitesFilters, ProjectInvitation,
    ProjectRole,
};

/// The calls of the Project Invitations area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them:
/// `use upsun::project_invitations::ProjectInvitationsApi;`.
pub trait ProjectInvitationsApi: crate::Api {
    /// Lists the invitations to a project: the pending ones unless the query filters on
    /// `state`; a plain array of at most `page[size]`.
    ///
    /// ```no_run
    /// # use upsun::project_invitations::{ListProjectInvites, ProjectInvitationsApi};
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// for invitation in client.list_project_invites(&project, &ListProjectInvites::new()).await? {
    ///     println!("{:?}", invitation.email);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/projects/<project_id>/invitations")]
    async fn list_project_invites(
        &self,
        project_id: &ProjectId,
        #[query] query: &ListProjectInvites,
    ) -> crate::Result<Vec<ProjectInvitation>>;

    /// Invites someone to a project by email address. A pending invitation for the address is
    /// an [`Error::Conflict`](crate::Error), not retried; see
    /// [`force`](CreateProjectInvite::force).
    ///
    /// ```no_run
    /// # use upsun::project_invitations::{CreateProjectInvite, ProjectInvitationsApi, ProjectRole};
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// let invite = CreateProjectInvite::new("grace@example.com").role(ProjectRole::Viewer);
    /// client.create_project_invite(&project, &invite).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/projects/<project_id>/invitations")]
    async fn create_project_invite(
        &self,
        project_id: &ProjectId,
        #[body] invite: &CreateProjectInvite,
    ) -> crate::Result<ProjectInvitation>;

    /// Cancels a pending invitation to a project.
    ///
    /// ```no_run
    /// # use upsun::project_invitations::ProjectInvitationsApi;
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId, id: upsun::InvitationId)
    /// # -> upsun::Result<()> {
    /// client.cancel_project_invite(&project, id).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/projects/<project_id>/invitations/<invitation_id>")]
    async fn cancel_project_invite(
        &self,
        project_id: &ProjectId,
        invitation_id: InvitationId,
    ) -> crate::Result<()>;
}

impl ProjectInvitationsApi for crate::Client {}
