//! The Organizations area: `GET`/`POST /organizations`, `GET`/`PATCH`/`DELETE
//! /organizations/{organization_id}` and `GET /users/{user_id}/organizations`.
//!
//! Members (the owner included) may read an organization; only its owner may change or delete
//! it (admins may do anything): 403 otherwise. An unknown or deleted organization is a 404.
//! The `GET` routes also find an organization by name when the segment reads `name=<name>`.
//! Errors are `application/problem+json` (see [`Problem`]), with the API's `error` field.
//!
//! The store (`store.rs`) is also how the Organization Profiles area and the organization side
//! of the Mfa area find an organization and check the caller. Its test handle is
//! [`OrganizationsHandle`].

mod body;
mod list;
pub(crate) mod model;
mod store;
#[cfg(test)]
mod tests;

use std::fmt;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::Value;
use uuid::Uuid;

use self::body::{CreateBody, UpdateBody, name_from_label};
use self::list::{ORG_LIST, USER_ORG_LIST};
use self::model::{NewOrganization, Organization, OrganizationStatus};
pub(crate) use self::store::{OrgRecord, Store, ulid};
use crate::core::auth::Caller;
use crate::core::clock::later_than;
use crate::core::error::Problem;
use crate::core::http::{base_url, decoded};
use crate::core::{Core, Lend, Shared, lock};
use crate::kit::filters::ListQuery;
use crate::kit::links::Links;

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<Store>: FromRef<S>,
{
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
}

/// `GET /organizations`: the caller's organizations (every one for an admin), one page.
async fn list_organizations(
    State(store): State<Shared<Store>>,
    caller: Caller,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, Problem> {
    let query = ListQuery::parse(raw.as_deref(), ORG_LIST)?;
    let store = lock(&store);
    let visible = store
        .records()
        .filter(|r| caller.admin || r.is_member(caller.user_id));
    let page = list::page(
        &query,
        visible,
        &format!("{}/organizations", base_url(&headers)),
    )?;
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|r| org_json(&r.org, &headers))
        .collect();
    Ok(Json(
        serde_json::json!({ "count": page.count, "items": items, "_links": page.links }),
    ))
}

/// `GET /users/{user_id}/organizations`: the organizations a user is a member of.
async fn list_user_organizations(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, Problem> {
    let user_id = caller.target_user(&core, &decoded(segment)?)?;
    let query = ListQuery::parse(raw.as_deref(), USER_ORG_LIST)?;
    let store = lock(&store);
    let base = format!("{}/users/{user_id}/organizations", base_url(&headers));
    let page = list::page(
        &query,
        store.records().filter(|r| r.is_member(user_id)),
        &base,
    )?;
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|r| org_json(&r.org, &headers))
        .collect();
    Ok(Json(
        serde_json::json!({ "items": items, "_links": page.links }),
    ))
}

/// `POST /organizations`: 201 with the new organization, owned by the caller unless an admin
/// names another owner.
async fn create_organization(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Problem> {
    let create = CreateBody::parse(&headers, &body)?;
    let owner = create.owner_id.unwrap_or(caller.user_id);
    if owner != caller.user_id && !caller.admin {
        return Err(Problem::forbidden(
            "only an admin may create an organization for another owner",
        ));
    }
    if lock(&core.identity).user(owner).is_none() {
        return Err(Problem::bad_request(format!(
            "`owner_id` {owner} names no user"
        )));
    }
    let now = core.now();
    let mut store = lock(&store);
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
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Result<Json<Value>, Problem> {
    let segment = decoded(segment)?;
    let store = lock(&store);
    let record = store.readable(&segment, &caller)?;
    Ok(Json(org_json(&record.org, &headers)))
}

/// `PATCH /organizations/{organization_id}`: applies the fields sent.
async fn update_organization(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, Problem> {
    let segment = decoded(segment)?;
    let now = core.now();
    let mut store = lock(&store);
    store.manageable(&segment, &caller)?;
    let update = UpdateBody::parse(&headers, &body)?;
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
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<StatusCode, Problem> {
    let segment = decoded(segment)?;
    let now = core.now();
    let mut store = lock(&store);
    let record = store.manageable(&segment, &caller)?;
    record.org.status = OrganizationStatus::Deleted;
    record.org.updated_at = later_than(record.org.updated_at, now);
    Ok(StatusCode::NO_CONTENT)
}

/// An organization as the API answers it: the stored fields and absolute `_links`.
fn org_json(org: &Organization, headers: &HeaderMap) -> Value {
    let mut value = serde_json::to_value(org).unwrap_or(Value::Null);
    let href = format!("{}/organizations/{}", base_url(headers), org.id);
    value["_links"] = Links::default()
        .with("self", &href)
        .with_method("update", &href, "PATCH")
        .with_method("delete", &href, "DELETE")
        .with("members", format!("{href}/members"))
        .with("address", format!("{href}/address"))
        .with("profile", format!("{href}/profile"))
        .with("mfa-enforcement", format!("{href}/mfa-enforcement"))
        .into_value();
    value
}

/// The organizations, for tests: from
/// [`MockServer::organizations`](crate::MockServer::organizations).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use upsun_mock::{MockServer, NewOrganization};
///
/// let mock = MockServer::start().await;
/// let acme = mock
///     .organizations()
///     .add(NewOrganization::new("acme").label("Acme Corp"));
/// assert_eq!(mock.organizations().get(&acme.id), Some(acme.clone()));
/// assert_eq!(mock.organizations().members(&acme.id), Some(vec![mock.user_id()]));
/// # }
/// ```
#[derive(Clone, Copy)]
pub struct OrganizationsHandle<'a> {
    core: &'a Core,
    store: &'a Mutex<Store>,
}

impl<'a> OrganizationsHandle<'a> {
    pub(crate) fn new<R>(registry: &'a R) -> Self
    where
        R: Lend<Core> + Lend<Mutex<Store>>,
    {
        OrganizationsHandle {
            core: registry.lend(),
            store: registry.lend(),
        }
    }

    /// Adds an organization; returns it as stored. Its owner defaults to the seeded user.
    ///
    /// Nothing is validated: seed duplicate names or odd values if a test needs them. Each
    /// organization is created at the mock's current time, after the previous one.
    pub fn add(&self, organization: NewOrganization) -> Organization {
        let owner = organization.owner.unwrap_or_else(|| self.seeded_user());
        let now = self.core.now();
        let mut store = lock(self.store);
        let after_last = store.records().map(|r| r.org.created_at).max();
        let at = after_last.map_or(now, |last| later_than(last, now));
        store.insert(organization, owner, at)
    }

    /// The organization with this ID as currently stored (deleted ones too), or `None`.
    pub fn get(&self, id: &str) -> Option<Organization> {
        lock(self.store).get(id).map(|r| r.org.clone())
    }

    /// Every organization, in creation order (deleted ones too).
    pub fn all(&self) -> Vec<Organization> {
        lock(self.store).records().map(|r| r.org.clone()).collect()
    }

    /// The members of an organization (the owner first), or `None` for an unknown ID.
    pub fn members(&self, id: &str) -> Option<Vec<Uuid>> {
        lock(self.store).get(id).map(|r| r.members.clone())
    }

    /// The seeded user: the first in the directory.
    fn seeded_user(&self) -> Uuid {
        lock(&self.core.identity)
            .users()
            .next()
            .map(|user| user.id)
            .unwrap_or_default()
    }
}

impl fmt::Debug for OrganizationsHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OrganizationsHandle")
            .finish_non_exhaustive()
    }
}
