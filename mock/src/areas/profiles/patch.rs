//! The bodies of `PATCH /profiles/{userId}` and `PATCH /profiles/{userId}/address`: parsed and
//! validated like the API, every problem named in one 400.

use std::collections::BTreeMap;

use serde_json::Value;

use super::model::ADDRESS_FIELDS;
use crate::core::error::ApiError;
use crate::core::http::rules::{country_rule, http_uri_rule, not_blank_rule};
use crate::core::http::{json_object, kind};

/// The text fields `PATCH /profiles/{userId}` takes, in the schema's order (`marketing`, the
/// only other one, is a boolean).
const PROFILE_TEXT_FIELDS: [&str; 12] = [
    "display_name",
    "username",
    "current_password",
    "password",
    "company_type",
    "company_name",
    "vat_number",
    "company_role",
    "ui_colorscheme",
    "default_catalog",
    "project_options_url",
    "picture",
];

/// The color schemes the API offers.
const COLOR_SCHEMES: [&str; 2] = ["light", "dark"];

/// A validated profile update: the fields sent.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct ProfilePatch {
    texts: BTreeMap<&'static str, String>,
    pub(crate) marketing: Option<bool>,
}

impl ProfilePatch {
    /// Parses and validates a body: `` `picture` must be an absolute http(s) URI, got "x" ``.
    pub(crate) fn parse(body: &[u8]) -> Result<ProfilePatch, ApiError> {
        let object = json_object(body)?;
        let mut problems = Vec::new();
        let mut patch = ProfilePatch::default();
        for (key, value) in &object {
            if key == "marketing" {
                match value {
                    Value::Bool(flag) => patch.marketing = Some(*flag),
                    other => problems.push(format!(
                        "`marketing` must be a boolean, not {}",
                        kind(other)
                    )),
                }
                continue;
            }
            let Some(field) = PROFILE_TEXT_FIELDS.iter().find(|f| **f == key.as_str()) else {
                problems.push(format!(
                    "unknown field `{key}`; the fields that can be updated are {}, marketing",
                    PROFILE_TEXT_FIELDS.join(", ")
                ));
                continue;
            };
            match value {
                Value::String(text) => match check_profile(field, text) {
                    Ok(()) => {
                        patch.texts.insert(field, text.clone());
                    }
                    Err(problem) => problems.push(problem),
                },
                other => problems.push(format!("`{field}` must be a string, not {}", kind(other))),
            }
        }
        if patch.texts.contains_key("password") && !object.contains_key("current_password") {
            problems.push("`current_password` is required to change `password`".to_owned());
        }
        if problems.is_empty() {
            Ok(patch)
        } else {
            Err(ApiError::bad_request(problems.join("; ")))
        }
    }

    /// The text field `name` if it was sent.
    pub(crate) fn text(&self, name: &str) -> Option<&str> {
        self.texts.get(name).map(String::as_str)
    }
}

fn check_profile(field: &str, text: &str) -> Result<(), String> {
    let rule = match field {
        "display_name" | "username" | "password" | "current_password" => not_blank_rule,
        "picture" => http_uri_rule,
        "ui_colorscheme" => color_scheme_rule,
        _ => return Ok(()),
    };
    rule(text).map_err(|why| format!("`{field}` {why}"))
}

fn color_scheme_rule(text: &str) -> Result<(), String> {
    if COLOR_SCHEMES.contains(&text) {
        Ok(())
    } else {
        Err(format!(
            "must be one of {}, got {text:?}",
            COLOR_SCHEMES.join(", ")
        ))
    }
}

/// A validated address update: the fields sent.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct AddressPatch {
    pub(crate) fields: BTreeMap<&'static str, String>,
}

impl AddressPatch {
    /// Parses and validates a body: every field a string, `country` two letters.
    pub(crate) fn parse(body: &[u8]) -> Result<AddressPatch, ApiError> {
        let object = json_object(body)?;
        let mut problems = Vec::new();
        let mut patch = AddressPatch::default();
        for (key, value) in &object {
            let Some(field) = ADDRESS_FIELDS.iter().find(|f| **f == key.as_str()) else {
                problems.push(format!(
                    "unknown field `{key}`; the fields that can be updated are {}",
                    ADDRESS_FIELDS.join(", ")
                ));
                continue;
            };
            match value {
                Value::String(text) => {
                    let checked = if *field == "country" {
                        country_rule(text)
                    } else {
                        Ok(())
                    };
                    match checked {
                        Ok(()) => {
                            patch.fields.insert(field, text.clone());
                        }
                        Err(why) => problems.push(format!("`country` {why}")),
                    }
                }
                other => problems.push(format!("`{field}` must be a string, not {}", kind(other))),
            }
        }
        if problems.is_empty() {
            Ok(patch)
        } else {
            Err(ApiError::bad_request(problems.join("; ")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem<T: std::fmt::Debug>(parsed: Result<T, ApiError>) -> String {
        match parsed {
            Ok(patch) => panic!("expected a 400, got {patch:?}"),
            Err(err) => format!("{err:?}"),
        }
    }

    #[test]
    fn a_profile_update_keeps_the_fields_sent() {
        let patch =
            ProfilePatch::parse(br#"{"display_name": "Ada L.", "marketing": true}"#).unwrap();
        assert_eq!(patch.text("display_name"), Some("Ada L."));
        assert_eq!(patch.text("company_name"), None);
        assert_eq!(patch.marketing, Some(true));
    }

    #[test]
    fn a_profile_update_names_every_bad_field() {
        let message = problem(ProfilePatch::parse(
            br#"{"ui_colorscheme": "blue", "marketing": "yes", "picture": "me.png", "email": "x"}"#,
        ));
        for expected in [
            "`ui_colorscheme` must be one of light, dark",
            "`marketing` must be a boolean, not a string",
            "`picture` must be an absolute http(s) URI",
            "unknown field `email`",
        ] {
            assert!(message.contains(expected), "{expected}: {message}");
        }
        let message = problem(ProfilePatch::parse(br#"{"password": "new"}"#));
        assert!(
            message.contains("`current_password` is required"),
            "{message}"
        );
        let message = problem(ProfilePatch::parse(br#"{"display_name": " "}"#));
        assert!(
            message.contains("`display_name` must not be empty"),
            "{message}"
        );
        assert!(problem(ProfilePatch::parse(b"[]")).contains("not an array"));
    }

    #[test]
    fn an_address_update_checks_the_country_and_refuses_metadata() {
        let patch = AddressPatch::parse(br#"{"country": "fr", "locality": "Paris"}"#).unwrap();
        assert_eq!(patch.fields.get("country").map(String::as_str), Some("fr"));
        let message = problem(AddressPatch::parse(
            br#"{"country": "FRA", "postal_code": 75002, "metadata": {}}"#,
        ));
        assert!(
            message.contains("`country` must be a 2-letter"),
            "{message}"
        );
        assert!(
            message.contains("`postal_code` must be a string, not a number"),
            "{message}"
        );
        assert!(message.contains("unknown field `metadata`"), "{message}");
    }
}
