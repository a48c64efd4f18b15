//! `POST /users/{user_id}/emailaddress` and `POST /users/{user_id}/resetpassword`: requests
//! that, in the API, send an email. The mock checks them like the API and answers 204; nothing
//! is sent and the user's stored email address does not change (the real change waits for the
//! user to follow the confirmation email).
//!
//! The email reset needs `{"email_address": "..."}` shaped `local@domain`: 400 naming the field
//! otherwise, 400 when it is already the user's address, 409 when another user has it. The
//! password reset takes no body. Both check the token (401) and the target user (404, 403).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};

use crate::core::auth::Caller;
use crate::core::error::ApiError;
use crate::core::http::rules::email_rule;
use crate::core::http::{JsonBody, decoded};
use crate::core::{Core, lock};

/// `POST /users/{user_id}/emailaddress`
pub(crate) async fn reset_email_address(
    State(core): State<Arc<Core>>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let user_id = caller.target_user(&core, &decoded(path)?)?;
    let mut body = JsonBody::parse(&headers, &body, &["email_address"])?;
    let address = body.required_string("email_address");
    if let Some(Err(why)) = address.as_deref().map(email_rule) {
        body.problem(format!("`email_address` {why}"));
    }
    body.finish()?;
    let address = address.unwrap_or_default();
    let directory = lock(&core.identity);
    match directory.user_by_email(&address) {
        Some(owner) if owner.id == user_id => Err(ApiError::bad_request(format!(
            "`email_address` {address:?} is already this user's address"
        ))),
        Some(_) => Err(ApiError::new(
            StatusCode::CONFLICT,
            format!("the email address {address:?} is already used by another user"),
        )),
        None => Ok(StatusCode::NO_CONTENT),
    }
}

/// `POST /users/{user_id}/resetpassword`
pub(crate) async fn reset_password(
    State(core): State<Arc<Core>>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    caller.target_user(&core, &decoded(path)?)?;
    Ok(StatusCode::NO_CONTENT)
}
