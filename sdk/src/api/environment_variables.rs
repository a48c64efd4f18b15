//! Environment variables: set on one environment, inherited by its children unless not inheritable.
//!
//! Values are [`Secret`](crate::models::Secret)s in the SDK's types, and a sensitive variable's
//! value is never answered by the API. Changes answer [`Accepted`](crate::Accepted): they take
//! effect with the activity they start (a redeploy).
//!
//! ```no_run
//! use upsun::environment_variables::{CreateEnvironmentVariable, EnvironmentVariablesApi};
//!
//! # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
//! let create = CreateEnvironmentVariable::new("env:API_KEY", "s3cret").is_sensitive(true);
//! client.create_projects_environments_variables(&project, &"main".into(), &create).await?;
//! # Ok(())
//! # }
//! ```

mod models;

use crate::{Accepted, EnvironmentId, ProjectId, VariableId, endpoint};

pub use self::models::{CreateEnvironmentVariable, EnvironmentVariable, UpdateEnvironmentVariable};

/// The calls of the Environment Variables area, implemented for [`Client`](crate::Client).
pub trait EnvironmentVariablesApi: crate::Api {
    /// Lists the variables.
    ///
    /// ```no_run
    /// # use upsun::environment_variables::EnvironmentVariablesApi;
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// for variable in client.list_projects_environments_variables(&project, &"main".into()).await? {
    ///     println!("{} sensitive={}", variable.name, variable.is_sensitive);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        GET,
        "/projects/<project_id>/environments/<environment_id>/variables",
        secret
    )]
    async fn list_projects_environments_variables(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
    ) -> crate::Result<Vec<EnvironmentVariable>>;

    /// Creates a variable.
    ///
    /// ```no_run
    /// # use upsun::environment_variables::{CreateEnvironmentVariable, EnvironmentVariablesApi};
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// client.create_projects_environments_variables(&project, &"main".into(), &CreateEnvironmentVariable::new("env:MODE", "debug")).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/projects/<project_id>/environments/<environment_id>/variables",
        secret
    )]
    async fn create_projects_environments_variables(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        #[body] variable: &CreateEnvironmentVariable,
    ) -> crate::Result<Accepted>;

    /// Deletes a variable.
    ///
    /// ```no_run
    /// # use upsun::environment_variables::EnvironmentVariablesApi;
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// client.delete_projects_environments_variables(&project, &"main".into(), &"env:MODE".into()).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        DELETE,
        "/projects/<project_id>/environments/<environment_id>/variables/<variable_id>",
        secret
    )]
    async fn delete_projects_environments_variables(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        variable_id: &VariableId,
    ) -> crate::Result<Accepted>;

    /// Gets a variable.
    ///
    /// ```no_run
    /// # use upsun::environment_variables::EnvironmentVariablesApi;
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// let variable = client.get_projects_environments_variables(&project, &"main".into(), &"env:MODE".into()).await?;
    /// # let _ = variable;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        GET,
        "/projects/<project_id>/environments/<environment_id>/variables/<variable_id>",
        secret
    )]
    async fn get_projects_environments_variables(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        variable_id: &VariableId,
    ) -> crate::Result<EnvironmentVariable>;

    /// Updates a variable: only the fields set change.
    ///
    /// ```no_run
    /// # use upsun::environment_variables::{EnvironmentVariablesApi, UpdateEnvironmentVariable};
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// let update = UpdateEnvironmentVariable::new().value("production");
    /// client.update_projects_environments_variables(&project, &"main".into(), &"env:MODE".into(), &update).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        PATCH,
        "/projects/<project_id>/environments/<environment_id>/variables/<variable_id>",
        secret
    )]
    async fn update_projects_environments_variables(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        variable_id: &VariableId,
        #[body] update: &UpdateEnvironmentVariable,
    ) -> crate::Result<Accepted>;
}

impl EnvironmentVariablesApi for crate::Client {}
