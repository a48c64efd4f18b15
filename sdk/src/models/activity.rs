//! [`Activity`]: the record of one operation the API runs on a project or an environment (a
//! deploy, a branch, a backup...). Projects and environments both answer them, so they are a
//! shared model.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::models::{Links, string_enum};
use crate::{ActivityId, EnvironmentId};

/// One activity: what the API did or is doing, its state, result, progress and log.
///
/// The document requires every member; the ones it allows to be `null` are `Option`s, and
/// the others are defaulted when absent so that an activity still decodes if the API leaves
/// one out. Two things the API is known to send for a pending activity are accepted though the
/// document does not allow them (rows of the deviation table): `timings: []` (read as no
/// timings) and `log: null` (read as `None`).
///
/// The [`payload`](Self::payload) can hold service credentials: it never shows in `Debug`.
///
/// ```
/// use upsun::{Activity, ActivityState};
///
/// let activity: Activity = serde_json::from_value(serde_json::json!({
///     "id": "a1", "type": "environment.branch", "state": "pending", "result": null,
///     "completion_percent": 0, "timings": [], "log": null,
///     "payload": {"password": "hunter2"}
/// }))?;
/// assert_eq!(activity.state, ActivityState::Pending);
/// assert!(activity.timings.is_empty() && activity.log.is_none());
/// assert!(!format!("{activity:?}").contains("hunter2"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Activity {
    /// The ID of the activity.
    pub id: ActivityId,
    /// When it was created.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    /// When it was last updated.
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
    /// Its type, such as `environment.branch` or `environment.backup`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// The parameters it was started with (free-form).
    #[serde(default)]
    pub parameters: serde_json::Value,
    /// The ID of the project it belongs to.
    #[serde(default)]
    pub project: String,
    /// The integration it belongs to, for activities an integration started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration: Option<String>,
    /// The environments it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub environments: Vec<EnvironmentId>,
    /// Where it stands.
    pub state: ActivityState,
    /// How it ended, once it has.
    #[serde(default)]
    pub result: Option<ActivityResult>,
    /// Why it failed, when it did.
    #[serde(default)]
    pub failure_reason: Option<FailureReason>,
    /// When it started running.
    #[serde(default)]
    pub started_at: Option<DateTime<Utc>>,
    /// When it completed.
    #[serde(default)]
    pub completed_at: Option<DateTime<Utc>>,
    /// How far along it is, in percent.
    #[serde(default)]
    pub completion_percent: i64,
    /// When it was cancelled.
    #[serde(default)]
    pub cancelled_at: Option<DateTime<Utc>>,
    /// Seconds spent in each phase, by phase name (`[]` from the API reads as empty).
    #[serde(default, deserialize_with = "timings")]
    pub timings: BTreeMap<String, f64>,
    /// The whole log as one string (deprecated by the API, `None` while pending): follow the
    /// `log` link instead to read it as it is written.
    #[serde(default)]
    pub log: Option<String>,
    /// The payload (free-form; may hold service credentials, so it is kept secret).
    #[serde(default)]
    pub payload: Payload,
    /// The description, formatted with HTML.
    #[serde(default)]
    pub description: Option<String>,
    /// The description, as plain text.
    #[serde(default)]
    pub text: Option<String>,
    /// When it expires.
    #[serde(default)]
    pub expires_at: Option<DateTime<Utc>>,
    /// The commands it ran and how they exited.
    #[serde(default)]
    pub commands: Vec<ActivityCommand>,
    /// Links: `self`, `log` (the log stream), `cancel` when it can be cancelled.
    #[serde(rename = "_links", default, skip_serializing_if = "Links::is_empty")]
    pub links: Links,
}

impl Activity {
    /// Whether the activity will not change any more: complete, cancelled, or staged (staged
    /// activities wait for a deploy that the caller starts).
    ///
    /// ```
    /// # let mut activity: upsun::Activity = serde_json::from_str(r#"{"id":"a","state":"in_progress"}"#).unwrap();
    /// assert!(!activity.is_finished());
    /// activity.state = upsun::ActivityState::Complete;
    /// assert!(activity.is_finished());
    /// ```
    pub fn is_finished(&self) -> bool {
        matches!(
            self.state,
            ActivityState::Complete | ActivityState::Cancelled | ActivityState::Staged
        )
    }

    /// Whether a command it ran exited with a status other than zero.
    pub fn has_failed_command(&self) -> bool {
        self.commands.iter().any(|c| c.exit_code != 0)
    }
}

/// One command an activity ran.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActivityCommand {
    /// The application it ran in.
    #[serde(default)]
    pub app: String,
    /// The kind of command (`build`, `deploy`, `post_deploy`...).
    #[serde(rename = "type", default)]
    pub kind: String,
    /// How it exited: zero for success.
    #[serde(default)]
    pub exit_code: i64,
}

string_enum! {
    /// Where an activity stands.
    ///
    /// ```
    /// use upsun::ActivityState;
    ///
    /// assert_eq!(ActivityState::from("in_progress"), ActivityState::InProgress);
    /// assert_eq!(ActivityState::from("paused").as_str(), "paused");
    /// ```
    pub enum ActivityState {
        /// Waiting to start.
        Pending = "pending",
        /// Scheduled for later.
        Scheduled = "scheduled",
        /// Running.
        InProgress = "in_progress",
        /// Staged: it waits for a deploy to apply it.
        Staged = "staged",
        /// Done (see its result).
        Complete = "complete",
        /// Cancelled before it completed.
        Cancelled = "cancelled",
    }
}

string_enum! {
    /// How a complete activity ended.
    pub enum ActivityResult {
        /// It succeeded.
        Success = "success",
        /// It failed.
        Failure = "failure",
    }
}

string_enum! {
    /// Why an activity failed.
    pub enum FailureReason {
        /// The platform failed.
        Error = "error",
        /// A command (a build or deploy hook) failed.
        Shell = "shell",
    }
}

/// Reads `timings` as a map, taking the `[]` the API sends for a pending activity (any list,
/// and `null`) as empty.
fn timings<'de, D: Deserializer<'de>>(deserializer: D) -> Result<BTreeMap<String, f64>, D::Error> {
    use serde::de::Error as _;
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Object(map) => {
            serde_json::from_value(serde_json::Value::Object(map)).map_err(D::Error::custom)
        }
        serde_json::Value::Array(_) | serde_json::Value::Null => Ok(BTreeMap::new()),
        other => Err(D::Error::custom(format!(
            "`timings` must be an object (or `[]`), not {other}"
        ))),
    }
}

/// An activity's payload: free-form JSON that can hold service credentials (a database
/// password in a backup's payload, say), so it is kept as a secret.
///
/// It shows as `Payload("[redacted]")` in `Debug` output; [`expose`](Self::expose) reads it on
/// purpose. Its text is wiped from memory when it is dropped.
///
/// ```
/// use upsun::Payload;
///
/// let payload: Payload = serde_json::from_str(r#"{"user": "main", "password": "s3cret"}"#)?;
/// assert_eq!(format!("{payload:?}"), r#"Payload("[redacted]")"#);
/// assert_eq!(payload.expose()["password"], "s3cret");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone)]
pub struct Payload(SecretString);

impl Payload {
    /// The payload as JSON (`null` when there is none).
    pub fn expose(&self) -> serde_json::Value {
        serde_json::from_str(self.0.expose_secret()).unwrap_or(serde_json::Value::Null)
    }

    /// Whether the payload is absent, `null` or an empty object.
    pub fn is_empty(&self) -> bool {
        matches!(self.0.expose_secret(), "" | "null" | "{}" | "[]")
    }
}

impl Default for Payload {
    fn default() -> Self {
        Payload(SecretString::from("null"))
    }
}

impl fmt::Debug for Payload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Payload(\"[redacted]\")")
    }
}

impl PartialEq for Payload {
    fn eq(&self, other: &Self) -> bool {
        self.0.expose_secret() == other.0.expose_secret()
    }
}

impl Serialize for Payload {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.expose().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Payload {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        Ok(Payload(SecretString::from(value.to_string())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_activity_decodes_and_hides_its_payload() {
        let activity: Activity = serde_json::from_value(serde_json::json!({
            "id": "a1", "created_at": "2024-01-01T00:00:00Z", "updated_at": null,
            "type": "environment.backup", "parameters": {}, "project": "p1",
            "environments": ["feature/login"], "state": "complete", "result": "failure",
            "failure_reason": "shell", "started_at": null, "completed_at": null,
            "completion_percent": 100, "cancelled_at": null, "timings": {"build": 1.5},
            "log": "done", "payload": {"db": {"password": "pw-123"}}, "description": null,
            "text": "t", "expires_at": null,
            "commands": [{"app": "web", "type": "deploy", "exit_code": 1}],
            "_links": {"log": {"href": "/log"}}, "new_member": 1
        }))
        .unwrap();
        assert_eq!(activity.result, Some(ActivityResult::Failure));
        assert_eq!(activity.failure_reason, Some(FailureReason::Shell));
        assert_eq!(activity.timings["build"], 1.5);
        assert!(activity.has_failed_command() && activity.is_finished());
        assert_eq!(activity.links.href("log"), Some("/log"));
        let debug = format!("{activity:?}");
        assert!(!debug.contains("pw-123"), "{debug}");
        assert_eq!(activity.payload.expose()["db"]["password"], "pw-123");
    }
}
