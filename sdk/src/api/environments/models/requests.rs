//! What the calls that change an environment send.
//!
//! Each call that sets up resources takes a `resources.init` of its own enum, holding exactly
//! the values the document lists for that call: a value another call takes does not compile.

use std::collections::BTreeMap;

use serde::Serialize;

use super::EnvironmentType;
use crate::models::{Resources, request};

macro_rules! init_enum {
    ($(#[$meta:meta])* $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $value:literal, )+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $value)] $variant, )+
        }

        impl From<$name> for Resources<$name> {
            fn from(init: $name) -> Self {
                Resources { init }
            }
        }
    };
}

init_enum! {
    /// `resources.init` of a branch.
    BranchInit {
        /// The default resources.
        Default = "default",
        /// The smallest resources.
        Minimum = "minimum",
        /// The parent's resources.
        Parent = "parent",
    }
}

init_enum! {
    /// `resources.init` of an activation.
    ActivateInit {
        /// The default resources.
        Default = "default",
        /// The smallest resources.
        Minimum = "minimum",
        /// The parent's resources.
        Parent = "parent",
    }
}

init_enum! {
    /// `resources.init` of a merge.
    MergeInit {
        /// The child's resources.
        Child = "child",
        /// The default resources.
        Default = "default",
        /// Set by hand afterwards.
        Manual = "manual",
        /// The smallest resources.
        Minimum = "minimum",
    }
}

init_enum! {
    /// `resources.init` of an initialization.
    InitializeInit {
        /// The default resources.
        Default = "default",
        /// The smallest resources.
        Minimum = "minimum",
    }
}

/// The type of an environment made by a branch: only development or staging.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BranchType {
    /// Development.
    Development,
    /// Staging.
    Staging,
}

/// How a deploy replaces the running applications.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DeployStrategy {
    /// One instance after the other, without downtime.
    Rolling,
    /// Stop everything, then start again.
    Stopstart,
}

request! {
    /// The changes to make to an environment: only the fields set are sent.
    ///
    /// ```
    /// use upsun::environments::UpdateEnvironment;
    ///
    /// let update = UpdateEnvironment::new().title("Login").enable_smtp(false);
    /// assert_eq!(
    ///     serde_json::to_value(&update)?,
    ///     serde_json::json!({"title": "Login", "enable_smtp": false}),
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct UpdateEnvironment {
        optional {
            /// The name (renames the branch).
            name: String,
            /// The title.
            title: String,
            /// Arbitrary attributes.
            attributes: BTreeMap<String, String>,
            /// The type.
            r#type: EnvironmentType,
            /// The parent.
            parent: String,
            /// Whether branching clones the parent's data.
            clone_parent_on_create: bool,
            /// HTTP access control.
            http_access: HttpAccessUpdate,
            /// Whether it may send e-mail.
            enable_smtp: bool,
            /// Whether it asks robots not to index it.
            restrict_robots: bool,
        }
    }
}

request! {
    /// Changes to an environment's HTTP access control: only the fields set are sent.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct HttpAccessUpdate {
        optional {
            /// Whether access control is on.
            is_enabled: bool,
            /// The address rules (`{"permission": "allow", "address": "1.2.3.4/32"}`).
            addresses: Vec<serde_json::Value>,
            /// The basic-auth users and their passwords.
            basic_auth: BTreeMap<String, String>,
        }
    }
}

request! {
    /// An activation: how the resources are set up, optionally.
    ///
    /// ```
    /// use upsun::environments::{ActivateEnvironment, ActivateInit};
    ///
    /// let activate = ActivateEnvironment::new().resources(ActivateInit::Minimum);
    /// assert_eq!(serde_json::to_value(&activate)?, serde_json::json!({"resources": {"init": "minimum"}}));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct ActivateEnvironment {
        optional {
            /// How the resources are set up.
            resources: Resources<ActivateInit>,
        }
    }
}

request! {
    /// A branch: the new environment's title and name (its branch, `feature/login`).
    ///
    /// ```
    /// use upsun::environments::{BranchEnvironment, BranchType};
    ///
    /// let branch = BranchEnvironment::new("Login", "feature/login")
    ///     .clone_parent(true)
    ///     .r#type(BranchType::Staging);
    /// assert_eq!(serde_json::to_value(&branch)?["type"], "staging");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct BranchEnvironment {
        required {
            /// The new environment's title.
            title: String,
            /// The new environment's name: its branch.
            name: String,
        }
        optional {
            /// Whether to clone the parent's data.
            clone_parent: bool,
            /// The new environment's type.
            r#type: BranchType,
            /// How the resources are set up.
            resources: Resources<BranchInit>,
        }
    }
}

request! {
    /// A deploy of staged changes.
    ///
    /// ```
    /// use upsun::environments::{DeployEnvironment, DeployStrategy};
    ///
    /// let deploy = DeployEnvironment::new().strategy(DeployStrategy::Rolling);
    /// assert_eq!(serde_json::to_value(&deploy)?, serde_json::json!({"strategy": "rolling"}));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct DeployEnvironment {
        optional {
            /// How the applications are replaced.
            strategy: DeployStrategy,
        }
    }
}

/// A file an initialization writes into the new repository.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct InitialFile {
    /// Its path in the repository.
    pub path: String,
    /// Its Unix mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<i64>,
    /// Its contents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contents: Option<String>,
}

impl InitialFile {
    /// A file at `path` with these contents.
    ///
    /// ```
    /// let file = upsun::environments::InitialFile::new(".upsun/config.yaml", "applications: {}");
    /// assert_eq!(file.path, ".upsun/config.yaml");
    /// ```
    pub fn new(path: impl Into<String>, contents: impl Into<String>) -> Self {
        InitialFile {
            path: path.into(),
            mode: None,
            contents: Some(contents.into()),
        }
    }

    /// Sets the Unix mode.
    #[must_use]
    pub fn mode(mut self, mode: i64) -> Self {
        self.mode = Some(mode);
        self
    }
}

request! {
    /// An initialization of an empty project's first environment from a template.
    ///
    /// ```
    /// use upsun::environments::InitializeEnvironment;
    ///
    /// let init = InitializeEnvironment::new("Symfony", "https://github.com/upsun/symfony.git");
    /// assert_eq!(serde_json::to_value(&init)?["profile"], "Symfony");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct InitializeEnvironment {
        required {
            /// The name of the template profile.
            profile: String,
            /// The repository to start from.
            repository: String,
        }
        optional {
            /// The configuration repository.
            config: String,
            /// Files to write into the repository.
            files: Vec<InitialFile>,
            /// How the resources are set up.
            resources: Resources<InitializeInit>,
        }
    }
}

request! {
    /// A merge into the parent.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct MergeEnvironment {
        optional {
            /// How the resources of new services are set up.
            resources: Resources<MergeInit>,
        }
    }
}

request! {
    /// A synchronization with the parent: what to bring over.
    ///
    /// ```
    /// use upsun::environments::SynchronizeEnvironment;
    ///
    /// let sync = SynchronizeEnvironment::new().synchronize_code(true).synchronize_data(true);
    /// assert_eq!(
    ///     serde_json::to_value(&sync)?,
    ///     serde_json::json!({"synchronize_code": true, "synchronize_data": true}),
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct SynchronizeEnvironment {
        optional {
            /// Bring the parent's code.
            synchronize_code: bool,
            /// Rebase rather than merge the code.
            rebase: bool,
            /// Bring the parent's data.
            synchronize_data: bool,
            /// Bring the parent's resources.
            synchronize_resources: bool,
        }
    }
}
