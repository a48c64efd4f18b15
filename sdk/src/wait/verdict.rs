//! [`Verdict`]: how a wait on an activity ended.

use crate::models::{Activity, ActivityResult, ActivityState, FailureReason};

/// How a wait on activities ended, with the activity that decided it.
///
/// A failure is an activity whose `result` is `failure`, and also one whose `result` says
/// `success` while one of its commands exited with a status other than zero.
///
/// ```
/// use upsun::{Activity, Verdict};
///
/// let activity: Activity = serde_json::from_value(serde_json::json!({
///     "id": "a1", "state": "complete", "result": "success",
///     "commands": [{"app": "app", "type": "deploy", "exit_code": 1}]
/// }))?;
/// let verdict = Verdict::of(&activity).unwrap();
/// assert!(matches!(verdict, Verdict::Failure(_)));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Verdict {
    /// It completed and succeeded (`None` when the call started no activity).
    Success(Option<Box<Activity>>),
    /// It completed and failed: see [`failure_reason`](Verdict::failure_reason).
    Failure(Box<Activity>),
    /// It was cancelled.
    Cancelled(Box<Activity>),
    /// It is staged: it waits for a deploy (handed back at once).
    Staged(Box<Activity>),
    /// The time limit ended the wait first; the activity as last read.
    TimedOut(Box<Activity>),
}

impl Verdict {
    /// The verdict of an activity that has finished, `None` while it runs.
    pub fn of(activity: &Activity) -> Option<Verdict> {
        let boxed = || Box::new(activity.clone());
        Some(match activity.state {
            ActivityState::Complete => {
                let failed = activity.result == Some(ActivityResult::Failure)
                    || activity.has_failed_command();
                if failed {
                    Verdict::Failure(boxed())
                } else {
                    Verdict::Success(Some(boxed()))
                }
            }
            ActivityState::Cancelled => Verdict::Cancelled(boxed()),
            ActivityState::Staged => Verdict::Staged(boxed()),
            _ => return None,
        })
    }

    /// Whether it is a success.
    pub fn is_success(&self) -> bool {
        matches!(self, Verdict::Success(_))
    }

    /// The activity that decided it.
    pub fn activity(&self) -> Option<&Activity> {
        match self {
            Verdict::Success(activity) => activity.as_deref(),
            Verdict::Failure(a)
            | Verdict::Cancelled(a)
            | Verdict::Staged(a)
            | Verdict::TimedOut(a) => Some(a),
        }
    }

    /// Why it failed: the activity's `failure_reason`, or [`FailureReason::Shell`] for a
    /// command that exited non-zero under a `success` result. `None` unless a failure.
    pub fn failure_reason(&self) -> Option<FailureReason> {
        match self {
            Verdict::Failure(a) => Some(a.failure_reason.clone().unwrap_or(FailureReason::Shell)),
            _ => None,
        }
    }

    /// How bad it is, for "the worst verdict wins".
    pub(crate) fn rank(&self) -> u8 {
        match self {
            Verdict::Success(_) => 0,
            Verdict::Staged(_) => 1,
            Verdict::Cancelled(_) => 2,
            Verdict::Failure(_) => 3,
            Verdict::TimedOut(_) => 4,
        }
    }
}
