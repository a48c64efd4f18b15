//! Activities as streams: the states of one activity as it moves, and an activity list read
//! page by page through `starts_at`.

use chrono::{DateTime, Utc};
use futures_core::Stream;
use tokio::time::Instant;

use super::PollPolicy;
use crate::__private::{Call, Endpoint, Method};
use crate::models::{Activity, ListActivities};
use crate::{ActivityId, Client, EnvironmentId, Error, ProjectId, Result};

static PROJECT_LIST: Endpoint = Endpoint::new(
    Method::GET,
    "/projects/{projectId}/activities",
    &["/projects/", "/activities"],
    &["projectId"],
    true,
)
.secret();

static ENVIRONMENT_LIST: Endpoint = Endpoint::new(
    Method::GET,
    "/projects/{projectId}/environments/{environmentId}/activities",
    &["/projects/", "/environments/", "/activities"],
    &["projectId", "environmentId"],
    true,
)
.secret();

/// Where a state stream stands.
struct Watch<'a> {
    client: &'a Client,
    project: ProjectId,
    id: ActivityId,
    policy: PollPolicy,
    started: Instant,
    poll: u32,
    last: Option<(String, i64)>,
    done: bool,
}

impl Client {
    /// One page of a project's activities (or an environment's, with `environment`).
    pub(crate) async fn activity_page(
        &self,
        project: &ProjectId,
        environment: Option<&EnvironmentId>,
        query: &ListActivities,
    ) -> Result<Vec<Activity>> {
        let mut call = match environment {
            Some(env) => Call::new(&ENVIRONMENT_LIST, &[project, env]),
            None => Call::new(&PROJECT_LIST, &[project]),
        };
        call.query(query);
        self.execute(call).await?.decode()
    }

    /// The states of an activity as it moves: the activity each time its state or completion
    /// percent changes (the first read included), polled under `policy`. The stream ends after
    /// the activity finishes (complete, cancelled or staged), or with an [`Error::Timeout`]
    /// when the policy's time limit passes first.
    ///
    /// ```no_run
    /// use futures_util::StreamExt;
    /// use upsun::PollPolicy;
    ///
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// let states = client.activity_states(&project, &"a1".into(), &PollPolicy::default());
    /// let mut states = std::pin::pin!(states);
    /// while let Some(activity) = states.next().await {
    ///     let activity = activity?;
    ///     println!("{} {}%", activity.state, activity.completion_percent);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn activity_states<'a>(
        &'a self,
        project: &ProjectId,
        id: &ActivityId,
        policy: &PollPolicy,
    ) -> impl Stream<Item = Result<Activity>> + Send + 'a {
        let watch = Watch {
            client: self,
            project: project.clone(),
            id: id.clone(),
            policy: policy.clone(),
            started: Instant::now(),
            poll: 0,
            last: None,
            done: false,
        };
        futures_util::stream::unfold(watch, |mut w| async move {
            if w.done {
                return None;
            }
            loop {
                let activity = match w.client.read_activity(&w.project, &w.id).await {
                    Ok(activity) => activity,
                    Err(err) => {
                        w.done = true;
                        return Some((Err(err), w));
                    }
                };
                let now = (
                    activity.state.as_str().to_owned(),
                    activity.completion_percent,
                );
                let changed = w.last.as_ref() != Some(&now);
                w.last = Some(now);
                if activity.is_finished() {
                    w.done = true;
                    return Some((Ok(activity), w));
                }
                let wait = w.policy.interval(w.poll);
                w.poll = w.poll.saturating_add(1);
                if changed {
                    if w.policy.fits(w.started, wait) {
                        tokio::time::sleep(wait).await;
                    } else {
                        w.done = true;
                    }
                    return Some((Ok(activity), w));
                }
                if !w.policy.fits(w.started, wait) {
                    w.done = true;
                    let err = Error::Timeout {
                        after: w.started.elapsed(),
                        replay_safe: true,
                    };
                    return Some((Err(err), w));
                }
                tokio::time::sleep(wait).await;
            }
        })
    }

    /// Every activity of a project (or of one environment), newest first, read page by page:
    /// each next page asks for the activities created before the last one read (`starts_at`).
    /// The query's other filters and `count` (the page size) apply to every page.
    ///
    /// The stream ends after a page with fewer activities than asked for, or with an
    /// [`Error::Pagination`] if a page does not move back in time (so it never loops).
    ///
    /// ```no_run
    /// use futures_util::TryStreamExt;
    /// use upsun::ListActivities;
    ///
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// let query = ListActivities::new().kind("environment.backup").count(50);
    /// let all: Vec<_> = client.activity_stream(&project, None, &query).try_collect().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn activity_stream<'a>(
        &'a self,
        project: &ProjectId,
        environment: Option<&EnvironmentId>,
        query: &ListActivities,
    ) -> impl Stream<Item = Result<Activity>> + Send + 'a {
        struct Pages<'a> {
            client: &'a Client,
            project: ProjectId,
            environment: Option<EnvironmentId>,
            query: ListActivities,
            buffer: std::collections::VecDeque<Activity>,
            before: Option<DateTime<Utc>>,
            more: bool,
        }
        let pages = Pages {
            client: self,
            project: project.clone(),
            environment: environment.cloned(),
            query: query.clone(),
            buffer: Default::default(),
            before: query.starts_at,
            more: true,
        };
        futures_util::stream::unfold(pages, |mut p| async move {
            loop {
                if let Some(activity) = p.buffer.pop_front() {
                    return Some((Ok(activity), p));
                }
                if !p.more {
                    return None;
                }
                let mut query = p.query.clone();
                query.starts_at = p.before;
                let page = p
                    .client
                    .activity_page(&p.project, p.environment.as_ref(), &query)
                    .await;
                let page = match page {
                    Ok(page) => page,
                    Err(err) => {
                        p.more = false;
                        return Some((Err(err), p));
                    }
                };
                let asked = usize::try_from(query.count.unwrap_or(10)).unwrap_or(usize::MAX);
                p.more = page.len() >= asked && !page.is_empty();
                let oldest = page.iter().filter_map(|a| a.created_at).min();
                if p.more {
                    match (oldest, p.before) {
                        (Some(oldest), Some(before)) if oldest >= before => {
                            p.more = false;
                            let err = Error::Pagination(format!(
                                "the activities before {before} include one created at {oldest}; \
                                 stopped instead of looping"
                            ));
                            return Some((Err(err), p));
                        }
                        (None, _) => p.more = false,
                        _ => {}
                    }
                }
                p.before = oldest;
                p.buffer = page.into();
            }
        })
    }
}
