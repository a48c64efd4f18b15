//! Environment backups: take one, list them, read one, delete one, restore one. Taking,
//! deleting and restoring answer [`Accepted`](crate::Accepted), with the activity to wait on.
//!
//! ```no_run
//! use upsun::PollPolicy;
//! use upsun::environment_backups::{BackupEnvironment, EnvironmentBackupsApi, RestoreBackup};
//!
//! # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
//! let env = "main".into();
//! let taken = client.backup_environment(&project, &env, &BackupEnvironment::new()).await?;
//! taken.wait(&client, &PollPolicy::default()).await?;
//! let newest = &client.list_projects_environments_backups(&project, &env).await?[0];
//! client.restore_backup(&project, &env, &newest.id, &RestoreBackup::new()).await?;
//! # Ok(())
//! # }
//! ```

mod models;

use crate::{Accepted, BackupId, EnvironmentId, ProjectId, endpoint};

pub use self::models::{Backup, BackupEnvironment, BackupStatus, RestoreBackup, RestoreInit};

/// The calls of the Environment Backups area, implemented for [`Client`](crate::Client).
pub trait EnvironmentBackupsApi: crate::Api {
    /// Takes a backup of an environment.
    ///
    /// ```no_run
    /// # use upsun::environment_backups::{BackupEnvironment, EnvironmentBackupsApi};
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// client.backup_environment(&project, &"main".into(), &BackupEnvironment::new().safe(true)).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/projects/<project_id>/environments/<environment_id>/backup",
        secret
    )]
    async fn backup_environment(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        #[body] backup: &BackupEnvironment,
    ) -> crate::Result<Accepted>;

    /// Lists an environment's backups, newest first.
    ///
    /// ```no_run
    /// # use upsun::environment_backups::EnvironmentBackupsApi;
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// let backups = client.list_projects_environments_backups(&project, &"main".into()).await?;
    /// # let _ = backups;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/projects/<project_id>/environments/<environment_id>/backups")]
    async fn list_projects_environments_backups(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
    ) -> crate::Result<Vec<Backup>>;

    /// Deletes a backup.
    ///
    /// ```no_run
    /// # use upsun::environment_backups::EnvironmentBackupsApi;
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// client.delete_projects_environments_backups(&project, &"main".into(), &"b1".into()).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        DELETE,
        "/projects/<project_id>/environments/<environment_id>/backups/<backup_id>",
        secret
    )]
    async fn delete_projects_environments_backups(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        backup_id: &BackupId,
    ) -> crate::Result<Accepted>;

    /// Gets a backup.
    ///
    /// ```no_run
    /// # use upsun::environment_backups::EnvironmentBackupsApi;
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// let backup = client.get_projects_environments_backups(&project, &"main".into(), &"b1".into()).await?;
    /// println!("restorable: {}", backup.restorable);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        GET,
        "/projects/<project_id>/environments/<environment_id>/backups/<backup_id>"
    )]
    async fn get_projects_environments_backups(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        backup_id: &BackupId,
    ) -> crate::Result<Backup>;

    /// Restores a backup.
    ///
    /// ```no_run
    /// # use upsun::environment_backups::{EnvironmentBackupsApi, RestoreBackup};
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// client.restore_backup(&project, &"main".into(), &"b1".into(), &RestoreBackup::new()).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/projects/<project_id>/environments/<environment_id>/backups/<backup_id>/restore",
        secret
    )]
    async fn restore_backup(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        backup_id: &BackupId,
        #[body] restore: &RestoreBackup,
    ) -> crate::Result<Accepted>;
}

impl EnvironmentBackupsApi for crate::Client {}
