//! The Environment Variables area's models: a variable and what creating or changing one sends.
//!
//! A variable's value is kept as a [`Secret`]: it never shows in `Debug` output, errors or
//! logs, whether or not the variable is sensitive. The API never answers a sensitive
//! variable's value: it is `None` then.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::VariableId;
use crate::models::{Secret, request};

/// A variable of an environment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EnvironmentVariable {
    /// Its ID (its name).
    pub id: VariableId,
    /// When it was created.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    /// When it was last updated.
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
    /// Its name (`env:APP_MODE` is exposed as the environment variable `APP_MODE`).
    #[serde(default)]
    pub name: String,
    /// Arbitrary attributes attached to it.
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    /// Its value; `None` for a sensitive variable, whose value the API never answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Secret>,
    /// Whether the value is JSON.
    #[serde(default)]
    pub is_json: bool,
    /// Whether the value is sensitive (write-only).
    #[serde(default)]
    pub is_sensitive: bool,
    /// Whether it is visible during the build.
    #[serde(default)]
    pub visible_build: bool,
    /// Whether it is visible at runtime.
    #[serde(default)]
    pub visible_runtime: bool,
    /// The applications that see it (all when empty).
    #[serde(default)]
    pub application_scope: Vec<String>,
    /// The ID of its project.
    #[serde(default)]
    pub project: String,
    /// The environment it is set on.
    #[serde(default)]
    pub environment: String,
    /// Whether it is inherited from a parent environment.
    #[serde(default)]
    pub inherited: bool,
    /// Whether it is enabled on this environment.
    #[serde(default)]
    pub is_enabled: bool,
    /// Whether child environments inherit it.
    #[serde(default)]
    pub is_inheritable: bool,
}

request! {
    /// A new variable: its name and value; the rest as the API defaults them.
    ///
    /// ```
    /// use upsun::environment_variables::CreateEnvironmentVariable;
    ///
    /// let create = CreateEnvironmentVariable::new("env:APP_MODE", "debug").visible_build(false);
    /// assert!(!format!("{create:?}").contains("debug"));
    /// assert_eq!(serde_json::to_value(&create)?["value"], "debug");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct CreateEnvironmentVariable {
        required {
            /// The name.
            name: String,
            /// The value (a secret: never in `Debug`).
            value: Secret,
        }
        optional {
            /// Arbitrary attributes.
            attributes: BTreeMap<String, String>,
            /// Whether the value is JSON.
            is_json: bool,
            /// Whether the value is sensitive: the API never answers it again.
            is_sensitive: bool,
            /// Whether it is visible during the build.
            visible_build: bool,
            /// Whether it is visible at runtime.
            visible_runtime: bool,
            /// The applications that see it.
            application_scope: Vec<String>,
            /// Whether it is enabled on this environment.
            is_enabled: bool,
            /// Whether child environments inherit it.
            is_inheritable: bool,
        }
    }
}

request! {
    /// The changes to make to a variable: only the fields set are sent.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct UpdateEnvironmentVariable {
        optional {
            /// The name.
            name: String,
            /// Arbitrary attributes.
            attributes: BTreeMap<String, String>,
            /// The value (a secret: never in `Debug`).
            value: Secret,
            /// Whether the value is JSON.
            is_json: bool,
            /// Whether the value is sensitive.
            is_sensitive: bool,
            /// Whether it is visible during the build.
            visible_build: bool,
            /// Whether it is visible at runtime.
            visible_runtime: bool,
            /// The applications that see it.
            application_scope: Vec<String>,
            /// Whether it is enabled on this environment.
            is_enabled: bool,
            /// Whether child environments inherit it.
            is_inheritable: bool,
        }
    }
}
