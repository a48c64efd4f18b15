//! Project variables: set on a project, seen by every environment.
//!
//! Values are [`Secret`](crate::models::Secret)s in the SDK's types, and a sensitive variable's
//! value is never answered by the API. Changes answer [`Accepted`](crate::Accepted): they take
//! effect with the activity they start (a redeploy).
//!
//! ```no_run
//! use upsun::project_variables::{CreateProjectVariable, ProjectVariablesApi};
//!
//! # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
//! let create = CreateProjectVariable::new("env:API_KEY", "s3cret").is_sensitive(true);
//! client.create_projects_variables(&project, &create).await?;
//! # Ok(())
//! # }
//! ```

mod models;

use crate::{Accepted, ProjectId, VariableId, endpoint};

pub use self::models::{CreateProjectVariable, ProjectVariable, UpdateProjectVariable};

/// The calls of the Project Variables area, implemented for [`Client`](crate::Client).
pub trait ProjectVariablesApi: crate::Api {
    /// Lists the variables.
    ///
    /// ```no_run
    /// # use upsun::project_variables::ProjectVariablesApi;
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// for variable in client.list_projects_variables(&project).await? {
    ///     println!("{} sensitive={}", variable.name, variable.is_sensitive);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/projects/<project_id>/variables", secret)]
    async fn list_projects_variables(
        &self,
        project_id: &ProjectId,
    ) -> crate::Result<Vec<ProjectVariable>>;

    /// Creates a variable.
    ///
    /// ```no_run
    /// # use upsun::project_variables::{CreateProjectVariable, ProjectVariablesApi};
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// client.create_projects_variables(&project, &CreateProjectVariable::new("env:MODE", "debug")).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/projects/<project_id>/variables", secret)]
    async fn create_projects_variables(
        &self,
        project_id: &ProjectId,
        #[body] variable: &CreateProjectVariable,
    ) -> crate::Result<Accepted>;

    /// Deletes a variable.
    ///
    /// ```no_run
    /// # use upsun::project_variables::ProjectVariablesApi;
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// client.delete_projects_variables(&project, &"env:MODE".into()).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        DELETE,
        "/projects/<project_id>/variables/<project_variable_id>",
        secret
    )]
    async fn delete_projects_variables(
        &self,
        project_id: &ProjectId,
        project_variable_id: &VariableId,
    ) -> crate::Result<Accepted>;

    /// Gets a variable.
    ///
    /// ```no_run
    /// # use upsun::project_variables::ProjectVariablesApi;
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// let variable = client.get_projects_variables(&project, &"env:MODE".into()).await?;
    /// # let _ = variable;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/projects/<project_id>/variables/<project_variable_id>", secret)]
    async fn get_projects_variables(
        &self,
        project_id: &ProjectId,
        project_variable_id: &VariableId,
    ) -> crate::Result<ProjectVariable>;

    /// Updates a variable: only the fields set change.
    ///
    /// ```no_run
    /// # use upsun::project_variables::{ProjectVariablesApi, UpdateProjectVariable};
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// let update = UpdateProjectVariable::new().value("production");
    /// client.update_projects_variables(&project, &"env:MODE".into(), &update).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        PATCH,
        "/projects/<project_id>/variables/<project_variable_id>",
        secret
    )]
    async fn update_projects_variables(
        &self,
        project_id: &ProjectId,
        project_variable_id: &VariableId,
        #[body] update: &UpdateProjectVariable,
    ) -> crate::Result<Accepted>;
}

impl ProjectVariablesApi for crate::Client {}
