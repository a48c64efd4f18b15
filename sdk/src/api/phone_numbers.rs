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
//! # async fn run(client: upsun::Client, user_id: upsun::UserId, code: String) -> upsun::Result<()> {
//! let session = client
//!     .verify_phone_number(user_id, &VerifyPhoneNumber::new(PhoneChannel::Sms, "+442071838750"))
//!     .await?;
//! // ... the user reads the code it received ...
//! if let Some(sid) = &session.sid {
//!     client
//!         .confirm_phone_number(user_id, sid, &ConfirmPhoneNumber::new(code))
//!         .await?;
//! }
//! # Ok(())
//! # }
//! ```

mod models;

use crate::{UserId, endpoint};

pub use self::models::*;

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
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId) -> upsun::Result<()> {
    /// let request = VerifyPhoneNumber::new(PhoneChannel::Whatsapp, "+33612345678");
    /// let session = client.verify_phone_number(user_id, &request).await?;
    /// println!("confirm with session {:?}", session.sid);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/users/<user_id>/phonenumber")]
    async fn verify_phone_number(
        &self,
        user_id: UserId,
        #[body] request: &VerifyPhoneNumber,
    ) -> crate::Result<PhoneVerification>;

    /// Confirms a phone number with the code the user received. A wrong code is a 400
    /// ([`Error::BadRequest`](crate::Error)); a session already confirmed is a 409.
    ///
    /// ```no_run
    /// # use upsun::phone_numbers::{ConfirmPhoneNumber, PhoneNumbersApi};
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId, sid: String) -> upsun::Result<()> {
    /// client
    ///     .confirm_phone_number(user_id, &sid, &ConfirmPhoneNumber::new("123456"))
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/users/<user_id>/phonenumber/<sid>")]
    async fn confirm_phone_number(
        &self,
        user_id: UserId,
        sid: &str,
        #[body] confirmation: &ConfirmPhoneNumber,
    ) -> crate::Result<()>;
}

impl PhoneNumbersApi for crate::Client {}
