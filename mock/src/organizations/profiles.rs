//! The Profiles routes: `GET`/`PATCH /organizations/{organization_id}/profile` and
//! `.../address`.
//!
//! A profile shows the organization's ID, label (`display_name`) and creation time, the fields
//! set so far, `invoiced: false`, and a `currency` from the address's country (EUR in the euro
//! area, GBP, CHF, CAD, AUD, and USD otherwise). An address shows its ten fields, empty until
//! set; `country` is stored upper-case.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use serde_json::{Map, Value, json};

use super::Problem;
use super::body::Fields;
use super::store::OrgRecord;
use crate::auth::Caller;
use crate::clock::later_than;
use crate::http::{check_json, country_rule, decoded, email_rule, http_uri_rule};
use crate::profiles::{ADDRESS_FIELDS, EURO_AREA};
use crate::state::{Shared, lock};

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

/// `GET /organizations/{organization_id}/profile` (or `name=<name>`).
pub(super) async fn get_profile(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, Problem> {
    let segment = decoded(segment)?;
    let store = lock(&shared.organizations);
    Ok(Json(profile_json(store.readable(&segment, &caller)?)))
}

/// `PATCH /organizations/{organization_id}/profile`.
pub(super) async fn update_profile(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, Problem> {
    let segment = decoded(segment)?;
    let now = shared.now();
    let mut store = lock(&shared.organizations);
    let record = store.manageable(&segment, &caller)?;
    check_json(&headers)?;
    let mut fields = Fields::parse(&body, PROFILE_FIELDS)?;
    let mut sent = Map::new();
    for field in PROFILE_FIELDS {
        let value = match *field {
            "project_options_url" => fields.checked(field, http_uri_rule),
            "billing_contact" => fields.checked(field, email_rule),
            "customer_type" => fields.checked(field, customer_type_rule),
            _ => fields.string(field),
        };
        if let Some(value) = value {
            sent.insert((*field).to_owned(), Value::String(value));
        }
    }
    let sent = fields.finish(sent)?;
    record.profile.extend(sent);
    record.profile_updated_at = later_than(record.profile_updated_at, now);
    Ok(Json(profile_json(record)))
}

/// `GET /organizations/{organization_id}/address` (or `name=<name>`).
pub(super) async fn get_address(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, Problem> {
    let segment = decoded(segment)?;
    let store = lock(&shared.organizations);
    Ok(Json(address_json(store.readable(&segment, &caller)?)))
}

/// `PATCH /organizations/{organization_id}/address`.
pub(super) async fn update_address(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, Problem> {
    let segment = decoded(segment)?;
    let mut store = lock(&shared.organizations);
    let record = store.manageable(&segment, &caller)?;
    check_json(&headers)?;
    let mut fields = Fields::parse(&body, &ADDRESS_FIELDS)?;
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
    let sent = fields.finish(sent)?;
    record.address.extend(sent);
    Ok(Json(address_json(record)))
}

fn profile_json(record: &OrgRecord) -> Value {
    let org = &record.org;
    let country = record
        .address
        .get("country")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let mut profile = json!({
        "id": org.id,
        "type": "organization",
        "display_name": org.label,
        "currency": currency(country),
        "invoiced": false,
        "created_at": org.created_at,
        "updated_at": record.profile_updated_at,
    });
    if let Value::Object(object) = &mut profile {
        object.extend(record.profile.clone());
    }
    profile
}

fn address_json(record: &OrgRecord) -> Value {
    let address: Map<String, Value> = ADDRESS_FIELDS
        .iter()
        .map(|field| {
            let value = record
                .address
                .get(*field)
                .cloned()
                .unwrap_or_else(|| json!(""));
            ((*field).to_owned(), value)
        })
        .collect();
    Value::Object(address)
}

fn currency(country: &str) -> &'static str {
    match country {
        "GB" => "GBP",
        "CH" => "CHF",
        "CA" => "CAD",
        "AU" => "AUD",
        _ if EURO_AREA.contains(&country) => "EUR",
        _ => "USD",
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
        assert_eq!(currency("FR"), "EUR");
        assert_eq!(currency(""), "USD");
    }
}
