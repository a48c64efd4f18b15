//! The References area's models and its signed query.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::models::string_enum;
use crate::{OrganizationId, ProjectId, ProjectPermission, TeamId, UserId};

/// The `in` and `sig` parameters of every reference call: the comma-separated IDs and their
/// signature, both as a trusted service handed them out. They are sent as they are; changing
/// either makes the signature fail.
///
/// ```
/// use upsun::references::ReferenceQuery;
/// use upsun::query::to_query_string;
///
/// let query = ReferenceQuery::new("01A,01B", "c2lnbmVk");
/// assert_eq!(to_query_string(&query)?, "in=01A,01B&sig=c2lnbmVk");
/// # Ok::<(), upsun::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ReferenceQuery {
    /// The comma-separated IDs, from the trusted service.
    #[serde(rename = "in")]
    pub ids: String,
    /// The signature of the request, from the trusted service.
    pub sig: String,
}

impl ReferenceQuery {
    /// The IDs and signature, exactly as the trusted service gave them.
    pub fn new(ids: impl Into<String>, sig: impl Into<String>) -> Self {
        ReferenceQuery {
            ids: ids.into(),
            sig: sig.into(),
        }
    }
}

/// A referenced user. Every field is optional.
///
/// ```
/// let user: upsun::references::UserReference = serde_json::from_str(
///     r#"{"username": "grace", "mfa_enabled": true}"#,
/// )
/// .unwrap();
/// assert_eq!(user.mfa_enabled, Some(true));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserReference {
    /// The ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<UserId>,
    /// The username.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The first name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// The last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// The picture's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<String>,
    /// Whether the user enabled MFA.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mfa_enabled: Option<bool>,
    /// Whether the user is linked to a mandatory SSO provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sso_enabled: Option<bool>,
}

/// A referenced team. Every field is optional.
///
/// ```
/// let team: upsun::references::TeamReference = serde_json::from_str(
///     r#"{"label": "Contractors"}"#,
/// )
/// .unwrap();
/// assert_eq!(team.label.as_deref(), Some("Contractors"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TeamReference {
    /// The ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<TeamId>,
    /// The organization's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<OrganizationId>,
    /// The label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The project permissions of its members.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub project_permissions: Vec<ProjectPermission>,
    /// Its member and project counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<TeamReferenceCounts>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

/// The counts of a [`TeamReference`].
///
/// ```
/// let counts: upsun::references::TeamReferenceCounts = serde_json::from_str(
///     r#"{"member_count": 3}"#,
/// )
/// .unwrap();
/// assert_eq!(counts.member_count, Some(3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TeamReferenceCounts {
    /// How many members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_count: Option<i64>,
    /// How many projects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_count: Option<i64>,
}

/// A referenced organization. Every field is optional.
///
/// ```
/// let org: upsun::references::OrganizationReference = serde_json::from_str(
///     r#"{"name": "acme", "type": "flexible"}"#,
/// )
/// .unwrap();
/// assert_eq!(org.r#type.as_deref(), Some("flexible"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrganizationReference {
    /// The ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<OrganizationId>,
    /// The type (`fixed`, `flexible`, ...), as the API writes it.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// The owner's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<UserId>,
    /// The machine name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The vendor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

string_enum! {
    /// The kind of infrastructure of a referenced project.
    ///
    /// ```
    /// assert_eq!(upsun::references::ProjectType::from("grid").as_str(), "grid");
    /// ```
    pub enum ProjectType {
        /// Shared infrastructure.
        Grid = "grid",
        /// Dedicated infrastructure.
        Dedicated = "dedicated",
    }
}

string_enum! {
    /// The status of a referenced project.
    ///
    /// ```
    /// assert_eq!(upsun::references::ProjectStatus::from("active"), upsun::references::ProjectStatus::Active);
    /// ```
    pub enum ProjectStatus {
        /// Requested, not yet provisioned.
        Requested = "requested",
        /// Active.
        Active = "active",
        /// Provisioning failed.
        Failed = "failed",
        /// Suspended.
        Suspended = "suspended",
        /// Deleted.
        Deleted = "deleted",
    }
}

/// A referenced project; the document requires every field but `invoiced`.
///
/// ```
/// let project: upsun::references::ProjectReference = serde_json::from_str(
///     r#"{"id": "p1", "organization_id": "01EY", "subscription_id": "s1", "region": "eu-5", "title": "Shop", "type": "grid", "plan": "development", "status": "active", "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z"}"#,
/// )
/// .unwrap();
/// assert_eq!(project.status, upsun::references::ProjectStatus::Active);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProjectReference {
    /// The ID.
    pub id: ProjectId,
    /// The organization's ID.
    pub organization_id: OrganizationId,
    /// The subscription's ID.
    pub subscription_id: String,
    /// The region's ID.
    pub region: String,
    /// The title.
    pub title: String,
    /// The kind of infrastructure.
    pub r#type: ProjectType,
    /// The plan.
    pub plan: String,
    /// The status.
    pub status: ProjectStatus,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it was last updated.
    pub updated_at: DateTime<Utc>,
    /// Whether the project is invoiced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoiced: Option<bool>,
}

/// A referenced region; the document requires every field but `private`, `envimpact` and
/// `environmental_impact` (free-form JSON).
///
/// ```
/// let region: upsun::references::RegionReference = serde_json::from_str(
///     r#"{"id": "eu-5", "label": "EU", "zone": "Europe", "selection_label": "EU", "project_label": "EU", "timezone": "Europe/Paris", "available": true, "endpoint": "https://eu-5.example", "provider": {"name": "AWS"}, "datacenter": {}, "compliance": {"hipaa": false}, "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z"}"#,
/// )
/// .unwrap();
/// assert_eq!(region.provider.name.as_deref(), Some("AWS"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RegionReference {
    /// The ID.
    pub id: String,
    /// The label.
    pub label: String,
    /// The zone.
    pub zone: String,
    /// The label shown when choosing a region.
    pub selection_label: String,
    /// The label shown on a project.
    pub project_label: String,
    /// The time zone.
    pub timezone: String,
    /// Whether new projects may use it.
    pub available: bool,
    /// Whether it is private.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private: Option<bool>,
    /// Its API endpoint.
    pub endpoint: String,
    /// The cloud provider.
    pub provider: RegionProvider,
    /// The data center.
    pub datacenter: RegionDatacenter,
    /// Its environmental impact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envimpact: Option<RegionEnvImpact>,
    /// Its compliance.
    pub compliance: RegionCompliance,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it was last updated.
    pub updated_at: DateTime<Utc>,
    /// More about its environmental impact, free-form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environmental_impact: Option<serde_json::Value>,
}

/// A region's cloud provider.
///
/// ```
/// let provider: upsun::references::RegionProvider = serde_json::from_str(
///     r#"{"name": "AWS"}"#,
/// )
/// .unwrap();
/// assert_eq!(provider.logo, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RegionProvider {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The logo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
}

/// A region's data center.
///
/// ```
/// let datacenter: upsun::references::RegionDatacenter = serde_json::from_str(
///     r#"{"location": "Paris"}"#,
/// )
/// .unwrap();
/// assert_eq!(datacenter.location.as_deref(), Some("Paris"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RegionDatacenter {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

/// A region's environmental impact.
///
/// ```
/// let impact: upsun::references::RegionEnvImpact = serde_json::from_str(
///     r#"{"carbon_intensity": 42.5, "green": true}"#,
/// )
/// .unwrap();
/// assert_eq!(impact.carbon_intensity, Some(42.5));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RegionEnvImpact {
    /// The grid zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// The carbon intensity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carbon_intensity: Option<f64>,
    /// Where the carbon intensity comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carbon_intensity_source: Option<String>,
    /// Whether it runs on green energy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub green: Option<bool>,
}

/// A region's compliance.
///
/// ```
/// let compliance: upsun::references::RegionCompliance = serde_json::from_str(
///     r#"{"hipaa": true}"#,
/// )
/// .unwrap();
/// assert_eq!(compliance.hipaa, Some(true));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RegionCompliance {
    /// Whether it is HIPAA compliant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hipaa: Option<bool>,
}
