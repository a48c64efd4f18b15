//! The Mfa area: TOTP enrollment and recovery codes for users (`totp.rs`), and MFA
//! enforcement and reminders for organizations (`organizations.rs`).
//!
//! - `GET /users/{user_id}/totp`: for a user not enrolled, the enrollment to scan:
//!   `{"issuer", "account_name" (the user's email), "secret" (base32), "qr_code"}`. The secret
//!   stays the same until the enrollment is confirmed or withdrawn; `qr_code` is a placeholder
//!   PNG data URI, not a scannable code. 409 once enrolled.
//! - `POST /users/{user_id}/totp` with `{"secret", "passcode"}`: confirms the enrollment when
//!   `secret` is the one `GET` gave and `passcode` is [`TOTP_PASSCODE`] (the mock computes no
//!   real TOTP); 400 naming the field otherwise, 409 if already enrolled. Answers 200 with
//!   `{"recovery_codes": [...]}`, ten new codes.
//! - `DELETE /users/{user_id}/totp`: withdraws the enrollment (204); 404 if not enrolled.
//! - `POST /users/{user_id}/codes`: ten new recovery codes replace the old ones (201); 404 if
//!   not enrolled.
//! - `GET /organizations/{organization_id}/mfa-enforcement`, `POST .../enable`,
//!   `POST .../disable`, `POST /organizations/{organization_id}/mfa/remind`: see
//!   `organizations.rs`.
//!
//! Only the user itself may enroll, confirm and re-create codes (403 otherwise, admins
//! included); an admin may also withdraw someone's enrollment. Errors use the API's
//! `{"error": ...}`. Its test handle is [`MfaHandle`].

mod organizations;
mod totp;

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::FromRef;
use axum::routing::{get, post};
use uuid::Uuid;

use crate::areas::organizations as orgs;
use crate::core::{Core, Lend, Shared, lock};

/// The one passcode the mock accepts to confirm a TOTP enrollment.
pub const TOTP_PASSCODE: &str = "123456";

/// One user's TOTP state.
#[derive(Debug, Default, Clone)]
struct Totp {
    /// The secret offered by `GET`, until confirmed or withdrawn.
    pending: Option<String>,
    enrolled: bool,
    recovery_codes: Vec<String>,
}

/// One organization's MFA settings.
#[derive(Debug, Default, Clone)]
struct OrgMfa {
    /// Whether members must use MFA.
    enforce_mfa: bool,
    /// Every user reminded to set up MFA, in order (repeats kept).
    reminded: Vec<Uuid>,
}

/// Every user's TOTP state and every organization's MFA settings.
#[derive(Debug, Default)]
pub(crate) struct Store {
    users: HashMap<Uuid, Totp>,
    /// By organization ID.
    organizations: HashMap<String, OrgMfa>,
}

impl Store {
    /// Whether this user has confirmed a TOTP enrollment.
    fn is_enrolled(&self, user_id: Uuid) -> bool {
        self.users.get(&user_id).is_some_and(|totp| totp.enrolled)
    }

    /// Whether this organization enforces MFA.
    fn enforced(&self, organization_id: &str) -> bool {
        self.organizations
            .get(organization_id)
            .is_some_and(|settings| settings.enforce_mfa)
    }
}

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<Store>: FromRef<S>,
    Shared<orgs::Store>: FromRef<S>,
{
    Router::new()
        .route(
            "/users/{user_id}/totp",
            get(totp::get_enrollment)
                .post(totp::confirm_enrollment)
                .delete(totp::withdraw_enrollment),
        )
        .route("/users/{user_id}/codes", post(totp::recreate_codes))
        .route(
            "/organizations/{organization_id}/mfa-enforcement",
            get(organizations::get_enforcement),
        )
        .route(
            "/organizations/{organization_id}/mfa-enforcement/enable",
            post(organizations::enable_enforcement),
        )
        .route(
            "/organizations/{organization_id}/mfa-enforcement/disable",
            post(organizations::disable_enforcement),
        )
        .route(
            "/organizations/{organization_id}/mfa/remind",
            post(organizations::remind),
        )
}

/// TOTP and organization MFA state, for tests: from [`MockServer::mfa`](crate::MockServer::mfa).
#[derive(Clone, Copy)]
pub struct MfaHandle<'a> {
    store: &'a Mutex<Store>,
}

impl<'a> MfaHandle<'a> {
    pub(crate) fn new<R: Lend<Mutex<Store>>>(registry: &'a R) -> Self {
        MfaHandle {
            store: registry.lend(),
        }
    }

    /// Whether this user has confirmed a TOTP enrollment.
    pub fn totp_enrolled(&self, user_id: Uuid) -> bool {
        lock(self.store).is_enrolled(user_id)
    }

    /// The user's current recovery codes (empty when not enrolled).
    pub fn recovery_codes(&self, user_id: Uuid) -> Vec<String> {
        lock(self.store)
            .users
            .get(&user_id)
            .map(|totp| totp.recovery_codes.clone())
            .unwrap_or_default()
    }

    /// Whether this organization enforces MFA for its members (`false` for an unknown one).
    pub fn enforced(&self, organization_id: &str) -> bool {
        lock(self.store).enforced(organization_id)
    }

    /// The users reminded to set up MFA for this organization, in order (repeats kept); empty
    /// for an unknown organization.
    pub fn reminders(&self, organization_id: &str) -> Vec<Uuid> {
        lock(self.store)
            .organizations
            .get(organization_id)
            .map(|settings| settings.reminded.clone())
            .unwrap_or_default()
    }
}

impl fmt::Debug for MfaHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MfaHandle").finish_non_exhaustive()
    }
}
