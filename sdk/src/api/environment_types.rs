//! Environment types: `production`, `staging` and `development`, and what each allows.
//!
//! ```no_run
//! use upsun::environment_types::EnvironmentTypesApi;
//!
//! # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
//! for kind in client.list_projects_environment_types(&project).await? {
//!     println!("{}", kind.id);
//! }
//! # Ok(())
//! # }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{EnvironmentTypeId, ProjectId, endpoint};

/// An environment type of a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EnvironmentType {
    /// Its ID: `production`, `staging` or `development`.
    pub id: EnvironmentTypeId,
    /// Arbitrary attributes attached to it.
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
}

/// The calls of the Environment Type area, implemented for [`Client`](crate::Client).
pub trait EnvironmentTypesApi: crate::Api {
    /// Lists a project's environment types.
    ///
    /// ```no_run
    /// # use upsun::environment_types::EnvironmentTypesApi;
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// let kinds = client.list_projects_environment_types(&project).await?;
    /// # let _ = kinds;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/projects/<project_id>/environment-types")]
    async fn list_projects_environment_types(
        &self,
        project_id: &ProjectId,
    ) -> crate::Result<Vec<EnvironmentType>>;

    /// Gets an environment type.
    ///
    /// ```no_run
    /// # use upsun::environment_types::EnvironmentTypesApi;
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// let staging = client.get_environment_type(&project, &"staging".into()).await?;
    /// # let _ = staging;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/projects/<project_id>/environment-types/<environment_type_id>")]
    async fn get_environment_type(
        &self,
        project_id: &ProjectId,
        environment_type_id: &EnvironmentTypeId,
    ) -> crate::Result<EnvironmentType>;
}

impl EnvironmentTypesApi for crate::Client {}
