//! The Organization Invitations area: `GET`/`POST /organizations/{organization_id}/invitations`
//! and `DELETE /organizations/{organization_id}/invitations/{invitation_id}`.
//!
//! Only the organization's owner (or an admin) may list, send or cancel invitations (403 for
//! its other members). An invitation starts `pending`; inviting an address (ASCII case ignored)
//! that has a pending one is a 409, unless the body says `"force": true`, which cancels the
//! pending one and sends a new one. Cancelling makes it `cancelled` (400 unless it was
//! `pending` or `error`). The handle moves an invitation on: [`accept`] makes it `accepted` and
//! the invitee (found by email, or added as a new user) a member of the organization;
//! [`set_state`] sets any state. The list shows pending invitations unless `filter[state]`
//! asks otherwise, `page[size]` of them, sorted by `updated_at` when asked; it is a plain
//! array, as the document has it. Errors are `{"error": ...}`.
//!
//! [`accept`]: OrganizationInvitationsHandle::accept
//! [`set_state`]: OrganizationInvitationsHandle::set_state

use std::fmt;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::areas::organizations;
use crate::core::auth::Caller;
use crate::core::clock::later_than;
use crate::core::error::ApiError;
use crate::core::http::rules::email_rule;
use crate::core::http::{JsonBody, base_url, decoded};
use crate::core::identity::model::NewUser;
use crate::core::{Core, Lend, Shared, lock};
use crate::kit::collection::Collection;
use crate::kit::filters::{Field, ListQuery, ListSpec};

/// The permissions an invitation may give.
const PERMISSIONS: &[&str] = &[
    "admin",
    "billing",
    "plans",
    "members",
    "project:create",
    "projects:list",
];

const LIST: ListSpec = ListSpec {
    filters: &["state"],
    sorts: &["updated_at"],
    default_size: 20,
    max_size: 100,
};

/// An invitation to an organization, as the API answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrganizationInvitation {
    /// The ID.
    pub id: Uuid,
    /// `pending`, `processing`, `accepted`, `cancelled` or `error`.
    pub state: String,
    /// The organization's ID.
    pub organization_id: String,
    /// The invitee's email address.
    pub email: String,
    /// Who sent it: `{"id", "display_name"}`.
    pub owner: Value,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// When it was finished (accepted, cancelled, failed).
    pub finished_at: Option<DateTime<Utc>>,
    /// The permissions the invitee gets.
    pub permissions: Vec<String>,
}

/// Every invitation, by ID, in creation order.
#[derive(Debug, Default)]
pub(crate) struct Store {
    invitations: Collection<String, OrganizationInvitation>,
}

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<Store>: FromRef<S>,
    Shared<organizations::Store>: FromRef<S>,
{
    Router::new()
        .route(
            "/organizations/{organization_id}/invitations",
            get(list_invitations).post(create_invitation),
        )
        .route(
            "/organizations/{organization_id}/invitations/{invitation_id}",
            delete(cancel_invitation),
        )
}

/// `GET /organizations/{organization_id}/invitations`: an array.
async fn list_invitations(
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let org = decoded(segment)?;
    let query = ListQuery::parse(raw.as_deref(), LIST)?;
    lock(&orgs).manage_by_id(&org, &caller)?;
    let store = lock(&store);
    let any_state = query.filters_on("state");
    let mine = store
        .invitations
        .values()
        .filter(|i| i.organization_id == org && (any_state || i.state == "pending"));
    let field = |i: &OrganizationInvitation, name: &str| match name {
        "state" => Field::from(i.state.as_str()),
        _ => Field::from(i.updated_at),
    };
    let ids: Vec<(String, &OrganizationInvitation)> = mine.map(|i| (i.id.to_string(), i)).collect();
    let base = format!("{}/organizations/{org}/invitations", base_url(&headers));
    let page = query.page(ids.iter(), |(_, i), n| field(i, n), |(id, _)| id, &base)?;
    let items: Vec<Value> = page.items.iter().map(|(_, i)| to_json(i)).collect();
    Ok(Json(Value::Array(items)))
}

fn to_json(invitation: &OrganizationInvitation) -> Value {
    serde_json::to_value(invitation).unwrap_or(Value::Null)
}

fn permission_rule(text: &str) -> Result<(), String> {
    if PERMISSIONS.contains(&text) {
        Ok(())
    } else {
        Err(format!(
            "must be one of {}, got {text:?}",
            PERMISSIONS.join(", ")
        ))
    }
}

/// `POST /organizations/{organization_id}/invitations`: 201, or 409 for a pending one.
async fn create_invitation(
    State(core): State<Arc<Core>>,
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let org = decoded(segment)?;
    lock(&orgs).manage_by_id(&org, &caller)?;
    let mut fields = JsonBody::parse(&headers, &body, &["email", "permissions", "force"])?;
    let email = fields.checked("email", email_rule);
    if !fields.has("email") {
        fields.problem("`email` is required".to_owned());
    }
    let permissions = fields.strings("permissions", permission_rule);
    if !fields.has("permissions") {
        fields.problem("`permissions` is required".to_owned());
    }
    let force = fields.boolean("force").unwrap_or(false);
    fields.finish()?;
    let email = email.unwrap_or_default();
    let now = core.now();
    let inviter = lock(&core.identity).user(caller.user_id).map(|u| {
        let name = format!("{} {}", u.first_name, u.last_name);
        let name = name.trim();
        if name.is_empty() {
            u.username.clone()
        } else {
            name.to_owned()
        }
    });
    let mut store = lock(&store);
    let pending = store.invitations.values().find(|i| {
        i.organization_id == org && i.state == "pending" && i.email.eq_ignore_ascii_case(&email)
    });
    if let Some(pending) = pending {
        if !force {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                format!("{email} already has a pending invitation to organization {org}"),
            ));
        }
        let id = pending.id.to_string();
        if let Some(old) = store.invitations.get_mut(&id) {
            finish(old, "cancelled", now);
        }
    }
    let invitation = OrganizationInvitation {
        id: Uuid::new_v4(),
        state: "pending".to_owned(),
        organization_id: org,
        email,
        owner: json!({ "id": caller.user_id, "display_name": inviter.unwrap_or_default() }),
        created_at: now,
        updated_at: now,
        finished_at: None,
        permissions: permissions.unwrap_or_default(),
    };
    store
        .invitations
        .insert(invitation.id.to_string(), invitation.clone());
    Ok((StatusCode::CREATED, Json(to_json(&invitation))).into_response())
}

fn finish(invitation: &mut OrganizationInvitation, state: &str, now: DateTime<Utc>) {
    invitation.state = state.to_owned();
    invitation.updated_at = later_than(invitation.updated_at, now);
    if state != "pending" && state != "processing" {
        invitation.finished_at = Some(invitation.updated_at);
    }
}

/// `DELETE /organizations/{organization_id}/invitations/{invitation_id}`: 204.
async fn cancel_invitation(
    State(core): State<Arc<Core>>,
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segments: Result<Path<(String, String)>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    let (org, id) = decoded(segments)?;
    lock(&orgs).manage_by_id(&org, &caller)?;
    let mut store = lock(&store);
    let invitation = store
        .invitations
        .get_mut(&id)
        .filter(|i| i.organization_id == org)
        .ok_or_else(|| {
            ApiError::not_found(format!("no invitation {id:?} to organization {org}"))
        })?;
    if invitation.state != "pending" && invitation.state != "error" {
        return Err(ApiError::bad_request(format!(
            "invitation {id} is {}; only a pending invitation can be cancelled",
            invitation.state
        )));
    }
    finish(invitation, "cancelled", core.now());
    Ok(StatusCode::NO_CONTENT)
}

/// The invitations, for tests: from
/// [`MockServer::organization_invitations`](crate::MockServer::organization_invitations).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use upsun_mock::MockServer;
///
/// let mock = MockServer::start().await;
/// assert!(mock.organization_invitations().all().is_empty());
/// # }
/// ```
#[derive(Clone, Copy)]
pub struct OrganizationInvitationsHandle<'a> {
    core: &'a Core,
    store: &'a Mutex<Store>,
    orgs: &'a Mutex<organizations::Store>,
}

impl<'a> OrganizationInvitationsHandle<'a> {
    pub(crate) fn new<R>(registry: &'a R) -> Self
    where
        R: Lend<Core> + Lend<Mutex<Store>> + Lend<Mutex<organizations::Store>>,
    {
        OrganizationInvitationsHandle {
            core: registry.lend(),
            store: registry.lend(),
            orgs: registry.lend(),
        }
    }

    /// Every invitation, in creation order.
    pub fn all(&self) -> Vec<OrganizationInvitation> {
        lock(self.store).invitations.values().cloned().collect()
    }

    /// The invitation with this ID, or `None`.
    pub fn get(&self, id: Uuid) -> Option<OrganizationInvitation> {
        lock(self.store).invitations.get(&id.to_string()).cloned()
    }

    /// Sets an invitation's state (`processing`, `error`, ...); `false` for an unknown ID.
    pub fn set_state(&self, id: Uuid, state: &str) -> bool {
        let now = self.core.now();
        match lock(self.store).invitations.get_mut(&id.to_string()) {
            Some(invitation) => {
                finish(invitation, state, now);
                true
            }
            None => false,
        }
    }

    /// The invitee accepts: the invitation is `accepted`, and the user with its email address
    /// (added if there is none, named after the address) becomes a member of the
    /// organization. Returns the user's ID; `None` for an unknown invitation.
    pub fn accept(&self, id: Uuid) -> Option<Uuid> {
        let now = self.core.now();
        let (email, org) = {
            let mut store = lock(self.store);
            let invitation = store.invitations.get_mut(&id.to_string())?;
            finish(invitation, "accepted", now);
            (invitation.email.clone(), invitation.organization_id.clone())
        };
        let known = lock(&self.core.identity)
            .user_by_email(&email)
            .map(|u| u.id);
        let user = match known {
            Some(user) => user,
            None => {
                let name: String = email
                    .split('@')
                    .next()
                    .unwrap_or("invitee")
                    .chars()
                    .filter(char::is_ascii_alphanumeric)
                    .collect();
                let new = NewUser::new(name).email(email);
                self.core.add_user(new, false, now, None).user.id
            }
        };
        if let Ok(record) = lock(self.orgs).find_mut(&org, false) {
            if !record.members.contains(&user) {
                record.members.push(user);
            }
        }
        Some(user)
    }
}

impl fmt::Debug for OrganizationInvitationsHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OrganizationInvitationsHandle")
            .finish_non_exhaustive()
    }
}
