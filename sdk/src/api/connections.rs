//! Federated login connections: the outside identities (GitHub, Google, a company's OIDC or
//! SAML provider) a user signs in with.
//!
//! ```no_run
//! use upsun::connections::ConnectionsApi;
//! use upsun::users::UsersApi;
//!
//! # async fn run(client: upsun::Client) -> upsun::Result<()> {
//! let me = client.current_user().await?;
//! for connection in client.list_login_connections(me.id).await? {
//!     println!("{} as {:?}", connection.provider, connection.subject);
//! }
//! # Ok(())
//! # }
//! ```

mod models;

use crate::{ProviderId, UserId, endpoint};

pub use self::models::*;

/// The calls of the Connections area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them: `use upsun::connections::ConnectionsApi;`.
pub trait ConnectionsApi: crate::Api {
    /// Lists a user's federated login connections.
    ///
    /// ```no_run
    /// # use upsun::connections::ConnectionsApi;
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId) -> upsun::Result<()> {
    /// let connections = client.list_login_connections(user_id).await?;
    /// let providers: Vec<&str> = connections.iter().map(|c| c.provider.as_str()).collect();
    /// println!("signs in with {}", providers.join(", "));
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/<user_id>/connections")]
    async fn list_login_connections(&self, user_id: UserId) -> crate::Result<Vec<Connection>>;

    /// Gets a user's connection to one provider, by the provider's name.
    ///
    /// ```no_run
    /// # use upsun::connections::ConnectionsApi;
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId) -> upsun::Result<()> {
    /// let github = client.get_login_connection(user_id, &"github".into()).await?;
    /// println!("GitHub identity {:?}", github.subject);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/<user_id>/connections/<provider>")]
    async fn get_login_connection(
        &self,
        user_id: UserId,
        provider: &ProviderId,
    ) -> crate::Result<Connection>;

    /// Deletes a user's connection to a provider: the user no longer signs in with it. A
    /// connection an organization makes mandatory cannot be deleted (403,
    /// [`Error::Forbidden`](crate::Error)).
    ///
    /// ```no_run
    /// # use upsun::connections::ConnectionsApi;
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId) -> upsun::Result<()> {
    /// client.delete_login_connection(user_id, &"google".into()).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/users/<user_id>/connections/<provider>")]
    async fn delete_login_connection(
        &self,
        user_id: UserId,
        provider: &ProviderId,
    ) -> crate::Result<()>;
}

impl ConnectionsApi for crate::Client {}
