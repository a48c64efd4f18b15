//! Project activities: every activity of a project, whatever environment it concerns.
//!
//! The lists answer the newest activities first, filtered with a [`ListActivities`] query
//! (the filters the API takes though the document leaves them out). An activity's `payload`
//! may hold credentials: these calls are declared `secret`, so a decoding error quotes nothing
//! of the answer, and [`Activity`]'s `Debug` never shows the payload.
//!
//! ```no_run
//! use upsun::{ActivityState, ListActivities};
//! use upsun::project_activity::ProjectActivityApi;
//!
//! # async fn run(client: upsun::Client) -> upsun::Result<()> {
//! let query = ListActivities::new().state(ActivityState::InProgress);
//! let running = client.list_projects_activities(&"abcdefgh1234567".into(), &query).await?;
//! println!("{} running", running.len());
//! # Ok(())
//! # }
//! ```

use crate::{Accepted, Activity, ActivityId, ListActivities, ProjectId, endpoint};

/// The calls of the Project Activity area, implemented for [`Client`](crate::Client).
pub trait ProjectActivityApi: crate::Api {
    /// Lists activities, newest first, as the query filters them.
    ///
    /// ```no_run
    /// # use upsun::project_activity::ProjectActivityApi;
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// let query = upsun::ListActivities::new().kind("environment.backup").count(5);
    /// let backups = client.list_projects_activities(project, &query).await?;
    /// # let _ = backups;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/projects/<project_id>/activities", secret)]
    async fn list_projects_activities(
        &self,
        project_id: &ProjectId,
        #[query] query: &ListActivities,
    ) -> crate::Result<Vec<Activity>>;

    /// Gets one activity.
    ///
    /// ```no_run
    /// # use upsun::project_activity::ProjectActivityApi;
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// let activity = client.get_projects_activities(project, &"a1".into()).await?;
    /// println!("{}: {}%", activity.state, activity.completion_percent);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/projects/<project_id>/activities/<activity_id>", secret)]
    async fn get_projects_activities(
        &self,
        project_id: &ProjectId,
        activity_id: &ActivityId,
    ) -> crate::Result<Activity>;

    /// Cancels an activity that has not finished.
    ///
    /// ```no_run
    /// # use upsun::project_activity::ProjectActivityApi;
    /// # async fn run(client: upsun::Client, project: &upsun::ProjectId) -> upsun::Result<()> {
    /// client.action_projects_activities_cancel(project, &"a1".into()).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/projects/<project_id>/activities/<activity_id>/cancel", secret)]
    async fn action_projects_activities_cancel(
        &self,
        project_id: &ProjectId,
        activity_id: &ActivityId,
    ) -> crate::Result<Accepted>;
}

impl ProjectActivityApi for crate::Client {}
