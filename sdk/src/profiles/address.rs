//! The `Address` schema, with the field metadata the API adds to it, and the body of
//! `PATCH /profiles/{userId}/address`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::models::check_country;

/// A user's postal address, with what the API says about its fields for the address's country.
///
/// Every field is optional; fields the API adds later are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Address {
    /// The ISO 3166-1 alpha-2 country code.
    #[serde(default)]
    pub country: Option<String>,
    /// The full name on the address.
    #[serde(default)]
    pub name_line: Option<String>,
    /// The premise: apartment, suite, building.
    #[serde(default)]
    pub premise: Option<String>,
    /// The sub premise: suite, apartment, floor.
    #[serde(default)]
    pub sub_premise: Option<String>,
    /// The street address.
    #[serde(default)]
    pub thoroughfare: Option<String>,
    /// The administrative area (state, province) as a code.
    #[serde(default)]
    pub administrative_area: Option<String>,
    /// The sub-administrative area (county).
    #[serde(default)]
    pub sub_administrative_area: Option<String>,
    /// The locality (city or town).
    #[serde(default)]
    pub locality: Option<String>,
    /// The dependent locality (district, suburb).
    #[serde(default)]
    pub dependent_locality: Option<String>,
    /// The postal code.
    #[serde(default)]
    pub postal_code: Option<String>,
    /// What the address's fields mean for its country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<AddressMetadata>,
}

/// What the fields of an address mean for its country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AddressMetadata {
    /// The fields an address in this country needs (`"postal_code"`, ...).
    #[serde(default)]
    pub required_fields: Option<Vec<String>>,
    /// The localized label of each field, by field name.
    #[serde(default)]
    pub field_labels: Option<BTreeMap<String, String>>,
    /// Whether the country has VAT numbers.
    #[serde(default)]
    pub show_vat: Option<bool>,
}

/// The changes to make to an address: every field is optional, and only the fields set are sent.
///
/// `country` is checked before sending (exactly two ASCII letters); a bad value is an
/// [`Error::InvalidInput`](crate::Error) naming the field, and nothing is sent.
///
/// ```
/// use upsun::profiles::UpdateAddress;
///
/// let update = UpdateAddress::new().country("FR").locality("Paris").postal_code("75002");
/// assert_eq!(
///     serde_json::to_value(&update).unwrap(),
///     serde_json::json!({"country": "FR", "locality": "Paris", "postal_code": "75002"}),
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct UpdateAddress {
    /// The country: an ISO 3166-1 alpha-2 code of exactly two ASCII letters.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "check_country"
    )]
    pub country: Option<String>,
    /// The full name on the address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_line: Option<String>,
    /// The premise: apartment, suite, building.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub premise: Option<String>,
    /// The sub premise: suite, apartment, floor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_premise: Option<String>,
    /// The street address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thoroughfare: Option<String>,
    /// The administrative area (state, province) as a code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub administrative_area: Option<String>,
    /// The sub-administrative area (county).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_administrative_area: Option<String>,
    /// The locality (city or town).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    /// The dependent locality (district, suburb).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dependent_locality: Option<String>,
    /// The postal code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
}

macro_rules! setters {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        pub fn $name(mut self, value: impl Into<String>) -> Self {
            self.$name = Some(value.into());
            self
        }
    )*};
}

impl UpdateAddress {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// Sets the country: two ASCII letters, such as `"FR"`.
        country;
        /// Sets the full name on the address.
        name_line;
        /// Sets the premise (apartment, suite, building).
        premise;
        /// Sets the sub premise (suite, apartment, floor).
        sub_premise;
        /// Sets the street address.
        thoroughfare;
        /// Sets the administrative area (state, province) code.
        administrative_area;
        /// Sets the sub-administrative area (county).
        sub_administrative_area;
        /// Sets the locality (city or town).
        locality;
        /// Sets the dependent locality (district, suburb).
        dependent_locality;
        /// Sets the postal code.
        postal_code;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_country_is_checked_naming_the_field() {
        for bad in ["FRA", "F", "1A", "", "É"] {
            let err = serde_json::to_vec(&UpdateAddress::new().country(bad)).unwrap_err();
            assert!(err.to_string().contains("`country`"), "{bad:?}: {err}");
        }
        serde_json::to_vec(&UpdateAddress::new().country("fr")).unwrap();
        assert_eq!(serde_json::to_string(&UpdateAddress::new()).unwrap(), "{}");
    }

    #[test]
    fn an_address_decodes_with_its_metadata() {
        let address: Address = serde_json::from_value(serde_json::json!({
            "country": "US",
            "administrative_area": "CA",
            "metadata": {
                "required_fields": ["country", "postal_code"],
                "field_labels": {"postal_code": "ZIP code"},
                "show_vat": false
            }
        }))
        .unwrap();
        assert_eq!(address.country.as_deref(), Some("US"));
        let metadata = address.metadata.unwrap();
        assert_eq!(
            metadata.required_fields.unwrap(),
            ["country", "postal_code"]
        );
        assert_eq!(metadata.field_labels.unwrap()["postal_code"], "ZIP code");
        assert_eq!(metadata.show_vat, Some(false));
    }
}
