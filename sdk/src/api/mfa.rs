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

mod models;

use crate::{OrganizationId, UserId, endpoint};

pub use self::models::*;

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
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId) -> upsun::Result<()> {
    /// let enrollment = client.get_totp_enrollment(user_id).await?;
    /// println!("scan the code for {:?}", enrollment.account_name);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/<user_id>/totp", secret)]
    async fn get_totp_enrollment(&self, user_id: UserId) -> crate::Result<TotpEnrollment>;

    /// Confirms a TOTP enrollment with the seed and a passcode; answers the recovery codes.
    ///
    /// A wrong passcode is an [`Error::BadRequest`](crate::Error).
    ///
    /// ```no_run
    /// # use upsun::mfa::{ConfirmTotpEnrollment, MfaApi};
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId) -> upsun::Result<()> {
    /// let seed = client.get_totp_enrollment(user_id).await?.secret.expect("a seed");
    /// let confirm = ConfirmTotpEnrollment::new(seed, "123456");
    /// let codes = client.confirm_totp_enrollment(user_id, &confirm).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/users/<user_id>/totp", secret)]
    async fn confirm_totp_enrollment(
        &self,
        user_id: UserId,
        #[body] confirm: &ConfirmTotpEnrollment,
    ) -> crate::Result<RecoveryCodes>;

    /// Withdraws a user's TOTP enrollment.
    ///
    /// ```no_run
    /// # use upsun::mfa::MfaApi;
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId) -> upsun::Result<()> {
    /// client.withdraw_totp_enrollment(user_id).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/users/<user_id>/totp")]
    async fn withdraw_totp_enrollment(&self, user_id: UserId) -> crate::Result<()>;

    /// Replaces an enrolled user's recovery codes with new ones; the old ones stop working.
    ///
    /// ```no_run
    /// # use upsun::mfa::MfaApi;
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId) -> upsun::Result<()> {
    /// let codes = client.recreate_recovery_codes(user_id).await?;
    /// for code in &codes.recovery_codes {
    ///     // Hand each one to the user, once.
    ///     let _ = code.expose();
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/users/<user_id>/codes", secret)]
    async fn recreate_recovery_codes(&self, user_id: UserId) -> crate::Result<RecoveryCodes>;

    /// Gets whether an organization enforces MFA; the organization may be given as
    /// `name=<name>`.
    ///
    /// ```no_run
    /// # use upsun::mfa::MfaApi;
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let settings = client.get_org_mfa_enforcement(&"name=acme".into()).await?;
    /// println!("enforced: {:?}", settings.enforce_mfa);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/organizations/<organization_id>/mfa-enforcement")]
    async fn get_org_mfa_enforcement(
        &self,
        organization_id: &OrganizationId,
    ) -> crate::Result<MfaEnforcement>;

    /// Makes MFA mandatory for an organization's members. Enabling it twice is harmless, so
    /// the call is retried like a GET.
    ///
    /// ```no_run
    /// # use upsun::mfa::MfaApi;
    /// # async fn run(client: upsun::Client, org_id: &upsun::OrganizationId) -> upsun::Result<()> {
    /// client.enable_org_mfa_enforcement(org_id).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/organizations/<organization_id>/mfa-enforcement/enable",
        idempotent
    )]
    async fn enable_org_mfa_enforcement(
        &self,
        organization_id: &OrganizationId,
    ) -> crate::Result<()>;

    /// Stops enforcing MFA for an organization. Retried like a GET, as enabling is.
    ///
    /// ```no_run
    /// # use upsun::mfa::MfaApi;
    /// # async fn run(client: upsun::Client, org_id: &upsun::OrganizationId) -> upsun::Result<()> {
    /// client.disable_org_mfa_enforcement(org_id).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        POST,
        "/organizations/<organization_id>/mfa-enforcement/disable",
        idempotent
    )]
    async fn disable_org_mfa_enforcement(
        &self,
        organization_id: &OrganizationId,
    ) -> crate::Result<()>;

    /// Reminds some members of an organization to set up MFA; answers the outcome per user.
    ///
    /// ```no_run
    /// # use upsun::mfa::{MfaApi, SendOrgMfaReminders};
    /// # async fn run(client: upsun::Client, org_id: &upsun::OrganizationId, members: Vec<upsun::UserId>) -> upsun::Result<()> {
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
        organization_id: &OrganizationId,
        #[body] reminders: &SendOrgMfaReminders,
    ) -> crate::Result<MfaReminders>;
}

impl MfaApi for crate::Client {}
