//! Finding the activity a call started when its answer does not say (no `_embedded`).

use chrono::{DateTime, Utc};

use crate::models::{Accepted, ListActivities};
use crate::{EnvironmentId, ProjectId, Result};

/// What a call started, to find its activity when the answer carries none: the project, the
/// environment, the activity type (`environment.branch`, ...) and when the call was made.
///
/// Take it just before the call: the activity is the newest of that type in the
/// environment's activity list created at or after that time. The time is the client's own
/// clock: a clock running ahead of the API's can miss the activity, so allow for skew with
/// [`since`](Self::since).
///
/// ```
/// use upsun::Started;
///
/// let started = Started::new("abcdefgh1234567", "feature/login", "environment.branch");
/// assert_eq!(started.kind, "environment.branch");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Started {
    /// The project.
    pub project: ProjectId,
    /// The environment the activity concerns.
    pub environment: EnvironmentId,
    /// The activity's type.
    pub kind: String,
    /// The activity was created at or after this time.
    pub since: DateTime<Utc>,
}

impl Started {
    /// A call starting now.
    pub fn new(
        project: impl Into<ProjectId>,
        environment: impl Into<EnvironmentId>,
        kind: impl Into<String>,
    ) -> Self {
        Started {
            project: project.into(),
            environment: environment.into(),
            kind: kind.into(),
            since: Utc::now(),
        }
    }

    /// Sets the time the call was made (earlier, to allow for clock skew).
    #[must_use]
    pub fn since(mut self, at: DateTime<Utc>) -> Self {
        self.since = at;
        self
    }
}

impl Accepted {
    /// This answer, or, when it carries no activity (an answer without `_embedded`), the same
    /// with the activity the call started as found in the environment's activity list: the
    /// newest of `started.kind` created at or after `started.since`. Still none if the list
    /// has no such activity.
    ///
    /// ```no_run
    /// use upsun::environments::{BranchEnvironment, EnvironmentsApi};
    /// use upsun::{PollPolicy, Started};
    ///
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// let started = Started::new(project.clone(), "feature/login", "environment.branch");
    /// let branch = BranchEnvironment::new("Login", "feature/login");
    /// let accepted = client.branch_environment(&project, &"main".into(), &branch).await?;
    /// let accepted = accepted.or_find(&client, &started).await?;
    /// let verdict = accepted.wait(&client, &PollPolicy::default()).await?;
    /// # let _ = verdict;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn or_find<A: crate::Api + ?Sized>(
        &self,
        api: &A,
        started: &Started,
    ) -> Result<Accepted> {
        if !self.activities.is_empty() {
            return Ok(self.clone());
        }
        let query = ListActivities::new().kind(started.kind.clone()).count(10);
        let page = api
            .client()
            .activity_page(&started.project, Some(&started.environment), &query)
            .await?;
        let found = page
            .into_iter()
            .filter(|a| a.created_at.is_some_and(|at| at >= started.since))
            .max_by_key(|a| a.created_at);
        let mut accepted = self.clone();
        accepted.activities.extend(found);
        Ok(accepted)
    }
}
