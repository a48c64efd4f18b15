//! The organizations the mock keeps: each with its members, profile, address and MFA settings.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::model::{NewOrganization, Organization, OrganizationStatus};
use crate::auth::Caller;
use crate::error::Problem;

/// One organization and what hangs off it.
#[derive(Debug, Clone)]
pub(crate) struct OrgRecord {
    pub(crate) org: Organization,
    /// Creation order, the tie-breaker of every sort.
    pub(crate) seq: u64,
    /// The members' user IDs; the owner is always one.
    pub(crate) members: Vec<Uuid>,
    /// The fields of its profile that were set (`PATCH .../profile`).
    pub(crate) profile: Map<String, Value>,
    pub(crate) profile_updated_at: DateTime<Utc>,
    /// The fields of its address that were set (`PATCH .../address`).
    pub(crate) address: Map<String, Value>,
    /// Whether members must use MFA.
    pub(crate) enforce_mfa: bool,
    /// Every user reminded to set up MFA, in order (repeats kept).
    pub(crate) reminded: Vec<Uuid>,
}

impl OrgRecord {
    pub(crate) fn is_member(&self, user_id: Uuid) -> bool {
        self.members.contains(&user_id)
    }

    /// Ok if the caller may read it: a member, or an admin.
    pub(crate) fn check_read(&self, caller: &Caller) -> Result<(), Problem> {
        if caller.admin || self.is_member(caller.user_id) {
            Ok(())
        } else {
            Err(Problem::forbidden(format!(
                "the access token's user is not a member of organization {}",
                self.org.id
            )))
        }
    }

    /// Ok if the caller may change it: the owner, or an admin.
    pub(crate) fn check_manage(&self, caller: &Caller) -> Result<(), Problem> {
        self.check_read(caller)?;
        if caller.admin || self.org.owner_id == caller.user_id {
            Ok(())
        } else {
            Err(Problem::forbidden(format!(
                "only the owner of organization {} may change it",
                self.org.id
            )))
        }
    }
}

/// Every organization, in creation order.
#[derive(Debug, Default)]
pub(crate) struct Store {
    records: Vec<OrgRecord>,
    next_seq: u64,
}

impl Store {
    /// Stores a new organization owned by `owner`, created at `now`.
    pub(crate) fn insert(
        &mut self,
        new: NewOrganization,
        owner: Uuid,
        now: DateTime<Utc>,
    ) -> Organization {
        self.next_seq += 1;
        let seq = self.next_seq;
        let mut members = vec![owner];
        for member in &new.members {
            if !members.contains(member) {
                members.push(*member);
            }
        }
        let id = ulid(now, seq);
        let org = new.into_organization(id, owner, now);
        self.records.push(OrgRecord {
            org: org.clone(),
            seq,
            members,
            profile: Map::new(),
            profile_updated_at: now,
            address: Map::new(),
            enforce_mfa: false,
            reminded: Vec::new(),
        });
        org
    }

    /// Every organization, deleted ones included.
    pub(crate) fn records(&self) -> impl Iterator<Item = &OrgRecord> {
        self.records.iter()
    }

    /// The organization with this ID (deleted ones included).
    pub(crate) fn get(&self, id: &str) -> Option<&OrgRecord> {
        self.records.iter().find(|r| r.org.id == id)
    }

    /// Finds a live (not deleted) organization from a path segment: its ID, or `name=<name>`
    /// where the route allows it. 404 otherwise.
    pub(crate) fn find(&self, segment: &str, by_name: bool) -> Result<&OrgRecord, Problem> {
        self.position(segment, by_name).map(|at| &self.records[at])
    }

    /// Like [`find`](Self::find), to change it.
    pub(crate) fn find_mut(
        &mut self,
        segment: &str,
        by_name: bool,
    ) -> Result<&mut OrgRecord, Problem> {
        self.position(segment, by_name)
            .map(|at| &mut self.records[at])
    }

    /// A live organization the caller may read, found by ID or `name=<name>`: 404, then 403.
    pub(crate) fn readable(&self, segment: &str, caller: &Caller) -> Result<&OrgRecord, Problem> {
        let record = self.find(segment, true)?;
        record.check_read(caller)?;
        Ok(record)
    }

    /// A live organization the caller may change, found by ID: 404, then 403.
    pub(crate) fn manageable(
        &mut self,
        segment: &str,
        caller: &Caller,
    ) -> Result<&mut OrgRecord, Problem> {
        let record = self.find_mut(segment, false)?;
        record.check_manage(caller)?;
        Ok(record)
    }

    fn position(&self, segment: &str, by_name: bool) -> Result<usize, Problem> {
        let live = |r: &OrgRecord| r.org.status != OrganizationStatus::Deleted;
        let found = match segment.strip_prefix("name=") {
            Some(name) if by_name => self
                .records
                .iter()
                .position(|r| live(r) && r.org.name == name),
            _ => self
                .records
                .iter()
                .position(|r| live(r) && r.org.id == segment),
        };
        found.ok_or_else(|| Problem::not_found(format!("no organization {segment:?}")))
    }

    /// Whether a live organization other than `except` has this name.
    pub(crate) fn name_taken(&self, name: &str, except: Option<&str>) -> bool {
        self.records.iter().any(|r| {
            r.org.status != OrganizationStatus::Deleted
                && r.org.name == name
                && Some(r.org.id.as_str()) != except
        })
    }
}

/// A ULID: 48 bits of milliseconds since the epoch, then 80 bits (16 random, 64 of sequence),
/// in Crockford base32. Later organizations get greater IDs for the same instant.
fn ulid(at: DateTime<Utc>, seq: u64) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let millis = u128::from(u64::try_from(at.timestamp_millis()).unwrap_or(0) & 0xFFFF_FFFF_FFFF);
    let random = u128::from(Uuid::new_v4().as_u128() as u16);
    let value = (millis << 80) | (random << 64) | u128::from(seq);
    (0..26)
        .rev()
        .map(|i| char::from(ALPHABET[((value >> (5 * i)) & 31) as usize]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ulids_are_26_crockford_characters_in_time_order() {
        let early = DateTime::<Utc>::from_timestamp(1_700_000_000, 0).unwrap_or_default();
        let late = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let (a, b) = (ulid(early, 1), ulid(late, 2));
        assert_eq!(a.len(), 26);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        );
        assert!(!a.contains(['I', 'L', 'O', 'U']));
        assert!(a < b, "{a} {b}");
        assert!(a.starts_with('0'));
    }
}
