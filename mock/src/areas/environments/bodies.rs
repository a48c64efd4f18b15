//! The bodies of the environment calls: which action a `POST .../<action>` is, with what it
//! needs, and the fields a `PATCH` changes.

use axum::http::HeaderMap;
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use super::Env;
use crate::core::error::ApiError;
use crate::core::http::{check_json, json_object};

/// The actions under `/projects/{projectId}/environments/{environmentId}/`.
pub(super) const ACTIONS: [&str; 11] = [
    "activate",
    "branch",
    "deactivate",
    "deploy",
    "initialize",
    "maintenance-redeploy",
    "merge",
    "pause",
    "redeploy",
    "resume",
    "synchronize",
];

/// One action, with what its body says.
#[derive(Debug)]
pub(super) enum Action {
    Activate,
    Branch {
        name: String,
        title: String,
        kind: String,
    },
    Deactivate,
    Pause,
    Resume,
    Merge,
    Synchronize,
    Initialize,
    /// Deploy, redeploy and maintenance redeploy.
    Redeploy,
}

/// The body as an object: `{}` when there is none.
fn object(headers: &HeaderMap, body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    check_json(headers)?;
    json_object(body)
}

/// A required string member: 400 naming it when absent or not a string.
fn required_string(body: &Map<String, Value>, field: &str) -> Result<String, ApiError> {
    match body.get(field) {
        Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
        Some(_) => Err(ApiError::bad_request(format!(
            "`{field}` must be a non-empty string"
        ))),
        None => Err(ApiError::bad_request(format!("`{field}` is required"))),
    }
}

/// Which action `name` is, with its body read.
pub(super) fn action_for(name: &str, headers: &HeaderMap, body: &[u8]) -> Result<Action, ApiError> {
    let body = object(headers, body)?;
    Ok(match name {
        "activate" => Action::Activate,
        "branch" => {
            let kind = match body.get("type").and_then(Value::as_str) {
                None | Some("development") => "development",
                Some("staging") => "staging",
                Some(other) => {
                    return Err(ApiError::bad_request(format!(
                        "`type` must be development or staging, not {other:?}"
                    )));
                }
            };
            Action::Branch {
                name: required_string(&body, "name")?,
                title: required_string(&body, "title")?,
                kind: kind.to_owned(),
            }
        }
        "deactivate" => Action::Deactivate,
        "pause" => Action::Pause,
        "resume" => Action::Resume,
        "merge" => Action::Merge,
        "synchronize" => Action::Synchronize,
        "initialize" => {
            required_string(&body, "profile")?;
            required_string(&body, "repository")?;
            Action::Initialize
        }
        _ => Action::Redeploy,
    })
}

/// The fields a `PATCH` changes.
#[derive(Debug, Default)]
pub(super) struct Patch {
    title: Option<String>,
    enable_smtp: Option<bool>,
    restrict_robots: Option<bool>,
    clone_parent_on_create: Option<bool>,
    kind: Option<String>,
}

impl Patch {
    pub(super) fn parse(headers: &HeaderMap, body: &[u8]) -> Result<Self, ApiError> {
        let body = object(headers, body)?;
        let flag = |field: &str| -> Result<Option<bool>, ApiError> {
            match body.get(field) {
                None => Ok(None),
                Some(Value::Bool(b)) => Ok(Some(*b)),
                Some(_) => Err(ApiError::bad_request(format!(
                    "`{field}` must be a boolean"
                ))),
            }
        };
        let kind = match body.get("type") {
            None => None,
            Some(Value::String(k))
                if ["development", "staging", "production"].contains(&k.as_str()) =>
            {
                Some(k.clone())
            }
            Some(_) => {
                return Err(ApiError::bad_request(
                    "`type` must be development, staging or production",
                ));
            }
        };
        Ok(Patch {
            title: match body.get("title") {
                None => None,
                Some(_) => Some(required_string(&body, "title")?),
            },
            enable_smtp: flag("enable_smtp")?,
            restrict_robots: flag("restrict_robots")?,
            clone_parent_on_create: flag("clone_parent_on_create")?,
            kind,
        })
    }

    pub(super) fn apply(self, env: &mut Env, now: DateTime<Utc>) {
        if let Some(title) = self.title {
            env.title = title;
        }
        if let Some(v) = self.enable_smtp {
            env.enable_smtp = v;
        }
        if let Some(v) = self.restrict_robots {
            env.restrict_robots = v;
        }
        if let Some(v) = self.clone_parent_on_create {
            env.clone_parent_on_create = v;
        }
        if let Some(kind) = self.kind {
            env.kind = kind;
        }
        env.updated_at = crate::core::clock::later_than(env.updated_at, now);
    }
}
