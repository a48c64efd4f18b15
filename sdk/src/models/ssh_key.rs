//! [`SshKey`] and [`SshKeyId`]: a user's public SSH key, shared by the Users area (the keys
//! come with the current user) and the Ssh Keys area (one key at a time).

use std::fmt;

use serde::{Deserialize, Serialize};

/// The ID of a public SSH key (an integer).
///
/// ```
/// use upsun::SshKeyId;
///
/// let id = SshKeyId::new(42);
/// assert_eq!(id.to_string(), "42");
/// assert_eq!(serde_json::to_string(&id).unwrap(), "42");
/// assert_eq!(id.get(), 42);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SshKeyId(i64);

impl SshKeyId {
    /// The ID, from its number.
    pub const fn new(id: i64) -> Self {
        Self(id)
    }

    /// The number.
    pub const fn get(self) -> i64 {
        self.0
    }
}

impl fmt::Display for SshKeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl From<i64> for SshKeyId {
    fn from(id: i64) -> Self {
        Self(id)
    }
}

/// A public SSH key of a user.
///
/// There is no call that lists a user's keys: they come with the current user, in
/// [`CurrentUser::ssh_keys`](crate::users::CurrentUser::ssh_keys) (from
/// [`current_user_info`](crate::users::UsersApi::current_user_info)); one key is read, added or
/// deleted with [`SshKeysApi`](crate::ssh_keys::SshKeysApi). Every field is optional: the
/// document requires none.
///
/// ```
/// let key: upsun::SshKey = serde_json::from_str(r#"{"key_id": 7, "title": "laptop"}"#).unwrap();
/// assert_eq!(key.key_id, Some(upsun::SshKeyId::new(7)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SshKey {
    /// The ID of the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<SshKeyId>,
    /// The internal ID of the user the key belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<i64>,
    /// The key's fingerprint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// The key's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The public key itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// When the key last changed (ISO 8601, as the API writes it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed: Option<String>,
}
