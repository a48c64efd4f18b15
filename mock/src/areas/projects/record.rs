//! One project as stored: its fields, its environment tree, its activities, and what each
//! unfinished activity will do to an environment when it ends.

use std::collections::HashMap;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

use super::extras::{BackupRec, Var};
use super::tree::{Env, EnvironmentStatus};
use crate::core::error::ApiError;
use crate::kit::activities::Activities;
use crate::kit::collection::Collection;

/// What an activity does to an environment once it ends well; an activity that fails or is
/// cancelled puts the environment back as it was.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Effect {
    /// The environment takes this status.
    Status(EnvironmentStatus),
    /// The environment is removed.
    Remove,
}

/// One project.
#[derive(Debug)]
pub(crate) struct ProjectRecord {
    pub(crate) id: String,
    pub(crate) title: String,
    /// The organization it belongs in, if any.
    pub(crate) organization: Option<String>,
    pub(crate) owner: Uuid,
    pub(crate) region: String,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) environments: Collection<String, Env>,
    pub(crate) activities: Activities,
    pub(crate) effects: HashMap<String, (String, Effect)>,
    /// Accepted answers leave `_embedded` out (as some API answers do).
    pub(crate) bare: bool,
    /// The project's variables.
    pub(crate) variables: Collection<String, Var>,
    /// Each environment's own variables.
    pub(crate) env_variables: HashMap<String, Collection<String, Var>>,
    /// Each environment's backups.
    pub(crate) backups: HashMap<String, Collection<String, BackupRec>>,
    /// How many backups were taken, for their IDs.
    pub(crate) backups_taken: u64,
    /// The next log stream fails after this many lines (a test's script).
    pub(crate) cut_log_after: Option<usize>,
}

impl ProjectRecord {
    /// Applies what the activities finished by `now` do to the environments.
    pub(crate) fn settle(&mut self, now: DateTime<Utc>) {
        for (activity, succeeded) in self.activities.settle(now) {
            let Some((env_id, effect)) = self.effects.remove(&activity.id) else {
                continue;
            };
            let Some(env) = self.environments.get_mut(&env_id) else {
                continue;
            };
            env.updated_at = crate::core::clock::later_than(env.updated_at, now);
            match (succeeded, effect) {
                (true, Effect::Status(status)) => env.status = status,
                (true, Effect::Remove) => env.deleted = true,
                (false, _) => env.status = env.before,
            }
        }
    }

    /// The variables an environment sees of its own and its ancestors' (inheritable ones,
    /// nearest first), each with whether it is inherited; its own come first.
    pub(crate) fn env_vars(&self, env: &str) -> Vec<(&Var, bool)> {
        let mut seen: Vec<(&Var, bool)> = Vec::new();
        let mut at = Some(env.to_owned());
        let mut depth = 0;
        while let Some(id) = at {
            if let Some(vars) = self.env_variables.get(&id) {
                for var in vars.values() {
                    let inherited = depth > 0;
                    if (inherited && !var.is_inheritable)
                        || seen.iter().any(|(v, _)| v.name == var.name)
                    {
                        continue;
                    }
                    seen.push((var, inherited));
                }
            }
            at = self.environments.get(&id).and_then(|e| e.parent.clone());
            depth += 1;
            if depth > 64 {
                break;
            }
        }
        seen
    }

    /// The environment with this ID: 404 if there is none.
    pub(crate) fn env(&self, id: &str) -> Result<&Env, ApiError> {
        self.environments
            .get(id)
            .filter(|e| !e.deleted)
            .ok_or_else(|| ApiError::not_found(format!("environment {id:?} not found")))
    }

    /// The environment with this ID, to change: 404 if there is none.
    pub(crate) fn env_mut(&mut self, id: &str) -> Result<&mut Env, ApiError> {
        self.environments
            .get_mut(id)
            .filter(|e| !e.deleted)
            .ok_or_else(|| ApiError::not_found(format!("environment {id:?} not found")))
    }

    /// Starts an activity on `env` (marking it dirty) that gives it `effect` when it ends
    /// well; returns its index.
    pub(crate) fn start_on(
        &mut self,
        env: &str,
        kind: &str,
        effect: Option<Effect>,
        parameters: Value,
        now: DateTime<Utc>,
    ) -> usize {
        let index = self
            .activities
            .start(&self.id, kind, vec![env.to_owned()], parameters, now);
        if let Some(effect) = effect {
            if let Some(e) = self.environments.get_mut(env) {
                e.dirty(now);
            }
            if let Some(activity) = self.activities.at(index) {
                self.effects
                    .insert(activity.id.clone(), (env.to_owned(), effect));
            }
        }
        index
    }

    /// Starts one activity of `kind` on `env` that changes nothing else, and answers its 202.
    pub(crate) fn accept_on(
        &mut self,
        env: &str,
        kind: &str,
        now: DateTime<Utc>,
        base: &str,
    ) -> Response {
        let index = self.start_on(env, kind, None, Value::Object(Default::default()), now);
        self.accepted(&[index], now, base)
    }

    /// The 202 answer for the activities at `indices`, as they stand at `now`.
    pub(crate) fn accepted(&self, indices: &[usize], now: DateTime<Utc>, base: &str) -> Response {
        let project = format!("{base}/projects/{}", self.id);
        let activities: Vec<Value> = indices
            .iter()
            .filter_map(|&i| self.activities.at(i))
            .map(|a| a.to_json(now, &project))
            .collect();
        let body = match self.bare {
            true => json!({"status": "Accepted", "code": 202}),
            false => json!({
                "status": "Accepted",
                "code": 202,
                "_embedded": {"activities": activities},
            }),
        };
        (StatusCode::ACCEPTED, Json(body)).into_response()
    }

    /// The project as the API answers it.
    pub(crate) fn to_json(&self, base: &str) -> Value {
        let main = self
            .environments
            .values()
            .find(|e| e.parent.is_none())
            .map(|e| e.id.clone());
        json!({
            "id": self.id,
            "created_at": self.created_at,
            "updated_at": self.created_at,
            "attributes": {},
            "title": self.title,
            "description": "",
            "owner": self.owner,
            "namespace": "upsun",
            "organization": self.organization,
            "default_branch": main,
            "status": {"code": "provisioned", "message": "ok"},
            "timezone": "Europe/Paris",
            "region": self.region,
            "repository": {"url": format!("{}@git.eu.upsun.com:{}.git", self.id, self.id), "client_ssh_key": Value::Null},
            "default_domain": Value::Null,
            "subscription": {
                "license_uri": format!("{base}/licenses/{}", self.id),
                "plan": "development",
                "environments": 3,
                "storage": 5120,
                "included_users": 1,
                "subscription_management_uri": format!("{base}/subscriptions/{}", self.id),
                "restricted": false,
                "suspended": false,
                "user_licenses": 1
            },
            "maintenance": Value::Null,
        })
    }
}

/// The capabilities every mock project has.
pub(crate) fn capabilities() -> Value {
    json!({
        "custom_domains": {"enabled": true, "environments_with_domains_limit": 0},
        "source_operations": {"enabled": true},
        "runtime_operations": {"enabled": true},
        "tasks": {"enabled": false},
        "outbound_firewall": {"enabled": true},
        "metrics": {"max_range": "30d"},
        "logs_forwarding": {"max_extra_payload_size": 1024},
        "guaranteed_resources": {"enabled": false, "instance_limit": 0},
        "images": {},
        "instance_limit": 1,
        "build_resources": {"enabled": true, "max_cpu": 4.0, "max_memory": 8192},
        "data_retention": {"enabled": true},
        "autoscaling": {"enabled": false},
    })
}
