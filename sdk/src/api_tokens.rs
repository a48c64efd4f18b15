//! API tokens: the long-lived credentials a user creates to let tools act on its behalf.
//!
//! The token's secret value is in the answer to [`create_api_token`](ApiTokensApi::create_api_token)
//! and nowhere else: store it then. It is an [`ApiTokenSecret`], which never shows in `Debug`
//! output (logs, panics) nor in the token's serialization; read it with
//! [`expose`](ApiTokenSecret::expose).
//!
//! ```no_run
//! use upsun::api_tokens::{ApiTokensApi, CreateApiToken};
//! use upsun::users::UsersApi;
//!
//! # async fn run(client: upsun::Client) -> upsun::Result<()> {
//! let me = client.current_user().await?;
//! let created = client.create_api_token(me.id, &CreateApiToken::new("CI")).await?;
//! if let Some(secret) = &created.token {
//!     let ci = upsun::Client::builder().api_token(secret.expose()).build()?;
//!     // ... use `ci` ...
//! #   let _ = ci;
//! }
//! client.delete_api_token(me.id, created.id).await?;
//! # Ok(())
//! # }
//! ```

use std::fmt;

use chrono::{DateTime, Utc};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::endpoint;

/// The calls of the Api Tokens area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them: `use upsun::api_tokens::ApiTokensApi;`.
pub trait ApiTokensApi: crate::Api {
    /// Lists a user's API tokens. The secret values are never listed.
    ///
    /// ```no_run
    /// # use upsun::api_tokens::ApiTokensApi;
    /// # async fn run(client: upsun::Client, user_id: uuid::Uuid) -> upsun::Result<()> {
    /// for token in client.list_api_tokens(user_id).await? {
    ///     println!("{} {:?} last used {:?}", token.id, token.name, token.last_used_at);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/<user_id>/api-tokens")]
    async fn list_api_tokens(&self, user_id: Uuid) -> crate::Result<Vec<ApiToken>>;

    /// Creates an API token for a user. The answer is the only one that carries the token's
    /// secret value, in [`ApiToken::token`].
    ///
    /// ```no_run
    /// # use upsun::api_tokens::{ApiTokensApi, CreateApiToken};
    /// # async fn run(client: upsun::Client, user_id: uuid::Uuid) -> upsun::Result<()> {
    /// let created = client.create_api_token(user_id, &CreateApiToken::new("deploy bot")).await?;
    /// let secret = created.token.as_ref().map(|secret| secret.expose().to_owned());
    /// # let _ = secret;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/users/<user_id>/api-tokens")]
    async fn create_api_token(
        &self,
        user_id: Uuid,
        #[body] token: &CreateApiToken,
    ) -> crate::Result<ApiToken>;

    /// Gets one of a user's API tokens (without its secret value).
    ///
    /// ```no_run
    /// # use upsun::api_tokens::ApiTokensApi;
    /// # async fn run(client: upsun::Client, user_id: uuid::Uuid, token_id: uuid::Uuid) -> upsun::Result<()> {
    /// let token = client.get_api_token(user_id, token_id).await?;
    /// println!("{:?} created {:?}", token.name, token.created_at);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/<user_id>/api-tokens/<token_id>")]
    async fn get_api_token(&self, user_id: Uuid, token_id: Uuid) -> crate::Result<ApiToken>;

    /// Deletes one of a user's API tokens: it can no longer be exchanged for access tokens
    /// (access tokens already derived from it still work until they expire).
    ///
    /// ```no_run
    /// # use upsun::api_tokens::ApiTokensApi;
    /// # async fn run(client: upsun::Client, user_id: uuid::Uuid, token_id: uuid::Uuid) -> upsun::Result<()> {
    /// client.delete_api_token(user_id, token_id).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/users/<user_id>/api-tokens/<token_id>")]
    async fn delete_api_token(&self, user_id: Uuid, token_id: Uuid) -> crate::Result<()>;
}

impl ApiTokensApi for crate::Client {}

/// An API token.
///
/// `id` is always present (it names the token in every other call); the other fields are
/// optional, as the API documents them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ApiToken {
    /// The ID of the token.
    pub id: Uuid,
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CreateApiToken {
    /// The token's name.
    pub name: String,
}

impl CreateApiToken {
    /// A token with this name.
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into() }
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
