//! The Profiles area's models: an organization's profile and address, and their updates.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::models::{check_country, checked, email_address, http_uri, string_enum};
use crate::profiles::ProfileType;

/// An organization's profile: company and billing details.
///
/// The API shares this schema with user profiles, so some fields (such as `username` or
/// `marketing`) only make sense for users. None is required: absent fields are `None`, and
/// fields the API adds later are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrgProfile {
    /// The ID of the profile's owner (the schema says a UUID; kept as sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The username, for user profiles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Whether this is a user's or an organization's profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<ProfileType>,
    /// The URL of the picture.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<String>,
    /// The company type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_type: Option<String>,
    /// The company name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    /// The ISO 4217 currency code billing uses, from the billing address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The VAT number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_number: Option<String>,
    /// The role in the company, for user profiles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_role: Option<String>,
    /// The website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_url: Option<String>,
    /// Whether the new UI features are on, for user profiles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_ui: Option<bool>,
    /// The chosen color scheme, for user profiles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ui_colorscheme: Option<String>,
    /// The URL of a catalog file that replaces the default one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_catalog: Option<String>,
    /// The URL of a project options file for the whole organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_options_url: Option<String>,
    /// Whether marketing communication is welcome, for user profiles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marketing: Option<bool>,
    /// When the profile was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// When the profile was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// The email address billing notices go to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_contact: Option<String>,
    /// Whether the customer is invoiced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoiced: Option<bool>,
    /// The kind of customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_type: Option<CustomerType>,
    /// The legal entity name of the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_entity_name: Option<String>,
}

string_enum! {
    /// The kind of customer an organization is billed as.
    ///
    /// The API's answers use `individual`, `corporation` and `government`; its update schema
    /// lists `company` (and misspells `individual`), so `Company` is here too.
    ///
    /// ```
    /// use upsun::org_profiles::CustomerType;
    ///
    /// assert_eq!(CustomerType::from("corporation"), CustomerType::Corporation);
    /// assert_eq!(CustomerType::Government.as_str(), "government");
    /// ```
    pub enum CustomerType {
        /// A private person.
        Individual = "individual",
        /// A company, as the API answers it.
        Corporation = "corporation",
        /// A company, as the update schema lists it.
        Company = "company",
        /// A public body.
        Government = "government",
    }
}

/// The changes to make to an organization's profile: only the fields set are sent.
///
/// ```
/// use upsun::org_profiles::{CustomerType, UpdateOrgProfile};
///
/// let update = UpdateOrgProfile::new()
///     .vat_number("FR0123456789")
///     .customer_type(CustomerType::Corporation);
/// assert_eq!(
///     serde_json::to_value(&update).unwrap(),
///     serde_json::json!({"vat_number": "FR0123456789", "customer_type": "corporation"}),
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct UpdateOrgProfile {
    /// The URL of a catalog file that replaces the default one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_catalog: Option<String>,
    /// The URL of a project options file: an absolute http(s) URI.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "check_options_url"
    )]
    pub project_options_url: Option<String>,
    /// The company name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    /// The legal entity name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_entity_name: Option<String>,
    /// The kind of customer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_type: Option<CustomerType>,
    /// The VAT number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vat_number: Option<String>,
    /// The email address billing notices go to.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "check_billing_contact"
    )]
    pub billing_contact: Option<String>,
}

impl UpdateOrgProfile {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the catalog file URL.
    pub fn default_catalog(mut self, value: impl Into<String>) -> Self {
        self.default_catalog = Some(value.into());
        self
    }

    /// Sets the project options file URL (absolute, http or https).
    pub fn project_options_url(mut self, value: impl Into<String>) -> Self {
        self.project_options_url = Some(value.into());
        self
    }

    /// Sets the company name.
    pub fn company_name(mut self, value: impl Into<String>) -> Self {
        self.company_name = Some(value.into());
        self
    }

    /// Sets the legal entity name.
    pub fn legal_entity_name(mut self, value: impl Into<String>) -> Self {
        self.legal_entity_name = Some(value.into());
        self
    }

    /// Sets the kind of customer.
    pub fn customer_type(mut self, value: CustomerType) -> Self {
        self.customer_type = Some(value);
        self
    }

    /// Sets the VAT number.
    pub fn vat_number(mut self, value: impl Into<String>) -> Self {
        self.vat_number = Some(value.into());
        self
    }

    /// Sets the billing contact's email address.
    pub fn billing_contact(mut self, value: impl Into<String>) -> Self {
        self.billing_contact = Some(value.into());
        self
    }
}

macro_rules! address {
    ($( $(#[$doc:meta])* $field:ident, )*) => {
        /// An organization's postal address. Absent fields are `None`.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[non_exhaustive]
        pub struct OrgAddress {
            /// The country, a 2-letter code (ISO 3166-1 alpha-2).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub country: Option<String>,
            $(
                $(#[$doc])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<String>,
            )*
        }

        /// The changes to make to an organization's address: only the fields set are sent.
        ///
        /// ```
        /// use upsun::org_profiles::UpdateOrgAddress;
        ///
        /// let update = UpdateOrgAddress::new().locality("Paris").country("FR");
        /// assert_eq!(
        ///     serde_json::to_value(&update).unwrap(),
        ///     serde_json::json!({"country": "FR", "locality": "Paris"}),
        /// );
        /// ```
        #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
        #[non_exhaustive]
        pub struct UpdateOrgAddress {
            /// The country: exactly two ASCII letters (ISO 3166-1 alpha-2).
            #[serde(skip_serializing_if = "Option::is_none", serialize_with = "check_country")]
            pub country: Option<String>,
            $(
                $(#[$doc])*
                #[serde(skip_serializing_if = "Option::is_none")]
                pub $field: Option<String>,
            )*
        }

        impl UpdateOrgAddress {
            /// An update that changes nothing yet.
            pub fn new() -> Self {
                Self::default()
            }

            /// Sets the country: two ASCII letters, such as `"FR"`.
            pub fn country(mut self, value: impl Into<String>) -> Self {
                self.country = Some(value.into());
                self
            }

            $(
                $(#[$doc])*
                pub fn $field(mut self, value: impl Into<String>) -> Self {
                    self.$field = Some(value.into());
                    self
                }
            )*
        }
    };
}

address! {
    /// The full name of the addressee.
    name_line,
    /// The premise (apartment, suite, building).
    premise,
    /// The sub-premise (suite, apartment, floor).
    sub_premise,
    /// The street address.
    thoroughfare,
    /// The administrative area (state, region, province).
    administrative_area,
    /// The sub-administrative area (county).
    sub_administrative_area,
    /// The locality (city, town).
    locality,
    /// The dependent locality (district, suburb).
    dependent_locality,
    /// The postal code.
    postal_code,
}

fn check_options_url<S: serde::Serializer>(v: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    checked("project_options_url", v, http_uri, s)
}

fn check_billing_contact<S: serde::Serializer>(
    v: &Option<String>,
    s: S,
) -> Result<S::Ok, S::Error> {
    checked("billing_contact", v, email_address, s)
}
