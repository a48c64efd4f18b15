//! [`ListActivities`]: the filters of the two activity lists, which the API takes though the
//! document leaves them out.

use chrono::{DateTime, Utc};
use serde::{Serialize, Serializer};

use crate::models::ActivityState;

/// The query of an activity list (a project's or an environment's): newest first, filtered by
/// type, state and result, `count` at a time, created before `starts_at`.
///
/// Page by setting `starts_at` to the `created_at` of the last activity read.
///
/// ```
/// use upsun::{ActivityState, ListActivities};
/// use upsun::query::to_query_string;
///
/// let query = ListActivities::new()
///     .kind("environment.branch")
///     .state(ActivityState::InProgress)
///     .count(5);
/// assert_eq!(
///     to_query_string(&query)?,
///     "type=environment.branch&state=in_progress&count=5",
/// );
/// # Ok::<(), upsun::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ListActivities {
    /// Only activities of these types (sent comma-separated).
    #[serde(
        rename = "type",
        serialize_with = "comma",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub kinds: Vec<String>,
    /// Only activities in these states (sent comma-separated).
    #[serde(
        rename = "state",
        serialize_with = "comma",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub states: Vec<String>,
    /// Only activities with this result (`success`, `failure`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// Only activities created before this time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starts_at: Option<DateTime<Utc>>,
    /// How many activities to answer: 1 to 100.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "check_count"
    )]
    pub count: Option<u32>,
}

impl ListActivities {
    /// The newest activities, the API's default count.
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps activities of this type too (`environment.branch`, ...).
    #[must_use]
    pub fn kind(mut self, kind: impl Into<String>) -> Self {
        self.kinds.push(kind.into());
        self
    }

    /// Keeps activities in this state too.
    #[must_use]
    pub fn state(mut self, state: ActivityState) -> Self {
        self.states.push(state.as_str().to_owned());
        self
    }

    /// Keeps activities with this result.
    #[must_use]
    pub fn result(mut self, result: crate::models::ActivityResult) -> Self {
        self.result = Some(result.as_str().to_owned());
        self
    }

    /// Keeps activities created before this time (the next page).
    #[must_use]
    pub fn starts_at(mut self, at: DateTime<Utc>) -> Self {
        self.starts_at = Some(at);
        self
    }

    /// Answers at most this many: 1 to 100.
    #[must_use]
    pub fn count(mut self, count: u32) -> Self {
        self.count = Some(count);
        self
    }
}

fn comma<S: Serializer>(values: &[String], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&values.join(","))
}

fn check_count<S: Serializer>(count: &Option<u32>, serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::Error as _;
    match count {
        Some(n) if !(1..=100).contains(n) => Err(S::Error::custom(format!(
            "`count` must be between 1 and 100, got {n}"
        ))),
        Some(n) => serializer.serialize_u32(*n),
        None => serializer.serialize_none(),
    }
}
