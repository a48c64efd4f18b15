//! Building blocks shared by the models of every API area.

/// Declares an enum of the string values an API field takes, with an `Unknown` variant that keeps
/// any value this version of the SDK does not know, so a new value on the API's side never fails
/// the decoding of a whole answer.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the SDK does not know, kept as sent.
            Unknown(::std::string::String),
        }

        impl $name {
            /// The value as the API writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $value, )+
                    $name::Unknown(other) => other,
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $value => $name::$variant, )+
                    other => $name::Unknown(other.to_owned()),
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
                Ok($name::from(&*value))
            }
        }
    };
}

pub(crate) use string_enum;

/// Serializes an optional field after checking it, so a value the API would refuse is never sent.
///
/// The error names the field; the SDK turns it into [`Error::InvalidInput`](crate::Error).
pub(crate) fn checked<S, T>(
    field: &str,
    value: &Option<T>,
    check: impl FnOnce(&T) -> Result<(), String>,
    serializer: S,
) -> Result<S::Ok, S::Error>
where
    S: serde::Serializer,
    T: serde::Serialize,
{
    use serde::ser::Error as _;
    if let Some(inner) = value {
        check(inner).map_err(|why| S::Error::custom(format!("`{field}` {why}")))?;
    }
    serde::Serialize::serialize(value, serializer)
}

/// Checks that a value is an absolute `http` or `https` URI.
pub(crate) fn http_uri(value: &String) -> Result<(), String> {
    match reqwest::Url::parse(value) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.has_host() => Ok(()),
        _ => Err(format!("must be an absolute http(s) URI, got {value:?}")),
    }
}

/// Checks an ISO 3166-1 alpha-2 country code: exactly two ASCII letters.
pub(crate) fn country_code(value: &String) -> Result<(), String> {
    if value.len() == 2 && value.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(())
    } else {
        Err(format!(
            "must be exactly 2 ASCII letters (ISO 3166-1 alpha-2), got {value:?}"
        ))
    }
}

/// Checks the shape of an email address, cheaply and not by RFC 5322: `local@domain` with one
/// `@`, both parts non-empty, and no whitespace or control characters.
pub(crate) fn email_address(value: &String) -> Result<(), String> {
    let shaped = value.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && !domain.is_empty() && !domain.contains('@')
    });
    if shaped && !value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Ok(())
    } else {
        Err(format!(
            "must be an email address (`local@domain`), got {value:?}"
        ))
    }
}

/// `serialize_with` for an optional `country` field: see [`country_code`].
pub(crate) fn check_country<S: serde::Serializer>(
    v: &Option<String>,
    s: S,
) -> Result<S::Ok, S::Error> {
    checked("country", v, country_code, s)
}
