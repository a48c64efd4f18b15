//! The Projects area's models: a project and what it is able to do.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ProjectId;
use crate::models::string_enum;

/// A project: the code repository, its environments and its subscription.
///
/// Members the document allows to be `null` are `Option`s; the others are defaulted when
/// absent. Members the API adds later are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Project {
    /// The ID of the project.
    pub id: ProjectId,
    /// When it was created.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    /// When it was last updated.
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
    /// Arbitrary attributes attached to it.
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    /// Its title.
    #[serde(default)]
    pub title: String,
    /// Its description.
    #[serde(default)]
    pub description: String,
    /// The ID of its owner.
    #[serde(default)]
    pub owner: String,
    /// The namespace it lives in.
    #[serde(default)]
    pub namespace: Option<String>,
    /// The ID of the organization that owns it.
    #[serde(default)]
    pub organization: Option<String>,
    /// The branch of its production environment.
    #[serde(default)]
    pub default_branch: Option<String>,
    /// Its status.
    #[serde(default)]
    pub status: ProjectStatus,
    /// Its time zone (`Europe/Paris`).
    #[serde(default)]
    pub timezone: String,
    /// The region it runs in.
    #[serde(default)]
    pub region: String,
    /// Its Git repository.
    #[serde(default)]
    pub repository: Repository,
    /// Its default domain.
    #[serde(default)]
    pub default_domain: Option<String>,
    /// Its subscription.
    #[serde(default)]
    pub subscription: Subscription,
    /// Its next maintenance window, when one is planned.
    #[serde(default)]
    pub maintenance: Option<Maintenance>,
}

/// A project's status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProjectStatus {
    /// The status code.
    #[serde(default)]
    pub code: String,
    /// The status message.
    #[serde(default)]
    pub message: String,
}

/// A project's Git repository.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Repository {
    /// The Git URL.
    #[serde(default)]
    pub url: String,
    /// The SSH public key the project uses to reach other repositories.
    #[serde(default)]
    pub client_ssh_key: Option<String>,
}

/// A project's subscription.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Subscription {
    /// The URI of the license.
    #[serde(default)]
    pub license_uri: String,
    /// The plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
    /// How many environments the plan allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environments: Option<i64>,
    /// The storage the plan allows, in MiB.
    #[serde(default)]
    pub storage: i64,
    /// How many users the plan includes.
    #[serde(default)]
    pub included_users: i64,
    /// Where the subscription is managed.
    #[serde(default)]
    pub subscription_management_uri: String,
    /// Whether the project is restricted.
    #[serde(default)]
    pub restricted: bool,
    /// Whether the project is suspended.
    #[serde(default)]
    pub suspended: bool,
    /// How many user licenses it has.
    #[serde(default)]
    pub user_licenses: i64,
    /// The resource limits per kind of environment (`production`, `development`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<serde_json::Value>,
    /// Where resource changes are validated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_validation_url: Option<String>,
    /// The image types allowed (free-form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_types: Option<serde_json::Value>,
}

string_enum! {
    /// A subscription plan.
    pub enum Plan {
        /// `development`.
        Development = "development",
        /// `standard`.
        Standard = "standard",
        /// `standard-high-memory`.
        StandardHighMemory = "standard-high-memory",
        /// `medium`.
        Medium = "medium",
        /// `medium-high-memory`.
        MediumHighMemory = "medium-high-memory",
        /// `large`.
        Large = "large",
        /// `large-high-memory`.
        LargeHighMemory = "large-high-memory",
        /// `xlarge`.
        Xlarge = "xlarge",
        /// `xlarge-high-memory`.
        XlargeHighMemory = "xlarge-high-memory",
        /// `2xlarge`.
        X2large = "2xlarge",
        /// `2xlarge-high-memory`.
        X2largeHighMemory = "2xlarge-high-memory",
        /// `4xlarge`.
        X4large = "4xlarge",
        /// `8xlarge`.
        X8large = "8xlarge",
    }
}

/// A planned maintenance window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Maintenance {
    /// When the next maintenance starts.
    pub next_maintenance: Option<DateTime<Utc>>,
}

/// What a project is able to do.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProjectCapabilities {
    /// Custom domains.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_domains: Option<CustomDomains>,
    /// Source operations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_operations: Option<Enabled>,
    /// Runtime operations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runtime_operations: Option<Enabled>,
    /// Tasks.
    #[serde(default)]
    pub tasks: Enabled,
    /// The outbound firewall.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbound_firewall: Option<Enabled>,
    /// Metrics.
    #[serde(default)]
    pub metrics: Metrics,
    /// Log forwarding.
    #[serde(default)]
    pub logs_forwarding: LogsForwarding,
    /// Guaranteed resources.
    #[serde(default)]
    pub guaranteed_resources: GuaranteedResources,
    /// The images available, by name and version (free-form).
    #[serde(default)]
    pub images: BTreeMap<String, serde_json::Value>,
    /// The most instances an application may run.
    #[serde(default)]
    pub instance_limit: i64,
    /// Build resources.
    #[serde(default)]
    pub build_resources: BuildResources,
    /// Data retention.
    #[serde(default)]
    pub data_retention: Enabled,
    /// Autoscaling.
    #[serde(default)]
    pub autoscaling: Enabled,
    /// Integrations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integrations: Option<Integrations>,
}

/// A capability that is on or off.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Enabled {
    /// Whether it is on.
    #[serde(default)]
    pub enabled: bool,
}

/// The custom domains capability.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CustomDomains {
    /// Whether it is on.
    #[serde(default)]
    pub enabled: bool,
    /// How many environments may have custom domains.
    #[serde(default)]
    pub environments_with_domains_limit: i64,
}

/// The metrics capability.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Metrics {
    /// The longest range that can be queried (`30d`).
    #[serde(default)]
    pub max_range: String,
}

/// The log forwarding capability.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LogsForwarding {
    /// The largest extra payload, in bytes.
    #[serde(default)]
    pub max_extra_payload_size: i64,
}

/// The guaranteed resources capability.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuaranteedResources {
    /// Whether it is on.
    #[serde(default)]
    pub enabled: bool,
    /// How many instances may have guaranteed resources.
    #[serde(default)]
    pub instance_limit: i64,
}

/// The build resources capability.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BuildResources {
    /// Whether build resources can be set.
    #[serde(default)]
    pub enabled: bool,
    /// The most CPU a build may have.
    #[serde(default)]
    pub max_cpu: f64,
    /// The most memory a build may have, in MiB.
    #[serde(default)]
    pub max_memory: i64,
}

/// The integrations capability.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Integrations {
    /// Whether integrations can be added.
    #[serde(default)]
    pub enabled: bool,
    /// Their configuration (free-form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<serde_json::Value>,
    /// The kinds of integration allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_integrations: Option<Vec<String>>,
}
