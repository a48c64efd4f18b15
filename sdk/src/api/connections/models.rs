//! The models of the connections area.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ProviderId;

/// A federated login connection: a user's identity at an outside provider.
///
/// `provider` is always present (it names the connection in the other calls); the other
/// fields are optional, as the API documents them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Connection {
    /// The provider's name, such as `"github"` or `"acme-inc-oidc"`.
    pub provider: ProviderId,
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
