//! User access: which users may work on which projects, with which permissions.
//!
//! One grant, two views: a user's access to a project is the same record whether it is read
//! from the project's side (`/projects/{project_id}/user-access/{user_id}`) or from the user's
//! (`/users/{user_id}/project-access/{project_id}`), and both answer the same
//! [`UserProjectAccess`] and take the same [`UpdateUserAccess`]. Use the project's side to
//! manage who works on one project, the user's side to see or change everything one user may
//! work on. Granting a user who already has access is an [`Error::Conflict`](crate::Error):
//! change it with an update. For access through teams, see [`team_access`](crate::team_access).
//!
//! ```no_run
//! use upsun::ProjectPermission;
//! use upsun::user_access::{ProjectUserGrant, UpdateUserAccess, UserAccessApi};
//!
//! # async fn run(client: upsun::Client, project: upsun::ProjectId, user: upsun::UserId)
//! # -> upsun::Result<()> {
//! let grant = ProjectUserGrant::new(user, [ProjectPermission::DevelopmentAdmin]);
//! client.grant_project_user_access(&project, &[grant]).await?;
//! let update = UpdateUserAccess::new([ProjectPermission::Admin]);
//! client.update_user_project_access(user, &project, &update).await?;
//! let seen = client.get_project_user_access(&project, user).await?;
//! assert_eq!(seen.permissions, [ProjectPermission::Admin]);
//! # Ok(())
//! # }
//! ```

mod models;

use crate::{ProjectId, UserId, endpoint};

pub use self::models::{
    ListProjectUserAccess, ListUserProjectAccess, ProjectUserGrant, UpdateUserAccess,
    UserProjectAccess, UserProjectGrant,
};

/// The calls of the User Access area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them: `use upsun::user_access::UserAccessApi;`.
pub trait UserAccessApi: crate::Api {
    /// Lists the users with access to a project, one page at a time.
    ///
    /// ```no_run
    /// # use upsun::user_access::{ListProjectUserAccess, UserAccessApi};
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// for access in client.list_project_user_access(&project, &ListProjectUserAccess::new()).await?.items {
    ///     println!("{:?}: {:?}", access.user_id, access.permissions);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/projects/<project_id>/user-access")]
    async fn list_project_user_access(
        &self,
        project_id: &ProjectId,
        #[query] query: &ListProjectUserAccess,
    ) -> crate::Result<crate::Page<UserProjectAccess>>;

    /// Grants users access to a project, from the project's side: the same grant as
    /// [`grant_user_project_access`](Self::grant_user_project_access).
    ///
    /// ```no_run
    /// # use upsun::ProjectPermission;
    /// # use upsun::user_access::{ProjectUserGrant, UserAccessApi};
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId, user: upsun::UserId)
    /// # -> upsun::Result<()> {
    /// let grants = [ProjectUserGrant::new(user, [ProjectPermission::Viewer])];
    /// client.grant_project_user_access(&project, &grants).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/projects/<project_id>/user-access")]
    async fn grant_project_user_access(
        &self,
        project_id: &ProjectId,
        #[body] grants: &[ProjectUserGrant],
    ) -> crate::Result<()>;

    /// Removes a user's access to a project, from the project's side.
    ///
    /// ```no_run
    /// # use upsun::user_access::UserAccessApi;
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId, user: upsun::UserId)
    /// # -> upsun::Result<()> {
    /// client.remove_project_user_access(&project, user).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/projects/<project_id>/user-access/<user_id>")]
    async fn remove_project_user_access(
        &self,
        project_id: &ProjectId,
        user_id: UserId,
    ) -> crate::Result<()>;

    /// Gets a user's access to a project, from the project's side.
    ///
    /// ```no_run
    /// # use upsun::user_access::UserAccessApi;
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId, user: upsun::UserId)
    /// # -> upsun::Result<()> {
    /// let access = client.get_project_user_access(&project, user).await?;
    /// println!("{:?}", access.permissions);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/projects/<project_id>/user-access/<user_id>")]
    async fn get_project_user_access(
        &self,
        project_id: &ProjectId,
        user_id: UserId,
    ) -> crate::Result<UserProjectAccess>;

    /// Changes a user's permissions on a project, from the project's side.
    ///
    /// ```no_run
    /// # use upsun::ProjectPermission;
    /// # use upsun::user_access::{UpdateUserAccess, UserAccessApi};
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId, user: upsun::UserId)
    /// # -> upsun::Result<()> {
    /// let update = UpdateUserAccess::new([ProjectPermission::StagingAdmin]);
    /// client.update_project_user_access(&project, user, &update).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(PATCH, "/projects/<project_id>/user-access/<user_id>")]
    async fn update_project_user_access(
        &self,
        project_id: &ProjectId,
        user_id: UserId,
        #[body] update: &UpdateUserAccess,
    ) -> crate::Result<()>;

    /// Lists the projects a user has access to, one page at a time.
    ///
    /// ```no_run
    /// # use upsun::user_access::{ListUserProjectAccess, UserAccessApi};
    /// # async fn run(client: upsun::Client, user: upsun::UserId) -> upsun::Result<()> {
    /// let query = ListUserProjectAccess::new().organization_id("01EY8BWRSQ56EY1TDC32PARAJS");
    /// println!("{}", client.list_user_project_access(user, &query).await?.items.len());
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/<user_id>/project-access")]
    async fn list_user_project_access(
        &self,
        user_id: UserId,
        #[query] query: &ListUserProjectAccess,
    ) -> crate::Result<crate::Page<UserProjectAccess>>;

    /// Grants a user access to projects, from the user's side.
    ///
    /// ```no_run
    /// # use upsun::ProjectPermission;
    /// # use upsun::user_access::{UserAccessApi, UserProjectGrant};
    /// # async fn run(client: upsun::Client, user: upsun::UserId) -> upsun::Result<()> {
    /// let grants = [UserProjectGrant::new("abcdefgh1234567", [ProjectPermission::Viewer])];
    /// client.grant_user_project_access(user, &grants).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/users/<user_id>/project-access")]
    async fn grant_user_project_access(
        &self,
        user_id: UserId,
        #[body] grants: &[UserProjectGrant],
    ) -> crate::Result<()>;

    /// Removes a user's access to a project, from the user's side.
    ///
    /// ```no_run
    /// # use upsun::user_access::UserAccessApi;
    /// # async fn run(client: upsun::Client, user: upsun::UserId, project: upsun::ProjectId)
    /// # -> upsun::Result<()> {
    /// client.remove_user_project_access(user, &project).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/users/<user_id>/project-access/<project_id>")]
    async fn remove_user_project_access(
        &self,
        user_id: UserId,
        project_id: &ProjectId,
    ) -> crate::Result<()>;

    /// Gets a user's access to a project, from the user's side: the same record as
    /// [`get_project_user_access`](Self::get_project_user_access).
    ///
    /// ```no_run
    /// # use upsun::user_access::UserAccessApi;
    /// # async fn run(client: upsun::Client, user: upsun::UserId, project: upsun::ProjectId)
    /// # -> upsun::Result<()> {
    /// let access = client.get_user_project_access(user, &project).await?;
    /// println!("{:?}", access.project_title);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/<user_id>/project-access/<project_id>")]
    async fn get_user_project_access(
        &self,
        user_id: UserId,
        project_id: &ProjectId,
    ) -> crate::Result<UserProjectAccess>;

    /// Changes a user's permissions on a project, from the user's side.
    ///
    /// ```no_run
    /// # use upsun::ProjectPermission;
    /// # use upsun::user_access::{UpdateUserAccess, UserAccessApi};
    /// # async fn run(client: upsun::Client, user: upsun::UserId, project: upsun::ProjectId)
    /// # -> upsun::Result<()> {
    /// client
    ///     .update_user_project_access(user, &project, &UpdateUserAccess::new([ProjectPermission::Viewer]))
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(PATCH, "/users/<user_id>/project-access/<project_id>")]
    async fn update_user_project_access(
        &self,
        user_id: UserId,
        project_id: &ProjectId,
        #[body] update: &UpdateUserAccess,
    ) -> crate::Result<()>;
}

impl UserAccessApi for crate::Client {}
