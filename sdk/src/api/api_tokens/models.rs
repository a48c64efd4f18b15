//! The models of the api_tokens area.

use crate::ApiTokenId;
use crate::models::request;
use chrono::{DateTime, Utc};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An API token.
///
/// `id` is always present (it names the token in every other call); the other fields are
/// optional, as the API documents them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ApiToken {
    /// The ID of the token.
    pub id: ApiTokenId,
    /// The token's name.
    #[serde(default)]
    pub name: Option<String>,
    /// Whether the user had multi-factor authentication enabled when creating the token.
    #[serde(default)]
    pub mfa_on_creation: Option<bool>,
    /// The secret value: only in the answer to
    /// [`create_api_token`](ApiTokensApi::create_api_token).
    ///
    /// Redacted in `Debug` output and left out when the `ApiToken` is serialized; read it with
    /// [`ApiTokenSecret::expose`].
    #[serde(default, skip_serializing)]
    pub token: Option<ApiTokenSecret>,
    /// When the token was created.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    /// When the token was last updated.
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
    /// When the token was last exchanged for an access token; `None` if never (or not since the
    /// API started recording it). Access tokens derived earlier may still be in use.
    #[serde(default)]
    pub last_used_at: Option<DateTime<Utc>>,
}

/// The secret value of an API token: what [`ClientBuilder::api_token`](crate::ClientBuilder::api_token)
/// takes.
///
/// Its `Debug` output is redacted, it is not `Serialize`, and its memory is wiped when dropped.
/// Read it with [`expose`](Self::expose), only where it is needed.
///
/// ```
/// use upsun::api_tokens::ApiToken;
///
/// let created: ApiToken = serde_json::from_str(
///     r#"{"id": "660aa36d-23cf-402b-8889-63af71967f2b", "token": "s3cr3t"}"#,
/// ).unwrap();
/// let secret = created.token.as_ref().unwrap();
/// assert_eq!(secret.expose(), "s3cr3t");
/// assert!(!format!("{created:?}").contains("s3cr3t"));
/// ```
#[derive(Clone, Deserialize)]
#[serde(transparent)]
pub struct ApiTokenSecret(SecretString);

impl ApiTokenSecret {
    /// The secret value, in plain text.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl fmt::Debug for ApiTokenSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiTokenSecret(\"[REDACTED]\")")
    }
}

impl PartialEq for ApiTokenSecret {
    /// Compares in time independent of where the values differ.
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.expose().as_bytes(), other.expose().as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
    }
}

impl Eq for ApiTokenSecret {}

request! {
/// A new API token: its name.
///
/// ```
/// use upsun::api_tokens::CreateApiToken;
///
/// assert_eq!(
///     serde_json::to_value(CreateApiToken::new("CI")).unwrap(),
///     serde_json::json!({"name": "CI"}),
/// );
/// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct CreateApiToken {
        required {
            /// The token's name.
            name: String,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CREATED: &str = r#"{
        "id": "660aa36d-23cf-402b-8889-63af71967f2b",
        "name": "Token for CI",
        "mfa_on_creation": false,
        "token": "mock_api_0123456789abcdef",
        "created_at": "2019-01-29T08:17:47Z",
        "updated_at": "2019-01-29T08:17:47Z",
        "last_used_at": null
    }"#;

    #[test]
    fn the_secret_is_readable_but_never_debugged_nor_serialized() {
        let token: ApiToken = serde_json::from_str(CREATED).unwrap();
        let secret = token.token.as_ref().unwrap();
        assert_eq!(secret.expose(), "mock_api_0123456789abcdef");
        let debug = format!("{token:?} {token:#?}");
        assert!(!debug.contains("0123456789abcdef"), "{debug}");
        assert!(debug.contains("REDACTED"), "{debug}");
        let json = serde_json::to_string(&token).unwrap();
        assert!(
            !json.contains("0123456789abcdef") && !json.contains("\"token\""),
            "{json}"
        );
        assert_eq!(token.last_used_at, None);
    }

    #[test]
    fn listed_tokens_have_no_secret_and_secrets_compare_by_value() {
        let listed: ApiToken = serde_json::from_str(
            r#"{"id": "660aa36d-23cf-402b-8889-63af71967f2b", "name": "CI", "future": 1}"#,
        )
        .unwrap();
        assert_eq!(listed.token, None);
        let a: ApiTokenSecret = serde_json::from_str(r#""abc""#).unwrap();
        let b: ApiTokenSecret = serde_json::from_str(r#""abd""#).unwrap();
        assert_eq!(a, a.clone());
        assert_ne!(a, b);
    }
}
