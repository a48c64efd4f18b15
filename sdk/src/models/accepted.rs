//! [`Accepted`]: the answer to every call that starts work (202), with the activities it
//! started.

use serde::{Deserialize, Serialize};

use crate::models::Activity;

/// The API accepted the call and started the work it asked for: the activities in
/// [`activities`](Self::activities) carry it out.
///
/// The document's `AcceptedResponse` is only `{status, code}` and forbids other members, but
/// the API's 202 answers carry the activities they started under `_embedded.activities`; the
/// SDK keeps both (a row of the deviation table). An answer without `_embedded` decodes with no
/// activities.
///
/// ```
/// use upsun::Accepted;
///
/// let accepted: Accepted = serde_json::from_value(serde_json::json!({
///     "status": "Accepted", "code": 202,
///     "_embedded": {"activities": [{"id": "a1", "type": "environment.branch", "state": "pending"}]}
/// }))?;
/// assert_eq!(accepted.code, 202);
/// assert_eq!(accepted.activities[0].id, "a1");
/// let bare: Accepted = serde_json::from_str(r#"{"status": "Accepted", "code": 202}"#)?;
/// assert!(bare.activities.is_empty());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "Wire", into = "Wire")]
#[non_exhaustive]
pub struct Accepted {
    /// The status text (`Accepted`).
    pub status: String,
    /// The status code (202).
    pub code: i64,
    /// The activities the call started, in the order the API listed them.
    pub activities: Vec<Activity>,
}

/// The answer as it travels.
#[derive(Serialize, Deserialize)]
struct Wire {
    #[serde(default)]
    status: String,
    #[serde(default)]
    code: i64,
    #[serde(rename = "_embedded", default, skip_serializing_if = "Option::is_none")]
    embedded: Option<Embedded>,
}

#[derive(Serialize, Deserialize)]
struct Embedded {
    #[serde(default)]
    activities: Vec<Activity>,
}

impl From<Wire> for Accepted {
    fn from(wire: Wire) -> Self {
        Accepted {
            status: wire.status,
            code: wire.code,
            activities: wire.embedded.map(|e| e.activities).unwrap_or_default(),
        }
    }
}

impl From<Accepted> for Wire {
    fn from(accepted: Accepted) -> Self {
        Wire {
            status: accepted.status,
            code: accepted.code,
            embedded: (!accepted.activities.is_empty()).then_some(Embedded {
                activities: accepted.activities,
            }),
        }
    }
}
