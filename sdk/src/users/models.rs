//! The user account models: [`User`], its [`UpdateUser`] changes and [`ResetEmailAddress`].

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::models::{check_country, checked, email_address, http_uri, string_enum};

/// A user account.
///
/// Fields the API adds later are ignored, so an older SDK keeps working.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct User {
    /// The ID of the user.
    pub id: Uuid,
    /// Whether the user has been deactivated.
    pub deactivated: bool,
    /// The namespace in which the user's username is unique.
    pub namespace: String,
    /// The user's username.
    pub username: String,
    /// The user's email address.
    pub email: String,
    /// Whether the user's email address has been verified.
    pub email_verified: bool,
    /// The user's first name.
    pub first_name: String,
    /// The user's last name.
    pub last_name: String,
    /// The user's picture (a URI).
    pub picture: String,
    /// The user's company.
    pub company: String,
    /// The user's website (a URI).
    pub website: String,
    /// The user's ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// When the user was created.
    pub created_at: DateTime<Utc>,
    /// When the user was last updated.
    pub updated_at: DateTime<Utc>,
    /// When the user consented to the Terms of Service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consented_at: Option<DateTime<Utc>>,
    /// How the user consented to the Terms of Service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_method: Option<ConsentMethod>,
}

string_enum! {
    /// How a user consented to the Terms of Service.
    ///
    /// ```
    /// use upsun::users::ConsentMethod;
    ///
    /// assert_eq!(ConsentMethod::from("opt-in"), ConsentMethod::OptIn);
    /// assert_eq!(ConsentMethod::from("carrier-pigeon").as_str(), "carrier-pigeon");
    /// ```
    pub enum ConsentMethod {
        /// The user opted in.
        OptIn = "opt-in",
        /// The user agreed by reference in a text.
        TextRef = "text-ref",
    }
}

/// The changes to make to a user: every field is optional, and only the fields set are sent.
///
/// ```
/// use upsun::users::UpdateUser;
///
/// let update = UpdateUser::new().first_name("Ada").country("GB");
/// assert_eq!(
///     serde_json::to_value(&update).unwrap(),
///     serde_json::json!({"first_name": "Ada", "country": "GB"}),
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct UpdateUser {
    /// The user's username.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The user's first name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// The user's last name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// The user's picture: an absolute http(s) URI.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "check_picture"
    )]
    pub picture: Option<String>,
    /// The user's company.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// The user's website: an absolute http(s) URI.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "check_website"
    )]
    pub website: Option<String>,
    /// The user's country: an ISO 3166-1 alpha-2 code of exactly two ASCII letters.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "check_country"
    )]
    pub country: Option<String>,
}

impl UpdateUser {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the username.
    pub fn username(mut self, value: impl Into<String>) -> Self {
        self.username = Some(value.into());
        self
    }

    /// Sets the first name.
    pub fn first_name(mut self, value: impl Into<String>) -> Self {
        self.first_name = Some(value.into());
        self
    }

    /// Sets the last name.
    pub fn last_name(mut self, value: impl Into<String>) -> Self {
        self.last_name = Some(value.into());
        self
    }

    /// Sets the picture URI (absolute, http or https).
    pub fn picture(mut self, value: impl Into<String>) -> Self {
        self.picture = Some(value.into());
        self
    }

    /// Sets the company.
    pub fn company(mut self, value: impl Into<String>) -> Self {
        self.company = Some(value.into());
        self
    }

    /// Sets the website URI (absolute, http or https).
    pub fn website(mut self, value: impl Into<String>) -> Self {
        self.website = Some(value.into());
        self
    }

    /// Sets the country: two ASCII letters, such as `"GB"`.
    pub fn country(mut self, value: impl Into<String>) -> Self {
        self.country = Some(value.into());
        self
    }
}

/// A request to change a user's email address: the new address, which must look like
/// `local@domain` (checked before sending).
///
/// ```
/// use upsun::users::ResetEmailAddress;
///
/// let reset = ResetEmailAddress::new("ada@analytical.example");
/// assert_eq!(
///     serde_json::to_value(&reset).unwrap(),
///     serde_json::json!({"email_address": "ada@analytical.example"}),
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ResetEmailAddress {
    /// The new email address.
    #[serde(serialize_with = "check_email_address")]
    pub email_address: String,
}

impl ResetEmailAddress {
    /// A request to move the account to this email address.
    pub fn new(email_address: impl Into<String>) -> Self {
        Self {
            email_address: email_address.into(),
        }
    }
}

fn check_picture<S: serde::Serializer>(v: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    checked("picture", v, http_uri, s)
}

fn check_website<S: serde::Serializer>(v: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    checked("website", v, http_uri, s)
}

fn check_email_address<S: serde::Serializer>(v: &String, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::Error as _;
    email_address(v).map_err(|why| S::Error::custom(format!("`email_address` {why}")))?;
    s.serialize_str(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(update: &UpdateUser) -> String {
        serde_json::to_vec(update).unwrap_err().to_string()
    }

    #[test]
    fn unset_fields_are_left_out() {
        assert_eq!(serde_json::to_string(&UpdateUser::new()).unwrap(), "{}");
    }

    #[test]
    fn bad_values_are_refused_naming_the_field() {
        assert!(refused(&UpdateUser::new().country("GBR")).contains("`country`"));
        assert!(refused(&UpdateUser::new().country("G1")).contains("`country`"));
        assert!(refused(&UpdateUser::new().website("upsun.com")).contains("`website`"));
        assert!(refused(&UpdateUser::new().picture("ftp://x/y.png")).contains("`picture`"));
        let ok = UpdateUser::new()
            .country("gb")
            .website("https://upsun.com/")
            .picture("http://img.example/a.png");
        serde_json::to_vec(&ok).unwrap();
    }

    #[test]
    fn unknown_consent_methods_are_kept() {
        let m: ConsentMethod = serde_json::from_str("\"smoke-signal\"").unwrap();
        assert_eq!(m, ConsentMethod::Unknown("smoke-signal".into()));
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"smoke-signal\"");
        let m: ConsentMethod = serde_json::from_str("\"text-ref\"").unwrap();
        assert_eq!(m, ConsentMethod::TextRef);
    }
    #[test]
    fn email_addresses_are_checked() {
        let refused = |value: &str| {
            let err = serde_json::to_vec(&ResetEmailAddress::new(value)).unwrap_err();
            err.to_string()
        };
        for bad in [
            "",
            "ada",
            "@example.com",
            "ada@",
            "ada @example.com",
            "a@b@",
        ] {
            assert!(refused(bad).contains("`email_address`"), "{bad:?}");
        }
        serde_json::to_vec(&ResetEmailAddress::new("ada+x@example.com")).unwrap();
    }
}
