//! The body of `PATCH /users/{user_id}`: parsed, validated like the API, then applied.

use serde_json::Value;

use crate::core::error::ApiError;
use crate::core::http::rules::{country_rule, http_uri_rule, not_blank_rule};
use crate::core::http::{json_object, kind};
use crate::core::identity::model::User;

/// The fields `PATCH /users/{user_id}` may change, in the schema's order.
const FIELDS: [&str; 7] = [
    "username",
    "first_name",
    "last_name",
    "picture",
    "company",
    "website",
    "country",
];

/// The fields a request sent; `None` means "leave as is".
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct UserPatch {
    pub(crate) username: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    picture: Option<String>,
    company: Option<String>,
    website: Option<String>,
    country: Option<String>,
}

impl UserPatch {
    /// Parses and validates a request body. Every problem is reported in one 400, each naming
    /// its field: `` `country` must be a 2-letter country code, got "FRA" ``.
    pub(crate) fn parse(body: &[u8]) -> Result<UserPatch, ApiError> {
        let object = json_object(body)?;
        let mut problems = Vec::new();
        let mut patch = UserPatch::default();
        for field in FIELDS {
            let Some(value) = object.get(field) else {
                continue;
            };
            let Value::String(text) = value else {
                problems.push(format!("`{field}` must be a string, not {}", kind(value)));
                continue;
            };
            if let Err(problem) = check(field, text) {
                problems.push(problem);
                continue;
            }
            *patch.slot(field) = Some(text.clone());
        }
        for key in object.keys().filter(|key| !FIELDS.contains(&key.as_str())) {
            problems.push(format!(
                "unknown field `{key}`; the fields that can be updated are {}",
                FIELDS.join(", ")
            ));
        }
        if problems.is_empty() {
            Ok(patch)
        } else {
            Err(ApiError::bad_request(problems.join("; ")))
        }
    }

    /// Writes the sent fields into `user` (timestamps are the caller's business).
    pub(crate) fn apply(self, user: &mut User) {
        let pairs = [
            (self.username, &mut user.username),
            (self.first_name, &mut user.first_name),
            (self.last_name, &mut user.last_name),
            (self.picture, &mut user.picture),
            (self.company, &mut user.company),
            (self.website, &mut user.website),
            (self.country, &mut user.country),
        ];
        for (sent, slot) in pairs {
            if let Some(sent) = sent {
                *slot = sent;
            }
        }
    }

    fn slot(&mut self, field: &str) -> &mut Option<String> {
        match field {
            "username" => &mut self.username,
            "first_name" => &mut self.first_name,
            "last_name" => &mut self.last_name,
            "picture" => &mut self.picture,
            "company" => &mut self.company,
            "website" => &mut self.website,
            _ => &mut self.country,
        }
    }
}

/// The rule for one string field, as the API's schema states it.
fn check(field: &str, text: &str) -> Result<(), String> {
    let rule = match field {
        "username" => not_blank_rule,
        "picture" | "website" => http_uri_rule,
        "country" => country_rule,
        _ => return Ok(()),
    };
    rule(text).map_err(|why| format!("`{field}` {why}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(body: &str) -> String {
        match UserPatch::parse(body.as_bytes()) {
            Ok(patch) => panic!("expected a 400, got {patch:?}"),
            Err(err) => format!("{err:?}"),
        }
    }

    #[test]
    fn accepts_the_fields_sent() {
        let patch = UserPatch::parse(br#"{"first_name": "Ada", "country": "fr"}"#);
        let expected = UserPatch {
            first_name: Some("Ada".into()),
            country: Some("fr".into()),
            ..UserPatch::default()
        };
        assert_eq!(patch.ok(), Some(expected));
    }

    #[test]
    fn names_every_bad_field() {
        let message = problem(r#"{"country": "FRA", "website": "ftp://x", "company": 3}"#);
        assert!(message.contains("`country`"), "{message}");
        assert!(message.contains("`website`"), "{message}");
        assert!(
            message.contains("`company` must be a string, not a number"),
            "{message}"
        );
    }

    #[test]
    fn refuses_unknown_fields_null_and_non_objects() {
        assert!(problem(r#"{"email": "x@example.com"}"#).contains("unknown field `email`"));
        assert!(problem(r#"{"last_name": null}"#).contains("not null"));
        assert!(problem("[1]").contains("must be a JSON object, not an array"));
        assert!(problem("{").contains("not valid JSON"));
    }
}
