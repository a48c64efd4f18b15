//! The Environment Backups area's models: a backup, and what taking or restoring one sends.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::BackupId;
use crate::models::{Resources, request, string_enum};

/// A backup of an environment: its code commit and its volumes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Backup {
    /// Its ID.
    pub id: BackupId,
    /// When it was created.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    /// When it was last updated.
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
    /// Arbitrary attributes attached to it.
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    /// Its status.
    pub status: BackupStatus,
    /// When it expires.
    #[serde(default)]
    pub expires_at: Option<DateTime<Utc>>,
    /// Its index among the automated backups.
    #[serde(default)]
    pub index: Option<i64>,
    /// The code commit it holds.
    #[serde(default)]
    pub commit_id: String,
    /// The environment it belongs to.
    #[serde(default)]
    pub environment: String,
    /// Whether it was taken in a safe way (services stopped).
    #[serde(default)]
    pub safe: bool,
    /// The total size of the volumes backed up.
    #[serde(default)]
    pub size_of_volumes: Option<i64>,
    /// The space used on the volumes backed up.
    #[serde(default)]
    pub size_used: Option<i64>,
    /// The deployment at the time of the backup.
    #[serde(default)]
    pub deployment: Option<String>,
    /// Whether it can be restored.
    #[serde(default)]
    pub restorable: bool,
    /// Whether it was taken automatically.
    #[serde(default)]
    pub automated: bool,
}

string_enum! {
    /// The status of a backup.
    pub enum BackupStatus {
        /// Taken.
        Created = "CREATED",
        /// Being deleted.
        Deleting = "DELETING",
    }
}

/// `resources.init` of a restore.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RestoreInit {
    /// The resources recorded in the backup.
    Backup,
    /// The default resources.
    Default,
    /// The smallest resources.
    Minimum,
    /// The parent's resources.
    Parent,
}

impl From<RestoreInit> for Resources<RestoreInit> {
    fn from(init: RestoreInit) -> Self {
        Resources { init }
    }
}

request! {
    /// A backup to take.
    ///
    /// ```
    /// use upsun::environment_backups::BackupEnvironment;
    ///
    /// let backup = BackupEnvironment::new().safe(true);
    /// assert_eq!(serde_json::to_value(&backup)?, serde_json::json!({"safe": true}));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct BackupEnvironment {
        optional {
            /// Take it safely: stop the services while backing up (a short downtime).
            safe: bool,
        }
    }
}

request! {
    /// A restore: into the backup's environment unless `environment_name` says otherwise.
    ///
    /// ```
    /// use upsun::environment_backups::{RestoreBackup, RestoreInit};
    ///
    /// let restore = RestoreBackup::new().restore_code(false).resources(RestoreInit::Backup);
    /// assert_eq!(
    ///     serde_json::to_value(&restore)?,
    ///     serde_json::json!({"restore_code": false, "resources": {"init": "backup"}}),
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct RestoreBackup {
        optional {
            /// Restore into a new environment of this name.
            environment_name: String,
            /// The parent of that new environment.
            branch_from: String,
            /// Restore the code as well as the data.
            restore_code: bool,
            /// Restore the resources too.
            restore_resources: bool,
            /// How the resources are set up.
            resources: Resources<RestoreInit>,
        }
    }
}
