//! Request bodies of the organization routes: parsed and checked like the API, every problem
//! named in one 400 (415 for a body that is not JSON).
//!
//! The mock's own rules where the API states none: a `name` is 1 to 64 lowercase ASCII
//! letters, digits and dashes, neither starting nor ending with a dash; a `label` is not blank;
//! an email address is `local@domain`.

use axum::http::HeaderMap;
use uuid::Uuid;

use super::model::OrganizationType;
use crate::core::error::ApiError;
use crate::core::http::JsonBody;
use crate::core::http::rules::{country_rule, email_rule, not_blank_rule};

/// The body of `POST /organizations`.
#[derive(Debug, Default)]
pub(crate) struct CreateBody {
    pub(crate) kind: Option<OrganizationType>,
    pub(crate) owner_id: Option<Uuid>,
    pub(crate) name: Option<String>,
    pub(crate) label: String,
    pub(crate) country: Option<String>,
    pub(crate) security_contact: Option<String>,
}

/// The body of `PATCH /organizations/{organization_id}`: `None` leaves a field as it is.
#[derive(Debug, Default)]
pub(crate) struct UpdateBody {
    pub(crate) name: Option<String>,
    pub(crate) label: Option<String>,
    pub(crate) country: Option<String>,
    pub(crate) billing_profile_id: Option<String>,
    /// `Some("")` clears it.
    pub(crate) security_contact: Option<String>,
}

impl CreateBody {
    pub(crate) fn parse(headers: &HeaderMap, body: &[u8]) -> Result<CreateBody, ApiError> {
        let mut fields = JsonBody::parse(
            headers,
            body,
            &[
                "type",
                "owner_id",
                "name",
                "label",
                "country",
                "security_contact",
            ],
        )?;
        let label = fields.checked("label", not_blank_rule);
        if label.is_none() && !fields.has("label") {
            fields.problem("`label` is required".to_owned());
        }
        let create = CreateBody {
            kind: fields
                .checked("type", type_rule)
                .map(|kind| match kind.as_str() {
                    "fixed" => OrganizationType::Fixed,
                    _ => OrganizationType::Flexible,
                }),
            owner_id: fields
                .checked("owner_id", uuid_rule)
                .and_then(|id| Uuid::parse_str(&id).ok()),
            name: fields.checked("name", name_rule),
            label: label.unwrap_or_default(),
            country: fields.checked("country", country_rule),
            security_contact: fields.checked("security_contact", email_rule),
        };
        fields.finish_with(create)
    }
}

impl UpdateBody {
    pub(crate) fn parse(headers: &HeaderMap, body: &[u8]) -> Result<UpdateBody, ApiError> {
        let mut fields = JsonBody::parse(
            headers,
            body,
            &[
                "name",
                "label",
                "country",
                "billing_profile_id",
                "security_contact",
            ],
        )?;
        let update = UpdateBody {
            name: fields.checked("name", name_rule),
            label: fields.checked("label", not_blank_rule),
            country: fields.checked("country", |text| {
                if text.is_empty() {
                    Ok(())
                } else {
                    country_rule(text)
                }
            }),
            billing_profile_id: fields.checked("billing_profile_id", not_blank_rule),
            security_contact: fields.checked("security_contact", |text| {
                if text.is_empty() {
                    Ok(())
                } else {
                    email_rule(text)
                }
            }),
        };
        fields.finish_with(update)
    }
}

/// 1 to 64 of `a-z`, `0-9` and `-`, not starting or ending with `-`.
pub(crate) fn name_rule(text: &str) -> Result<(), String> {
    let charset = text
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if (1..=64).contains(&text.len()) && charset && !text.starts_with('-') && !text.ends_with('-') {
        Ok(())
    } else {
        Err(format!(
            "must be 1 to 64 lowercase letters, digits and dashes, not starting or ending with a dash, got {text:?}"
        ))
    }
}

fn type_rule(text: &str) -> Result<(), String> {
    match text {
        "fixed" | "flexible" => Ok(()),
        _ => Err(format!("must be `fixed` or `flexible`, got {text:?}")),
    }
}

fn uuid_rule(text: &str) -> Result<(), String> {
    Uuid::parse_str(text)
        .map(|_| ())
        .map_err(|_| format!("must be a UUID, got {text:?}"))
}

/// A machine name made from a label: `Acme Corp!` becomes `acme-corp`.
pub(crate) fn name_from_label(label: &str) -> String {
    let mut name = String::new();
    for c in label.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            name.push(c);
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
    }
    let name: String = name.trim_end_matches('-').chars().take(56).collect();
    let name = name.trim_end_matches('-');
    if name.is_empty() {
        "org".to_owned()
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use axum::http::{HeaderValue, header};

    use super::*;

    fn json() -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        headers
    }

    fn create(body: &[u8]) -> Result<CreateBody, ApiError> {
        CreateBody::parse(&json(), body)
    }

    fn update(body: &[u8]) -> Result<UpdateBody, ApiError> {
        UpdateBody::parse(&json(), body)
    }

    fn problem<T: std::fmt::Debug>(result: Result<T, ApiError>) -> String {
        match result {
            Ok(value) => panic!("expected a 400, got {value:?}"),
            Err(problem) => format!("{problem:?}"),
        }
    }

    #[test]
    fn create_needs_a_label_and_names_every_bad_field() {
        assert!(problem(create(b"{}")).contains("`label` is required"));
        let message = problem(create(
            br#"{"label": " ", "name": "Acme", "type": "huge", "country": "FRA", "owner_id": "x", "extra": 1}"#,
        ));
        for field in [
            "`label`",
            "`name`",
            "`type`",
            "`country`",
            "`owner_id`",
            "unknown field `extra`",
        ] {
            assert!(message.contains(field), "{field}: {message}");
        }
        let ok = create(br#"{"label": "Acme", "type": "fixed", "country": "fr"}"#);
        assert!(matches!(
            ok,
            Ok(CreateBody {
                kind: Some(OrganizationType::Fixed),
                ..
            })
        ));
    }

    #[test]
    fn update_refuses_null_and_bad_contacts() {
        assert!(problem(update(br#"{"label": null}"#)).contains("not null"));
        assert!(
            problem(update(br#"{"security_contact": "nobody"}"#)).contains("`security_contact`")
        );
        assert!(update(br#"{"security_contact": "", "country": ""}"#).is_ok());
    }

    #[test]
    fn names_from_labels() {
        assert_eq!(name_from_label("Acme Corp!"), "acme-corp");
        assert_eq!(name_from_label("  Été 2024 "), "t-2024");
        assert_eq!(name_from_label("!!!"), "org");
        assert!(name_rule(&name_from_label(&"x y ".repeat(40))).is_ok());
    }
}
