//! TOTP enrollment and recovery codes: `GET`/`POST`/`DELETE /users/{user_id}/totp` and
//! `POST /users/{user_id}/codes` (see the area's documentation in `mfa.rs`).

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use uuid::Uuid;

use super::{Store, TOTP_PASSCODE};
use crate::core::auth::Caller;
use crate::core::error::ApiError;
use crate::core::http::{check_json, decoded};
use crate::core::identity::no_such_user;
use crate::core::{Core, Shared, lock};

/// How many recovery codes an enrollment gets.
const RECOVERY_CODES: usize = 10;

/// A 1×1 PNG: the mock's stand-in for a QR code.
const PLACEHOLDER_PNG: &str =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

/// `GET /users/{user_id}/totp`.
pub(super) async fn get_enrollment(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let id = own_user(&caller, segment)?;
    let email = lock(&core.identity)
        .user(id)
        .map(|user| user.email.clone())
        .ok_or_else(|| no_such_user(id))?;
    let mut store = lock(&store);
    let totp = store.users.entry(id).or_default();
    if totp.enrolled {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "the user is already enrolled in TOTP; withdraw the enrollment first",
        ));
    }
    let secret = totp.pending.get_or_insert_with(new_secret).clone();
    Ok(Json(json!({
        "issuer": "https://upsun.com",
        "account_name": email,
        "secret": secret,
        "qr_code": format!("data:image/png;base64,{PLACEHOLDER_PNG}"),
    })))
}

/// `POST /users/{user_id}/totp`.
pub(super) async fn confirm_enrollment(
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let id = own_user(&caller, segment)?;
    check_json(&headers)?;
    let (secret, passcode) = confirmation(&body)?;
    let mut store = lock(&store);
    let totp = store.users.entry(id).or_default();
    if totp.enrolled {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "the user is already enrolled in TOTP",
        ));
    }
    if totp.pending.as_deref() != Some(secret.as_str()) {
        return Err(ApiError::bad_request(
            "`secret` is not the one `GET /users/{user_id}/totp` gave",
        ));
    }
    if passcode != TOTP_PASSCODE {
        return Err(ApiError::bad_request(
            "`passcode` is not valid for this secret",
        ));
    }
    totp.pending = None;
    totp.enrolled = true;
    totp.recovery_codes = new_recovery_codes();
    Ok(Json(json!({ "recovery_codes": totp.recovery_codes })))
}

/// `DELETE /users/{user_id}/totp`.
pub(super) async fn withdraw_enrollment(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    let id = caller.target_user(&core, &decoded(segment)?)?;
    let mut store = lock(&store);
    if !store.is_enrolled(id) {
        return Err(not_enrolled());
    }
    store.users.remove(&id);
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /users/{user_id}/codes`.
pub(super) async fn recreate_codes(
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = own_user(&caller, segment)?;
    let mut store = lock(&store);
    let totp = store
        .users
        .get_mut(&id)
        .filter(|totp| totp.enrolled)
        .ok_or_else(not_enrolled)?;
    totp.recovery_codes = new_recovery_codes();
    let body = json!({ "recovery_codes": totp.recovery_codes });
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// The user of the path, which must be the caller itself: 403 otherwise, admins included.
fn own_user(
    caller: &Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Uuid, ApiError> {
    caller.own_user(
        &decoded(segment)?,
        "manage its own multi-factor authentication",
    )
}

fn not_enrolled() -> ApiError {
    ApiError::not_found("the user is not enrolled in TOTP")
}

/// `{"secret": "...", "passcode": "..."}`, both required strings.
fn confirmation(body: &[u8]) -> Result<(String, String), ApiError> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|err| ApiError::bad_request(format!("the body is not valid JSON: {err}")))?;
    let field = |name: &str| match value.get(name) {
        Some(Value::String(text)) => Ok(text.clone()),
        Some(_) => Err(format!("`{name}` must be a string")),
        None => Err(format!("`{name}` is required")),
    };
    match (field("secret"), field("passcode")) {
        (Ok(secret), Ok(passcode)) => Ok((secret, passcode)),
        (secret, passcode) => {
            let problems: Vec<String> = [secret.err(), passcode.err()]
                .into_iter()
                .flatten()
                .collect();
            Err(ApiError::bad_request(problems.join("; ")))
        }
    }
}

/// 32 characters of RFC 4648 base32 (160 random bits), as authenticator apps read.
fn new_secret() -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let bits = [Uuid::new_v4().as_u128(), Uuid::new_v4().as_u128()];
    (0..32)
        .map(|i| {
            let word = bits[i / 16];
            char::from(ALPHABET[((word >> (5 * (i % 16))) & 31) as usize])
        })
        .collect()
}

/// Ten codes such as `3f9a-c01b`.
fn new_recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODES)
        .map(|_| {
            let hex = Uuid::new_v4().simple().to_string();
            format!("{}-{}", &hex[..4], &hex[4..8])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_base32_and_codes_are_distinct() {
        let secret = new_secret();
        assert_eq!(secret.len(), 32);
        assert!(
            secret
                .bytes()
                .all(|b| b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b))
        );
        assert_ne!(secret, new_secret());
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        assert_eq!(codes[0].len(), 9);
        assert_ne!(codes[0], codes[1]);
    }

    #[test]
    fn a_confirmation_names_what_is_missing() {
        let err = confirmation(br#"{"secret": 1}"#)
            .err()
            .map(|e| format!("{e:?}"))
            .unwrap_or_default();
        assert!(
            err.contains("`secret` must be a string") && err.contains("`passcode` is required"),
            "{err}"
        );
        assert!(confirmation(br#"{"secret": "S", "passcode": "1"}"#).is_ok());
    }
}
