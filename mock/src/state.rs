//! The mock's state: users and credentials, the fault scripts, the journal and the clock, all
//! behind one [`Shared`] that the server handle and every route hold.
//!
//! Locks are plain `std::sync::Mutex`es, taken through [`lock`] which ignores poisoning: each
//! critical section leaves the data consistent at every step, so a panic elsewhere cannot leave
//! it half-written. No lock is ever held across an `.await`.

use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use uuid::Uuid;

use crate::clock::{self, Clock};
use crate::faults::FaultTable;
use crate::journal::Journal;
use crate::tokens::Tokens;
use crate::users::model::{AddedUser, ConsentMethod, NewUser, User};

/// Locks `mutex`, recovering the data if another thread panicked while holding it.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Settings fixed when the server starts.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    /// How long an access token stays valid.
    pub(crate) access_token_lifetime: Duration,
}

/// Everything the server handle and the routes share.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) store: Mutex<Store>,
    pub(crate) profiles: Mutex<crate::profiles::Store>,
    pub(crate) api_tokens: Mutex<crate::api_tokens::Store>,
    pub(crate) connections: Mutex<crate::connections::Store>,
    pub(crate) phone_numbers: Mutex<crate::phone_numbers::Store>,
    pub(crate) organizations: Mutex<crate::organizations::Store>,
    pub(crate) mfa: Mutex<crate::mfa::Store>,
    pub(crate) faults: Mutex<FaultTable>,
    pub(crate) journal: Mutex<Journal>,
    pub(crate) clock: Clock,
    pub(crate) config: Config,
}

impl Shared {
    pub(crate) fn new(config: Config) -> Self {
        Shared {
            store: Mutex::new(Store::default()),
            profiles: Mutex::default(),
            api_tokens: Mutex::default(),
            connections: Mutex::default(),
            phone_numbers: Mutex::default(),
            organizations: Mutex::default(),
            mfa: Mutex::default(),
            faults: Mutex::new(FaultTable::default()),
            journal: Mutex::new(Journal::default()),
            clock: Clock::default(),
            config,
        }
    }

    /// The mock clock's current time.
    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The access-token lifetime as a [`TimeDelta`].
    pub(crate) fn access_token_lifetime(&self) -> TimeDelta {
        clock::delta(self.config.access_token_lifetime)
    }

    /// Stores a user created at `created_at` and gives it an access token and an API token.
    pub(crate) fn add_user(
        &self,
        new: NewUser,
        admin: bool,
        created_at: DateTime<Utc>,
        api_token: Option<String>,
    ) -> AddedUser {
        let now = self.now();
        let user = new.into_user(created_at);
        let mut store = lock(&self.store);
        store.users.push(UserRecord {
            user: user.clone(),
            admin,
        });
        let lifetime = self.access_token_lifetime();
        let access_token = store.tokens.issue_access(user.id, now, lifetime);
        let api_token = store.tokens.add_api_token(user.id, api_token);
        AddedUser {
            user,
            access_token,
            api_token,
        }
    }

    /// A fresh access token for an existing user.
    pub(crate) fn issue_access_token(&self, user_id: Uuid) -> Option<String> {
        let now = self.now();
        let lifetime = self.access_token_lifetime();
        let mut store = lock(&self.store);
        store.user(user_id)?;
        Some(store.tokens.issue_access(user_id, now, lifetime))
    }
}

/// The user the server starts with: the user behind `MockServer::access_token`.
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

#[derive(Debug, Clone)]
pub(crate) struct UserRecord {
    pub(crate) user: User,
    /// An admin may read and update every user.
    pub(crate) admin: bool,
}

/// Users and credentials.
#[derive(Debug, Default)]
pub(crate) struct Store {
    users: Vec<UserRecord>,
    pub(crate) tokens: Tokens,
}

impl Store {
    /// Every user, in the order they were added.
    pub(crate) fn users(&self) -> impl Iterator<Item = &User> {
        self.users.iter().map(|record| &record.user)
    }

    /// The user with this ID.
    pub(crate) fn user(&self, id: Uuid) -> Option<&User> {
        self.users().find(|user| user.id == id)
    }

    /// The user with this ID, to change it.
    pub(crate) fn user_mut(&mut self, id: Uuid) -> Option<&mut User> {
        self.users
            .iter_mut()
            .map(|record| &mut record.user)
            .find(|user| user.id == id)
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
        self.users
            .iter()
            .any(|record| record.user.id == id && record.admin)
    }
}
