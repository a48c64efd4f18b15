//! Typed identifiers: one type per kind of thing the API names, so an environment ID cannot be
//! passed where a project ID belongs.
//!
//! Each ID formats as itself (`Display`, which is what a path segment takes), serializes as a
//! plain string, and converts from what it wraps. UUID-shaped IDs (users, API tokens) wrap a
//! [`Uuid`]; the others are opaque strings, kept exactly as the API sent them.

use std::fmt;

use uuid::Uuid;

/// Declares an ID type over a string: `Display`, serde as a plain string, `From<&str>` and
/// `From<String>`, `AsRef<str>`, `as_str`, comparison and hashing.
macro_rules! string_id {
    ($( $(#[$meta:meta])* $name:ident; )+) => {$(
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The ID, from its text as the API writes it.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The ID as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(id)
            }
        }

        impl From<&$name> for $name {
            fn from(id: &$name) -> Self {
                id.clone()
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    )+};
}

/// Declares an ID type over a [`Uuid`]: `Display`, serde as the UUID's text, `From<Uuid>`,
/// `FromStr`, `Copy`, comparison and hashing.
macro_rules! uuid_id {
    ($( $(#[$meta:meta])* $name:ident; )+) => {$(
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// The ID, from its UUID.
            pub const fn new(id: Uuid) -> Self {
                Self(id)
            }

            /// The UUID inside.
            pub const fn uuid(self) -> Uuid {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0)
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                Self(id)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Uuid {
                id.0
            }
        }

        impl PartialEq<Uuid> for $name {
            fn eq(&self, other: &Uuid) -> bool {
                self.0 == *other
            }
        }

        impl std::str::FromStr for $name {
            type Err = uuid::Error;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.parse().map(Self)
            }
        }
    )+};
}

uuid_id! {
    /// The ID of a user account (a UUID).
    ///
    /// ```
    /// use upsun::UserId;
    ///
    /// let id: UserId = "d81c8ee2-44b3-429f-b944-a33ad7437690".parse().unwrap();
    /// assert_eq!(id.to_string(), "d81c8ee2-44b3-429f-b944-a33ad7437690");
    /// assert_eq!(serde_json::to_string(&id).unwrap(), r#""d81c8ee2-44b3-429f-b944-a33ad7437690""#);
    /// ```
    UserId;
    /// The ID of an API token (a UUID).
    ///
    /// ```
    /// use upsun::ApiTokenId;
    ///
    /// let id = ApiTokenId::new(uuid::Uuid::nil());
    /// assert_eq!(id.uuid(), uuid::Uuid::nil());
    /// ```
    ApiTokenId;
    /// The ID of an invitation to an organization or a project (a UUID).
    ///
    /// ```
    /// use upsun::InvitationId;
    ///
    /// let id: InvitationId = "97f46eca-6276-4993-bfeb-bbb53cba6f08".parse().unwrap();
    /// assert_eq!(id.to_string(), "97f46eca-6276-4993-bfeb-bbb53cba6f08");
    /// ```
    InvitationId;
}

string_id! {
    /// The ID of an organization (an opaque string, a ULID today).
    ///
    /// The organization calls also accept `name=<name>` in its place to find an organization by
    /// its machine name: `OrganizationId::new("name=acme")`.
    ///
    /// ```
    /// use upsun::OrganizationId;
    ///
    /// let id = OrganizationId::from("01H2X9Z4CQJ5K7M8N9P0QRSTVW");
    /// assert_eq!(id.as_str(), "01H2X9Z4CQJ5K7M8N9P0QRSTVW");
    /// assert_eq!(serde_json::to_string(&id).unwrap(), r#""01H2X9Z4CQJ5K7M8N9P0QRSTVW""#);
    /// ```
    OrganizationId;
    /// The ID of a project (an opaque string such as `abcdefgh1234567`).
    ///
    /// ```
    /// use upsun::ProjectId;
    ///
    /// let id = ProjectId::from("abcdefgh1234567");
    /// assert_eq!(id.to_string(), "abcdefgh1234567");
    /// ```
    ProjectId;
    /// The ID of an environment: its branch name, which may hold `/` (`feature/login`).
    ///
    /// As a path parameter it is one percent-encoded segment: `feature%2Flogin`.
    ///
    /// ```
    /// use upsun::EnvironmentId;
    ///
    /// let id = EnvironmentId::from("feature/login");
    /// assert_eq!(id.as_str(), "feature/login");
    /// ```
    EnvironmentId;
    /// The ID of an activity: the record of one operation the API runs (a deploy, a branch, a
    /// backup), which can be waited on.
    ///
    /// ```
    /// use upsun::ActivityId;
    ///
    /// assert_eq!(ActivityId::from("kbv5aq2e7vxvu").as_str(), "kbv5aq2e7vxvu");
    /// ```
    ActivityId;
    /// The ID of a backup.
    ///
    /// ```
    /// assert_eq!(upsun::BackupId::from("b1").as_str(), "b1");
    /// ```
    BackupId;
    /// The ID of a variable: its name (`env:APP_MODE`, `DATABASE_URL`).
    ///
    /// ```
    /// assert_eq!(upsun::VariableId::from("env:APP_MODE").as_str(), "env:APP_MODE");
    /// ```
    VariableId;
    /// The ID of a route: its URL (`https://{default}/`), sent as one encoded path segment.
    ///
    /// ```
    /// assert_eq!(upsun::RouteId::from("https://{default}/").as_str(), "https://{default}/");
    /// ```
    RouteId;
    /// The ID of an environment type: `production`, `staging` or `development`.
    ///
    /// ```
    /// assert_eq!(upsun::EnvironmentTypeId::from("staging").as_str(), "staging");
    /// ```
    EnvironmentTypeId;
    /// The ID of a login connection's provider (`github`, `google`, ...).
    ///
    /// ```
    /// use upsun::ProviderId;
    ///
    /// assert_eq!(ProviderId::from("github").as_str(), "github");
    /// ```
    ProviderId;
    /// The ID of a team (an opaque string, a ULID today).
    ///
    /// ```
    /// use upsun::TeamId;
    ///
    /// let id = TeamId::from("01FVMKN9KHVWWVY488AVKDWHR3");
    /// assert_eq!(id.as_str(), "01FVMKN9KHVWWVY488AVKDWHR3");
    /// ```
    TeamId;
    /// The ID of an access document (an opaque string), read with
    /// [`get_access_document`](crate::grants::GrantsApi::get_access_document).
    ///
    /// ```
    /// use upsun::AccessId;
    ///
    /// assert_eq!(AccessId::from("a1").as_str(), "a1");
    /// ```
    AccessId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_as_plain_strings() {
        let org: OrganizationId = serde_json::from_str(r#""01ABC""#).unwrap();
        assert_eq!(org, "01ABC");
        assert_eq!(format!("{org:?}"), r#"OrganizationId("01ABC")"#);
        let user: UserId =
            serde_json::from_str(r#""d81c8ee2-44b3-429f-b944-a33ad7437690""#).unwrap();
        assert_eq!(
            serde_json::to_value(user).unwrap(),
            "d81c8ee2-44b3-429f-b944-a33ad7437690"
        );
        assert!(serde_json::from_str::<UserId>(r#""not-a-uuid""#).is_err());
    }
}
