//! Authentication and access checks: the [`Caller`] extractor every API route takes, and the
//! rules for which users a caller may act on.
//!
//! A route under `/users/{user_id}/...` calls [`Caller::target_user`] (404 for an unknown user,
//! 403 for someone else's unless the caller is an admin), or [`Caller::own_user`] where not even
//! an admin may act for another user.

use std::sync::Arc;

use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use uuid::Uuid;

use crate::core::error::ApiError;
use crate::core::identity::{no_such_user, user_id};
use crate::core::tokens::TokenProblem;
use crate::core::{Core, lock};

/// The user an API request acts as, from its `Authorization: Bearer` access token: 401 with a
/// `WWW-Authenticate: Bearer` challenge without a valid one.
///
/// It extracts from any router state that holds the [`Core`] (axum's `FromRef`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Caller {
    pub(crate) user_id: Uuid,
    pub(crate) admin: bool,
}

impl Caller {
    /// Ok if the caller may read or change the user `user_id`: itself, or anyone for an admin.
    pub(crate) fn check_access(&self, user_id: Uuid) -> Result<(), ApiError> {
        if self.admin || self.user_id == user_id {
            Ok(())
        } else {
            Err(ApiError::forbidden(format!(
                "the access token's user may not access user {user_id}"
            )))
        }
    }

    /// The user a `{user_id}` path segment names, if the caller may act on it: 404 if it names
    /// no user, then 403 if it is someone else (for a caller that is not an admin).
    pub(crate) fn target_user(&self, core: &Core, segment: &str) -> Result<Uuid, ApiError> {
        let id = user_id(segment)?;
        if lock(&core.identity).user(id).is_none() {
            return Err(no_such_user(id));
        }
        self.check_access(id)?;
        Ok(id)
    }

    /// The user a `{user_id}` path segment names, which must be the caller itself: 403
    /// otherwise, admins included (`what` says what only the user itself may do).
    pub(crate) fn own_user(&self, segment: &str, what: &str) -> Result<Uuid, ApiError> {
        let id = user_id(segment)?;
        if id == self.user_id {
            Ok(id)
        } else {
            Err(ApiError::forbidden(format!("only user {id} may {what}")))
        }
    }
}

impl<S> FromRequestParts<S> for Caller
where
    S: Send + Sync,
    Arc<Core>: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Some(token) = credentials(&parts.headers, "Bearer") else {
            return Err(ApiError::unauthorized(
                "authentication required: send `Authorization: Bearer <access token>`",
                None,
            ));
        };
        let core = Arc::<Core>::from_ref(state);
        let now = core.now();
        let authenticated = lock(&core.tokens).authenticate(token, now);
        match authenticated {
            Ok(user_id) => Ok(Caller {
                user_id,
                admin: lock(&core.identity).is_admin(user_id),
            }),
            Err(TokenProblem::Unknown) => Err(ApiError::unauthorized(
                "the access token is invalid",
                Some("invalid_token"),
            )),
            Err(TokenProblem::Expired) => Err(ApiError::unauthorized(
                "the access token expired",
                Some("invalid_token"),
            )),
        }
    }
}

/// The credentials of an `Authorization: <scheme> <credentials>` header (scheme compared
/// ignoring ASCII case).
pub(crate) fn credentials<'h>(headers: &'h HeaderMap, scheme: &str) -> Option<&'h str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (given, rest) = value.split_once(' ')?;
    let rest = rest.trim();
    (given.eq_ignore_ascii_case(scheme) && !rest.is_empty()).then_some(rest)
}
