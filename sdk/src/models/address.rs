//! The document's `Address` schema, shared by user profiles and organizations: [`Address`], its
//! field metadata, and [`UpdateAddress`], the body of both address updates.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{country_code, request};

/// A postal address (a user's or an organization's), with what the API says about its fields for
/// the address's country.
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
    pub field_labels: Option<BTreeMap<String, serde_json::Value>>,
    /// Whether the country has VAT numbers.
    #[serde(default)]
    pub show_vat: Option<bool>,
}

request! {
    /// The changes to make to an address: every field is optional, and only the fields set are
    /// sent.
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
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct UpdateAddress {
        optional {
            /// The country: an ISO 3166-1 alpha-2 code of exactly two ASCII letters.
            country: String => country_code,
            /// The full name on the address.
            name_line: String,
            /// The premise: apartment, suite, building.
            premise: String,
            /// The sub premise: suite, apartment, floor.
            sub_premise: String,
            /// The street address.
            thoroughfare: String,
            /// The administrative area (state, province) as a code.
            administrative_area: String,
            /// The sub-administrative area (county).
            sub_administrative_area: String,
            /// The locality (city or town).
            locality: String,
            /// The dependent locality (district, suburb).
            dependent_locality: String,
            /// The postal code.
            postal_code: String,
        }
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
        let odd: AddressMetadata =
            serde_json::from_str(r#"{"field_labels": {"x": {"en": "X"}, "n": 1}}"#).unwrap();
        assert_eq!(odd.field_labels.unwrap()["n"], 1);
        assert_eq!(metadata.show_vat, Some(false));
    }
}
