//! Environments: one per Git branch of a project, in a tree (a branch makes a child).
//!
//! An environment's ID is its branch name and may hold `/` (`feature/login`): it is sent as one
//! percent-encoded path segment. Every call that changes an environment answers
//! [`Accepted`](crate::Accepted), with the activities it started.
//!
//! ```no_run
//! use upsun::environments::{BranchEnvironment, EnvironmentsApi};
//!
//! # async fn run(client: upsun::Client) -> upsun::Result<()> {
//! let project = "abcdefgh1234567".into();
//! let accepted = client
//!     .branch_environment(&project, &"main".into(), &BranchEnvironment::new("Login", "feature/login"))
//!     .await?;
//! let login = client.get_environment(&project, &"feature/login".into()).await?;
//! println!("{} is {}", login.id, login.status);
//! # let _ = accepted;
//! # Ok(())
//! # }
//! ```

mod models;

use crate::{Accepted, EnvironmentId, ProjectId, endpoint};

pub use self::models::{
    ActivateEnvironment, ActivateInit, BranchEnvironment, BranchInit, BranchType,
    DeployEnvironment, DeployStrategy, DeploymentState, Environment, EnvironmentStatus,
    EnvironmentType, HttpAccess, HttpAccessUpdate, InitialFile, InitializeEnvironment,
    InitializeInit, MergeEnvironment, MergeInfo, MergeInit, Resources, SynchronizeEnvironment,
    UpdateEnvironment,
};

/// The calls of the Environment area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them: `use upsun::environments::EnvironmentsApi;`.
pub trait EnvironmentsApi: crate::Api {
    /// Lists a project's environments.
    ///
    /// ```no_run
    /// # use upsun::environments::EnvironmentsApi;
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// for env in client.list_environments(project).await? {
    ///     println!("{} ({}), parent {:?}", env.id, env.status, env.parent);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/projects/<project_id>/environments")]
    async fn list_environments(&self, project_id: &ProjectId) -> crate::Result<Vec<Environment>>;

    /// Gets an environment.
    ///
    /// ```no_run
    /// # use upsun::environments::EnvironmentsApi;
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// let env = client.get_environment(project, &"feature/login".into()).await?;
    /// # let _ = env;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/projects/<project_id>/environments/<environment_id>")]
    async fn get_environment(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
    ) -> crate::Result<Environment>;

    /// Updates an environment: only the fields set in `update` change.
    ///
    /// ```no_run
    /// # use upsun::environments::{EnvironmentsApi, UpdateEnvironment};
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// let update = UpdateEnvironment::new().title("Login page");
    /// client.update_environment(project, &"feature/login".into(), &update).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(PATCH, "/projects/<project_id>/environments/<environment_id>", secret)]
    async fn update_environment(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        #[body] update: &UpdateEnvironment,
    ) -> crate::Result<Accepted>;

    /// Deletes an inactive environment.
    ///
    /// ```no_run
    /// # use upsun::environments::EnvironmentsApi;
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// client.delete_environment(project, &"feature/login".into()).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/projects/<project_id>/environments/<environment_id>", secret)]
    async fn delete_environment(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
    ) -> crate::Result<Accepted>;

    /// Activates an inactive environment: deploys it again.
    ///
    /// Answers the activities it started, to wait on.
    ///
    /// ```no_run
    /// # use upsun::environments::{EnvironmentsApi, ActivateEnvironment};
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// let accepted = client.activate_environment(project, &"feature/login".into(), &ActivateEnvironment::new()).await?;
    /// # let _ = accepted;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/projects/<project_id>/environments/<environment_id>/activate",
        secret
    )]
    async fn activate_environment(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        #[body] activation: &ActivateEnvironment,
    ) -> crate::Result<Accepted>;

    /// Branches a new child environment from this one; the new environment's ID is the branch name given.
    ///
    /// Answers the activities it started, to wait on.
    ///
    /// ```no_run
    /// # use upsun::environments::{EnvironmentsApi, BranchEnvironment};
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// let accepted = client.branch_environment(project, &"feature/login".into(), &BranchEnvironment::new("Login", "feature/login")).await?;
    /// # let _ = accepted;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/projects/<project_id>/environments/<environment_id>/branch",
        secret
    )]
    async fn branch_environment(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        #[body] branch: &BranchEnvironment,
    ) -> crate::Result<Accepted>;

    /// Deactivates an environment: its services and data are removed, the branch stays.
    ///
    /// Answers the activities it started, to wait on.
    ///
    /// ```no_run
    /// # use upsun::environments::{EnvironmentsApi};
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// let accepted = client.deactivate_environment(project, &"feature/login".into()).await?;
    /// # let _ = accepted;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/projects/<project_id>/environments/<environment_id>/deactivate",
        secret
    )]
    async fn deactivate_environment(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
    ) -> crate::Result<Accepted>;

    /// Deploys the changes staged on an environment.
    ///
    /// Answers the activities it started, to wait on.
    ///
    /// ```no_run
    /// # use upsun::environments::{EnvironmentsApi, DeployEnvironment};
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// let accepted = client.deploy_environment(project, &"feature/login".into(), &DeployEnvironment::new()).await?;
    /// # let _ = accepted;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/projects/<project_id>/environments/<environment_id>/deploy",
        secret
    )]
    async fn deploy_environment(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        #[body] deploy: &DeployEnvironment,
    ) -> crate::Result<Accepted>;

    /// Initializes an empty project's environment from a template repository.
    ///
    /// Answers the activities it started, to wait on.
    ///
    /// ```no_run
    /// # use upsun::environments::{EnvironmentsApi, InitializeEnvironment};
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// let accepted = client.initialize_environment(project, &"feature/login".into(), &InitializeEnvironment::new("Symfony", "https://github.com/upsun/symfony.git")).await?;
    /// # let _ = accepted;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/projects/<project_id>/environments/<environment_id>/initialize",
        secret
    )]
    async fn initialize_environment(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        #[body] init: &InitializeEnvironment,
    ) -> crate::Result<Accepted>;

    /// Redeploys an environment for maintenance.
    ///
    /// Answers the activities it started, to wait on.
    ///
    /// ```no_run
    /// # use upsun::environments::{EnvironmentsApi};
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// let accepted = client.maintenance_redeploy_environment(project, &"feature/login".into()).await?;
    /// # let _ = accepted;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/projects/<project_id>/environments/<environment_id>/maintenance-redeploy",
        secret
    )]
    async fn maintenance_redeploy_environment(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
    ) -> crate::Result<Accepted>;

    /// Merges an environment into its parent.
    ///
    /// Answers the activities it started, to wait on.
    ///
    /// ```no_run
    /// # use upsun::environments::{EnvironmentsApi, MergeEnvironment};
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// let accepted = client.merge_environment(project, &"feature/login".into(), &MergeEnvironment::new()).await?;
    /// # let _ = accepted;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/projects/<project_id>/environments/<environment_id>/merge",
        secret
    )]
    async fn merge_environment(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        #[body] merge: &MergeEnvironment,
    ) -> crate::Result<Accepted>;

    /// Pauses an environment: its applications stop until it is resumed.
    ///
    /// Answers the activities it started, to wait on.
    ///
    /// ```no_run
    /// # use upsun::environments::{EnvironmentsApi};
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// let accepted = client.pause_environment(project, &"feature/login".into()).await?;
    /// # let _ = accepted;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/projects/<project_id>/environments/<environment_id>/pause",
        secret
    )]
    async fn pause_environment(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
    ) -> crate::Result<Accepted>;

    /// Redeploys an environment as it is.
    ///
    /// Answers the activities it started, to wait on.
    ///
    /// ```no_run
    /// # use upsun::environments::{EnvironmentsApi};
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// let accepted = client.redeploy_environment(project, &"feature/login".into()).await?;
    /// # let _ = accepted;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/projects/<project_id>/environments/<environment_id>/redeploy",
        secret
    )]
    async fn redeploy_environment(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
    ) -> crate::Result<Accepted>;

    /// Resumes a paused environment.
    ///
    /// Answers the activities it started, to wait on.
    ///
    /// ```no_run
    /// # use upsun::environments::{EnvironmentsApi};
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// let accepted = client.resume_environment(project, &"feature/login".into()).await?;
    /// # let _ = accepted;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/projects/<project_id>/environments/<environment_id>/resume",
        secret
    )]
    async fn resume_environment(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
    ) -> crate::Result<Accepted>;

    /// Synchronizes a child environment with its parent: code, data or resources.
    ///
    /// Answers the activities it started, to wait on.
    ///
    /// ```no_run
    /// # use upsun::environments::{EnvironmentsApi, SynchronizeEnvironment};
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// let accepted = client.synchronize_environment(project, &"feature/login".into(), &SynchronizeEnvironment::new().synchronize_code(true)).await?;
    /// # let _ = accepted;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/projects/<project_id>/environments/<environment_id>/synchronize",
        secret
    )]
    async fn synchronize_environment(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        #[body] sync: &SynchronizeEnvironment,
    ) -> crate::Result<Accepted>;
}

impl EnvironmentsApi for crate::Client {}
