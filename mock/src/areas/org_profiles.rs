//! The Organization Profiles area (the API's "Profiles" routes of an organization):
//! `GET`/`PATCH /organizations/{organization_id}/profile` and `.../address`.
//!
//! The organization is looked up in the Organizations area (404 if unknown or deleted; 403
//! unless the caller is a member to read, or its owner to change); the fields set here are kept
//! in this area's store, by organization ID. Errors are `application/problem+json` with the
//! API's `error` field, like the organization routes.
//!
//! A profile shows the organization's ID, label (`display_name`) and creation time, the fields
//! set so far, `invoiced: false`, and a `currency` from the address's country (EUR in the euro
//! area, GBP, CHF, CAD, AUD, and USD otherwise). `customer_type` takes the answer schema's
//! values and the update schema's spellings (`indvidual` sic, `company`), stored as the answer
//! schema's (`individual`, `corporation`). An address shows its ten fields, empty until set;
//! `country` is stored upper-case. Its test handle is [`OrgProfilesHandle`].

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, State};
use axum::http::HeaderMap;
use axum::routing::get;
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

use crate::areas::organizations::{self, OrgRecord};
use crate::areas::profiles::{ADDRESS_FIELDS, currency};
use crate::core::auth::Caller;
use crate::core::clock::later_than;
use crate::core::error::Problem;
use crate::core::http::rules::{country_rule, email_rule, http_uri_rule};
use crate::core::http::{JsonBody, decoded};
use crate::core::{Core, Lend, Shared, lock};

/// The fields `PATCH .../profile` may set.
const PROFILE_FIELDS: &[&str] = &[
    "default_catalog",
    "project_options_url",
    "company_name",
    "legal_entity_name",
    "customer_type",
    "vat_number",
    "billing_contact",
];

/// The customer types accepted: the answer schema's, and the update schema's spellings
/// (`indvidual` sic, `company`).
const CUSTOMER_TYPES: &[&str] = &[
    "individual",
    "indvidual",
    "corporation",
    "company",
    "government",
];

/// What an organization's profile and address hold beyond the organization itself.
#[derive(Debug, Default, Clone)]
struct OrgProfile {
    /// The profile fields set so far (`PATCH .../profile`).
    fields: Map<String, Value>,
    /// When the profile was last updated; until then, when the organization was created.
    updated_at: Option<DateTime<Utc>>,
    /// The address fields set so far (`PATCH .../address`).
    address: Map<String, Value>,
}

/// Every organization's profile and address, by organization ID.
#[derive(Debug, Default)]
pub(crate) struct Store {
    profiles: HashMap<String, OrgProfile>,
}

impl Store {
    fn of(&self, id: &str) -> OrgProfile {
        self.profiles.get(id).cloned().unwrap_or_default()
    }
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
            "/organizations/{organization_id}/profile",
            get(get_profile).patch(update_profile),
        )
        .route(
            "/organizations/{organization_id}/address",
            get(get_address).patch(update_address),
        )
}

/// `GET /organizations/{organization_id}/profile` (or `name=<name>`).
async fn get_profile(
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, Problem> {
    let segment = decoded(segment)?;
    let record = lock(&orgs).readable(&segment, &caller)?.clone();
    let profile = lock(&store).of(&record.org.id);
    Ok(Json(profile_json(&record, &profile)))
}

/// `PATCH /organizations/{organization_id}/profile`.
async fn update_profile(
    State(core): State<Arc<Core>>,
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, Problem> {
    let segment = decoded(segment)?;
    let now = core.now();
    let record = lock(&orgs).manageable(&segment, &caller)?.clone();
    let mut fields = JsonBody::parse(&headers, &body, PROFILE_FIELDS)?;
    let mut sent = Map::new();
    for field in PROFILE_FIELDS {
        let value = match *field {
            "project_options_url" => fields.checked(field, http_uri_rule),
            "billing_contact" => fields.checked(field, email_rule),
            "customer_type" => fields
                .checked(field, customer_type_rule)
                .map(|kind| answered_customer_type(&kind).to_owned()),
            _ => fields.string(field),
        };
        if let Some(value) = value {
            sent.insert((*field).to_owned(), Value::String(value));
        }
    }
    let sent = fields.finish_with(sent)?;
    let mut store = lock(&store);
    let profile = store.profiles.entry(record.org.id.clone()).or_default();
    profile.fields.extend(sent);
    let previous = profile.updated_at.unwrap_or(record.org.created_at);
    profile.updated_at = Some(later_than(previous, now));
    Ok(Json(profile_json(&record, profile)))
}

/// `GET /organizations/{organization_id}/address` (or `name=<name>`).
async fn get_address(
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, Problem> {
    let segment = decoded(segment)?;
    let id = lock(&orgs).readable(&segment, &caller)?.org.id.clone();
    Ok(Json(address_json(&lock(&store).of(&id))))
}

/// `PATCH /organizations/{organization_id}/address`.
async fn update_address(
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, Problem> {
    let segment = decoded(segment)?;
    let id = lock(&orgs).manageable(&segment, &caller)?.org.id.clone();
    let mut fields = JsonBody::parse(&headers, &body, &ADDRESS_FIELDS)?;
    let mut sent = Map::new();
    for field in ADDRESS_FIELDS {
        let value = match field {
            "country" => fields
                .checked(field, country_rule)
                .map(|c| c.to_ascii_uppercase()),
            _ => fields.string(field),
        };
        if let Some(value) = value {
            sent.insert(field.to_owned(), Value::String(value));
        }
    }
    let sent = fields.finish_with(sent)?;
    let mut store = lock(&store);
    let profile = store.profiles.entry(id).or_default();
    profile.address.extend(sent);
    Ok(Json(address_json(profile)))
}

/// The profile of the organization `record` as the API answers it.
fn profile_json(record: &OrgRecord, profile: &OrgProfile) -> Value {
    let org = &record.org;
    let country = profile
        .address
        .get("country")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let mut answer = json!({
        "id": org.id,
        "type": "organization",
        "display_name": org.label,
        "currency": currency(country),
        "invoiced": false,
        "created_at": org.created_at,
        "updated_at": profile.updated_at.unwrap_or(org.created_at),
    });
    if let Value::Object(object) = &mut answer {
        object.extend(profile.fields.clone());
    }
    answer
}

/// The address of an organization as the API answers it: every field, empty until set.
fn address_json(profile: &OrgProfile) -> Value {
    let address: Map<String, Value> = ADDRESS_FIELDS
        .iter()
        .map(|field| {
            let value = profile
                .address
                .get(*field)
                .cloned()
                .unwrap_or_else(|| json!(""));
            ((*field).to_owned(), value)
        })
        .collect();
    Value::Object(address)
}

/// The answer schema's spelling of a customer type the update schema allows.
fn answered_customer_type(kind: &str) -> &str {
    match kind {
        "indvidual" => "individual",
        "company" => "corporation",
        other => other,
    }
}

fn customer_type_rule(text: &str) -> Result<(), String> {
    if CUSTOMER_TYPES.contains(&text) {
        Ok(())
    } else {
        Err(format!(
            "must be one of {}, got {text:?}",
            CUSTOMER_TYPES.join(", ")
        ))
    }
}

/// Organization profiles and addresses, for tests: from
/// [`MockServer::org_profiles`](crate::MockServer::org_profiles).
#[derive(Clone, Copy)]
pub struct OrgProfilesHandle<'a> {
    orgs: &'a Mutex<organizations::Store>,
    store: &'a Mutex<Store>,
}

impl<'a> OrgProfilesHandle<'a> {
    pub(crate) fn new<R>(registry: &'a R) -> Self
    where
        R: Lend<Mutex<organizations::Store>> + Lend<Mutex<Store>>,
    {
        OrgProfilesHandle {
            orgs: registry.lend(),
            store: registry.lend(),
        }
    }

    /// The organization's profile as `GET .../profile` answers it, or `None` for an unknown
    /// organization (deleted ones still answer here).
    pub fn profile(&self, organization_id: &str) -> Option<Value> {
        let record = lock(self.orgs).get(organization_id)?.clone();
        let profile = lock(self.store).of(organization_id);
        Some(profile_json(&record, &profile))
    }

    /// The organization's address as `GET .../address` answers it, or `None` for an unknown
    /// organization.
    pub fn address(&self, organization_id: &str) -> Option<Value> {
        lock(self.orgs).get(organization_id)?;
        Some(address_json(&lock(self.store).of(organization_id)))
    }
}

impl fmt::Debug for OrgProfilesHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OrgProfilesHandle").finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert!(http_uri_rule("https://example.com/options.yaml").is_ok());
        assert!(http_uri_rule("example.com").is_err());
        assert!(http_uri_rule("https://").is_err());
        assert!(customer_type_rule("company").is_ok());
        assert!(customer_type_rule("alien").is_err());
        assert_eq!(answered_customer_type("company"), "corporation");
        assert_eq!(answered_customer_type("indvidual"), "individual");
        assert_eq!(answered_customer_type("government"), "government");
    }
}
