//! The `Profile` schema and the body of `PATCH /profiles/{userId}`.

use crate::UserId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::models::{Secret, http_uri, request, string_enum};

/// The member of the profile list's answer that holds the profiles: `profiles` (most lists use
/// `items`). The [`ListKey`](crate::ListKey) of [`list_profiles`](super::ProfilesApi::list_profiles).
///
/// ```
/// use upsun::profiles::{InProfiles, Profile};
///
/// let page: upsun::Page<Profile, InProfiles> =
///     serde_json::from_str(r#"{"count": 1, "profiles": [{"display_name": "Ada"}]}"#)?;
/// assert_eq!(page.items.len(), 1);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct InProfiles;

impl crate::ListKey for InProfiles {
    const KEY: &'static str = "profiles";
}

/// A user's profile: how the user appears, and the company and billing details behind it.
///
/// The API marks no field as required, so every field is an `Option`; fields the API adds later
/// are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Profile {
    /// The ID of the user.
    #[serde(default)]
    pub id: Option<UserId>,
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

request! {
/// The changes to make to a profile: every field is optional, and only the fields set are sent.
///
/// `picture` is checked before sending (an absolute http(s) URI), and so is a password change
/// (both `current_password` and `password`, neither empty); a bad value is an
/// [`Error::InvalidInput`](crate::Error) naming the field. The passwords are [`Secret`]s: `Debug` never shows them.
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
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct UpdateProfile {
        optional {
            /// The name shown for the user.
            display_name: String,
            /// The user's username.
            username: String,
            /// The current password, needed to set a new one with [`password`](Self::password).
            current_password: Secret => not_empty,
            /// The new password; set [`current_password`](Self::current_password) too.
            password: Secret => not_empty,
            /// The company type.
            company_type: String,
            /// The company's name.
            company_name: String,
            /// The user's VAT number.
            vat_number: String,
            /// The user's role in the company.
            company_role: String,
            /// Whether the user agrees to receive marketing messages.
            marketing: bool,
            /// The color scheme of user interfaces.
            ui_colorscheme: ColorScheme,
            /// The URL of a catalog file that replaces the default one.
            default_catalog: String,
            /// The URL of a project options file for the whole account.
            project_options_url: String,
            /// The URL of the user's picture: an absolute http(s) URI. To upload an image
            /// instead, see [`upload_profile_picture`](crate::profiles::ProfilesApi::upload_profile_picture).
            picture: String => http_uri,
        }
    }
}

fn not_empty(value: &Secret) -> Result<(), String> {
    if value.expose().is_empty() {
        Err("must not be empty".to_owned())
    } else {
        Ok(())
    }
}

/// The answer to an upload: where the new picture is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProfilePicture {
    /// The picture's URL, relative to the API (`/profile/<user id>/picture/me.png`); resolve it
    /// against the base URL to fetch it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
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
        let update = UpdateProfile::new()
            .marketing(false)
            .current_password("old")
            .password("new");
        assert_eq!(
            serde_json::to_value(&update).unwrap(),
            serde_json::json!({"marketing": false, "current_password": "old", "password": "new"})
        );
    }

    #[test]
    fn bad_values_are_refused_naming_the_field() {
        assert!(refused(&UpdateProfile::new().picture("me.png")).contains("`picture`"));
        assert!(
            refused(&UpdateProfile::new().current_password("").password("new"))
                .contains("`current_password`")
        );
        assert!(
            refused(&UpdateProfile::new().current_password("old").password(""))
                .contains("`password`")
        );
        serde_json::to_vec(&UpdateProfile::new().picture("https://img.example/a.png")).unwrap();
    }

    #[test]
    fn debug_hides_the_passwords() {
        let shown = format!(
            "{:?}",
            UpdateProfile::new()
                .current_password("hunter2")
                .password("correct horse")
        );
        assert!(
            !shown.contains("hunter2") && !shown.contains("correct horse"),
            "{shown}"
        );
        assert!(shown.contains("redacted"), "{shown}");
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
