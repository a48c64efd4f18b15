//! The organizations the mock keeps, each with its members, and how routes find them: by ID
//! or `name=<name>`, checking what the caller may do.
//!
//! Other areas that hang data off an organization (`org_profiles`, the organization side of
//! `mfa`) look it up here with [`Store::readable`] and [`Store::manageable`], and keep their
//! own data by organization ID.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::model::{NewOrganization, Organization, OrganizationStatus};
use crate::core::auth::Caller;
use crate::core::error::Problem;
use crate::kit::collection::Collection;

/// One organization and its members.
#[derive(Debug, Clone)]
pub(crate) struct OrgRecord {
    pub(crate) org: Organization,
    /// The members' user IDs; the owner is always one, and first.
    pub(crate) members: Vec<Uuid>,
}

impl OrgRecord {
    pub(crate) fn is_member(&self, user_id: Uuid) -> bool {
        self.members.contains(&user_id)
    }

    fn is_live(&self) -> bool {
        self.org.status != OrganizationStatus::Deleted
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

/// Every organization by ID, in creation order (deleted ones stay, with the status `deleted`).
#[derive(Debug, Default)]
pub(crate) struct Store {
    records: Collection<String, OrgRecord>,
    /// How many organizations were ever created: part of each new ID.
    created: u64,
}

impl Store {
    /// Stores a new organization owned by `owner`, created at `now`.
    pub(crate) fn insert(
        &mut self,
        new: NewOrganization,
        owner: Uuid,
        now: DateTime<Utc>,
    ) -> Organization {
        self.created += 1;
        let mut members = vec![owner];
        for member in &new.members {
            if !members.contains(member) {
                members.push(*member);
            }
        }
        let id = ulid(now, self.created);
        let org = new.into_organization(id.clone(), owner, now);
        self.records.insert(
            id,
            OrgRecord {
                org: org.clone(),
                members,
            },
        );
        org
    }

    /// Every organization in creation order, deleted ones included.
    pub(crate) fn records(&self) -> impl DoubleEndedIterator<Item = &OrgRecord> {
        self.records.values()
    }

    /// The organization with this ID (deleted ones included).
    pub(crate) fn get(&self, id: &str) -> Option<&OrgRecord> {
        self.records.get(id)
    }

    /// Finds a live (not deleted) organization from a path segment: its ID, or `name=<name>`
    /// where the route allows it. 404 otherwise.
    pub(crate) fn find(&self, segment: &str, by_name: bool) -> Result<&OrgRecord, Problem> {
        let id = self.id_of(segment, by_name)?;
        self.records.get(&id).ok_or_else(|| no_such(segment))
    }

    /// Like [`find`](Self::find), to change it.
    pub(crate) fn find_mut(
        &mut self,
        segment: &str,
        by_name: bool,
    ) -> Result<&mut OrgRecord, Problem> {
        let id = self.id_of(segment, by_name)?;
        self.records.get_mut(&id).ok_or_else(|| no_such(segment))
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

    /// A live organization (by ID) the caller may read: 404, then 403. For the areas that
    /// hang off an organization (teams, invitations, access).
    pub(crate) fn read_by_id(&self, id: &str, caller: &Caller) -> Result<&OrgRecord, Problem> {
        let record = self.find(id, false)?;
        record.check_read(caller)?;
        Ok(record)
    }

    /// A live organization (by ID) the caller may manage (its owner, or an admin): 404, then
    /// 403. Its members who are not the owner get the 403.
    pub(crate) fn manage_by_id(&self, id: &str, caller: &Caller) -> Result<&OrgRecord, Problem> {
        let record = self.find(id, false)?;
        record.check_manage(caller)?;
        Ok(record)
    }

    /// The ID of the live organization `segment` names.
    fn id_of(&self, segment: &str, by_name: bool) -> Result<String, Problem> {
        let found = match segment.strip_prefix("name=") {
            Some(name) if by_name => self
                .records
                .values()
                .find(|r| r.is_live() && r.org.name == name),
            _ => self.records.get(segment).filter(|r| r.is_live()),
        };
        found
            .map(|record| record.org.id.clone())
            .ok_or_else(|| no_such(segment))
    }

    /// Whether a live organization other than `except` has this name.
    pub(crate) fn name_taken(&self, name: &str, except: Option<&str>) -> bool {
        self.records
            .values()
            .any(|r| r.is_live() && r.org.name == name && Some(r.org.id.as_str()) != except)
    }
}

fn no_such(segment: &str) -> Problem {
    Problem::not_found(format!("no organization {segment:?}"))
}

/// A ULID: 48 bits of milliseconds since the epoch, then 80 bits (16 random, 64 of sequence),
/// in Crockford base32. Later organizations get greater IDs for the same instant.
pub(crate) fn ulid(at: DateTime<Utc>, seq: u64) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    // 48 bits last until the year 10889; later times (the mock's clock stops well before)
    // would saturate rather than wrap.
    let millis = u128::from(
        u64::try_from(at.timestamp_millis())
            .unwrap_or(0)
            .min(0xFFFF_FFFF_FFFF),
    );
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
