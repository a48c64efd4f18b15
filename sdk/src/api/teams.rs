//! Teams: groups of an organization's members that are granted projects together.
//!
//! A team belongs to one organization and carries the project permissions
//! ([`ProjectPermission`](crate::ProjectPermission)) its members get on every project the team
//! is granted (see [`team_access`](crate::team_access)). Only the organization's owner and
//! admins may change its teams; members may read them.
//!
//! ```no_run
//! use upsun::ProjectPermission;
//! use upsun::teams::{CreateTeam, CreateTeamMember, ListTeams, TeamsApi};
//! use upsun::query::Filter;
//!
//! # async fn run(client: upsun::Client, org: upsun::OrganizationId, user: upsun::UserId)
//! # -> upsun::Result<()> {
//! let team = client
//!     .create_team(
//!         &CreateTeam::new(org.clone(), "Contractors")
//!             .project_permissions([ProjectPermission::Viewer, ProjectPermission::DevelopmentAdmin]),
//!     )
//!     .await?;
//! client.create_team_member(&team.id, &CreateTeamMember::new(user)).await?;
//! let teams = client
//!     .list_teams(&ListTeams::new().organization_id(Filter::eq(org.as_str())))
//!     .await?;
//! # let _ = teams;
//! # Ok(())
//! # }
//! ```

mod models;

use crate::{TeamId, UserId, endpoint};

pub use self::models::{
    CreateTeam, CreateTeamMember, ListTeamMembers, ListTeams, ListTeamsFilters, ListUserTeams,
    ListUserTeamsFilters, Team, TeamCounts, TeamMember, UpdateTeam,
};

/// The calls of the Teams area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them: `use upsun::teams::TeamsApi;`.
pub trait TeamsApi: crate::Api {
    /// Lists the teams the token's user may see, one page at a time: filter on
    /// `organization_id` for one organization's.
    ///
    /// ```no_run
    /// # use upsun::teams::{ListTeams, TeamsApi};
    /// use upsun::query::{Filter, Sort};
    ///
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let query = ListTeams::new()
    ///     .organization_id(Filter::eq("01EY8BWRSQ56EY1TDC32PARAJS"))
    ///     .sort(Sort::asc("label"))
    ///     .page_size(20);
    /// let page = client.list_teams(&query).await?;
    /// for team in &page.items {
    ///     println!("{} {}", team.id, team.label);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/teams")]
    async fn list_teams(&self, #[query] query: &ListTeams) -> crate::Result<crate::Page<Team>>;

    /// Creates a team in an organization; the organization's owner or an admin only
    /// ([`Error::Forbidden`](crate::Error) otherwise).
    ///
    /// ```no_run
    /// # use upsun::teams::{CreateTeam, TeamsApi};
    /// # async fn run(client: upsun::Client, org: upsun::OrganizationId) -> upsun::Result<()> {
    /// let team = client.create_team(&CreateTeam::new(org, "Developers")).await?;
    /// println!("created {}", team.id);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/teams")]
    async fn create_team(&self, #[body] team: &CreateTeam) -> crate::Result<Team>;

    /// Gets a team.
    ///
    /// ```no_run
    /// # use upsun::teams::TeamsApi;
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let team = client.get_team(&"01FVMKN9KHVWWVY488AVKDWHR3".into()).await?;
    /// println!("{} members", team.counts.and_then(|c| c.member_count).unwrap_or(0));
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/teams/<team_id>")]
    async fn get_team(&self, team_id: &TeamId) -> crate::Result<Team>;

    /// Updates a team: only the fields set in `update` change.
    ///
    /// ```no_run
    /// # use upsun::teams::{TeamsApi, UpdateTeam};
    /// # async fn run(client: upsun::Client, team: upsun::TeamId) -> upsun::Result<()> {
    /// let team = client.update_team(&team, &UpdateTeam::new().label("Core developers")).await?;
    /// assert_eq!(team.label, "Core developers");
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(PATCH, "/teams/<team_id>")]
    async fn update_team(
        &self,
        team_id: &TeamId,
        #[body] update: &UpdateTeam,
    ) -> crate::Result<Team>;

    /// Deletes a team, and with it every project access granted to it.
    ///
    /// ```no_run
    /// # use upsun::teams::TeamsApi;
    /// # async fn run(client: upsun::Client, team: upsun::TeamId) -> upsun::Result<()> {
    /// client.delete_team(&team).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/teams/<team_id>")]
    async fn delete_team(&self, team_id: &TeamId) -> crate::Result<()>;

    /// Lists a team's members, one page at a time (the API sets the page size).
    ///
    /// ```no_run
    /// # use upsun::teams::{ListTeamMembers, TeamsApi};
    /// # async fn run(client: upsun::Client, team: upsun::TeamId) -> upsun::Result<()> {
    /// let page = client.list_team_members(&team, &ListTeamMembers::new()).await?;
    /// for member in &page.items {
    ///     println!("{:?}", member.user_id);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/teams/<team_id>/members")]
    async fn list_team_members(
        &self,
        team_id: &TeamId,
        #[query] query: &ListTeamMembers,
    ) -> crate::Result<crate::Page<TeamMember>>;

    /// Adds a member of the team's organization to the team.
    ///
    /// ```no_run
    /// # use upsun::teams::{CreateTeamMember, TeamsApi};
    /// # async fn run(client: upsun::Client, team: upsun::TeamId, user: upsun::UserId)
    /// # -> upsun::Result<()> {
    /// client.create_team_member(&team, &CreateTeamMember::new(user)).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/teams/<team_id>/members")]
    async fn create_team_member(
        &self,
        team_id: &TeamId,
        #[body] member: &CreateTeamMember,
    ) -> crate::Result<TeamMember>;

    /// Removes a member from a team.
    ///
    /// ```no_run
    /// # use upsun::teams::TeamsApi;
    /// # async fn run(client: upsun::Client, team: upsun::TeamId, user: upsun::UserId)
    /// # -> upsun::Result<()> {
    /// client.delete_team_member(&team, user).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/teams/<team_id>/members/<user_id>")]
    async fn delete_team_member(&self, team_id: &TeamId, user_id: UserId) -> crate::Result<()>;

    /// Gets one member of a team.
    ///
    /// ```no_run
    /// # use upsun::teams::TeamsApi;
    /// # async fn run(client: upsun::Client, team: upsun::TeamId, user: upsun::UserId)
    /// # -> upsun::Result<()> {
    /// let member = client.get_team_member(&team, user).await?;
    /// println!("member since {:?}", member.created_at);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/teams/<team_id>/members/<user_id>")]
    async fn get_team_member(&self, team_id: &TeamId, user_id: UserId)
    -> crate::Result<TeamMember>;

    /// Lists the teams a user is a member of, one page at a time.
    ///
    /// ```no_run
    /// # use upsun::teams::{ListUserTeams, TeamsApi};
    /// # async fn run(client: upsun::Client, user: upsun::UserId) -> upsun::Result<()> {
    /// let page = client.list_user_teams(user, &ListUserTeams::new()).await?;
    /// println!("{} teams on this page", page.items.len());
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/<user_id>/teams")]
    async fn list_user_teams(
        &self,
        user_id: UserId,
        #[query] query: &ListUserTeams,
    ) -> crate::Result<crate::Page<Team>>;
}

impl TeamsApi for crate::Client {}
