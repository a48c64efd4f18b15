//! A project's environment tree: each environment, its parent, and its status as activities
//! move it (active, inactive, paused, dirty, deleting).

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

/// The statuses an environment moves between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnvironmentStatus {
    /// Deployed and running.
    Active,
    /// Not deployed.
    Inactive,
    /// Deployed, applications stopped.
    Paused,
    /// An activity is changing it.
    Dirty,
    /// Being deleted.
    Deleting,
}

impl EnvironmentStatus {
    /// The value as the API writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            EnvironmentStatus::Active => "active",
            EnvironmentStatus::Inactive => "inactive",
            EnvironmentStatus::Paused => "paused",
            EnvironmentStatus::Dirty => "dirty",
            EnvironmentStatus::Deleting => "deleting",
        }
    }
}

/// One environment as stored.
#[derive(Debug, Clone)]
pub(crate) struct Env {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) parent: Option<String>,
    pub(crate) kind: String,
    pub(crate) status: EnvironmentStatus,
    /// The status to go back to if the activity changing it does not succeed.
    pub(crate) before: EnvironmentStatus,
    pub(crate) clone_parent_on_create: bool,
    pub(crate) enable_smtp: bool,
    pub(crate) restrict_robots: bool,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
    /// Removed once its deletion completes.
    pub(crate) deleted: bool,
}

impl Env {
    /// A new environment at `now`.
    pub(crate) fn new(id: &str, parent: Option<&str>, kind: &str, now: DateTime<Utc>) -> Self {
        Env {
            id: id.to_owned(),
            title: id.to_owned(),
            parent: parent.map(str::to_owned),
            kind: kind.to_owned(),
            status: EnvironmentStatus::Active,
            before: EnvironmentStatus::Active,
            clone_parent_on_create: true,
            enable_smtp: false,
            restrict_robots: true,
            created_at: now,
            updated_at: now,
            deleted: false,
        }
    }

    /// Marks it dirty while an activity moves it towards a status.
    pub(crate) fn dirty(&mut self, now: DateTime<Utc>) {
        if self.status != EnvironmentStatus::Dirty {
            self.before = self.status;
        }
        self.status = EnvironmentStatus::Dirty;
        self.updated_at = crate::core::clock::later_than(self.updated_at, now);
    }

    /// The environment as the API answers it.
    pub(crate) fn to_json(&self, project: &str) -> Value {
        let machine = self.id.replace(|c: char| !c.is_ascii_alphanumeric(), "-");
        let is_main = self.parent.is_none();
        json!({
            "id": self.id,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "name": self.id,
            "machine_name": machine,
            "title": self.title,
            "attributes": {},
            "type": self.kind,
            "parent": self.parent,
            "default_domain": Value::Null,
            "has_domains": false,
            "clone_parent_on_create": self.clone_parent_on_create,
            "deployment_target": "local",
            "is_pr": false,
            "has_remote": false,
            "status": self.status.as_str(),
            "http_access": {"is_enabled": false, "addresses": [], "basic_auth": {}},
            "enable_smtp": self.enable_smtp,
            "restrict_robots": self.restrict_robots,
            "edge_hostname": format!("{machine}-{project}.eu.upsunapp.com"),
            "deployment_state": Value::Null,
            "sizing": Value::Null,
            "resources_overrides": {},
            "max_instance_count": Value::Null,
            "last_active_at": Value::Null,
            "last_backup_at": Value::Null,
            "project": project,
            "is_main": is_main,
            "is_dirty": self.status == EnvironmentStatus::Dirty,
            "has_staged_activities": false,
            "can_rolling_deploy": false,
            "supports_rolling_deployments": false,
            "has_code": true,
            "head_commit": Value::Null,
            "merge_info": {"commits_ahead": 0, "commits_behind": 0, "parent_ref": self.parent},
            "has_deployment": self.status != EnvironmentStatus::Inactive,
            "supports_restrict_robots": true,
        })
    }
}
