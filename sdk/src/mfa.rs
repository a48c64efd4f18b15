//! Multi-factor authentication: a user's TOTP enrollment and recovery codes, and an
//! organization's MFA enforcement.
//!
//! Enrolling takes two calls: [`get_totp_enrollment`](MfaApi::get_totp_enrollment) gives a
//! secret seed (and a QR code of it) for an authenticator app, then
//! [`confirm_totp_enrollment`](MfaApi::confirm_totp_enrollment) sends that seed back with a
//! passcode from the app and answers the recovery codes.
//!
//! Seeds, passcodes and recovery codes are [`Secret`]s: they show as `[redacted]` in `Debug`
//! output and are read with [`Secret::expose`].
//!
//! ```no_run
//! use upsun::mfa::{ConfirmTotpEnrollment, MfaApi};
//! use upsun::users::UsersApi;
//!
//! # async fn run(client: upsun::Client, passcode_from_app: String) -> upsun::Result<()> {
//! let me = client.current_user().await?;
//! let enrollment = client.get_totp_enrollment(me.id).await?;
//! if let Some(seed) = &enrollment.secret {
//!     // Show enrollment.qr_code to the user, read the passcode their app shows...
//!     let codes = client
//!         .confirm_totp_enrollment(me.id, &ConfirmTotpEnrollment::new(seed, passcode_from_app))
//!         .await?;
//!     println!("keep {} recovery codes somewhere safe", codes.recovery_codes.len());
//! }
//! # Ok(())
//! # }
//! ```

mod secret;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::endpoint;

pub use self::secret::Secret;

/// The calls of the Mfa area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them: `use upsun::mfa::MfaApi;`.
pub trait MfaApi: crate::Api {
    /// Starts (or resumes) a user's TOTP enrollment: the seed to load into an authenticator app.
    ///
    /// A user who is already enrolled gets an [`Error::Conflict`](crate::Error).
    ///
    /// ```no_run
    /// # use upsun::mfa::MfaApi;
    /// # async fn run(client: upsun::Client, user_id: uuid::Uuid) -> upsun::Result<()> {
    /// let enrollment = client.get_totp_enrollment(user_id).await?;
    /// println!("scan the code for {:?}", enrollment.account_name);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/<user_id>/totp")]
    async fn get_totp_enrollment(&self, user_id: Uuid) -> crate::Result<TotpEnrollment>;

    /// Confirms a TOTP enrollment with the seed and a passcode; answers the recovery codes.
    ///
    /// A wrong passcode is an [`Error::BadRequest`](crate::Error).
    ///
    /// ```no_run
    /// # use upsun::mfa::{ConfirmTotpEnrollment, MfaApi};
    /// # async fn run(client: upsun::Client, user_id: uuid::Uuid) -> upsun::Result<()> {
    /// let seed = client.get_totp_enrollment(user_id).await?.secret.expect("a seed");
    /// let confirm = ConfirmTotpEnrollment::new(seed, "123456");
    /// let codes = client.confirm_totp_enrollment(user_id, &confirm).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/users/<user_id>/totp")]
    async fn confirm_totp_enrollment(
        &self,
        user_id: Uuid,
        #[body] confirm: &ConfirmTotpEnrollment,
    ) -> crate::Result<RecoveryCodes>;

    /// Withdraws a user's TOTP enrollment.
    ///
    /// ```no_run
    /// # use upsun::mfa::MfaApi;
    /// # async fn run(client: upsun::Client, user_id: uuid::Uuid) -> upsun::Result<()> {
    /// client.withdraw_totp_enrollment(user_id).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/users/<user_id>/totp")]
    async fn withdraw_totp_enrollment(&self, user_id: Uuid) -> crate::Result<()>;

    /// Replaces an enrolled user's recovery codes with new ones; the old ones stop working.
    ///
    /// ```no_run
    /// # use upsun::mfa::MfaApi;
    /// # async fn run(client: upsun::Client, user_id: uuid::Uuid) -> upsun::Result<()> {
    /// let codes = client.recreate_recovery_codes(user_id).await?;
    /// for code in &codes.recovery_codes {
    ///     // Hand each one to the user, once.
    ///     let _ = code.expose();
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/users/<user_id>/codes")]
    async fn recreate_recovery_codes(&self, user_id: Uuid) -> crate::Result<RecoveryCodes>;

    /// Gets whether an organization enforces MFA; the organization may be given as
    /// `name=<name>`.
    ///
    /// ```no_run
    /// # use upsun::mfa::MfaApi;
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let settings = client.get_org_mfa_enforcement("name=acme").await?;
    /// println!("enforced: {:?}", settings.enforce_mfa);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/organizations/<organization_id>/mfa-enforcement")]
    async fn get_org_mfa_enforcement(&self, organization_id: &str)
    -> crate::Result<MfaEnforcement>;

    /// Makes MFA mandatory for an organization's members. Enabling it twice is harmless, so
    /// the call is retried like a GET.
    ///
    /// ```no_run
    /// # use upsun::mfa::MfaApi;
    /// # async fn run(client: upsun::Client, org_id: &str) -> upsun::Result<()> {
    /// client.enable_org_mfa_enforcement(org_id).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/organizations/<organization_id>/mfa-enforcement/enable",
        idempotent
    )]
    async fn enable_org_mfa_enforcement(&self, organization_id: &str) -> crate::Result<()>;

    /// Stops enforcing MFA for an organization. Retried like a GET, as enabling is.
    ///
    /// ```no_run
    /// # use upsun::mfa::MfaApi;
    /// # async fn run(client: upsun::Client, org_id: &str) -> upsun::Result<()> {
    /// client.disable_org_mfa_enforcement(org_id).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/organizations/<organization_id>/mfa-enforcement/disable",
        idempotent
    )]
    async fn disable_org_mfa_enforcement(&self, organization_id: &str) -> crate::Result<()>;

    /// Reminds some members of an organization to set up MFA; answers the outcome per user.
    ///
    /// ```no_run
    /// # use upsun::mfa::{MfaApi, SendOrgMfaReminders};
    /// # async fn run(client: upsun::Client, org_id: &str, members: Vec<uuid::Uuid>) -> upsun::Result<()> {
    /// let outcome = client
    ///     .send_org_mfa_reminders(org_id, &SendOrgMfaReminders::new(members))
    ///     .await?;
    /// for (user_id, result) in &outcome {
    ///     println!("{user_id}: {:?} {:?}", result.code, result.message);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/organizations/<organization_id>/mfa/remind")]
    async fn send_org_mfa_reminders(
        &self,
        organization_id: &str,
        #[body] reminders: &SendOrgMfaReminders,
    ) -> crate::Result<MfaReminders>;
}

impl MfaApi for crate::Client {}

/// What a user needs to enroll in TOTP: the seed, as text and as a QR code.
///
/// Both are [`Secret`]s (the QR code encodes the seed), redacted in `Debug` output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TotpEnrollment {
    /// Who issues the codes, as authenticator apps show it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// The account name authenticator apps show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_name: Option<String>,
    /// The secret seed, to send back in [`ConfirmTotpEnrollment`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<Secret>,
    /// A `data:image/png;base64,...` URI of a QR code of the seed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr_code: Option<Secret>,
}

/// The confirmation of a TOTP enrollment: the seed from
/// [`get_totp_enrollment`](MfaApi::get_totp_enrollment) and a passcode an app computed from it.
///
/// ```
/// use upsun::mfa::ConfirmTotpEnrollment;
///
/// let confirm = ConfirmTotpEnrollment::new("JBSWY3DPEHPK3PXP", "123456");
/// assert!(!format!("{confirm:?}").contains("JBSWY3DPEHPK3PXP"));
/// assert_eq!(
///     serde_json::to_value(&confirm).unwrap(),
///     serde_json::json!({"secret": "JBSWY3DPEHPK3PXP", "passcode": "123456"}),
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ConfirmTotpEnrollment {
    /// The secret seed.
    pub secret: Secret,
    /// The current passcode.
    pub passcode: Secret,
}

impl ConfirmTotpEnrollment {
    /// A confirmation of `secret` with `passcode`.
    pub fn new(secret: impl Into<Secret>, passcode: impl Into<Secret>) -> Self {
        ConfirmTotpEnrollment {
            secret: secret.into(),
            passcode: passcode.into(),
        }
    }
}

/// Recovery codes: each signs in once when the authenticator app is lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RecoveryCodes {
    /// The codes, redacted in `Debug` output.
    #[serde(default)]
    pub recovery_codes: Vec<Secret>,
}

/// An organization's MFA settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MfaEnforcement {
    /// Whether members must use MFA.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforce_mfa: Option<bool>,
}

/// The members to remind to set up MFA.
///
/// ```
/// use upsun::mfa::SendOrgMfaReminders;
///
/// let id = uuid::Uuid::nil();
/// assert_eq!(
///     serde_json::to_value(SendOrgMfaReminders::new([id])).unwrap(),
///     serde_json::json!({"user_ids": [id]}),
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SendOrgMfaReminders {
    /// The IDs of the members.
    pub user_ids: Vec<Uuid>,
}

impl SendOrgMfaReminders {
    /// Reminders for these members.
    pub fn new(user_ids: impl IntoIterator<Item = Uuid>) -> Self {
        SendOrgMfaReminders {
            user_ids: user_ids.into_iter().collect(),
        }
    }
}

/// The outcome of [`send_org_mfa_reminders`](MfaApi::send_org_mfa_reminders), by user ID.
pub type MfaReminders = BTreeMap<Uuid, MfaReminderResult>;

/// The outcome of a reminder for one user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MfaReminderResult {
    /// An HTTP-like status for this user (200 when the reminder went out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<u16>,
    /// What happened, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_show_in_debug_output() {
        let enrollment: TotpEnrollment = serde_json::from_value(serde_json::json!({
            "issuer": "https://upsun.com",
            "account_name": "ada@example.com",
            "secret": "JBSWY3DPEHPK3PXP",
            "qr_code": "data:image/png;base64,SECRETQR"
        }))
        .unwrap();
        let shown = format!("{enrollment:?}");
        assert!(
            !shown.contains("JBSWY3DPEHPK3PXP") && !shown.contains("SECRETQR"),
            "{shown}"
        );
        assert!(shown.contains("ada@example.com"), "{shown}");
        assert_eq!(
            enrollment.secret.as_ref().map(Secret::expose),
            Some("JBSWY3DPEHPK3PXP")
        );

        let codes: RecoveryCodes =
            serde_json::from_str(r#"{"recovery_codes": ["abcd-1234", "efgh-5678"]}"#).unwrap();
        let shown = format!("{codes:?}");
        assert!(
            !shown.contains("abcd-1234") && !shown.contains("efgh"),
            "{shown}"
        );
        assert_eq!(codes.recovery_codes[1].expose(), "efgh-5678");
    }

    #[test]
    fn reminders_decode_by_user_id() {
        let id = Uuid::from_u128(7);
        let outcome: MfaReminders = serde_json::from_value(serde_json::json!({
            id.to_string(): {"code": 200, "message": "sent"}
        }))
        .unwrap();
        assert_eq!(outcome[&id].code, Some(200));
    }
}
