//! [`Secret`]: a string that stays out of logs.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A secret string, such as a TOTP seed, a one-time passcode or a recovery code.
///
/// It shows as `Secret("[redacted]")` in `Debug` output and has no `Display`, so printing a
/// model that holds one (`{:?}`) never leaks it; [`expose`](Secret::expose) reads it on
/// purpose. Its memory is wiped when it is dropped. It serializes as the plain string, since
/// that is what the API reads: serialize a model that holds one only where the secret may go.
///
/// ```
/// use upsun::mfa::Secret;
///
/// let seed = Secret::new("JBSWY3DPEHPK3PXP");
/// assert_eq!(format!("{seed:?}"), r#"Secret("[redacted]")"#);
/// assert_eq!(seed.expose(), "JBSWY3DPEHPK3PXP");
/// ```
#[derive(Clone)]
pub struct Secret(SecretString);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(SecretString::from(value.into()))
    }

    /// The secret value itself.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(\"[redacted]\")")
    }
}

impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        self.expose() == other.expose()
    }
}

impl Eq for Secret {}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret::new(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret::new(value)
    }
}

impl From<&Secret> for Secret {
    fn from(value: &Secret) -> Self {
        value.clone()
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.expose())
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        SecretString::deserialize(deserializer).map(Secret)
    }
}
