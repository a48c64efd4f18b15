//! [`PollPolicy`]: how often to read an activity while waiting, and for how long at most.

use std::time::Duration;

use tokio::time::Instant;

/// How to poll an activity while waiting for it: the first interval, how it grows (a factor,
/// without jitter: the API is not hammered by one waiter), its cap, and a total time limit,
/// on by default, so a wait never runs forever.
///
/// Waiting from inside an Upsun container on an activity that waits for that container's own
/// activity deadlocks: the time limit is then what ends the wait.
///
/// It is apart from the [`RetryPolicy`](crate::RetryPolicy): that one decides how a failed
/// call is retried; this one how long to wait between calls that succeeded.
///
/// | setting | default |
/// |---|---|
/// | [`interval`](Self::initial_interval) | 1 s |
/// | [`factor`](Self::factor) | 1.5 |
/// | [`max_interval`](Self::max_interval) | 15 s |
/// | [`time_limit`](Self::time_limit) | 1 h |
///
/// ```
/// use std::time::Duration;
/// use upsun::PollPolicy;
///
/// let policy = PollPolicy::default()
///     .initial_interval(Duration::from_secs(2))
///     .max_interval(Duration::from_secs(10))
///     .time_limit(Duration::from_secs(600));
/// assert_eq!(policy.interval(0), Duration::from_secs(2));
/// assert_eq!(policy.interval(1), Duration::from_secs(3));
/// assert_eq!(policy.interval(50), Duration::from_secs(10));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PollPolicy {
    initial: Duration,
    factor: f64,
    max: Duration,
    limit: Option<Duration>,
}

impl Default for PollPolicy {
    fn default() -> Self {
        PollPolicy {
            initial: Duration::from_secs(1),
            factor: 1.5,
            max: Duration::from_secs(15),
            limit: Some(Duration::from_secs(3600)),
        }
    }
}

impl PollPolicy {
    /// The wait before the second read (default 1 s).
    #[must_use]
    pub fn initial_interval(mut self, interval: Duration) -> Self {
        self.initial = interval;
        self
    }

    /// How much each wait grows over the one before (default 1.5; below 1 counts as 1).
    #[must_use]
    pub fn factor(mut self, factor: f64) -> Self {
        self.factor = if factor.is_finite() {
            factor.max(1.0)
        } else {
            1.0
        };
        self
    }

    /// The longest wait between two reads (default 15 s).
    #[must_use]
    pub fn max_interval(mut self, interval: Duration) -> Self {
        self.max = interval;
        self
    }

    /// The longest a whole wait may take (default 1 h); the wait then ends with
    /// [`Verdict::TimedOut`](crate::Verdict::TimedOut).
    #[must_use]
    pub fn time_limit(mut self, limit: Duration) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Waits with no time limit: only for an activity known to end (a local mock, say).
    #[must_use]
    pub fn no_time_limit(mut self) -> Self {
        self.limit = None;
        self
    }

    /// The wait after the read numbered `poll` (from 0): `initial × factor^poll`, capped.
    pub fn interval(&self, poll: u32) -> Duration {
        let exponent = i32::try_from(poll).unwrap_or(i32::MAX);
        let secs = self.initial.as_secs_f64() * self.factor.powi(exponent);
        if !secs.is_finite() || secs >= self.max.as_secs_f64() {
            return self.max;
        }
        Duration::try_from_secs_f64(secs)
            .unwrap_or(self.max)
            .min(self.max)
    }

    /// Whether waiting `wait` more from now stays within the time limit of a wait begun at
    /// `started`.
    pub(crate) fn fits(&self, started: Instant, wait: Duration) -> bool {
        self.limit
            .is_none_or(|limit| started.elapsed().saturating_add(wait) <= limit)
    }

    /// What is left of the time limit of a wait begun at `started`; `None` without a limit.
    pub(crate) fn remaining(&self, started: Instant) -> Option<Duration> {
        self.limit
            .map(|limit| limit.saturating_sub(started.elapsed()))
    }

    /// The same policy, its time limit no longer than `left` (when there is one).
    pub(crate) fn with_time_limit_at_most(mut self, left: Option<Duration>) -> Self {
        if let Some(left) = left {
            self.limit = Some(self.limit.map_or(left, |limit| limit.min(left)));
        }
        self
    }
}
