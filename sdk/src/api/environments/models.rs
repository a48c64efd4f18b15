//! The Environment area's models: an environment, and what the calls that change one send.

mod requests;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::EnvironmentId;
pub use crate::models::Resources;
use crate::models::{FailureReason, string_enum};

pub use self::requests::{
    ActivateEnvironment, ActivateInit, BranchEnvironment, BranchInit, BranchType,
    DeployEnvironment, DeployStrategy, HttpAccessUpdate, InitialFile, InitializeEnvironment,
    InitializeInit, MergeEnvironment, MergeInit, SynchronizeEnvironment, UpdateEnvironment,
};

/// An environment: one Git branch of a project, deployed or not.
///
/// Its ID is the branch name, which may hold `/` (`feature/login`); the SDK sends it as one
/// percent-encoded path segment. Members the document allows to be `null` are `Option`s; the
/// others are defaulted when absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Environment {
    /// The ID: the branch name.
    pub id: EnvironmentId,
    /// When it was created.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    /// When it was last updated.
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
    /// Its name (the branch).
    #[serde(default)]
    pub name: String,
    /// Its machine name, used in URLs (`feature-login-abc1234`).
    #[serde(default)]
    pub machine_name: String,
    /// Its title.
    #[serde(default)]
    pub title: String,
    /// Arbitrary attributes attached to it.
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EnvironmentType,
    /// The ID of its parent, `None` for the production environment.
    #[serde(default)]
    pub parent: Option<EnvironmentId>,
    /// Its default domain.
    #[serde(default)]
    pub default_domain: Option<String>,
    /// Whether it has domains.
    #[serde(default)]
    pub has_domains: bool,
    /// Whether branching it clones its parent's data.
    #[serde(default)]
    pub clone_parent_on_create: bool,
    /// Where it is deployed.
    #[serde(default)]
    pub deployment_target: Option<String>,
    /// Whether it is a pull request's.
    #[serde(default)]
    pub is_pr: bool,
    /// Whether it has a remote repository.
    #[serde(default)]
    pub has_remote: bool,
    /// Its status.
    pub status: EnvironmentStatus,
    /// Its HTTP access control.
    #[serde(default)]
    pub http_access: HttpAccess,
    /// Whether it may send e-mail.
    #[serde(default)]
    pub enable_smtp: bool,
    /// Whether it asks robots not to index it.
    #[serde(default)]
    pub restrict_robots: bool,
    /// Its edge host name.
    #[serde(default)]
    pub edge_hostname: String,
    /// The state of its last deployment.
    #[serde(default)]
    pub deployment_state: Option<DeploymentState>,
    /// Its sizing, per service, application and worker (free-form).
    #[serde(default)]
    pub sizing: Option<serde_json::Value>,
    /// Resource overrides, by service (free-form).
    #[serde(default)]
    pub resources_overrides: BTreeMap<String, serde_json::Value>,
    /// The most instances it may run.
    #[serde(default)]
    pub max_instance_count: Option<i64>,
    /// When it was last active.
    #[serde(default)]
    pub last_active_at: Option<DateTime<Utc>>,
    /// When it was last backed up.
    #[serde(default)]
    pub last_backup_at: Option<DateTime<Utc>>,
    /// The ID of its project.
    #[serde(default)]
    pub project: String,
    /// Whether it is the production environment.
    #[serde(default)]
    pub is_main: bool,
    /// Whether it is dirty (an activity is changing it).
    #[serde(default)]
    pub is_dirty: bool,
    /// Whether it has staged activities waiting for a deploy.
    #[serde(default)]
    pub has_staged_activities: bool,
    /// Whether it can be deployed without downtime now.
    #[serde(default)]
    pub can_rolling_deploy: bool,
    /// Whether it supports deployments without downtime.
    #[serde(default)]
    pub supports_rolling_deployments: bool,
    /// Whether it has code.
    #[serde(default)]
    pub has_code: bool,
    /// The commit at its head.
    #[serde(default)]
    pub head_commit: Option<String>,
    /// How it stands against its parent.
    #[serde(default)]
    pub merge_info: MergeInfo,
    /// Whether it has a deployment.
    #[serde(default)]
    pub has_deployment: bool,
    /// Whether it supports asking robots not to index it.
    #[serde(default)]
    pub supports_restrict_robots: bool,
}

string_enum! {
    /// The type of an environment.
    pub enum EnvironmentType {
        /// Production.
        Production = "production",
        /// Staging.
        Staging = "staging",
        /// Development.
        Development = "development",
    }
}

string_enum! {
    /// The status of an environment.
    ///
    /// ```
    /// use upsun::environments::EnvironmentStatus;
    ///
    /// assert_eq!(EnvironmentStatus::from("paused"), EnvironmentStatus::Paused);
    /// ```
    pub enum EnvironmentStatus {
        /// Deployed and running.
        Active = "active",
        /// Not deployed.
        Inactive = "inactive",
        /// Deployed, but its applications are stopped.
        Paused = "paused",
        /// An activity is changing it.
        Dirty = "dirty",
        /// Being deleted.
        Deleting = "deleting",
    }
}

/// An environment's HTTP access control.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HttpAccess {
    /// Whether access control is on.
    #[serde(default)]
    pub is_enabled: bool,
    /// The address rules (free-form objects: `permission`, `address`).
    #[serde(default)]
    pub addresses: Vec<serde_json::Value>,
    /// The basic-auth users and their passwords.
    #[serde(default)]
    pub basic_auth: BTreeMap<String, String>,
}

/// The state of an environment's last deployment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DeploymentState {
    /// Whether the last state update succeeded.
    #[serde(default)]
    pub last_state_update_successful: bool,
    /// Whether the last deployment succeeded.
    #[serde(default)]
    pub last_deployment_successful: bool,
    /// Why the last deployment failed.
    #[serde(default)]
    pub last_deployment_failure_reason: Option<FailureReason>,
    /// The commands of the last deployment (free-form).
    #[serde(default)]
    pub last_deployment_commands: Vec<serde_json::Value>,
    /// When it was last deployed.
    #[serde(default)]
    pub last_deployment_at: Option<DateTime<Utc>>,
    /// When it last scaled up.
    #[serde(default)]
    pub last_autoscale_up_at: Option<DateTime<Utc>>,
    /// When it last scaled down.
    #[serde(default)]
    pub last_autoscale_down_at: Option<DateTime<Utc>>,
    /// When it last had maintenance.
    #[serde(default)]
    pub last_maintenance_at: Option<DateTime<Utc>>,
    /// The state of its crons (free-form).
    #[serde(default)]
    pub crons: serde_json::Value,
}

/// How an environment stands against its parent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MergeInfo {
    /// Commits it has that its parent has not.
    #[serde(default)]
    pub commits_ahead: Option<i64>,
    /// Commits its parent has that it has not.
    #[serde(default)]
    pub commits_behind: Option<i64>,
    /// The parent's ref.
    #[serde(default)]
    pub parent_ref: Option<String>,
}
