//! Waiting on activities: the [`PollPolicy`] (kept apart from the [`RetryPolicy`]), the typed
//! [`Verdict`], and [`Accepted::wait`] / [`Client::wait_activity`], which poll an activity
//! until it finishes or the time limit ends the wait.
//!
//! Polling reads `GET /projects/{projectId}/activities/{activityId}`, which answers any activity
//! of the project: the engine describes that one endpoint itself and imports no area. Each poll
//! is one call through the send path, so it has its retries and its own time limit; the
//! polling policy only decides how long to wait between polls and when to give up.
//!
//! **Deadlock inside a container.** Waiting from inside an Upsun container (a deploy hook, a
//! cron) on an activity that itself waits for that container's own activity to finish never
//! ends on its own: the time limit is what ends it. Do not wait there; start the work and
//! return.
//!
//! [`RetryPolicy`]: crate::RetryPolicy

mod find;
mod handle;
mod log;
mod policy;
mod stream;
mod verdict;

use tokio::time::Instant;

use crate::__private::{Call, Endpoint, Method};
use crate::models::{Accepted, Activity};
use crate::{ActivityId, Client, ProjectId, Result};

pub use self::find::Started;
pub use self::handle::ActivityHandle;
pub use self::log::{LogLine, MAX_LOG_LINE};
pub use self::policy::PollPolicy;
pub use self::verdict::Verdict;

static GET_ACTIVITY: Endpoint = Endpoint::new(
    Method::GET,
    "/projects/{projectId}/activities/{activityId}",
    &["/projects/", "/activities/", ""],
    &["projectId", "activityId"],
    true,
)
.secret();

static CANCEL_ACTIVITY: Endpoint = Endpoint::new(
    Method::POST,
    "/projects/{projectId}/activities/{activityId}/cancel",
    &["/projects/", "/activities/", "/cancel"],
    &["projectId", "activityId"],
    false,
);

impl Client {
    /// Reads an activity as it stands now.
    async fn read_activity(&self, project: &ProjectId, id: &ActivityId) -> Result<Activity> {
        let call = Call::new(&GET_ACTIVITY, &[project, id]);
        self.execute(call).await?.decode()
    }

    /// Waits for one activity to finish, polling under `policy`, and says how it ended.
    ///
    /// A staged activity is handed back at once (it waits for a deploy you start). When the
    /// policy's time limit passes first, the verdict is [`Verdict::TimedOut`] with the activity
    /// as last read. Errors are those of a poll that failed for good.
    ///
    /// ```no_run
    /// use upsun::{PollPolicy, Verdict};
    ///
    /// # async fn run(client: upsun::Client, accepted: upsun::Accepted) -> upsun::Result<()> {
    /// let first = &accepted.activities[0];
    /// let project = first.project.as_str().into();
    /// match client.wait_activity(&project, &first.id, &PollPolicy::default()).await? {
    ///     Verdict::Success(_) => println!("{} done", first.id),
    ///     other => println!("ended badly: {other:?}"),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub async fn wait_activity(
        &self,
        project: &ProjectId,
        id: &ActivityId,
        policy: &PollPolicy,
    ) -> Result<Verdict> {
        let started = Instant::now();
        let mut poll: u32 = 0;
        loop {
            let activity = self.read_activity(project, id).await?;
            if let Some(verdict) = Verdict::of(&activity) {
                return Ok(verdict);
            }
            let wait = policy.interval(poll);
            if !policy.fits(started, wait) {
                return Ok(Verdict::TimedOut(Box::new(activity)));
            }
            tokio::time::sleep(wait).await;
            poll = poll.saturating_add(1);
        }
    }

    /// Cancels an activity that has not finished.
    ///
    /// ```no_run
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// client.cancel_activity(&project, &"a1".into()).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn cancel_activity(&self, project: &ProjectId, id: &ActivityId) -> Result<Accepted> {
        let call = Call::new(&CANCEL_ACTIVITY, &[project, id]);
        self.execute(call).await?.decode()
    }
}

impl Accepted {
    /// Waits for every activity the call started and answers the worst verdict (a failure
    /// beats a cancellation, which beats staged, which beats success; a timeout beats them
    /// all). Activities an integration started are waited for last. An answer that started
    /// no activity is a [`Verdict::Success`] with no activity.
    ///
    /// The one time limit of `policy` covers all of them. An answer without `_embedded`
    /// carries no activity: find the one the call started with [`or_find`](Self::or_find)
    /// first. Do not wait from inside an Upsun container (a hook, a cron) on an activity that
    /// waits for that container's own activity: it never finishes, and only the time limit
    /// ends the wait.
    ///
    /// ```no_run
    /// use upsun::PollPolicy;
    /// use upsun::environments::{BranchEnvironment, EnvironmentsApi};
    ///
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// let branch = BranchEnvironment::new("Login", "feature/login");
    /// let accepted = client.branch_environment(&project, &"main".into(), &branch).await?;
    /// let verdict = accepted.wait(&client, &PollPolicy::default()).await?;
    /// assert!(verdict.is_success(), "{verdict:?}");
    /// # Ok(())
    /// # }
    /// ```
    pub async fn wait<A: crate::Api + ?Sized>(
        &self,
        api: &A,
        policy: &PollPolicy,
    ) -> Result<Verdict> {
        let client = api.client();
        let mut order: Vec<&Activity> = self.activities.iter().collect();
        order.sort_by_key(|a| a.integration.is_some());
        let started = Instant::now();
        let mut worst: Option<Verdict> = None;
        for activity in order {
            let project = ProjectId::from(activity.project.as_str());
            let left = policy.remaining(started);
            let verdict = match left {
                Some(left) if left.is_zero() => Verdict::TimedOut(Box::new(activity.clone())),
                _ => {
                    let policy = policy.clone().with_time_limit_at_most(left);
                    client
                        .wait_activity(&project, &activity.id, &policy)
                        .await?
                }
            };
            worst = Some(match worst {
                Some(w) if w.rank() >= verdict.rank() => w,
                _ => verdict,
            });
        }
        Ok(worst.unwrap_or(Verdict::Success(None)))
    }
}
