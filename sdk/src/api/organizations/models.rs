//! The Organizations area's models: what the API answers and what a request sends.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::models::{Links, email_address, org_country_code, request, string_enum};
use crate::{OrganizationId, UserId};

/// An organization.
///
/// The document marks none of its fields as required. `id` names the organization in every other
/// call and the API always sends it, so it is required here (a row of the deviation table);
/// `name` and `label` are empty if ever left out; every other field is an `Option` or an empty
/// collection when absent. Fields the API adds later are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Organization {
    /// The ID of the organization (a ULID).
    pub id: OrganizationId,
    /// The machine name of the organization, unique within its namespace.
    #[serde(default)]
    pub name: String,
    /// The human-readable label of the organization.
    #[serde(default)]
    pub label: String,
    /// The type of the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<OrganizationType>,
    /// The ID of the user who owns the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<UserId>,
    /// The namespace in which the name is unique.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// The organization's country, a 2-letter code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// What the organization is able to do.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub capabilities: Vec<String>,
    /// The vendor the organization belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    /// The ID of the billing profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_profile_id: Option<String>,
    /// Whether the organization is billed with the legacy system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_legacy: Option<bool>,
    /// The email address of the organization's security contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_contact: Option<String>,
    /// Consent settings for AI agents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ai_agent_settings: Option<AiAgentSettings>,
    /// The status of the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OrganizationStatus>,
    /// When the organization was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// When the organization was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// Links to related resources and actions, by name (`self`, `update`, `members`, ...).
    #[serde(rename = "_links", default, skip_serializing_if = "Links::is_empty")]
    pub links: Links,
}

/// Whether AI agents may work on an organization's projects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AiAgentSettings {
    /// The master switch: must be on for any agent to be enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_enable: Option<bool>,
    /// Whether the performance agent is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub performance_agent_enabled: Option<bool>,
    /// Whether the log analyzer agent is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_analyzer_agent_enabled: Option<bool>,
}

string_enum! {
    /// The type of an organization.
    ///
    /// ```
    /// use upsun::organizations::OrganizationType;
    ///
    /// assert_eq!(OrganizationType::from("flexible"), OrganizationType::Flexible);
    /// assert_eq!(OrganizationType::from("elastic").as_str(), "elastic");
    /// ```
    pub enum OrganizationType {
        /// Fixed-plan billing.
        Fixed = "fixed",
        /// Usage-based billing.
        Flexible = "flexible",
    }
}

string_enum! {
    /// The status of an organization.
    pub enum OrganizationStatus {
        /// In good standing.
        Active = "active",
        /// Some actions are restricted.
        Restricted = "restricted",
        /// Suspended.
        Suspended = "suspended",
        /// Deleted.
        Deleted = "deleted",
    }
}

request! {
    /// A new organization: the label is required, everything else optional.
    ///
    /// ```
    /// use upsun::organizations::CreateOrganization;
    ///
    /// let org = CreateOrganization::new("Acme Corp").name("acme").country("FR");
    /// assert_eq!(
    ///     serde_json::to_value(&org).unwrap(),
    ///     serde_json::json!({"label": "Acme Corp", "name": "acme", "country": "FR"}),
    /// );
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct CreateOrganization {
        required {
            /// The human-readable label.
            label: String,
        }
        optional {
            /// The type of the organization.
            r#type: OrganizationType,
            /// The ID of the owner; the token's user when unset.
            owner_id: UserId,
            /// The machine name, unique within its namespace.
            name: String,
            /// The country (ISO 3166-1 alpha-2): at most two letters, as the document says.
            country: String => org_country_code,
            /// The security contact's email address.
            security_contact: String => email_address,
        }
    }
}

request! {
    /// The changes to make to an organization: only the fields set are sent.
    ///
    /// ```
    /// use upsun::organizations::UpdateOrganization;
    ///
    /// let update = UpdateOrganization::new().label("Acme Inc.");
    /// assert_eq!(
    ///     serde_json::to_value(&update).unwrap(),
    ///     serde_json::json!({"label": "Acme Inc."}),
    /// );
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct UpdateOrganization {
        optional {
            /// The machine name.
            name: String,
            /// The human-readable label.
            label: String,
            /// The country (ISO 3166-1 alpha-2): at most two letters, as the document says.
            country: String => org_country_code,
            /// The ID of the billing profile to attach.
            billing_profile_id: String,
            /// The security contact's email address.
            security_contact: String => email_address,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused<T: Serialize>(value: &T) -> String {
        serde_json::to_vec(value).unwrap_err().to_string()
    }

    #[test]
    fn bad_values_are_refused_naming_the_field() {
        assert!(refused(&CreateOrganization::new("x").country("FRA")).contains("`country`"));
        let bad_contact = UpdateOrganization::new().security_contact("security at acme");
        assert!(refused(&bad_contact).contains("`security_contact`"));
        assert!(
            refused(&UpdateOrganization::new().security_contact("a@b@c"))
                .contains("`security_contact`")
        );
        let ok = CreateOrganization::new("x")
            .country("fr")
            .security_contact("sec@acme.example");
        serde_json::to_vec(&ok).unwrap();
    }

    #[test]
    fn decodes_a_sparse_organization_and_keeps_unknown_values() {
        let org: Organization = serde_json::from_value(serde_json::json!({
            "id": "01H2X9Z4CQJ5K7M8N9P0QRSTVW",
            "type": "elastic",
            "status": "active",
            "_links": {"update": {"href": "https://api.upsun.com/organizations/01H", "method": "PATCH"}},
            "something_new": true
        }))
        .unwrap();
        assert_eq!(org.name, "");
        assert_eq!(
            org.r#type,
            Some(OrganizationType::Unknown("elastic".into()))
        );
        assert_eq!(org.status, Some(OrganizationStatus::Active));
        assert_eq!(
            org.links.get("update").and_then(|l| l.method.as_deref()),
            Some("PATCH")
        );
        assert!(org.capabilities.is_empty());
    }
}
