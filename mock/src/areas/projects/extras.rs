//! What else a project keeps beside its environment tree: variables (the project's and each
//! environment's) and each environment's backups.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

use crate::core::error::ApiError;

/// One variable, of a project or an environment.
#[derive(Debug, Clone)]
pub(crate) struct Var {
    pub(crate) name: String,
    pub(crate) value: String,
    pub(crate) is_json: bool,
    pub(crate) is_sensitive: bool,
    pub(crate) visible_build: bool,
    pub(crate) visible_runtime: bool,
    pub(crate) application_scope: Vec<String>,
    pub(crate) is_enabled: bool,
    pub(crate) is_inheritable: bool,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
}

impl Var {
    /// A variable from a create body: `name` and `value` required, 400 naming a bad field.
    pub(crate) fn create(body: &Map<String, Value>, now: DateTime<Utc>) -> Result<Var, ApiError> {
        let text = |field: &str| match body.get(field) {
            Some(Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(ApiError::bad_request(format!("`{field}` must be a string"))),
            None => Err(ApiError::bad_request(format!("`{field}` is required"))),
        };
        let name = text("name")?;
        if name.is_empty() {
            return Err(ApiError::bad_request("`name` must not be empty"));
        }
        let mut var = Var {
            name,
            value: text("value")?,
            is_json: false,
            is_sensitive: false,
            visible_build: true,
            visible_runtime: true,
            application_scope: Vec::new(),
            is_enabled: true,
            is_inheritable: true,
            created_at: now,
            updated_at: now,
        };
        var.patch(body, now)?;
        Ok(var)
    }

    /// Applies the members of a patch body (or the optional members of a create body).
    pub(crate) fn patch(
        &mut self,
        body: &Map<String, Value>,
        now: DateTime<Utc>,
    ) -> Result<(), ApiError> {
        for (field, value) in body {
            let flag = || {
                value
                    .as_bool()
                    .ok_or_else(|| ApiError::bad_request(format!("`{field}` must be a boolean")))
            };
            match field.as_str() {
                "name" | "value" => {
                    let Some(text) = value.as_str() else {
                        return Err(ApiError::bad_request(format!("`{field}` must be a string")));
                    };
                    if field == "name" {
                        self.name = text.to_owned();
                    } else {
                        self.value = text.to_owned();
                    }
                }
                "is_json" => self.is_json = flag()?,
                "is_sensitive" => self.is_sensitive = self.is_sensitive || flag()?,
                "visible_build" => self.visible_build = flag()?,
                "visible_runtime" => self.visible_runtime = flag()?,
                "is_enabled" => self.is_enabled = flag()?,
                "is_inheritable" => self.is_inheritable = flag()?,
                "application_scope" => {
                    self.application_scope = value
                        .as_array()
                        .map(|l| {
                            l.iter()
                                .filter_map(Value::as_str)
                                .map(str::to_owned)
                                .collect()
                        })
                        .ok_or_else(|| {
                            ApiError::bad_request("`application_scope` must be a list")
                        })?;
                }
                _ => {}
            }
        }
        self.updated_at = crate::core::clock::later_than(self.updated_at, now);
        Ok(())
    }

    /// The variable as the API answers it: a sensitive value is never sent. `env` is
    /// `Some((project, environment, inherited))` for an environment's variable.
    pub(crate) fn to_json(&self, env: Option<(&str, &str, bool)>) -> Value {
        let mut json = json!({
            "id": self.name,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "name": self.name,
            "attributes": {},
            "is_json": self.is_json,
            "is_sensitive": self.is_sensitive,
            "visible_build": self.visible_build,
            "visible_runtime": self.visible_runtime,
            "application_scope": self.application_scope,
        });
        if !self.is_sensitive {
            json["value"] = json!(self.value);
        }
        if let Some((project, environment, inherited)) = env {
            json["project"] = json!(project);
            json["environment"] = json!(environment);
            json["inherited"] = json!(inherited);
            json["is_enabled"] = json!(self.is_enabled);
            json["is_inheritable"] = json!(self.is_inheritable);
        }
        json
    }
}

/// One backup of an environment.
#[derive(Debug, Clone)]
pub(crate) struct BackupRec {
    pub(crate) id: String,
    pub(crate) environment: String,
    pub(crate) safe: bool,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) deleting: bool,
}

impl BackupRec {
    /// The backup as the API answers it.
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "created_at": self.created_at,
            "updated_at": self.created_at,
            "attributes": {},
            "status": if self.deleting { "DELETING" } else { "CREATED" },
            "expires_at": Value::Null,
            "index": Value::Null,
            "commit_id": "0123456789abcdef0123456789abcdef01234567",
            "environment": self.environment,
            "safe": self.safe,
            "size_of_volumes": 1024,
            "size_used": 512,
            "deployment": Value::Null,
            "restorable": !self.deleting,
            "automated": false,
        })
    }
}

/// The routes every mock environment has: the application on `https://{default}/`, and
/// `https://www.{default}/` redirecting there.
pub(crate) fn routes() -> Vec<Value> {
    let tls = json!({
        "strict_transport_security": {"enabled": true, "include_subdomains": false, "preload": false},
        "min_version": Value::Null,
        "client_authentication": Value::Null,
        "client_certificate_authorities": [],
    });
    vec![
        json!({
            "id": "https://{default}/", "primary": true, "production_url": "https://{default}/",
            "attributes": {}, "type": "upstream", "tls": tls, "upstream": "app:http",
            "cache": {"enabled": true, "default_ttl": 0, "cookies": ["*"], "headers": ["Accept"]},
            "ssi": {"enabled": false},
        }),
        json!({
            "id": "https://www.{default}/", "primary": false,
            "production_url": "https://www.{default}/", "attributes": {}, "type": "redirect",
            "tls": tls, "to": "https://{default}/",
        }),
    ]
}
