//! Projects: a project, what it is able to do, and the work that runs on all of it.
//!
//! The calls that start work answer [`Accepted`](crate::Accepted), which carries the
//! activities the API started.
//!
//! ```no_run
//! use upsun::projects::ProjectsApi;
//!
//! # async fn run(client: upsun::Client) -> upsun::Result<()> {
//! let project = client.get_project(&"abcdefgh1234567".into()).await?;
//! println!("{} in {}", project.title, project.region);
//! let accepted = client.action_projects_clear_build_cache(&project.id).await?;
//! println!("{} activities started", accepted.activities.len());
//! # Ok(())
//! # }
//! ```

mod models;

use crate::{Accepted, ProjectId, endpoint};

pub use self::models::{
    BuildResources, CustomDomains, Enabled, GuaranteedResources, Integrations, LogsForwarding,
    Maintenance, Metrics, Plan, Project, ProjectCapabilities, ProjectStatus, Repository,
    Subscription,
};

/// The calls of the Project area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them: `use upsun::projects::ProjectsApi;`.
pub trait ProjectsApi: crate::Api {
    /// Gets a project.
    ///
    /// ```no_run
    /// # use upsun::projects::ProjectsApi;
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let project = client.get_project(&"abcdefgh1234567".into()).await?;
    /// println!("default branch: {:?}", project.default_branch);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/projects/<project_id>")]
    async fn get_project(&self, project_id: &ProjectId) -> crate::Result<Project>;

    /// Gets what a project is able to do.
    ///
    /// ```no_run
    /// # use upsun::projects::ProjectsApi;
    /// # async fn run(client: upsun::Client, id: &upsun::ProjectId) -> upsun::Result<()> {
    /// let capabilities = client.get_project_capabilities(id).await?;
    /// println!("autoscaling: {}", capabilities.autoscaling.enabled);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/projects/<project_id>/capabilities")]
    async fn get_project_capabilities(
        &self,
        project_id: &ProjectId,
    ) -> crate::Result<ProjectCapabilities>;

    /// Clears the project's build cache: the next build starts from nothing.
    ///
    /// ```no_run
    /// # use upsun::projects::ProjectsApi;
    /// # async fn run(client: upsun::Client, id: &upsun::ProjectId) -> upsun::Result<()> {
    /// client.action_projects_clear_build_cache(id).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/projects/<project_id>/clear_build_cache", secret)]
    async fn action_projects_clear_build_cache(
        &self,
        project_id: &ProjectId,
    ) -> crate::Result<Accepted>;

    /// Redeploys every environment of the project for maintenance; answers the activities
    /// started.
    ///
    /// ```no_run
    /// # use upsun::projects::ProjectsApi;
    /// # async fn run(client: upsun::Client, id: &upsun::ProjectId) -> upsun::Result<()> {
    /// let accepted = client.maintenance_redeploy_project(id).await?;
    /// # let _ = accepted;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/projects/<project_id>/maintenance-redeploy", secret)]
    async fn maintenance_redeploy_project(&self, project_id: &ProjectId)
    -> crate::Result<Accepted>;
}

impl ProjectsApi for crate::Client {}
