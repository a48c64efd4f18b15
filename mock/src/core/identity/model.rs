//! The `User` schema as the mock stores and serves it, and the inputs to create users.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::DEFAULT_PICTURE;

/// The country of a user added without one: the document requires two letters.
pub const DEFAULT_COUNTRY: &str = "US";

/// A user, exactly as the API's `User` schema serializes it.
///
/// Every field the schema requires is always present; `consented_at` and `consent_method` are
/// left out of the JSON when `None`. Timestamps serialize as RFC 3339 in UTC with a `Z`
/// (`2023-11-07T05:31:56Z`, with a fraction when the time has one).
///
/// This is the mock's own type, independent of any SDK: tests read it back with
/// [`mock.users().get(id)`](crate::UsersHandle::get) to check what a request changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// The user's picture: an absolute URI, [`DEFAULT_PICTURE`] until
    /// one is set.
    pub picture: String,
    /// The user's company.
    pub company: String,
    /// The user's website (a URI, or empty).
    pub website: String,
    /// The user's ISO 3166-1 alpha-2 country code ([`DEFAULT_COUNTRY`] unless seeded or set).
    pub country: String,
    /// When the user was created.
    pub created_at: DateTime<Utc>,
    /// When the user was last updated; every successful `PATCH` moves it forward.
    pub updated_at: DateTime<Utc>,
    /// When the user consented to the Terms of Service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consented_at: Option<DateTime<Utc>>,
    /// How the user consented to the Terms of Service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_method: Option<ConsentMethod>,
}

/// How a user consented to the Terms of Service (`consent_method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConsentMethod {
    /// `"opt-in"`
    #[serde(rename = "opt-in")]
    OptIn,
    /// `"text-ref"`
    #[serde(rename = "text-ref")]
    TextRef,
}

/// A user to add with [`mock.users().add(..)`](crate::UsersHandle::add).
///
/// Only the username is required. The email defaults to `<username>@example.com`, the namespace
/// to `upsun`, `email_verified` to `true`, the picture to [`DEFAULT_PICTURE`];
/// the other profile strings default to empty, as the API returns them for a profile nobody
/// filled in.
///
/// ```
/// use upsun_mock::NewUser;
///
/// let grace = NewUser::new("grace")
///     .first_name("Grace")
///     .last_name("Hopper")
///     .country("US");
/// # let _ = grace;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUser {
    pub(crate) id: Option<Uuid>,
    pub(crate) username: String,
    pub(crate) email: Option<String>,
    pub(crate) namespace: String,
    pub(crate) email_verified: bool,
    pub(crate) deactivated: bool,
    pub(crate) first_name: String,
    pub(crate) last_name: String,
    pub(crate) picture: String,
    pub(crate) company: String,
    pub(crate) website: String,
    pub(crate) country: String,
    pub(crate) consent: Option<ConsentMethod>,
}

macro_rules! setters {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[must_use]
        pub fn $name(mut self, value: impl Into<String>) -> Self {
            self.$name = value.into();
            self
        }
    )*};
}

impl NewUser {
    /// A user with this username and default values for everything else.
    pub fn new(username: impl Into<String>) -> Self {
        NewUser {
            id: None,
            username: username.into(),
            email: None,
            namespace: "upsun".to_owned(),
            email_verified: true,
            deactivated: false,
            first_name: String::new(),
            last_name: String::new(),
            picture: String::new(),
            company: String::new(),
            website: String::new(),
            // The document requires two letters: a user who never chose one is in the US, as
            // the API's own default billing country.
            country: DEFAULT_COUNTRY.to_owned(),
            consent: None,
        }
    }

    /// Uses this ID instead of a random one.
    #[must_use]
    pub fn id(mut self, id: Uuid) -> Self {
        self.id = Some(id);
        self
    }

    /// Sets the email address (default `<username>@example.com`).
    #[must_use]
    pub fn email(mut self, email: impl Into<String>) -> Self {
        self.email = Some(email.into());
        self
    }

    /// Sets `email_verified` (default `true`).
    #[must_use]
    pub fn email_verified(mut self, verified: bool) -> Self {
        self.email_verified = verified;
        self
    }

    /// Sets `deactivated` (default `false`).
    #[must_use]
    pub fn deactivated(mut self, deactivated: bool) -> Self {
        self.deactivated = deactivated;
        self
    }

    /// Records consent to the Terms of Service at creation time, by this method.
    #[must_use]
    pub fn consented(mut self, method: ConsentMethod) -> Self {
        self.consent = Some(method);
        self
    }

    setters! {
        /// Sets the namespace (default `upsun`).
        namespace;
        /// Sets the first name.
        first_name;
        /// Sets the last name.
        last_name;
        /// Sets the picture URI. Not validated (seed whatever a test needs), except that an
        /// empty one means [`DEFAULT_PICTURE`].
        picture;
        /// Sets the company.
        company;
        /// Sets the website URI. Not validated: seed whatever a test needs.
        website;
        /// Sets the country code. Not validated: seed whatever a test needs.
        country;
    }

    /// The stored user this input describes, created at `now`.
    pub(crate) fn into_user(self, now: DateTime<Utc>) -> User {
        let email = self
            .email
            .unwrap_or_else(|| format!("{}@example.com", self.username));
        User {
            id: self.id.unwrap_or_else(Uuid::new_v4),
            deactivated: self.deactivated,
            namespace: self.namespace,
            username: self.username,
            email,
            email_verified: self.email_verified,
            first_name: self.first_name,
            last_name: self.last_name,
            picture: if self.picture.is_empty() {
                DEFAULT_PICTURE.to_owned()
            } else {
                self.picture
            },
            company: self.company,
            website: self.website,
            country: self.country,
            created_at: now,
            updated_at: now,
            consented_at: self.consent.map(|_| now),
            consent_method: self.consent,
        }
    }
}

/// A user added to the mock, with credentials that act as that user.
///
/// Returned by [`mock.users().add(..)`](crate::UsersHandle::add) and
/// [`mock.users().add_admin(..)`](crate::UsersHandle::add_admin). `user` is a snapshot taken when
/// the user was added; read the current state with
/// [`mock.users().get(id)`](crate::UsersHandle::get).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedUser {
    /// The user as stored when it was added.
    pub user: User,
    /// A bearer access token for this user, valid for the server's access-token lifetime.
    pub access_token: String,
    /// An API token for this user, to exchange at `POST /oauth2/token`.
    pub api_token: String,
}
