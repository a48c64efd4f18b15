//! The PhoneNumber area: `POST /users/{user_id}/phonenumber` starts a verification and answers
//! its session ID (`{"sid": "VE..."}`); `POST /users/{user_id}/phonenumber/{sid}` confirms it
//! with the code, which in the mock is always [`PHONE_VERIFICATION_CODE`].
//!
//! Starting a verification needs `channel` (`sms`, `whatsapp` or `call`) and `phone_number` in
//! E.164 form (`+`, then 8 to 15 digits): 400 naming each bad field, 409 when another user
//! already verified that number. Confirming needs `code`: 404 for a session that does not exist
//! or belongs to another user, 409 for a session already confirmed, 400 for a wrong code. A
//! confirmed number makes `POST /me/phone` and `POST /me/verification` say no verification is
//! needed any more. Both routes check the token (401) and the target user (404, 403) first.
//!
//! Its test handle is [`PhoneNumbersHandle`].

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Json;
use axum::routing::post;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::core::auth::Caller;
use crate::core::error::ApiError;
use crate::core::http::{JsonBody, decoded};
use crate::core::{Core, Lend, Shared, lock};
use crate::kit::collection::Collection;

/// The verification code the mock accepts for every session.
pub const PHONE_VERIFICATION_CODE: &str = "123456";

/// The channels a code can be sent over.
const CHANNELS: [&str; 3] = ["sms", "whatsapp", "call"];

/// Verification sessions and the numbers they verified.
#[derive(Debug, Default)]
pub(crate) struct Store {
    /// By session ID.
    sessions: Collection<String, Session>,
    /// The verified number of each user.
    verified: HashMap<Uuid, String>,
}

#[derive(Debug)]
struct Session {
    user_id: Uuid,
    phone_number: String,
    confirmed: bool,
}

impl Store {
    /// Whether the user has confirmed a phone number.
    pub(crate) fn has_verified_phone(&self, user_id: Uuid) -> bool {
        self.verified.contains_key(&user_id)
    }

    /// Whether a user other than `user_id` verified `phone_number`.
    fn verified_elsewhere(&self, user_id: Uuid, phone_number: &str) -> bool {
        self.verified
            .iter()
            .any(|(owner, number)| *owner != user_id && number == phone_number)
    }
}

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<Store>: FromRef<S>,
{
    Router::new()
        .route("/users/{user_id}/phonenumber", post(verify))
        .route("/users/{user_id}/phonenumber/{sid}", post(confirm))
}

/// `POST /users/{user_id}/phonenumber`
async fn verify(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let user_id = caller.target_user(&core, &decoded(path)?)?;
    let mut body = JsonBody::parse(&headers, &body, &["channel", "phone_number"])?;
    let channel = body.required_string("channel");
    if let Some(channel) = channel.filter(|channel| !CHANNELS.contains(&channel.as_str())) {
        body.problem(format!(
            "`channel` must be one of {}, got {channel:?}",
            CHANNELS.join(", ")
        ));
    }
    let phone_number = body.required_string("phone_number");
    if let Some(number) = phone_number.as_ref().filter(|number| !is_e164(number)) {
        body.problem(format!(
            "`phone_number` must be in E.164 form (`+` and 8 to 15 digits), got {number:?}"
        ));
    }
    body.finish()?;
    let phone_number = phone_number.unwrap_or_default();
    let mut store = lock(&store);
    if store.verified_elsewhere(user_id, &phone_number) {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            format!("the phone number {phone_number} is already verified by another user"),
        ));
    }
    let sid = format!("VE{}", Uuid::new_v4().simple());
    store.sessions.insert(
        sid.clone(),
        Session {
            user_id,
            phone_number,
            confirmed: false,
        },
    );
    Ok(Json(json!({ "sid": sid })))
}

/// `POST /users/{user_id}/phonenumber/{sid}`: 200 with no body.
async fn confirm(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    path: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let (user, sid) = decoded(path)?;
    let user_id = caller.target_user(&core, &user)?;
    let mut body = JsonBody::parse(&headers, &body, &["code"])?;
    let code = body.required_string("code");
    body.finish()?;
    let mut store = lock(&store);
    let Some(session) = store
        .sessions
        .get(&sid)
        .filter(|session| session.user_id == user_id)
    else {
        return Err(ApiError::not_found(format!(
            "no phone verification session {sid:?} for user {user_id}"
        )));
    };
    if session.confirmed {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            format!("the phone verification session {sid:?} is already confirmed"),
        ));
    }
    if code.as_deref() != Some(PHONE_VERIFICATION_CODE) {
        return Err(ApiError::bad_request(format!(
            "`code` is not the code sent to {}",
            session.phone_number
        )));
    }
    let number = session.phone_number.clone();
    if store.verified_elsewhere(user_id, &number) {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            format!("the phone number {number} is already verified by another user"),
        ));
    }
    if let Some(session) = store.sessions.get_mut(&sid) {
        session.confirmed = true;
    }
    store.verified.insert(user_id, number);
    Ok(StatusCode::OK)
}

/// Phone verifications, for tests: from
/// [`MockServer::phone_numbers`](crate::MockServer::phone_numbers).
#[derive(Clone, Copy)]
pub struct PhoneNumbersHandle<'a> {
    store: &'a Mutex<Store>,
}

impl<'a> PhoneNumbersHandle<'a> {
    pub(crate) fn new<R: Lend<Mutex<Store>>>(registry: &'a R) -> Self {
        PhoneNumbersHandle {
            store: registry.lend(),
        }
    }

    /// The phone number this user confirmed (E.164), or `None` if it confirmed none.
    pub fn verified(&self, user_id: Uuid) -> Option<String> {
        lock(self.store).verified.get(&user_id).cloned()
    }
}

impl fmt::Debug for PhoneNumbersHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PhoneNumbersHandle").finish_non_exhaustive()
    }
}

/// `+` and 8 to 15 digits, the first not 0.
fn is_e164(number: &str) -> bool {
    number.strip_prefix('+').is_some_and(|digits| {
        (8..=15).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e164_numbers() {
        assert!(is_e164("+442071838750"));
        assert!(is_e164("+15551234"));
        for bad in [
            "442071838750",
            "+0442071838750",
            "+44 20",
            "+1234567",
            "+1234567890123456",
        ] {
            assert!(!is_e164(bad), "{bad:?}");
        }
    }

    #[test]
    fn numbers_verified_by_someone_else_conflict() {
        let (ada, grace) = (Uuid::new_v4(), Uuid::new_v4());
        let mut store = Store::default();
        store.verified.insert(ada, "+442071838750".into());
        assert!(store.has_verified_phone(ada) && !store.has_verified_phone(grace));
        assert!(store.verified_elsewhere(grace, "+442071838750"));
        assert!(!store.verified_elsewhere(ada, "+442071838750"));
    }
}
