//! The models of the phone_numbers area.

use crate::models::{request, string_enum};
use serde::{Deserialize, Serialize};

string_enum! {
    /// How the verification code reaches the phone.
    ///
    /// ```
    /// use upsun::phone_numbers::PhoneChannel;
    ///
    /// assert_eq!(PhoneChannel::from("sms"), PhoneChannel::Sms);
    /// assert_eq!(PhoneChannel::Whatsapp.as_str(), "whatsapp");
    /// ```
    pub enum PhoneChannel {
        /// A text message.
        Sms = "sms",
        /// A WhatsApp message.
        Whatsapp = "whatsapp",
        /// A voice call.
        Call = "call",
    }
}

request! {
/// A request to send a verification code to a phone number.
///
/// The channel must be one the API knows: an [`PhoneChannel::Unknown`] value is refused
/// before sending, naming `channel`.
///
/// ```
/// use upsun::phone_numbers::{PhoneChannel, VerifyPhoneNumber};
///
/// let request = VerifyPhoneNumber::new(PhoneChannel::Sms, "+442071838750");
/// assert_eq!(
///     serde_json::to_value(&request).unwrap(),
///     serde_json::json!({"channel": "sms", "phone_number": "+442071838750"}),
/// );
/// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct VerifyPhoneNumber {
        required {
            /// How the code is sent.
            channel: PhoneChannel => known_channel,
            /// The phone number to send it to, in international format (`+` and the country
            /// code).
            phone_number: String,
        }
    }
}

/// A phone verification session, from
/// [`verify_phone_number`](PhoneNumbersApi::verify_phone_number).
///
/// The document requires nothing of this answer, so `sid` is an `Option`; without it there is
/// no session to confirm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PhoneVerification {
    /// The session ID, for [`confirm_phone_number`](PhoneNumbersApi::confirm_phone_number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
}

request! {
/// The code a user received, to confirm its phone number.
///
/// ```
/// use upsun::phone_numbers::ConfirmPhoneNumber;
///
/// assert_eq!(
///     serde_json::to_value(ConfirmPhoneNumber::new("123456")).unwrap(),
///     serde_json::json!({"code": "123456"}),
/// );
/// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct ConfirmPhoneNumber {
        required {
            /// The verification code.
            code: String,
        }
    }
}

/// Refuses a channel this SDK does not know: the API would refuse it too.
fn known_channel(channel: &PhoneChannel) -> Result<(), String> {
    match channel {
        PhoneChannel::Unknown(other) => {
            Err(format!("must be one of sms, whatsapp, call, got {other:?}"))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_channels_are_refused_naming_the_field() {
        let request = VerifyPhoneNumber::new(PhoneChannel::from("fax"), "+15551234567");
        let err = serde_json::to_vec(&request).unwrap_err().to_string();
        assert!(err.contains("`channel`") && err.contains("fax"), "{err}");
        for channel in ["sms", "whatsapp", "call"] {
            let request = VerifyPhoneNumber::new(PhoneChannel::from(channel), "+15551234567");
            let json = serde_json::to_value(&request).unwrap();
            assert_eq!(json["channel"], channel);
        }
    }

    #[test]
    fn a_session_decodes_with_or_without_its_sid() {
        let session: PhoneVerification = serde_json::from_str(r#"{"sid": "VE1"}"#).unwrap();
        assert_eq!(session.sid.as_deref(), Some("VE1"));
        let bare: PhoneVerification = serde_json::from_str("{}").unwrap();
        assert_eq!(bare.sid, None);
    }
}
