//! [`ActivityHandle`]: one activity as an operation to await, stream, refresh or cancel.

use std::future::{Future, IntoFuture};
use std::pin::Pin;

use futures_core::Stream;

use super::{PollPolicy, Verdict};
use crate::models::{Accepted, Activity};
use crate::{ActivityId, Client, ProjectId, Result};

/// One activity as an operation: await it for its [`Verdict`] (under its [`PollPolicy`],
/// the default unless [`policy`](Self::policy) says otherwise), stream its states, read it
/// again, or cancel it.
///
/// ```no_run
/// use std::time::Duration;
/// use upsun::PollPolicy;
///
/// # async fn run(client: upsun::Client, accepted: upsun::Accepted) -> upsun::Result<()> {
/// for handle in accepted.handles(&client) {
///     let verdict = handle.policy(PollPolicy::default().time_limit(Duration::from_secs(600))).await?;
///     println!("{verdict:?}");
/// }
/// let handle = client.activity(&"abcdefgh1234567".into(), &"a1".into());
/// handle.cancel().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
#[must_use = "an activity handle does nothing unless awaited or asked"]
pub struct ActivityHandle<'a> {
    client: &'a Client,
    project: ProjectId,
    id: ActivityId,
    policy: PollPolicy,
}

impl Client {
    /// A handle on the activity `id` of `project`.
    pub fn activity(&self, project: &ProjectId, id: &ActivityId) -> ActivityHandle<'_> {
        ActivityHandle {
            client: self,
            project: project.clone(),
            id: id.clone(),
            policy: PollPolicy::default(),
        }
    }
}

impl Accepted {
    /// A handle on each activity the call started, in the order the API listed them.
    pub fn handles<'a, A: crate::Api + ?Sized>(&self, api: &'a A) -> Vec<ActivityHandle<'a>> {
        self.activities
            .iter()
            .map(|a| {
                api.client()
                    .activity(&ProjectId::from(a.project.as_str()), &a.id)
            })
            .collect()
    }
}

impl<'a> ActivityHandle<'a> {
    /// Waits under this policy instead of the default one.
    pub fn policy(mut self, policy: PollPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// The activity's ID.
    pub fn id(&self) -> &ActivityId {
        &self.id
    }

    /// Reads the activity as it stands now.
    pub async fn refresh(&self) -> Result<Activity> {
        self.client.read_activity(&self.project, &self.id).await
    }

    /// Waits for the activity to finish: what awaiting the handle does.
    pub async fn wait(&self) -> Result<Verdict> {
        self.client
            .wait_activity(&self.project, &self.id, &self.policy)
            .await
    }

    /// Its states as they change, until it finishes (see [`Client::activity_states`]).
    pub fn states(&self) -> impl Stream<Item = Result<Activity>> + Send + 'a {
        self.client
            .activity_states(&self.project, &self.id, &self.policy)
    }

    /// Cancels it, if it has not finished.
    pub async fn cancel(&self) -> Result<Accepted> {
        self.client.cancel_activity(&self.project, &self.id).await
    }
}

impl<'a> IntoFuture for ActivityHandle<'a> {
    type Output = Result<Verdict>;
    type IntoFuture = Pin<Box<dyn Future<Output = Result<Verdict>> + Send + 'a>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move { self.wait().await })
    }
}
