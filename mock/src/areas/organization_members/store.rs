//! Each member's permissions and dates, and a member as answered.

use axum::http::HeaderMap;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::areas::organizations::OrgRecord;
use crate::core::http::base_url;
use crate::kit::collection::Collection;
use crate::kit::links::Links;

/// A member's permissions and dates.
#[derive(Debug, Clone)]
pub(super) struct Detail {
    pub(super) permissions: Vec<String>,
    pub(super) created_at: DateTime<Utc>,
    pub(super) updated_at: DateTime<Utc>,
}

/// The members' details by `organization/user`.
#[derive(Debug, Default)]
pub(crate) struct Store {
    pub(super) details: Collection<String, Detail>,
}

pub(super) fn key(org: &str, user: Uuid) -> String {
    format!("{org}/{user}")
}

/// One member as answered.
pub(super) struct Member {
    pub(super) user: Uuid,
    pub(super) permissions: Vec<String>,
    pub(super) owner: bool,
    pub(super) created_at: DateTime<Utc>,
    pub(super) updated_at: DateTime<Utc>,
}

impl Store {
    /// A member's permissions and when they joined and last changed (for the Grants area).
    pub(crate) fn summary(
        &self,
        record: &OrgRecord,
        user: Uuid,
    ) -> (Vec<String>, DateTime<Utc>, DateTime<Utc>) {
        let m = self.member(record, user);
        (m.permissions, m.created_at, m.updated_at)
    }

    pub(super) fn member(&self, record: &OrgRecord, user: Uuid) -> Member {
        let owner = record.org.owner_id == user;
        match self.details.get(&key(&record.org.id, user)) {
            Some(d) => Member {
                user,
                permissions: d.permissions.clone(),
                owner,
                created_at: d.created_at,
                updated_at: d.updated_at,
            },
            None => Member {
                user,
                permissions: if owner {
                    vec!["admin".to_owned()]
                } else {
                    Vec::new()
                },
                owner,
                created_at: record.org.created_at,
                updated_at: record.org.created_at,
            },
        }
    }
}

pub(super) fn member_json(org: &str, m: &Member, headers: &HeaderMap) -> Value {
    let href = format!(
        "{}/organizations/{org}/members/{}",
        base_url(headers),
        m.user
    );
    let admin = m.owner || m.permissions.iter().any(|p| p == "admin");
    json!({
        "id": m.user,
        "organization_id": org,
        "user_id": m.user,
        "permissions": m.permissions,
        "level": if admin { "admin" } else { "viewer" },
        "owner": m.owner,
        "created_at": m.created_at,
        "updated_at": m.updated_at,
        "_links": Links::default()
            .with("self", &href)
            .with_method("update", &href, "PATCH")
            .with_method("delete", &href, "DELETE")
            .into_value(),
    })
}
