//! [`request!`]: one declarative way to write a request type, its fields, checks and setters.
//!
//! ```ignore
//! request! {
//!     /// A new organization.
//!     #[derive(Debug, Clone, PartialEq, Eq)]
//!     pub struct CreateOrganization {
//!         required {
//!             /// The organization's label.
//!             label: String,
//!         }
//!         optional {
//!             /// The country: two ASCII letters.
//!             country: String => country_code,
//!             /// The type of the organization.
//!             r#type: OrganizationType,
//!         }
//!     }
//! }
//! ```
//!
//! gives the struct with `pub label: String` and `pub country: Option<String>` (each field's docs
//! kept), `CreateOrganization::new(label)`, one setter per optional field taking
//! `impl Into<T>` (docs kept), and a `Serialize` that writes required fields and only the
//! optional fields that are set (`r#type` is written `type`). A field with `=> check` runs
//! `check(&value) -> Result<(), String>` first; a refusal fails serialization with
//! "`country` must be ...", which the SDK reports as [`Error::InvalidInput`](crate::Error)
//! before anything is sent.

/// See the [module docs](self).
macro_rules! request {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( required {
                $( $(#[$rmeta:meta])* $rfield:ident : $rty:ty $(=> $rcheck:path)? ),* $(,)?
            } )?
            $( optional {
                $( $(#[$ometa:meta])* $ofield:ident : $oty:ty $(=> $ocheck:path)? ),* $(,)?
            } )?
        }
    ) => {
        $(#[$meta])*
        #[non_exhaustive]
        pub struct $name {
            $($( $(#[$rmeta])* pub $rfield: $rty, )*)?
            $($( $(#[$ometa])* pub $ofield: ::std::option::Option<$oty>, )*)?
        }

        impl $name {
            #[doc = concat!("A `", stringify!($name), "` with its required fields; every optional field unset.")]
            #[allow(clippy::new_without_default)]
            pub fn new($($( $rfield: impl ::std::convert::Into<$rty> ),*)?) -> Self {
                Self {
                    $($( $rfield: $rfield.into(), )*)?
                    $($( $ofield: ::std::option::Option::None, )*)?
                }
            }

            $($(
                $(#[$ometa])*
                #[must_use]
                pub fn $ofield(mut self, value: impl ::std::convert::Into<$oty>) -> Self {
                    self.$ofield = ::std::option::Option::Some(value.into());
                    self
                }
            )*)?
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(::std::option::Option::None)?;
                $($(
                    let wire = $crate::models::request::wire_name(stringify!($rfield));
                    $( $crate::models::request::run_check::<S, _>(wire, &self.$rfield, $rcheck)?; )?
                    map.serialize_entry(wire, &self.$rfield)?;
                )*)?
                $($(
                    if let ::std::option::Option::Some(value) = &self.$ofield {
                        let wire = $crate::models::request::wire_name(stringify!($ofield));
                        $( $crate::models::request::run_check::<S, _>(wire, value, $ocheck)?; )?
                        map.serialize_entry(wire, value)?;
                    }
                )*)?
                map.end()
            }
        }
    };
}

pub(crate) use request;

/// The member name of a field: its identifier without a raw prefix (`r#type` is `type`).
pub(crate) fn wire_name(field: &'static str) -> &'static str {
    field.strip_prefix("r#").unwrap_or(field)
}

/// Runs a field's check; a refusal becomes a serialization error naming the field.
pub(crate) fn run_check<S: serde::Serializer, T: ?Sized>(
    field: &str,
    value: &T,
    check: impl FnOnce(&T) -> Result<(), String>,
) -> Result<(), S::Error> {
    use serde::ser::Error as _;
    check(value).map_err(|why| S::Error::custom(format!("`{field}` {why}")))
}

#[cfg(test)]
mod tests {
    fn short(value: &String) -> Result<(), String> {
        if value.len() <= 3 {
            Ok(())
        } else {
            Err(format!("must be at most 3 bytes, got {value:?}"))
        }
    }

    request! {
        /// A test request.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Sample {
            required {
                /// Always sent.
                name: String => short,
            }
            optional {
                /// Sent when set.
                r#type: String,
                /// Checked when set.
                code: String => short,
                /// Any JSON.
                extra: serde_json::Value,
            }
        }
    }

    #[test]
    fn only_set_fields_are_sent_and_checks_name_the_field() {
        let json = serde_json::to_value(Sample::new("abc").r#type("x")).unwrap();
        assert_eq!(json, serde_json::json!({"name": "abc", "type": "x"}));
        let err = serde_json::to_vec(&Sample::new("abc").code("toolong")).unwrap_err();
        assert!(
            err.to_string().starts_with("`code` must be at most 3"),
            "{err}"
        );
        let err = serde_json::to_vec(&Sample::new("abcd")).unwrap_err();
        assert!(err.to_string().starts_with("`name`"), "{err}");
        let json =
            serde_json::to_value(Sample::new("a").extra(serde_json::json!({"k": [1]}))).unwrap();
        assert_eq!(json["extra"]["k"][0], 1);
    }
}
