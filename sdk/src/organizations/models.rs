//! The Organizations area's models: what the API answers and what a request sends.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::models::{check_country, checked, email_address, string_enum};

/// An organization.
///
/// The API marks none of its fields as required. `id`, `name` and `label` identify an
/// organization and come with every answer, so they are plain strings (empty if ever left out);
/// every other field is an `Option` or an empty collection when absent. Fields the API adds
/// later are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Organization {
    /// The ID of the organization (a ULID).
    #[serde(default)]
    pub id: String,
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
    pub owner_id: Option<Uuid>,
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
    #[serde(rename = "_links", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub links: BTreeMap<String, ActionLink>,
}

/// A link to a related resource or an action on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActionLink {
    /// Where it points.
    pub href: String,
    /// The HTTP method to use, for actions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CreateOrganization {
    /// The type of the organization.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<OrganizationType>,
    /// The ID of the owner; the token's user when unset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<Uuid>,
    /// The machine name, unique within its namespace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The human-readable label.
    pub label: String,
    /// The country: exactly two ASCII letters (ISO 3166-1 alpha-2).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "check_country"
    )]
    pub country: Option<String>,
    /// The security contact's email address.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "check_security_contact"
    )]
    pub security_contact: Option<String>,
}

impl CreateOrganization {
    /// An organization with this label.
    pub fn new(label: impl Into<String>) -> Self {
        CreateOrganization {
            r#type: None,
            owner_id: None,
            name: None,
            label: label.into(),
            country: None,
            security_contact: None,
        }
    }

    /// Sets the type.
    pub fn r#type(mut self, value: OrganizationType) -> Self {
        self.r#type = Some(value);
        self
    }

    /// Sets the owner.
    pub fn owner_id(mut self, value: Uuid) -> Self {
        self.owner_id = Some(value);
        self
    }

    /// Sets the machine name.
    pub fn name(mut self, value: impl Into<String>) -> Self {
        self.name = Some(value.into());
        self
    }

    /// Sets the country: two ASCII letters, such as `"FR"`.
    pub fn country(mut self, value: impl Into<String>) -> Self {
        self.country = Some(value.into());
        self
    }

    /// Sets the security contact's email address.
    pub fn security_contact(mut self, value: impl Into<String>) -> Self {
        self.security_contact = Some(value.into());
        self
    }
}

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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct UpdateOrganization {
    /// The machine name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The human-readable label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The country: exactly two ASCII letters (ISO 3166-1 alpha-2).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "check_country"
    )]
    pub country: Option<String>,
    /// The ID of the billing profile to attach.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_profile_id: Option<String>,
    /// The security contact's email address.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "check_security_contact"
    )]
    pub security_contact: Option<String>,
}

impl UpdateOrganization {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the machine name.
    pub fn name(mut self, value: impl Into<String>) -> Self {
        self.name = Some(value.into());
        self
    }

    /// Sets the label.
    pub fn label(mut self, value: impl Into<String>) -> Self {
        self.label = Some(value.into());
        self
    }

    /// Sets the country: two ASCII letters, such as `"FR"`.
    pub fn country(mut self, value: impl Into<String>) -> Self {
        self.country = Some(value.into());
        self
    }

    /// Sets the billing profile.
    pub fn billing_profile_id(mut self, value: impl Into<String>) -> Self {
        self.billing_profile_id = Some(value.into());
        self
    }

    /// Sets the security contact's email address.
    pub fn security_contact(mut self, value: impl Into<String>) -> Self {
        self.security_contact = Some(value.into());
        self
    }
}

fn check_security_contact<S: serde::Serializer>(
    v: &Option<String>,
    s: S,
) -> Result<S::Ok, S::Error> {
    checked("security_contact", v, email_address, s)
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
        assert_eq!(org.links["update"].method.as_deref(), Some("PATCH"));
        assert!(org.capabilities.is_empty());
    }
}
