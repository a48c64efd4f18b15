//! The Organizations area: `GET`/`POST /organizations`, `GET`/`PATCH`/`DELETE
//! /organizations/{organization_id}` and `GET /users/{user_id}/organizations`; the Profiles
//! routes `.../profile` and `.../address` (`profiles.rs`) and the organization MFA routes
//! `.../mfa-enforcement[/enable|/disable]` and `.../mfa/remind` (`mfa.rs`).
//!
//! Members (the owner included) may read an organization, its profile, address and MFA
//! settings; only its owner may change or delete it (admins may do anything): 403 otherwise.
//! An unknown or deleted organization is a 404. The `GET` routes also find an organization by
//! name when the segment reads `name=<name>`. Errors are `application/problem+json` (see
//! [`Problem`]), except on the MFA routes, which use the API's `{"error": ...}` as the spec
//! says.

mod body;
mod list;
mod mfa;
pub(crate) mod model;
mod profiles;
pub(crate) mod store;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};
use uuid::Uuid;

use self::body::{CreateBody, UpdateBody, name_from_label};
use self::list::{ListQuery, ORG_FIELDS, USER_ORG_FIELDS};
use self::model::{NewOrganization, Organization, OrganizationStatus};
pub(crate) use self::store::Store;
use crate::MockServer;
use crate::auth::Caller;
use crate::clock::later_than;
pub(crate) use crate::error::Problem;
use crate::http::{base_url, check_json, decoded};
use crate::state::{Shared, lock};
use crate::users::target_user;

/// The routes of the Organizations, Profiles and organization MFA areas.
pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(
            "/organizations",
            get(list_organizations).post(create_organization),
        )
        .route(
            "/organizations/{organization_id}",
            get(get_organization)
                .patch(update_organization)
                .delete(delete_organization),
        )
        .route(
            "/users/{user_id}/organizations",
            get(list_user_organizations),
        )
        .route(
            "/organizations/{organization_id}/profile",
            get(profiles::get_profile).patch(profiles::update_profile),
        )
        .route(
            "/organizations/{organization_id}/address",
            get(profiles::get_address).patch(profiles::update_address),
        )
        .route(
            "/organizations/{organization_id}/mfa-enforcement",
            get(mfa::get_enforcement),
        )
        .route(
            "/organizations/{organization_id}/mfa-enforcement/enable",
            post(mfa::enable_enforcement),
        )
        .route(
            "/organizations/{organization_id}/mfa-enforcement/disable",
            post(mfa::disable_enforcement),
        )
        .route(
            "/organizations/{organization_id}/mfa/remind",
            post(mfa::remind),
        )
}

/// `GET /organizations`: the caller's organizations (every one for an admin), one page.
async fn list_organizations(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, Problem> {
    let query = ListQuery::parse(raw.as_deref(), ORG_FIELDS)?;
    let store = lock(&shared.organizations);
    let visible = store
        .records()
        .filter(|r| caller.admin || r.is_member(caller.user_id));
    let page = query.page(visible, &format!("{}/organizations", base_url(&headers)))?;
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|r| org_json(&r.org, &headers))
        .collect();
    Ok(Json(
        json!({ "count": page.count, "items": items, "_links": page.links }),
    ))
}

/// `GET /users/{user_id}/organizations`: the organizations a user is a member of.
async fn list_user_organizations(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, Problem> {
    let user_id = target_user(&shared, &caller, &decoded(segment)?)?;
    let query = ListQuery::parse(raw.as_deref(), USER_ORG_FIELDS)?;
    let store = lock(&shared.organizations);
    let base = format!("{}/users/{user_id}/organizations", base_url(&headers));
    let page = query.page(store.records().filter(|r| r.is_member(user_id)), &base)?;
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|r| org_json(&r.org, &headers))
        .collect();
    Ok(Json(json!({ "items": items, "_links": page.links })))
}

/// `POST /organizations`: 201 with the new organization, owned by the caller unless an admin
/// names another owner.
async fn create_organization(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Problem> {
    check_json(&headers)?;
    let create = CreateBody::parse(&body)?;
    let owner = create.owner_id.unwrap_or(caller.user_id);
    if owner != caller.user_id && !caller.admin {
        return Err(Problem::forbidden(
            "only an admin may create an organization for another owner",
        ));
    }
    if lock(&shared.store).user(owner).is_none() {
        return Err(Problem::bad_request(format!(
            "`owner_id` {owner} names no user"
        )));
    }
    let now = shared.now();
    let mut store = lock(&shared.organizations);
    let name = match create.name {
        Some(name) if store.name_taken(&name, None) => {
            return Err(Problem::conflict(format!(
                "the name {name:?} is already taken"
            )));
        }
        Some(name) => name,
        None => {
            let stem = name_from_label(&create.label);
            let mut name = stem.clone();
            let mut n = 1;
            while store.name_taken(&name, None) {
                n += 1;
                name = format!("{stem}-{n}");
            }
            name
        }
    };
    let mut new = NewOrganization::new(name).label(create.label);
    if let Some(kind) = create.kind {
        new = new.kind(kind);
    }
    if let Some(country) = create.country {
        new = new.country(country.to_ascii_uppercase());
    }
    let mut org = store.insert(new, owner, now);
    if let Some(contact) = create.security_contact {
        if let Ok(record) = store.find_mut(&org.id, false) {
            record.org.security_contact = Some(contact);
            org = record.org.clone();
        }
    }
    Ok((StatusCode::CREATED, Json(org_json(&org, &headers))).into_response())
}

/// `GET /organizations/{organization_id}` (or `name=<name>`).
async fn get_organization(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Result<Json<Value>, Problem> {
    let segment = decoded(segment)?;
    let store = lock(&shared.organizations);
    let record = store.readable(&segment, &caller)?;
    Ok(Json(org_json(&record.org, &headers)))
}

/// `PATCH /organizations/{organization_id}`: applies the fields sent.
async fn update_organization(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, Problem> {
    let segment = decoded(segment)?;
    let now = shared.now();
    let mut store = lock(&shared.organizations);
    store.manageable(&segment, &caller)?;
    check_json(&headers)?;
    let update = UpdateBody::parse(&body)?;
    if let Some(name) = &update.name {
        if store.name_taken(name, Some(&segment)) {
            return Err(Problem::conflict(format!(
                "the name {name:?} is already taken"
            )));
        }
    }
    let record = store.find_mut(&segment, false)?;
    let org = &mut record.org;
    if let (Some(wanted), Some(attached)) = (&update.billing_profile_id, &org.billing_profile_id) {
        if wanted != attached {
            return Err(Problem::conflict(format!(
                "organization {} already has the billing profile {attached:?} attached",
                org.id
            )));
        }
    }
    if let Some(name) = update.name {
        org.name = name;
    }
    if let Some(label) = update.label {
        org.label = label;
    }
    if let Some(country) = update.country {
        org.country = country.to_ascii_uppercase();
    }
    if let Some(id) = update.billing_profile_id {
        org.billing_profile_id = Some(id);
    }
    if let Some(contact) = update.security_contact {
        org.security_contact = Some(contact).filter(|c| !c.is_empty());
    }
    org.updated_at = later_than(org.updated_at, now);
    Ok(Json(org_json(org, &headers)))
}

/// `DELETE /organizations/{organization_id}`: 204; the organization stays stored with the
/// status `deleted`, which every route but the lists treats as gone.
async fn delete_organization(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<StatusCode, Problem> {
    let segment = decoded(segment)?;
    let now = shared.now();
    let mut store = lock(&shared.organizations);
    let record = store.manageable(&segment, &caller)?;
    record.org.status = OrganizationStatus::Deleted;
    record.org.updated_at = later_than(record.org.updated_at, now);
    Ok(StatusCode::NO_CONTENT)
}

/// An organization as the API answers it: the stored fields and absolute `_links`.
fn org_json(org: &Organization, headers: &HeaderMap) -> Value {
    let mut value = serde_json::to_value(org).unwrap_or(Value::Null);
    let href = format!("{}/organizations/{}", base_url(headers), org.id);
    value["_links"] = json!({
        "self": { "href": href },
        "update": { "href": href, "method": "PATCH" },
        "delete": { "href": href, "method": "DELETE" },
        "members": { "href": format!("{href}/members") },
        "address": { "href": format!("{href}/address") },
        "profile": { "href": format!("{href}/profile") },
        "mfa-enforcement": { "href": format!("{href}/mfa-enforcement") },
    });
    value
}

/// Seeding and reading organizations, for tests.
impl MockServer {
    /// Adds an organization; returns it as stored. Its owner defaults to the seeded user.
    ///
    /// Nothing is validated: seed duplicate names or odd values if a test needs them. Each
    /// organization is created at the mock's current time, after the previous one.
    ///
    /// ```no_run
    /// # async fn demo() {
    /// use upsun_mock::{MockServer, NewOrganization};
    ///
    /// let mock = MockServer::start().await;
    /// let acme = mock.add_organization(NewOrganization::new("acme").label("Acme Corp"));
    /// assert_eq!(mock.organization(&acme.id), Some(acme));
    /// # }
    /// ```
    pub fn add_organization(&self, organization: NewOrganization) -> Organization {
        let owner = organization.owner.unwrap_or_else(|| self.user_id());
        let now = self.shared.now();
        let mut store = lock(&self.shared.organizations);
        let after_last = store.records().map(|r| r.org.created_at).max();
        let at = after_last.map_or(now, |last| later_than(last, now));
        store.insert(organization, owner, at)
    }

    /// The organization with this ID as currently stored (deleted ones too), or `None`.
    pub fn organization(&self, id: &str) -> Option<Organization> {
        lock(&self.shared.organizations)
            .get(id)
            .map(|r| r.org.clone())
    }

    /// Every organization, in creation order (deleted ones too).
    pub fn organizations(&self) -> Vec<Organization> {
        lock(&self.shared.organizations)
            .records()
            .map(|r| r.org.clone())
            .collect()
    }

    /// The members of an organization (the owner first), or `None` for an unknown ID.
    pub fn organization_members(&self, id: &str) -> Option<Vec<Uuid>> {
        lock(&self.shared.organizations)
            .get(id)
            .map(|r| r.members.clone())
    }
}
