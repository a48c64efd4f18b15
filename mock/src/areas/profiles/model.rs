//! The `Profile` and `Address` schemas as the mock serves them, and what it stores for them.
//!
//! A profile is derived from its user (ID, username, email, picture, company, website,
//! timestamps), so a change through `/users` shows in `/profiles` and the other way round; the
//! fields a user does not have (company type, VAT number, color scheme, ...) are stored here.

use std::collections::BTreeMap;

use axum::body::Bytes;
use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::core::identity::model::User;

/// The profile fields a [`User`] does not hold.
#[derive(Debug, Clone, Default)]
pub(crate) struct Extras {
    /// Set by a `PATCH`; until then the display name is the user's full name (or username).
    pub(crate) display_name: Option<String>,
    pub(crate) company_type: String,
    pub(crate) vat_number: String,
    pub(crate) company_role: String,
    pub(crate) marketing: bool,
    /// `None` until set: "light".
    pub(crate) ui_colorscheme: Option<String>,
    pub(crate) default_catalog: String,
    pub(crate) project_options_url: String,
    /// `None` until a `PATCH` sets one; any non-empty `current_password` is then accepted.
    pub(crate) password: Option<String>,
}

/// An uploaded profile picture.
#[derive(Debug, Clone)]
pub(crate) struct Picture {
    pub(crate) file_name: String,
    pub(crate) content_type: String,
    pub(crate) data: Bytes,
}

/// The `Profile` schema.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Profile {
    id: Uuid,
    display_name: String,
    email: String,
    username: String,
    #[serde(rename = "type")]
    kind: &'static str,
    picture: String,
    company_type: String,
    company_name: String,
    currency: &'static str,
    vat_number: String,
    company_role: String,
    website_url: String,
    new_ui: bool,
    ui_colorscheme: String,
    default_catalog: String,
    project_options_url: String,
    marketing: bool,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    billing_contact: String,
    invoiced: bool,
    customer_type: &'static str,
    legal_entity_name: String,
}

impl Profile {
    /// The profile of `user`, billed in the currency of `address`'s country.
    pub(crate) fn of(user: &User, extras: &Extras, address: &Address) -> Profile {
        let full_name = format!("{} {}", user.first_name, user.last_name);
        let display_name = match &extras.display_name {
            Some(name) => name.clone(),
            None if full_name.trim().is_empty() => user.username.clone(),
            None => full_name.trim().to_owned(),
        };
        Profile {
            id: user.id,
            display_name,
            email: user.email.clone(),
            username: user.username.clone(),
            kind: "user",
            picture: user.picture.clone(),
            company_type: extras.company_type.clone(),
            company_name: user.company.clone(),
            currency: currency(&address.country),
            vat_number: extras.vat_number.clone(),
            company_role: extras.company_role.clone(),
            website_url: user.website.clone(),
            new_ui: true,
            ui_colorscheme: extras
                .ui_colorscheme
                .clone()
                .unwrap_or_else(|| "light".to_owned()),
            default_catalog: extras.default_catalog.clone(),
            project_options_url: extras.project_options_url.clone(),
            marketing: extras.marketing,
            created_at: user.created_at,
            updated_at: user.updated_at,
            billing_contact: user.email.clone(),
            invoiced: false,
            customer_type: if user.company.is_empty() {
                "individual"
            } else {
                "corporation"
            },
            legal_entity_name: user.company.clone(),
        }
    }
}

/// The `Address` schema: every field a string, empty when unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Address {
    pub(crate) country: String,
    pub(crate) name_line: String,
    pub(crate) premise: String,
    pub(crate) sub_premise: String,
    pub(crate) thoroughfare: String,
    pub(crate) administrative_area: String,
    pub(crate) sub_administrative_area: String,
    pub(crate) locality: String,
    pub(crate) dependent_locality: String,
    pub(crate) postal_code: String,
}

/// The address fields, in the schema's order (organization addresses have the same).
pub(crate) const ADDRESS_FIELDS: [&str; 10] = [
    "country",
    "name_line",
    "premise",
    "sub_premise",
    "thoroughfare",
    "administrative_area",
    "sub_administrative_area",
    "locality",
    "dependent_locality",
    "postal_code",
];

impl Address {
    /// The address of a user who never set one: the user's country and full name.
    pub(crate) fn of(user: &User) -> Address {
        Address {
            country: user.country.clone(),
            name_line: format!("{} {}", user.first_name, user.last_name)
                .trim()
                .to_owned(),
            ..Address::default()
        }
    }

    /// The field named `name` (one of [`ADDRESS_FIELDS`]).
    pub(crate) fn field_mut(&mut self, name: &str) -> Option<&mut String> {
        Some(match name {
            "country" => &mut self.country,
            "name_line" => &mut self.name_line,
            "premise" => &mut self.premise,
            "sub_premise" => &mut self.sub_premise,
            "thoroughfare" => &mut self.thoroughfare,
            "administrative_area" => &mut self.administrative_area,
            "sub_administrative_area" => &mut self.sub_administrative_area,
            "locality" => &mut self.locality,
            "dependent_locality" => &mut self.dependent_locality,
            "postal_code" => &mut self.postal_code,
            _ => return None,
        })
    }
}

/// The answer of the address routes: the `Address` schema extended with `AddressMetadata`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AddressWithMetadata {
    #[serde(flatten)]
    address: Address,
    metadata: Metadata,
}

#[derive(Debug, Clone, Serialize)]
struct Metadata {
    required_fields: Vec<&'static str>,
    field_labels: BTreeMap<&'static str, &'static str>,
    show_vat: bool,
}

impl AddressWithMetadata {
    /// `address` with the field metadata of its country.
    pub(crate) fn new(address: Address) -> Self {
        let country = address.country.to_ascii_uppercase();
        let with_state = matches!(country.as_str(), "US" | "CA" | "AU");
        let mut required_fields = vec!["country", "name_line", "thoroughfare", "locality"];
        if with_state {
            required_fields.push("administrative_area");
        }
        required_fields.push("postal_code");
        let (area, postal_code) = match country.as_str() {
            "US" => ("State", "ZIP code"),
            "CA" => ("Province", "Postal code"),
            "AU" => ("State", "Postcode"),
            "GB" => ("County", "Postcode"),
            _ => ("Region", "Postal code"),
        };
        let field_labels = BTreeMap::from([
            ("country", "Country"),
            ("name_line", "Full name"),
            ("thoroughfare", "Address 1"),
            ("premise", "Address 2"),
            ("locality", "City"),
            ("administrative_area", area),
            ("postal_code", postal_code),
        ]);
        AddressWithMetadata {
            metadata: Metadata {
                required_fields,
                field_labels,
                show_vat: EUROPEAN_VAT.contains(&country.as_str()),
            },
            address,
        }
    }
}

/// The euro area (2025).
const EURO_AREA: [&str; 20] = [
    "AT", "BE", "HR", "CY", "EE", "FI", "FR", "DE", "GR", "IE", "IT", "LV", "LT", "LU", "MT", "NL",
    "PT", "SK", "SI", "ES",
];

/// Countries with a VAT number: the EU, plus the UK, Switzerland and Norway.
const EUROPEAN_VAT: [&str; 30] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB", "CH", "NO",
];

/// The billing currency of a country (ISO 4217): US dollars unless a closer one applies. The
/// Organization Profiles area bills in the same currencies.
pub(crate) fn currency(country: &str) -> &'static str {
    let country = country.to_ascii_uppercase();
    match country.as_str() {
        "GB" => "GBP",
        "CH" => "CHF",
        "AU" => "AUD",
        "CA" => "CAD",
        other if EURO_AREA.contains(&other) => "EUR",
        _ => "USD",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currencies_follow_the_country() {
        assert_eq!(currency("gb"), "GBP");
        assert_eq!(currency("CH"), "CHF");
        assert_eq!(currency("FR"), "EUR");
        assert_eq!(currency(""), "USD");
    }

    #[test]
    fn metadata_depends_on_the_country() {
        let us = AddressWithMetadata::new(Address {
            country: "US".into(),
            ..Address::default()
        });
        assert!(us.metadata.required_fields.contains(&"administrative_area"));
        assert_eq!(us.metadata.field_labels["postal_code"], "ZIP code");
        assert!(!us.metadata.show_vat);
        let fr = AddressWithMetadata::new(Address {
            country: "fr".into(),
            ..Address::default()
        });
        assert!(!fr.metadata.required_fields.contains(&"administrative_area"));
        assert!(fr.metadata.show_vat);
    }
}
