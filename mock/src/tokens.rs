//! Credentials: API tokens, access tokens (with expiry) and refresh tokens (single use).

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use uuid::Uuid;

/// Why a bearer token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenProblem {
    /// The mock never issued this token.
    Unknown,
    /// The token was issued but its lifetime is over (or it was expired on purpose).
    Expired,
}

#[derive(Debug, Clone)]
struct AccessGrant {
    user_id: Uuid,
    expires_at: DateTime<Utc>,
}

/// Every credential the mock has issued.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    api: HashMap<String, Uuid>,
    access: HashMap<String, AccessGrant>,
    refresh: HashMap<String, Uuid>,
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

    /// Issues an access token for `user_id` that expires `lifetime` after `now`.
    pub(crate) fn issue_access(
        &mut self,
        user_id: Uuid,
        now: DateTime<Utc>,
        lifetime: TimeDelta,
    ) -> String {
        let token = mint("mock_at");
        let expires_at = now
            .checked_add_signed(lifetime)
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
        self.access.insert(
            token.clone(),
            AccessGrant {
                user_id,
                expires_at,
            },
        );
        token
    }

    /// Issues a single-use refresh token for `user_id`.
    pub(crate) fn issue_refresh(&mut self, user_id: Uuid) -> String {
        let token = mint("mock_rt");
        self.refresh.insert(token.clone(), user_id);
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
        match self.access.get(token) {
            None => Err(TokenProblem::Unknown),
            Some(grant) if now >= grant.expires_at => Err(TokenProblem::Expired),
            Some(grant) => Ok(grant.user_id),
        }
    }

    /// Makes every access token issued so far expired as of `now`.
    pub(crate) fn expire_access(&mut self, now: DateTime<Utc>) {
        for grant in self.access.values_mut() {
            grant.expires_at = grant.expires_at.min(now);
        }
    }

    /// Forgets every refresh token issued so far.
    pub(crate) fn revoke_refresh(&mut self) {
        self.refresh.clear();
    }

    /// Counts one successful exchange at the token endpoint.
    pub(crate) fn count_exchange(&mut self) {
        self.exchanges += 1;
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
}
