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

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::endpoint;

/// The calls of the Connections area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them: `use upsun::connections::ConnectionsApi;`.
pub trait ConnectionsApi: crate::Api {
    /// Lists a user's federated login connections.
    ///
    /// ```no_run
    /// # use upsun::connections::ConnectionsApi;
    /// # async fn run(client: upsun::Client, user_id: uuid::Uuid) -> upsun::Result<()> {
    /// let connections = client.list_login_connections(user_id).await?;
    /// let providers: Vec<&str> = connections.iter().map(|c| c.provider.as_str()).collect();
    /// println!("signs in with {}", providers.join(", "));
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/<user_id>/connections")]
    async fn list_login_connections(&self, user_id: Uuid) -> crate::Result<Vec<Connection>>;

    /// Gets a user's connection to one provider, by the provider's name.
    ///
    /// ```no_run
    /// # use upsun::connections::ConnectionsApi;
    /// # async fn run(client: upsun::Client, user_id: uuid::Uuid) -> upsun::Result<()> {
    /// let github = client.get_login_connection(user_id, "github").await?;
    /// println!("GitHub identity {:?}", github.subject);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/<user_id>/connections/<provider>")]
    async fn get_login_connection(
        &self,
        user_id: Uuid,
        provider: &str,
    ) -> crate::Result<Connection>;

    /// Deletes a user's connection to a provider: the user no longer signs in with it. A
    /// connection an organization makes mandatory cannot be deleted (403,
    /// [`Error::Forbidden`](crate::Error)).
    ///
    /// ```no_run
    /// # use upsun::connections::ConnectionsApi;
    /// # async fn run(client: upsun::Client, user_id: uuid::Uuid) -> upsun::Result<()> {
    /// client.delete_login_connection(user_id, "google").await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/users/<user_id>/connections/<provider>")]
    async fn delete_login_connection(&self, user_id: Uuid, provider: &str) -> crate::Result<()>;
}

impl ConnectionsApi for crate::Client {}

/// A federated login connection: a user's identity at an outside provider.
///
/// `provider` is always present (it names the connection in the other calls); the other
/// fields are optional, as the API documents them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Connection {
    /// The provider's name, such as `"github"` or `"acme-inc-oidc"`.
    pub provider: String,
    /// The kind of provider, such as `"okta"`.
    #[serde(default)]
    pub provider_type: Option<String>,
    /// Whether an organization requires this connection (it cannot then be deleted).
    #[serde(default)]
    pub is_mandatory: Option<bool>,
    /// The user's identity at the provider.
    #[serde(default)]
    pub subject: Option<String>,
    /// The email address the provider gives for the user.
    #[serde(default)]
    pub email_address: Option<String>,
    /// When the connection was created.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    /// When the connection was last updated.
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_example_decodes() {
        let connection: Connection = serde_json::from_str(
            r#"{
                "created_at": "2021-05-24T07:20:35.683264Z",
                "provider": "acme-inc-oidc",
                "provider_type": "okta",
                "subject": "1621840835647277693",
                "email_address": "name@example.com",
                "updated_at": "2021-05-24T07:20:35.683264Z"
            }"#,
        )
        .unwrap();
        assert_eq!(connection.provider, "acme-inc-oidc");
        assert_eq!(connection.provider_type.as_deref(), Some("okta"));
        assert_eq!(connection.is_mandatory, None);
        assert_eq!(
            connection.created_at.unwrap().to_rfc3339(),
            "2021-05-24T07:20:35.683264+00:00"
        );
    }
}
