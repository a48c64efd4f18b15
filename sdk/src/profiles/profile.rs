//! The `Profile` schema and the body of `PATCH /profiles/{userId}`.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::models::{checked, http_uri, string_enum};

/// A user's profile: how the user appears, and the company and billing details behind it.
///
/// The API marks no field as required, so every field is an `Option`; fields the API adds later
/// are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Profile {
    /// The ID of the user.
    #[serde(default)]
    pub id: Option<Uuid>,
    /// The name shown for the user.
    #[serde(default)]
    pub display_name: Option<String>,
    /// The user's email address.
    #[serde(default)]
    pub email: Option<String>,
    /// The user's username.
    #[serde(default)]
    pub username: Option<String>,
    /// Whether the profile is a person's or an organization's (`type` in the API).
    #[serde(rename = "type", default)]
    pub kind: Option<ProfileType>,
    /// The URL of the user's picture.
    #[serde(default)]
    pub picture: Option<String>,
    /// The company type.
    #[serde(default)]
    pub company_type: Option<String>,
    /// The company's name.
    #[serde(default)]
    pub company_name: Option<String>,
    /// The ISO 4217 currency code the user is billed in, set from the billing address.
    #[serde(default)]
    pub currency: Option<String>,
    /// The user's VAT number.
    #[serde(default)]
    pub vat_number: Option<String>,
    /// The user's role in the company.
    #[serde(default)]
    pub company_role: Option<String>,
    /// The user's or company's website.
    #[serde(default)]
    pub website_url: Option<String>,
    /// Whether the new UI features are on for the user.
    #[serde(default)]
    pub new_ui: Option<bool>,
    /// The color scheme the user chose for user interfaces.
    #[serde(default)]
    pub ui_colorscheme: Option<ColorScheme>,
    /// The URL of a catalog file that replaces the default one.
    #[serde(default)]
    pub default_catalog: Option<String>,
    /// The URL of a project options file for the whole account.
    #[serde(default)]
    pub project_options_url: Option<String>,
    /// Whether the user agreed to receive marketing messages.
    #[serde(default)]
    pub marketing: Option<bool>,
    /// When the account was created.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    /// When the account was last changed.
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
    /// The email address billing notices go to.
    #[serde(default)]
    pub billing_contact: Option<String>,
    /// Whether the customer is invoiced.
    #[serde(default)]
    pub invoiced: Option<bool>,
    /// The kind of customer.
    #[serde(default)]
    pub customer_type: Option<CustomerType>,
    /// The customer's legal entity name.
    #[serde(default)]
    pub legal_entity_name: Option<String>,
}

string_enum! {
    /// Whether a profile belongs to a person or an organization.
    pub enum ProfileType {
        /// A person.
        User = "user",
        /// An organization.
        Organization = "organization",
    }
}

string_enum! {
    /// The kind of customer behind a profile.
    pub enum CustomerType {
        /// A private person.
        Individual = "individual",
        /// A company.
        Corporation = "corporation",
        /// A public body.
        Government = "government",
    }
}

string_enum! {
    /// The color scheme of user interfaces.
    ///
    /// ```
    /// use upsun::profiles::ColorScheme;
    ///
    /// assert_eq!(ColorScheme::from("dark"), ColorScheme::Dark);
    /// assert_eq!(ColorScheme::from("sepia").as_str(), "sepia");
    /// ```
    pub enum ColorScheme {
        /// Dark text on a light background.
        Light = "light",
        /// Light text on a dark background.
        Dark = "dark",
    }
}

/// The changes to make to a profile: every field is optional, and only the fields set are sent.
///
/// `picture` is checked before sending (an absolute http(s) URI), and so is a password change
/// (both `current_password` and `password`, neither empty); a bad value is an
/// [`Error::InvalidInput`](crate::Error) naming the field. `Debug` never shows the passwords.
///
/// ```
/// use upsun::profiles::{ColorScheme, UpdateProfile};
///
/// let update = UpdateProfile::new().display_name("Ada L.").ui_colorscheme(ColorScheme::Dark);
/// assert_eq!(
///     serde_json::to_value(&update).unwrap(),
///     serde_json::json!({"display_name": "Ada L.", "ui_colorscheme": "dark"}),
/// );
/// ```
#[derive(Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct UpdateProfile {
    /// The name shown for the user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The user's username.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The current password, needed to set a new one.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "check_current_password"
    )]
    pub current_password: Option<String>,
    /// The new password.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "check_password"
    )]
    pub password: Option<String>,
    /// The company type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company_type: Option<String>,
    /// The company's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    /// The user's VAT number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vat_number: Option<String>,
    /// The user's role in the company.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company_role: Option<String>,
    /// Whether the user agrees to receive marketing messages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marketing: Option<bool>,
    /// The color scheme of user interfaces.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ui_colorscheme: Option<ColorScheme>,
    /// The URL of a catalog file that replaces the default one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_catalog: Option<String>,
    /// The URL of a project options file for the whole account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_options_url: Option<String>,
    /// The URL of the user's picture: an absolute http(s) URI.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "check_picture"
    )]
    pub picture: Option<String>,
}

impl UpdateProfile {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the display name.
    pub fn display_name(mut self, value: impl Into<String>) -> Self {
        self.display_name = Some(value.into());
        self
    }

    /// Sets the username.
    pub fn username(mut self, value: impl Into<String>) -> Self {
        self.username = Some(value.into());
        self
    }

    /// Changes the password from `current` to `new`.
    pub fn password(mut self, current: impl Into<String>, new: impl Into<String>) -> Self {
        self.current_password = Some(current.into());
        self.password = Some(new.into());
        self
    }

    /// Sets the company type.
    pub fn company_type(mut self, value: impl Into<String>) -> Self {
        self.company_type = Some(value.into());
        self
    }

    /// Sets the company's name.
    pub fn company_name(mut self, value: impl Into<String>) -> Self {
        self.company_name = Some(value.into());
        self
    }

    /// Sets the VAT number.
    pub fn vat_number(mut self, value: impl Into<String>) -> Self {
        self.vat_number = Some(value.into());
        self
    }

    /// Sets the user's role in the company.
    pub fn company_role(mut self, value: impl Into<String>) -> Self {
        self.company_role = Some(value.into());
        self
    }

    /// Sets whether the user agrees to receive marketing messages.
    pub fn marketing(mut self, value: bool) -> Self {
        self.marketing = Some(value);
        self
    }

    /// Sets the color scheme of user interfaces.
    pub fn ui_colorscheme(mut self, value: ColorScheme) -> Self {
        self.ui_colorscheme = Some(value);
        self
    }

    /// Sets the URL of a catalog file that replaces the default one.
    pub fn default_catalog(mut self, value: impl Into<String>) -> Self {
        self.default_catalog = Some(value.into());
        self
    }

    /// Sets the URL of a project options file for the whole account.
    pub fn project_options_url(mut self, value: impl Into<String>) -> Self {
        self.project_options_url = Some(value.into());
        self
    }

    /// Sets the picture URL (absolute, http or https). To upload an image instead, see
    /// [`ProfilesApi::upload_profile_picture`](super::ProfilesApi::upload_profile_picture).
    pub fn picture(mut self, value: impl Into<String>) -> Self {
        self.picture = Some(value.into());
        self
    }
}

impl fmt::Debug for UpdateProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redacted = |set: &Option<String>| set.as_ref().map(|_| "[redacted]");
        f.debug_struct("UpdateProfile")
            .field("display_name", &self.display_name)
            .field("username", &self.username)
            .field("current_password", &redacted(&self.current_password))
            .field("password", &redacted(&self.password))
            .field("company_type", &self.company_type)
            .field("company_name", &self.company_name)
            .field("vat_number", &self.vat_number)
            .field("company_role", &self.company_role)
            .field("marketing", &self.marketing)
            .field("ui_colorscheme", &self.ui_colorscheme)
            .field("default_catalog", &self.default_catalog)
            .field("project_options_url", &self.project_options_url)
            .field("picture", &self.picture)
            .finish()
    }
}

fn check_picture<S: serde::Serializer>(v: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    checked("picture", v, http_uri, s)
}

fn check_current_password<S: serde::Serializer>(
    v: &Option<String>,
    s: S,
) -> Result<S::Ok, S::Error> {
    checked("current_password", v, |p: &String| not_empty(p), s)
}

fn check_password<S: serde::Serializer>(v: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    checked("password", v, |p: &String| not_empty(p), s)
}

fn not_empty(value: &str) -> Result<(), String> {
    if value.is_empty() {
        Err("must not be empty".to_owned())
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(update: &UpdateProfile) -> String {
        serde_json::to_vec(update).unwrap_err().to_string()
    }

    #[test]
    fn unset_fields_are_left_out() {
        assert_eq!(serde_json::to_string(&UpdateProfile::new()).unwrap(), "{}");
        let update = UpdateProfile::new().marketing(false).password("old", "new");
        assert_eq!(
            serde_json::to_value(&update).unwrap(),
            serde_json::json!({"marketing": false, "current_password": "old", "password": "new"})
        );
    }

    #[test]
    fn bad_values_are_refused_naming_the_field() {
        assert!(refused(&UpdateProfile::new().picture("me.png")).contains("`picture`"));
        assert!(refused(&UpdateProfile::new().password("", "new")).contains("`current_password`"));
        assert!(refused(&UpdateProfile::new().password("old", "")).contains("`password`"));
        serde_json::to_vec(&UpdateProfile::new().picture("https://img.example/a.png")).unwrap();
    }

    #[test]
    fn debug_hides_the_passwords() {
        let shown = format!(
            "{:?}",
            UpdateProfile::new().password("hunter2", "correct horse")
        );
        assert!(
            !shown.contains("hunter2") && !shown.contains("correct horse"),
            "{shown}"
        );
        assert!(shown.contains("[redacted]"), "{shown}");
    }

    #[test]
    fn a_sparse_profile_decodes_and_keeps_unknown_values() {
        let profile: Profile = serde_json::from_value(serde_json::json!({
            "id": "d81c8ee2-44b3-429f-b944-a33ad7437690",
            "type": "robot",
            "customer_type": "corporation",
            "picture": null,
            "something_new": [1, 2],
        }))
        .unwrap();
        assert_eq!(profile.kind, Some(ProfileType::Unknown("robot".into())));
        assert_eq!(profile.customer_type, Some(CustomerType::Corporation));
        assert_eq!(profile.picture, None);
        assert_eq!(profile.display_name, None);
    }
}
