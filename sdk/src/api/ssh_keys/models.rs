//! The Ssh Keys area's request (the key itself is the shared [`SshKey`](crate::SshKey)).

use crate::UserId;
use crate::models::{not_blank, request};

request! {
    /// A public key to add: its value is required.
    ///
    /// ```
    /// use upsun::ssh_keys::CreateSshKey;
    ///
    /// let key = CreateSshKey::new("ssh-ed25519 AAAA me@laptop").title("laptop");
    /// assert_eq!(
    ///     serde_json::to_value(&key).unwrap(),
    ///     serde_json::json!({"value": "ssh-ed25519 AAAA me@laptop", "title": "laptop"}),
    /// );
    /// assert!(serde_json::to_vec(&CreateSshKey::new(" ")).is_err());
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct CreateSshKey {
        required {
            /// The public key, as in an `authorized_keys` line.
            value: String => not_blank,
        }
        optional {
            /// A title for the key.
            title: String,
            /// The user to add it to; the token's user when unset.
            uuid: UserId,
        }
    }
}
