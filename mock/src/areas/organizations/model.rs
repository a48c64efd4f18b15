//! The `Organization` schema as the mock stores it, and [`NewOrganization`] to seed one.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// An organization as the mock stores it; the API's `Organization` schema without `_links`,
/// which the routes add with absolute URLs when they answer.
///
/// Read it back with [`mock.organizations().get(id)`](crate::OrganizationsHandle::get).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    /// The ID: a ULID, 26 characters of Crockford base32.
    pub id: String,
    /// The type.
    #[serde(rename = "type")]
    pub kind: OrganizationType,
    /// The owner's user ID.
    pub owner_id: Uuid,
    /// The namespace in which `name` is unique (always `upsun`).
    pub namespace: String,
    /// The machine name.
    pub name: String,
    /// The human-readable label.
    pub label: String,
    /// The 2-letter country code, or empty.
    pub country: String,
    /// The capabilities.
    pub capabilities: Vec<String>,
    /// The vendor (default `upsun`).
    pub vendor: String,
    /// The billing profile ID, once one is attached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_profile_id: Option<String>,
    /// Whether billing uses the legacy system (always `false`).
    pub billing_legacy: bool,
    /// The security contact's email address, if set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_contact: Option<String>,
    /// The status.
    pub status: OrganizationStatus,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it was last updated.
    pub updated_at: DateTime<Utc>,
}

/// The type of an organization (`type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrganizationType {
    /// `"fixed"`
    Fixed,
    /// `"flexible"`
    Flexible,
}

/// The status of an organization (`status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrganizationStatus {
    /// `"active"`
    Active,
    /// `"restricted"`
    Restricted,
    /// `"suspended"`
    Suspended,
    /// `"deleted"`: what `DELETE` leaves; hidden from lists unless a status filter asks for it.
    Deleted,
}

impl OrganizationType {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            OrganizationType::Fixed => "fixed",
            OrganizationType::Flexible => "flexible",
        }
    }
}

impl OrganizationStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            OrganizationStatus::Active => "active",
            OrganizationStatus::Restricted => "restricted",
            OrganizationStatus::Suspended => "suspended",
            OrganizationStatus::Deleted => "deleted",
        }
    }
}

/// An organization to add with
/// [`mock.organizations().add(..)`](crate::OrganizationsHandle::add).
///
/// Only the name is required. The label defaults to the name, the owner to the seeded user
/// ("ada"), the type to `flexible`, the status to `active`, the vendor to `upsun`. The owner is
/// always a member; [`member`](NewOrganization::member) adds more.
///
/// ```
/// use upsun_mock::{NewOrganization, OrganizationStatus};
///
/// let acme = NewOrganization::new("acme")
///     .label("Acme Corp")
///     .status(OrganizationStatus::Suspended)
///     .capability("metrics");
/// # let _ = acme;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganization {
    pub(crate) name: String,
    pub(crate) label: Option<String>,
    pub(crate) owner: Option<Uuid>,
    pub(crate) members: Vec<Uuid>,
    pub(crate) kind: OrganizationType,
    pub(crate) status: OrganizationStatus,
    pub(crate) country: String,
    pub(crate) vendor: String,
    pub(crate) capabilities: Vec<String>,
    pub(crate) billing_profile_id: Option<String>,
}

impl NewOrganization {
    /// An organization with this machine name and default values for everything else.
    /// Not validated: seed whatever a test needs.
    pub fn new(name: impl Into<String>) -> Self {
        NewOrganization {
            name: name.into(),
            label: None,
            owner: None,
            members: Vec::new(),
            kind: OrganizationType::Flexible,
            status: OrganizationStatus::Active,
            country: String::new(),
            vendor: "upsun".to_owned(),
            capabilities: Vec::new(),
            billing_profile_id: None,
        }
    }

    /// Sets the label (default: the name).
    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Sets the owner (default: the seeded user). The owner is a member.
    #[must_use]
    pub fn owner(mut self, user_id: Uuid) -> Self {
        self.owner = Some(user_id);
        self
    }

    /// Adds a member who is not the owner: it may read the organization, not change it.
    #[must_use]
    pub fn member(mut self, user_id: Uuid) -> Self {
        self.members.push(user_id);
        self
    }

    /// Sets the type (default `flexible`).
    #[must_use]
    pub fn kind(mut self, kind: OrganizationType) -> Self {
        self.kind = kind;
        self
    }

    /// Sets the status (default `active`).
    #[must_use]
    pub fn status(mut self, status: OrganizationStatus) -> Self {
        self.status = status;
        self
    }

    /// Sets the country code.
    #[must_use]
    pub fn country(mut self, country: impl Into<String>) -> Self {
        self.country = country.into();
        self
    }

    /// Sets the vendor (default `upsun`).
    #[must_use]
    pub fn vendor(mut self, vendor: impl Into<String>) -> Self {
        self.vendor = vendor.into();
        self
    }

    /// Adds a capability.
    #[must_use]
    pub fn capability(mut self, capability: impl Into<String>) -> Self {
        self.capabilities.push(capability.into());
        self
    }

    /// Attaches a billing profile.
    #[must_use]
    pub fn billing_profile_id(mut self, id: impl Into<String>) -> Self {
        self.billing_profile_id = Some(id.into());
        self
    }

    /// The stored organization, with this ID and owner, created at `now`.
    pub(crate) fn into_organization(
        self,
        id: String,
        owner: Uuid,
        now: DateTime<Utc>,
    ) -> Organization {
        Organization {
            id,
            kind: self.kind,
            owner_id: owner,
            namespace: "upsun".to_owned(),
            label: self.label.unwrap_or_else(|| self.name.clone()),
            name: self.name,
            country: self.country,
            capabilities: self.capabilities,
            vendor: self.vendor,
            billing_profile_id: self.billing_profile_id,
            billing_legacy: false,
            security_contact: None,
            status: self.status,
            created_at: now,
            updated_at: now,
        }
    }
}
