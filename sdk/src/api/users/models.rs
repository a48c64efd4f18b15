//! The Users models: [`User`], its [`UpdateUser`] changes, [`ResetEmailAddress`], and the
//! older `/me` shapes (`models/me.rs`).

mod me;

pub use self::me::{
    CurrentUser, CurrentUserProject, OwnerInfo, PhoneVerificationStatus, VerificationKind,
    VerificationStatus,
};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::UserId;
use crate::models::{country_code, email_address, http_uri, request, string_enum};

/// A user account.
///
/// Fields the API adds later are ignored, so an older SDK keeps working.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct User {
    /// The ID of the user.
    pub id: UserId,
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

request! {
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
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct UpdateUser {
        optional {
            /// The user's username.
            username: String,
            /// The user's first name.
            first_name: String,
            /// The user's last name.
            last_name: String,
            /// The user's picture: an absolute http(s) URI.
            picture: String => http_uri,
            /// The user's company.
            company: String,
            /// The user's website: an absolute http(s) URI.
            website: String => http_uri,
            /// The user's country: an ISO 3166-1 alpha-2 code of exactly two ASCII letters.
            country: String => country_code,
        }
    }
}

request! {
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
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct ResetEmailAddress {
        required {
            /// The new email address.
            email_address: String => email_address,
        }
    }
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
