//! Phone numbers: verify a user's phone number with a code sent by SMS, WhatsApp or a call.
//!
//! Verification takes two calls: [`verify_phone_number`](PhoneNumbersApi::verify_phone_number)
//! sends a code and answers a session ID, then
//! [`confirm_phone_number`](PhoneNumbersApi::confirm_phone_number) sends back the code the user
//! received.
//!
//! ```no_run
//! use upsun::phone_numbers::{ConfirmPhoneNumber, PhoneChannel, PhoneNumbersApi, VerifyPhoneNumber};
//!
//! # async fn run(client: upsun::Client, user_id: uuid::Uuid, code: String) -> upsun::Result<()> {
//! let session = client
//!     .verify_phone_number(user_id, &VerifyPhoneNumber::new(PhoneChannel::Sms, "+442071838750"))
//!     .await?;
//! // ... the user reads the code it received ...
//! client
//!     .confirm_phone_number(user_id, &session.sid, &ConfirmPhoneNumber::new(code))
//!     .await?;
//! # Ok(())
//! # }
//! ```

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::endpoint;
use crate::models::string_enum;

/// The calls of the PhoneNumber area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them: `use upsun::phone_numbers::PhoneNumbersApi;`.
pub trait PhoneNumbersApi: crate::Api {
    /// Starts verifying a phone number: a code goes to the number over the chosen channel, and
    /// the answer holds the session ID to confirm it with.
    ///
    /// The channel is checked before sending (one of `sms`, `whatsapp`, `call`). A number
    /// another account already verified is a 409 ([`Error::Conflict`](crate::Error)).
    ///
    /// ```no_run
    /// # use upsun::phone_numbers::{PhoneChannel, PhoneNumbersApi, VerifyPhoneNumber};
    /// # async fn run(client: upsun::Client, user_id: uuid::Uuid) -> upsun::Result<()> {
    /// let request = VerifyPhoneNumber::new(PhoneChannel::Whatsapp, "+33612345678");
    /// let session = client.verify_phone_number(user_id, &request).await?;
    /// println!("confirm with session {}", session.sid);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/users/<user_id>/phonenumber")]
    async fn verify_phone_number(
        &self,
        user_id: Uuid,
        #[body] request: &VerifyPhoneNumber,
    ) -> crate::Result<PhoneVerification>;

    /// Confirms a phone number with the code the user received. A wrong code is a 400
    /// ([`Error::BadRequest`](crate::Error)); a session already confirmed is a 409.
    ///
    /// ```no_run
    /// # use upsun::phone_numbers::{ConfirmPhoneNumber, PhoneNumbersApi};
    /// # async fn run(client: upsun::Client, user_id: uuid::Uuid, sid: String) -> upsun::Result<()> {
    /// client
    ///     .confirm_phone_number(user_id, &sid, &ConfirmPhoneNumber::new("123456"))
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/users/<user_id>/phonenumber/<sid>")]
    async fn confirm_phone_number(
        &self,
        user_id: Uuid,
        sid: &str,
        #[body] confirmation: &ConfirmPhoneNumber,
    ) -> crate::Result<()>;
}

impl PhoneNumbersApi for crate::Client {}

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct VerifyPhoneNumber {
    /// How the code is sent.
    #[serde(serialize_with = "check_channel")]
    pub channel: PhoneChannel,
    /// The phone number to send it to, in international format (`+` and the country code).
    pub phone_number: String,
}

impl VerifyPhoneNumber {
    /// Sends a code to `phone_number` over `channel`.
    pub fn new(channel: PhoneChannel, phone_number: impl Into<String>) -> Self {
        Self {
            channel,
            phone_number: phone_number.into(),
        }
    }
}

/// A phone verification session, from
/// [`verify_phone_number`](PhoneNumbersApi::verify_phone_number).
///
/// `sid` is required here although the API does not mark it so: the session ID is the
/// answer's whole point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PhoneVerification {
    /// The session ID, for [`confirm_phone_number`](PhoneNumbersApi::confirm_phone_number).
    pub sid: String,
}

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ConfirmPhoneNumber {
    /// The verification code.
    pub code: String,
}

impl ConfirmPhoneNumber {
    /// Confirms with this code.
    pub fn new(code: impl Into<String>) -> Self {
        Self { code: code.into() }
    }
}

fn check_channel<S: serde::Serializer>(channel: &PhoneChannel, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::Error as _;
    if let PhoneChannel::Unknown(other) = channel {
        return Err(S::Error::custom(format!(
            "`channel` must be one of sms, whatsapp, call, got {other:?}"
        )));
    }
    channel.serialize(s)
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
    fn a_session_needs_its_sid() {
        let session: PhoneVerification = serde_json::from_str(r#"{"sid": "VE1"}"#).unwrap();
        assert_eq!(session.sid, "VE1");
        assert!(serde_json::from_str::<PhoneVerification>("{}").is_err());
    }
}
