//! The engine every area runs on: the server and its HTTP pipeline, authentication, the users
//! directory, credentials, the clock, error answers, request helpers, the journal and faults.
//!
//! Nothing here knows about any API area: the registry (`areas.rs`) hands the server its
//! routes and its area state when it starts ([`MockServerBuilder::launch`]).
//!
//! [`MockServerBuilder::launch`]: server::MockServerBuilder::launch

pub(crate) mod auth;
pub(crate) mod clock;
pub(crate) mod error;
pub(crate) mod faults;
pub(crate) mod http;
pub(crate) mod identity;
pub(crate) mod journal;
pub(crate) mod serve;
pub(crate) mod server;
pub(crate) mod tokens;

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use uuid::Uuid;

use self::clock::Clock;
use self::faults::FaultTable;
use self::identity::model::{AddedUser, NewUser};
use self::identity::{Directory, UserRecord};
use self::journal::Journal;
use self::tokens::Tokens;

/// Locks `mutex`, recovering the data if another thread panicked while holding it.
///
/// Every critical section in the mock leaves its data consistent at each step, so a panic
/// elsewhere cannot leave it half-written, and one failed request must not poison every later
/// one.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// One area's store, shared by its routes (through axum's `State`) and its test handle.
pub(crate) type Shared<T> = Arc<Mutex<T>>;

/// A part of the registry's state lent to a test handle: the [`Core`], or an area's store.
///
/// What axum's `FromRef` is to routes, this is to handles, borrowed rather than cloned: an
/// area's handle is built from any registry that lends what it needs (`where R: Lend<Core> +
/// Lend<Mutex<Store>>`), so no area names the registry's type.
pub(crate) trait Lend<T> {
    /// The part.
    fn lend(&self) -> &T;
}

/// Settings fixed when the server starts.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    /// How long an access token stays valid; at most [`clock::MAX_SPAN`].
    pub(crate) access_token_lifetime: Duration,
}

/// What the engine keeps: users and credentials, the fault scripts, the journal and the clock.
///
/// Locks are taken one at a time where possible. When two are nested, the order is always the
/// users directory, then an area's store, then the credentials; the journal and the fault
/// table are never held with another lock. No lock is held across an `.await`.
#[derive(Debug)]
pub(crate) struct Core {
    pub(crate) identity: Mutex<Directory>,
    pub(crate) tokens: Mutex<Tokens>,
    pub(crate) faults: Mutex<FaultTable>,
    pub(crate) journal: Mutex<Journal>,
    pub(crate) clock: Clock,
    pub(crate) config: Config,
}

impl Core {
    pub(crate) fn new(config: Config) -> Self {
        Core {
            identity: Mutex::default(),
            tokens: Mutex::default(),
            faults: Mutex::default(),
            journal: Mutex::default(),
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
        let user = new.into_user(created_at);
        lock(&self.identity).insert(UserRecord {
            user: user.clone(),
            admin,
        });
        let now = self.now();
        let lifetime = self.access_token_lifetime();
        let mut tokens = lock(&self.tokens);
        let access_token = tokens.issue_access(user.id, now, lifetime);
        let api_token = tokens.add_api_token(user.id, api_token);
        AddedUser {
            user,
            access_token,
            api_token,
        }
    }

    /// A fresh access token for an existing user.
    pub(crate) fn issue_access_token(&self, user_id: Uuid) -> Option<String> {
        lock(&self.identity).user(user_id)?;
        let now = self.now();
        let lifetime = self.access_token_lifetime();
        Some(lock(&self.tokens).issue_access(user_id, now, lifetime))
    }
}
