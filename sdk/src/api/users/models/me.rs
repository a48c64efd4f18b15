//! The answers of the `/me` routes: the older [`CurrentUser`] shape and the verification checks.

use std::collections::BTreeMap;

use crate::{SshKey, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::models::string_enum;

/// The token's user in the older shape of `GET /me`, with its SSH keys and projects.
///
/// Every field is optional: the API documents none as always present. Prefer [`User`] from
/// [`current_user`](crate::users::UsersApi::current_user).
///
/// [`User`]: crate::users::User
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CurrentUser {
    /// The ID of the user.
    #[serde(default)]
    pub id: Option<UserId>,
    /// The ID of the user again (older clients read this one).
    #[serde(default)]
    pub uuid: Option<UserId>,
    /// The username.
    #[serde(default)]
    pub username: Option<String>,
    /// The user's full name.
    #[serde(default)]
    pub display_name: Option<String>,
    /// `1` for an active user, `0` for a blocked one.
    #[serde(default)]
    pub status: Option<i64>,
    /// The email address.
    #[serde(default)]
    pub mail: Option<String>,
    /// The user's public SSH keys: the only list of them (there is no list call; read, add and
    /// delete one with [`ssh_keys`](crate::ssh_keys)).
    #[serde(default)]
    pub ssh_keys: Option<Vec<SshKey>>,
    /// Whether the user has at least one public SSH key.
    #[serde(default)]
    pub has_key: Option<bool>,
    /// The projects the user can access.
    #[serde(default)]
    pub projects: Option<Vec<CurrentUserProject>>,
    /// The sequential ID of the user.
    #[serde(default)]
    pub sequence: Option<i64>,
    /// The user's role names.
    #[serde(default)]
    pub roles: Option<Vec<String>>,
    /// The URL of the user's picture.
    #[serde(default)]
    pub picture: Option<String>,
    /// The number of support tickets, by ticket status.
    #[serde(default)]
    pub tickets: Option<BTreeMap<String, serde_json::Value>>,
}

/// A project, as listed in [`CurrentUser::projects`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CurrentUserProject {
    /// The project's ID.
    #[serde(default)]
    pub id: Option<String>,
    /// The project's name.
    #[serde(default)]
    pub name: Option<String>,
    /// The project's title, as shown in the console.
    #[serde(default)]
    pub title: Option<String>,
    /// The machine name of the project's region (older name of `region`).
    #[serde(default)]
    pub cluster: Option<String>,
    /// The readable name of the project's region (older name of `region_label`).
    #[serde(default)]
    pub cluster_label: Option<String>,
    /// The machine name of the project's region.
    #[serde(default)]
    pub region: Option<String>,
    /// The readable name of the project's region.
    #[serde(default)]
    pub region_label: Option<String>,
    /// The URL of the project in the console.
    #[serde(default)]
    pub uri: Option<String>,
    /// The project's API endpoint.
    #[serde(default)]
    pub endpoint: Option<String>,
    /// The ID of the project's subscription (older name of `subscription_id`).
    #[serde(default)]
    pub license_id: Option<i64>,
    /// The ID of the project's owner.
    #[serde(default)]
    pub owner: Option<UserId>,
    /// What collaborators may see of the owner.
    #[serde(default)]
    pub owner_info: Option<OwnerInfo>,
    /// The subscription's plan.
    #[serde(default)]
    pub plan: Option<String>,
    /// The ID of the project's subscription.
    #[serde(default)]
    pub subscription_id: Option<i64>,
    /// The project's status.
    #[serde(default)]
    pub status: Option<String>,
    /// The machine name of the subscription's vendor.
    #[serde(default)]
    pub vendor: Option<String>,
    /// The readable name of the subscription's vendor.
    #[serde(default)]
    pub vendor_label: Option<String>,
    /// The vendor's website.
    #[serde(default)]
    pub vendor_website: Option<String>,
    /// A link to the vendor's resources.
    #[serde(default)]
    pub vendor_resources: Option<String>,
    /// When the subscription was created.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
}

/// What a project's collaborators may see of its owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OwnerInfo {
    /// The kind of owner, usually `"user"`.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// The owner's username.
    #[serde(default)]
    pub username: Option<String>,
    /// The owner's full name.
    #[serde(default)]
    pub display_name: Option<String>,
}

/// Whether the token's user must verify a phone number before creating projects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PhoneVerificationStatus {
    /// `true` when a phone number must be verified first.
    #[serde(default)]
    pub verify_phone: Option<bool>,
}

/// Whether the token's user needs a verification before creating projects, and which.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VerificationStatus {
    /// `true` when a verification is needed.
    #[serde(default)]
    pub state: Option<bool>,
    /// Which verification is needed.
    #[serde(default, rename = "type")]
    pub kind: Option<VerificationKind>,
}

string_enum! {
    /// A kind of verification a user may need before creating projects.
    ///
    /// ```
    /// use upsun::users::VerificationKind;
    ///
    /// assert_eq!(VerificationKind::from("phone"), VerificationKind::Phone);
    /// assert_eq!(VerificationKind::from("retina").as_str(), "retina");
    /// ```
    pub enum VerificationKind {
        /// Verify a phone number (see [`phone_numbers`](crate::phone_numbers)).
        Phone = "phone",
        /// Open a support ticket for staff to review.
        Ticket = "ticket",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_older_shape_decodes_with_nested_projects_and_keys() {
        let me: CurrentUser = serde_json::from_value(serde_json::json!({
            "id": "d81c8ee2-44b3-429f-b944-a33ad7437690",
            "username": "ada",
            "status": 1,
            "ssh_keys": [{"key_id": 7, "title": "laptop", "changed": "2024-01-01T00:00:00+00:00"}],
            "projects": [{"id": "abc", "owner_info": {"type": "user", "username": "ada"}}],
            "tickets": {"open": 2},
            "something_new": true
        }))
        .unwrap();
        assert_eq!(me.username.as_deref(), Some("ada"));
        assert_eq!(
            me.ssh_keys.unwrap()[0].key_id,
            Some(crate::SshKeyId::new(7))
        );
        let project = &me.projects.unwrap()[0];
        assert_eq!(
            project.owner_info.as_ref().unwrap().kind.as_deref(),
            Some("user")
        );
        assert_eq!(me.tickets.unwrap()["open"], 2);
        let empty: CurrentUser = serde_json::from_str("{}").unwrap();
        assert_eq!(empty.id, None);
    }

    #[test]
    fn verification_kinds_keep_unknown_values() {
        let status: VerificationStatus =
            serde_json::from_str(r#"{"state": true, "type": "ticket"}"#).unwrap();
        assert_eq!(status.kind, Some(VerificationKind::Ticket));
        let status: VerificationStatus = serde_json::from_str(r#"{"type": "fax"}"#).unwrap();
        assert_eq!(status.kind, Some(VerificationKind::Unknown("fax".into())));
    }
}
