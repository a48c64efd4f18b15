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

mod models;

use crate::{ApiTokenId, UserId, endpoint};

pub use self::models::*;

/// The calls of the Api Tokens area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them: `use upsun::api_tokens::ApiTokensApi;`.
pub trait ApiTokensApi: crate::Api {
    /// Lists a user's API tokens. The secret values are never listed.
    ///
    /// ```no_run
    /// # use upsun::api_tokens::ApiTokensApi;
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId) -> upsun::Result<()> {
    /// for token in client.list_api_tokens(user_id).await? {
    ///     println!("{} {:?} last used {:?}", token.id, token.name, token.last_used_at);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/<user_id>/api-tokens")]
    async fn list_api_tokens(&self, user_id: UserId) -> crate::Result<Vec<ApiToken>>;

    /// Creates an API token for a user. The answer is the only one that carries the token's
    /// secret value, in [`ApiToken::token`].
    ///
    /// ```no_run
    /// # use upsun::api_tokens::{ApiTokensApi, CreateApiToken};
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId) -> upsun::Result<()> {
    /// let created = client.create_api_token(user_id, &CreateApiToken::new("deploy bot")).await?;
    /// let secret = created.token.as_ref().map(|secret| secret.expose().to_owned());
    /// # let _ = secret;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/users/<user_id>/api-tokens", secret)]
    async fn create_api_token(
        &self,
        user_id: UserId,
        #[body] token: &CreateApiToken,
    ) -> crate::Result<ApiToken>;

    /// Gets one of a user's API tokens (without its secret value).
    ///
    /// ```no_run
    /// # use upsun::api_tokens::ApiTokensApi;
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId, token_id: upsun::ApiTokenId) -> upsun::Result<()> {
    /// let token = client.get_api_token(user_id, token_id).await?;
    /// println!("{:?} created {:?}", token.name, token.created_at);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/<user_id>/api-tokens/<token_id>")]
    async fn get_api_token(&self, user_id: UserId, token_id: ApiTokenId)
    -> crate::Result<ApiToken>;

    /// Deletes one of a user's API tokens: it can no longer be exchanged for access tokens
    /// (access tokens already derived from it still work until they expire).
    ///
    /// ```no_run
    /// # use upsun::api_tokens::ApiTokensApi;
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId, token_id: upsun::ApiTokenId) -> upsun::Result<()> {
    /// client.delete_api_token(user_id, token_id).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/users/<user_id>/api-tokens/<token_id>")]
    async fn delete_api_token(&self, user_id: UserId, token_id: ApiTokenId) -> crate::Result<()>;
}

impl ApiTokensApi for crate::Client {}
