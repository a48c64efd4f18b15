//! The users directory: every user the mock knows, whether it is an admin, and the lookups
//! authentication and the areas need (by ID, email address, username).
//!
//! The Users area's routes (`areas/users.rs`) serve these records; other areas read them to
//! check that a `{user_id}` exists, and the User Profiles area changes some of their fields.

pub(crate) mod model;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use self::model::{ConsentMethod, NewUser, User};
use crate::core::error::ApiError;

/// The picture of a user who has none: the API's `User` schema requires `picture` to be a URI,
/// so the mock never answers an empty one.
pub const DEFAULT_PICTURE: &str = "https://example.com/avatars/default.png";

/// One user and its rights.
#[derive(Debug, Clone)]
pub(crate) struct UserRecord {
    pub(crate) user: User,
    /// An admin may read and update every user.
    pub(crate) admin: bool,
}

/// Every user, in the order they were added (users are never removed).
#[derive(Debug, Default)]
pub(crate) struct Directory {
    records: Vec<UserRecord>,
    by_id: HashMap<Uuid, usize>,
}

impl Directory {
    /// Adds a user; a user with the same ID is replaced in place.
    pub(crate) fn insert(&mut self, record: UserRecord) {
        match self.by_id.get(&record.user.id) {
            Some(&at) => self.records[at] = record,
            None => {
                self.by_id.insert(record.user.id, self.records.len());
                self.records.push(record);
            }
        }
    }

    /// Every user, in the order they were added.
    pub(crate) fn users(&self) -> impl Iterator<Item = &User> {
        self.records.iter().map(|record| &record.user)
    }

    /// The user with this ID.
    pub(crate) fn user(&self, id: Uuid) -> Option<&User> {
        self.by_id.get(&id).map(|&at| &self.records[at].user)
    }

    /// The user with this ID, to change it.
    pub(crate) fn user_mut(&mut self, id: Uuid) -> Option<&mut User> {
        let at = *self.by_id.get(&id)?;
        Some(&mut self.records[at].user)
    }

    /// The user's position among all users, from 1 (the seeded user is 1).
    pub(crate) fn sequence(&self, id: Uuid) -> Option<usize> {
        self.by_id.get(&id).map(|at| at + 1)
    }

    /// The first user with this email address, ignoring ASCII case.
    pub(crate) fn user_by_email(&self, email: &str) -> Option<&User> {
        self.users()
            .find(|user| user.email.eq_ignore_ascii_case(email))
    }

    /// The first user with exactly this username.
    pub(crate) fn user_by_username(&self, username: &str) -> Option<&User> {
        self.users().find(|user| user.username == username)
    }

    /// Whether this user may act on every user.
    pub(crate) fn is_admin(&self, id: Uuid) -> bool {
        self.by_id
            .get(&id)
            .is_some_and(|&at| self.records[at].admin)
    }

    /// 400 if a user other than `id`, in `id`'s namespace, already has the username `wanted`.
    pub(crate) fn check_username_free(&self, id: Uuid, wanted: &str) -> Result<(), ApiError> {
        let namespace = self.user(id).map(|user| user.namespace.as_str());
        let taken = self.users().any(|other| {
            other.id != id
                && other.username == wanted
                && Some(other.namespace.as_str()) == namespace
        });
        if taken {
            Err(ApiError::bad_request(format!(
                "`username` {wanted:?} is already taken"
            )))
        } else {
            Ok(())
        }
    }
}

/// A `{user_id}` must be a UUID; anything else names no user (404).
pub(crate) fn user_id(segment: &str) -> Result<Uuid, ApiError> {
    Uuid::parse_str(segment)
        .map_err(|_| ApiError::not_found(format!("no user has the ID {segment:?}")))
}

/// The 404 for a user ID that names no user.
pub(crate) fn no_such_user(id: Uuid) -> ApiError {
    ApiError::not_found(format!("no user has the ID {id}"))
}

/// The user the server starts with (the user behind `MockServer::access_token`), and when it
/// was created.
pub(crate) fn seed_user() -> (NewUser, DateTime<Utc>) {
    let user = NewUser::new("ada")
        .id(Uuid::from_u128(0xd81c8ee2_44b3_429f_b944_a33ad7437690))
        .email("ada@example.com")
        .first_name("Ada")
        .last_name("Lovelace")
        .picture("https://example.com/avatars/ada.png")
        .company("Analytical Engines Ltd")
        .website("https://example.com/ada")
        .country("GB")
        .consented(ConsentMethod::OptIn);
    let created_at = DateTime::<Utc>::from_timestamp(1_699_335_116, 0).unwrap_or_default();
    (user, created_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(username: &str, admin: bool) -> UserRecord {
        UserRecord {
            user: NewUser::new(username).into_user(Utc::now()),
            admin,
        }
    }

    #[test]
    fn finds_users_by_id_email_and_username() {
        let mut directory = Directory::default();
        let ada = record("ada", false);
        let root = record("root", true);
        let (ada_id, root_id) = (ada.user.id, root.user.id);
        directory.insert(ada);
        directory.insert(root);
        assert_eq!(
            directory.user(ada_id).map(|u| u.username.as_str()),
            Some("ada")
        );
        assert_eq!(directory.sequence(root_id), Some(2));
        assert!(directory.user_by_email("ADA@example.com").is_some());
        assert!(directory.user_by_username("root").is_some());
        assert!(directory.is_admin(root_id) && !directory.is_admin(ada_id));
        assert!(directory.check_username_free(ada_id, "root").is_err());
        assert!(directory.check_username_free(ada_id, "ada").is_ok());
    }

    #[test]
    fn a_user_without_a_picture_gets_the_default_one() {
        let user = NewUser::new("grace").into_user(Utc::now());
        assert_eq!(user.picture, DEFAULT_PICTURE);
    }
}
