//! Credentials: API tokens, access tokens (with expiry) and refresh tokens (single use), and
//! the token endpoint that exchanges them (`endpoint.rs`).
//!
//! The maps stay bounded however long the mock runs. Access tokens are kept in the order they
//! were issued, which is also the order they expire in; each issue forgets the expired ones
//! beyond the newest [`KEEP_EXPIRED`] (those still answer "expired" rather than "invalid"), and
//! the oldest ones beyond [`MAX_ACCESS`] in all. A refresh token is forgotten once used, and the
//! oldest unused ones beyond [`MAX_REFRESH`].

pub(crate) mod endpoint;

use std::collections::{HashMap, VecDeque};

use chrono::{DateTime, TimeDelta, Utc};
use uuid::Uuid;

/// The most access tokens kept, valid or expired.
pub(crate) const MAX_ACCESS: usize = 10_000;
/// The most expired access tokens remembered, to tell "expired" from "unknown".
pub(crate) const KEEP_EXPIRED: usize = 1_000;
/// The most unused refresh tokens kept.
pub(crate) const MAX_REFRESH: usize = 10_000;

/// Why a bearer token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenProblem {
    /// The mock never issued this token (or forgot it long after it expired).
    Unknown,
    /// The token was issued but its lifetime is over (or it was expired on purpose).
    Expired,
}

#[derive(Debug, Clone)]
struct AccessGrant {
    token: String,
    user_id: Uuid,
    expires_at: DateTime<Utc>,
}

/// Every credential the mock has issued and still remembers.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    api: HashMap<String, Uuid>,
    /// In issue order, which is expiry order: `expires_at` never decreases along the queue.
    access: VecDeque<AccessGrant>,
    /// Each access token's sequence number; its place in `access` is that minus `first_access`.
    access_index: HashMap<String, u64>,
    first_access: u64,
    /// Each unused refresh token's user.
    refresh: HashMap<String, Uuid>,
    /// Refresh tokens in issue order; used ones linger until compacted away.
    refresh_order: VecDeque<String>,
    exchanges: usize,
}

/// A new random token with a recognisable prefix.
fn mint(prefix: &str) -> String {
    format!("{prefix}_{}", Uuid::new_v4().simple())
}

impl Tokens {
    /// Gives `user_id` an API token; a random one unless `token` is given.
    pub(crate) fn add_api_token(&mut self, user_id: Uuid, token: Option<String>) -> String {
        let token = token.unwrap_or_else(|| mint("mock_api"));
        self.api.insert(token.clone(), user_id);
        token
    }

    /// Revokes an API token: it can no longer be exchanged. Returns whether it existed.
    pub(crate) fn remove_api_token(&mut self, token: &str) -> bool {
        self.api.remove(token).is_some()
    }

    /// The user an API token belongs to.
    pub(crate) fn api_token_user(&self, token: &str) -> Option<Uuid> {
        self.api.get(token).copied()
    }

    /// Issues an access token for `user_id` that expires `lifetime` after `now`, after
    /// forgetting old expired tokens.
    pub(crate) fn issue_access(
        &mut self,
        user_id: Uuid,
        now: DateTime<Utc>,
        lifetime: TimeDelta,
    ) -> String {
        self.prune_access(now);
        let token = mint("mock_at");
        let mut expires_at = now
            .checked_add_signed(lifetime)
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
        // Keep the queue in expiry order even if the wall clock stepped back.
        if let Some(last) = self.access.back() {
            expires_at = expires_at.max(last.expires_at);
        }
        let seq = self.first_access + self.access.len() as u64;
        self.access_index.insert(token.clone(), seq);
        self.access.push_back(AccessGrant {
            token: token.clone(),
            user_id,
            expires_at,
        });
        token
    }

    /// Forgets the expired access tokens beyond the newest [`KEEP_EXPIRED`], and the oldest
    /// tokens beyond [`MAX_ACCESS`] - 1 (room for the one about to be issued).
    fn prune_access(&mut self, now: DateTime<Utc>) {
        let expired = self.access.partition_point(|grant| grant.expires_at <= now);
        let surplus = self.access.len().saturating_sub(MAX_ACCESS - 1);
        let forget = expired.saturating_sub(KEEP_EXPIRED).max(surplus);
        for _ in 0..forget {
            if let Some(grant) = self.access.pop_front() {
                self.access_index.remove(&grant.token);
                self.first_access += 1;
            }
        }
    }

    /// Issues a single-use refresh token for `user_id`, after forgetting the oldest unused ones
    /// beyond [`MAX_REFRESH`].
    pub(crate) fn issue_refresh(&mut self, user_id: Uuid) -> String {
        // Used tokens linger in the queue; drop them all once they outnumber the live ones.
        if self.refresh_order.len() >= 2 * MAX_REFRESH {
            let live = &self.refresh;
            self.refresh_order.retain(|token| live.contains_key(token));
        }
        while self.refresh.len() >= MAX_REFRESH {
            let Some(oldest) = self.refresh_order.pop_front() else {
                break;
            };
            self.refresh.remove(&oldest);
        }
        let token = mint("mock_rt");
        self.refresh.insert(token.clone(), user_id);
        self.refresh_order.push_back(token.clone());
        token
    }

    /// Consumes a refresh token: it answers once, then is gone (rotation).
    pub(crate) fn take_refresh(&mut self, token: &str) -> Option<Uuid> {
        self.refresh.remove(token)
    }

    /// The user a bearer access token acts as, if it is known and still valid at `now`.
    pub(crate) fn authenticate(
        &self,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<Uuid, TokenProblem> {
        let grant = self
            .access_index
            .get(token)
            .and_then(|seq| seq.checked_sub(self.first_access))
            .and_then(|at| usize::try_from(at).ok())
            .and_then(|at| self.access.get(at))
            .ok_or(TokenProblem::Unknown)?;
        if now >= grant.expires_at {
            Err(TokenProblem::Expired)
        } else {
            Ok(grant.user_id)
        }
    }

    /// Makes every access token issued so far expired as of `now`.
    pub(crate) fn expire_access(&mut self, now: DateTime<Utc>) {
        for grant in &mut self.access {
            grant.expires_at = grant.expires_at.min(now);
        }
    }

    /// Forgets every refresh token issued so far.
    pub(crate) fn revoke_refresh(&mut self) {
        self.refresh.clear();
        self.refresh_order.clear();
    }

    /// Counts one successful exchange at the token endpoint.
    pub(crate) fn count_exchange(&mut self) {
        self.exchanges = self.exchanges.saturating_add(1);
    }

    /// How many exchanges succeeded.
    pub(crate) fn exchanges(&self) -> usize {
        self.exchanges
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_tokens_expire_at_their_lifetime() {
        let mut tokens = Tokens::default();
        let user = Uuid::new_v4();
        let now = Utc::now();
        let token = tokens.issue_access(user, now, TimeDelta::seconds(10));
        assert_eq!(tokens.authenticate(&token, now), Ok(user));
        let later = now + TimeDelta::seconds(10);
        assert_eq!(
            tokens.authenticate(&token, later),
            Err(TokenProblem::Expired)
        );
        assert_eq!(tokens.authenticate("nope", now), Err(TokenProblem::Unknown));
    }

    #[test]
    fn refresh_tokens_answer_once() {
        let mut tokens = Tokens::default();
        let user = Uuid::new_v4();
        let token = tokens.issue_refresh(user);
        assert_eq!(tokens.take_refresh(&token), Some(user));
        assert_eq!(tokens.take_refresh(&token), None);
    }

    #[test]
    fn expiring_is_immediate() {
        let mut tokens = Tokens::default();
        let now = Utc::now();
        let token = tokens.issue_access(Uuid::new_v4(), now, TimeDelta::hours(1));
        tokens.expire_access(now);
        assert_eq!(tokens.authenticate(&token, now), Err(TokenProblem::Expired));
    }

    #[test]
    fn old_expired_access_tokens_are_forgotten() {
        let mut tokens = Tokens::default();
        let user = Uuid::new_v4();
        let now = Utc::now();
        let first = tokens.issue_access(user, now, TimeDelta::seconds(1));
        for _ in 0..KEEP_EXPIRED {
            tokens.issue_access(user, now, TimeDelta::seconds(1));
        }
        let later = now + TimeDelta::seconds(2);
        assert_eq!(
            tokens.authenticate(&first, later),
            Err(TokenProblem::Expired)
        );
        let fresh = tokens.issue_access(user, later, TimeDelta::seconds(1));
        assert_eq!(tokens.access.len(), KEEP_EXPIRED + 1);
        assert_eq!(tokens.access_index.len(), KEEP_EXPIRED + 1);
        assert_eq!(
            tokens.authenticate(&first, later),
            Err(TokenProblem::Unknown)
        );
        assert_eq!(tokens.authenticate(&fresh, later), Ok(user));
    }

    #[test]
    fn valid_access_tokens_are_capped() {
        let mut tokens = Tokens::default();
        let user = Uuid::new_v4();
        let now = Utc::now();
        let first = tokens.issue_access(user, now, TimeDelta::days(1));
        let mut last = String::new();
        for _ in 0..MAX_ACCESS {
            last = tokens.issue_access(user, now, TimeDelta::days(1));
        }
        assert_eq!(tokens.access.len(), MAX_ACCESS);
        assert_eq!(tokens.authenticate(&first, now), Err(TokenProblem::Unknown));
        assert_eq!(tokens.authenticate(&last, now), Ok(user));
    }

    #[test]
    fn unused_refresh_tokens_are_capped() {
        let mut tokens = Tokens::default();
        let user = Uuid::new_v4();
        let first = tokens.issue_refresh(user);
        let used = tokens.issue_refresh(user);
        assert_eq!(tokens.take_refresh(&used), Some(user));
        for _ in 0..MAX_REFRESH {
            tokens.issue_refresh(user);
        }
        assert_eq!(tokens.refresh.len(), MAX_REFRESH);
        assert!(tokens.refresh_order.len() <= MAX_REFRESH + 1);
        assert_eq!(tokens.take_refresh(&first), None);
    }

    #[test]
    fn used_refresh_tokens_do_not_pile_up() {
        let mut tokens = Tokens::default();
        let user = Uuid::new_v4();
        tokens.issue_refresh(user); // never used: stays at the front
        for _ in 0..3 * MAX_REFRESH {
            let token = tokens.issue_refresh(user);
            tokens.take_refresh(&token);
        }
        assert_eq!(tokens.refresh.len(), 1);
        assert!(tokens.refresh_order.len() <= 2 * MAX_REFRESH);
    }
}
