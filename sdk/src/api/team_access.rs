//! Team access: which teams may work on which projects.
//!
//! One grant, two views: a team's access to a project is the same record whether it is read
//! from the project's side (`/projects/{project_id}/team-access/{team_id}`) or from the team's
//! (`/teams/{team_id}/project-access/{project_id}`), and both answer the same
//! [`TeamProjectAccess`]. Use the project's side to see or change who may work on one project
//! (a project admin's view), the team's side to see or change what one team may work on (an
//! organization admin's view). What the team's members may do on the project is the team's
//! [`project_permissions`](crate::teams::Team::project_permissions).
//!
//! ```no_run
//! use futures_util::TryStreamExt;
//! use upsun::team_access::{ListProjectTeamAccess, ProjectTeamGrant, TeamAccessApi};
//!
//! # async fn run(client: upsun::Client, project: upsun::ProjectId, team: upsun::TeamId)
//! # -> upsun::Result<()> {
//! client
//!     .grant_project_team_access(&project, &[ProjectTeamGrant::new(team.clone())])
//!     .await?;
//! let from_the_project = client.get_project_team_access(&project, &team).await?;
//! let from_the_team = client.get_team_project_access(&team, &project).await?;
//! assert_eq!(from_the_project.granted_at, from_the_team.granted_at);
//! let page = client
//!     .list_project_team_access(&project, &ListProjectTeamAccess::new())
//!     .await?;
//! let all: Vec<_> = page.into_stream(&client).try_collect().await?;
//! # let _ = all;
//! # Ok(())
//! # }
//! ```

mod models;

use crate::{ProjectId, TeamId, endpoint};

pub use self::models::{
    ListProjectTeamAccess, ListTeamProjectAccess, ProjectTeamGrant, TeamProjectAccess,
    TeamProjectGrant,
};

/// The calls of the Team Access area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them: `use upsun::team_access::TeamAccessApi;`.
pub trait TeamAccessApi: crate::Api {
    /// Lists the teams that have access to a project, one page at a time.
    ///
    /// ```no_run
    /// # use upsun::team_access::{ListProjectTeamAccess, TeamAccessApi};
    /// use upsun::query::Sort;
    ///
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// let query = ListProjectTeamAccess::new().sort(Sort::desc("granted_at"));
    /// for access in client.list_project_team_access(&project, &query).await?.items {
    ///     println!("{:?} since {:?}", access.team_id, access.granted_at);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/projects/<project_id>/team-access")]
    async fn list_project_team_access(
        &self,
        project_id: &ProjectId,
        #[query] query: &ListProjectTeamAccess,
    ) -> crate::Result<crate::Page<TeamProjectAccess>>;

    /// Grants teams access to a project, from the project's side: the same grant as
    /// [`grant_team_project_access`](Self::grant_team_project_access). Each team must belong to
    /// the project's organization.
    ///
    /// ```no_run
    /// # use upsun::team_access::{ProjectTeamGrant, TeamAccessApi};
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// let grants = [ProjectTeamGrant::new("01FVMKN9KHVWWVY488AVKDWHR3")];
    /// client.grant_project_team_access(&project, &grants).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/projects/<project_id>/team-access")]
    async fn grant_project_team_access(
        &self,
        project_id: &ProjectId,
        #[body] grants: &[ProjectTeamGrant],
    ) -> crate::Result<()>;

    /// Removes a team's access to a project, from the project's side.
    ///
    /// ```no_run
    /// # use upsun::team_access::TeamAccessApi;
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId, team: upsun::TeamId)
    /// # -> upsun::Result<()> {
    /// client.remove_project_team_access(&project, &team).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/projects/<project_id>/team-access/<team_id>")]
    async fn remove_project_team_access(
        &self,
        project_id: &ProjectId,
        team_id: &TeamId,
    ) -> crate::Result<()>;

    /// Gets a team's access to a project, from the project's side: the same record as
    /// [`get_team_project_access`](Self::get_team_project_access).
    ///
    /// ```no_run
    /// # use upsun::team_access::TeamAccessApi;
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId, team: upsun::TeamId)
    /// # -> upsun::Result<()> {
    /// let access = client.get_project_team_access(&project, &team).await?;
    /// println!("granted at {:?}", access.granted_at);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/projects/<project_id>/team-access/<team_id>")]
    async fn get_project_team_access(
        &self,
        project_id: &ProjectId,
        team_id: &TeamId,
    ) -> crate::Result<TeamProjectAccess>;

    /// Lists the projects a team has access to, one page at a time.
    ///
    /// ```no_run
    /// # use upsun::team_access::{ListTeamProjectAccess, TeamAccessApi};
    /// use upsun::query::Sort;
    ///
    /// # async fn run(client: upsun::Client, team: upsun::TeamId) -> upsun::Result<()> {
    /// let query = ListTeamProjectAccess::new().sort(Sort::asc("project_title")).page_size(50);
    /// for access in client.list_team_project_access(&team, &query).await?.items {
    ///     println!("{:?}", access.project_title);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/teams/<team_id>/project-access")]
    async fn list_team_project_access(
        &self,
        team_id: &TeamId,
        #[query] query: &ListTeamProjectAccess,
    ) -> crate::Result<crate::Page<TeamProjectAccess>>;

    /// Grants a team access to projects, from the team's side: the same grant as
    /// [`grant_project_team_access`](Self::grant_project_team_access).
    ///
    /// ```no_run
    /// # use upsun::team_access::{TeamAccessApi, TeamProjectGrant};
    /// # async fn run(client: upsun::Client, team: upsun::TeamId) -> upsun::Result<()> {
    /// let grants = [TeamProjectGrant::new("abcdefgh1234567")];
    /// client.grant_team_project_access(&team, &grants).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/teams/<team_id>/project-access")]
    async fn grant_team_project_access(
        &self,
        team_id: &TeamId,
        #[body] grants: &[TeamProjectGrant],
    ) -> crate::Result<()>;

    /// Removes a team's access to a project, from the team's side.
    ///
    /// ```no_run
    /// # use upsun::team_access::TeamAccessApi;
    /// # async fn run(client: upsun::Client, team: upsun::TeamId, project: upsun::ProjectId)
    /// # -> upsun::Result<()> {
    /// client.remove_team_project_access(&team, &project).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/teams/<team_id>/project-access/<project_id>")]
    async fn remove_team_project_access(
        &self,
        team_id: &TeamId,
        project_id: &ProjectId,
    ) -> crate::Result<()>;

    /// Gets a team's access to a project, from the team's side.
    ///
    /// ```no_run
    /// # use upsun::team_access::TeamAccessApi;
    /// # async fn run(client: upsun::Client, team: upsun::TeamId, project: upsun::ProjectId)
    /// # -> upsun::Result<()> {
    /// let access = client.get_team_project_access(&team, &project).await?;
    /// println!("{:?}", access.project_title);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/teams/<team_id>/project-access/<project_id>")]
    async fn get_team_project_access(
        &self,
        team_id: &TeamId,
        project_id: &ProjectId,
    ) -> crate::Result<TeamProjectAccess>;
}

impl TeamAccessApi for crate::Client {}
