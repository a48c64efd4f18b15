//! The models of the MFA area. Seeds, passcodes and recovery codes are [`Secret`]s.

pub use crate::models::Secret;

use crate::UserId;
use crate::models::request;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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

request! {
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
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct ConfirmTotpEnrollment {
        required {
            /// The secret seed.
            secret: Secret,
            /// The current passcode.
            passcode: Secret,
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

request! {
/// The members to remind to set up MFA.
///
/// ```
/// use upsun::mfa::SendOrgMfaReminders;
///
/// let id = upsun::UserId::new(uuid::Uuid::nil());
/// assert_eq!(
///     serde_json::to_value(SendOrgMfaReminders::new([id])).unwrap(),
///     serde_json::json!({"user_ids": [id]}),
/// );
/// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct SendOrgMfaReminders {
        required {
            /// The IDs of the members.
            user_ids: Vec<UserId>,
        }
    }
}

/// The outcome of [`send_org_mfa_reminders`](super::MfaApi::send_org_mfa_reminders), by user ID
/// (the keys are kept as text: the document does not promise they are UUIDs).
pub type MfaReminders = BTreeMap<String, MfaReminderResult>;

/// The outcome of a reminder for one user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MfaReminderResult {
    /// An HTTP-like status for this user (200 when the reminder went out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<i64>,
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
    fn reminders_decode_by_any_key_and_any_integer() {
        let id = uuid::Uuid::from_u128(7).to_string();
        let outcome: MfaReminders = serde_json::from_value(serde_json::json!({
            id.clone(): {"code": 200, "message": "sent"},
            "not-a-uuid": {"code": 70000}
        }))
        .unwrap();
        assert_eq!(outcome[&id].code, Some(200));
        assert_eq!(outcome["not-a-uuid"].code, Some(70000));
    }
}
