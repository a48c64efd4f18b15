//! The Profiles area's models: an organization's profile and address, and their updates.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::models::{email_address, http_uri, request, string_enum};
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

request! {
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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpdateOrgProfile {
        optional {
            /// The URL of a catalog file that replaces the default one.
            default_catalog: String,
            /// The URL of a project options file: an absolute http(s) URI.
            project_options_url: String => http_uri,
            /// The company name.
            company_name: String,
            /// The legal entity name.
            legal_entity_name: String,
            /// The kind of customer.
            customer_type: CustomerType,
            /// The VAT number.
            vat_number: String,
            /// The email address billing notices go to.
            billing_contact: String => email_address,
        }
    }
}
