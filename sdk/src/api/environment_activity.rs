//! Environment activities: the activities of one environment.
//!
//! The lists answer the newest activities first, filtered with a [`ListActivities`] query
//! (the filters the API takes though the document leaves them out). An activity's `payload`
//! may hold credentials: these calls are declared `secret`, so a decoding error quotes nothing
//! of the answer, and [`Activity`]'s `Debug` never shows the payload.
//!
//! ```no_run
//! use upsun::{ActivityState, ListActivities};
//! use upsun::environment_activity::EnvironmentActivityApi;
//!
//! # async fn run(client: upsun::Client) -> upsun::Result<()> {
//! let query = ListActivities::new().state(ActivityState::InProgress);
//! let running = client.list_projects_environments_activities(&"abcdefgh1234567".into(), &"feature/login".into(), &query).await?;
//! println!("{} running", running.len());
//! # Ok(())
//! # }
//! ```

use crate::{Accepted, Activity, ActivityId, EnvironmentId, ListActivities, ProjectId, endpoint};

/// The calls of the Environment Activity area, implemented for [`Client`](crate::Client).
pub trait EnvironmentActivityApi: crate::Api {
    /// Lists activities, newest first, as the query filters them.
    ///
    /// ```no_run
    /// # use upsun::environment_activity::EnvironmentActivityApi;
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// let query = upsun::ListActivities::new().kind("environment.backup").count(5);
    /// let backups = client.list_projects_environments_activities(project, &"feature/login".into(), &query).await?;
    /// # let _ = backups;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        GET,
        "/projects/<project_id>/environments/<environment_id>/activities",
        secret
    )]
    async fn list_projects_environments_activities(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        #[query] query: &ListActivities,
    ) -> crate::Result<Vec<Activity>>;

    /// Gets one activity.
    ///
    /// ```no_run
    /// # use upsun::environment_activity::EnvironmentActivityApi;
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// let activity = client.get_projects_environments_activities(project, &"feature/login".into(), &"a1".into()).await?;
    /// println!("{}: {}%", activity.state, activity.completion_percent);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        GET,
        "/projects/<project_id>/environments/<environment_id>/activities/<activity_id>",
        secret
    )]
    async fn get_projects_environments_activities(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        activity_id: &ActivityId,
    ) -> crate::Result<Activity>;

    /// Cancels an activity that has not finished.
    ///
    /// ```no_run
    /// # use upsun::environment_activity::EnvironmentActivityApi;
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// client.action_projects_environments_activities_cancel(project, &"feature/login".into(), &"a1".into()).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/projects/<project_id>/environments/<environment_id>/activities/<activity_id>/cancel",
        secret
    )]
    async fn action_projects_environments_activities_cancel(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        activity_id: &ActivityId,
    ) -> crate::Result<Accepted>;
}

impl EnvironmentActivityApi for crate::Client {}
