//! A JSON object request body read field by field, as the API checks it: every problem (an
//! unknown field, a missing one, a value of the wrong type or shape) is collected and answered
//! in one 400 that names each field.

use axum::http::HeaderMap;
use serde_json::{Map, Value};

use super::{check_json, json_object, kind};
use crate::core::error::ApiError;

/// A JSON object body being read; problems pile up until [`finish`](Self::finish).
#[derive(Debug)]
pub(crate) struct JsonBody {
    object: Map<String, Value>,
    problems: Vec<String>,
}

impl JsonBody {
    /// Parses a body that must be a JSON object (415 for another content type, 400 for
    /// anything but an object) whose keys are all in `fields` (each other key is a problem).
    pub(crate) fn parse(
        headers: &HeaderMap,
        body: &[u8],
        fields: &[&str],
    ) -> Result<JsonBody, ApiError> {
        check_json(headers)?;
        let object = json_object(body)?;
        let problems = object
            .keys()
            .filter(|key| !fields.contains(&key.as_str()))
            .map(|key| {
                format!(
                    "unknown field `{key}`; the fields accepted are {}",
                    fields.join(", ")
                )
            })
            .collect();
        Ok(JsonBody { object, problems })
    }

    /// Whether the body has this key (whatever its value).
    pub(crate) fn has(&self, field: &str) -> bool {
        self.object.contains_key(field)
    }

    /// A required, non-empty string field; `None` (and a problem) otherwise.
    pub(crate) fn required_string(&mut self, field: &str) -> Option<String> {
        match self.object.get(field) {
            None => self.problems.push(format!("`{field}` is required")),
            Some(Value::String(text)) if text.trim().is_empty() => {
                self.problems.push(format!("`{field}` must not be empty"));
            }
            Some(Value::String(text)) => return Some(text.clone()),
            Some(other) => self
                .problems
                .push(format!("`{field}` must be a string, not {}", kind(other))),
        }
        None
    }

    /// The string at `field`, if sent; a value of another type (`null` included) is a problem.
    pub(crate) fn string(&mut self, field: &str) -> Option<String> {
        match self.object.get(field)? {
            Value::String(text) => Some(text.clone()),
            other => {
                self.problems
                    .push(format!("`{field}` must be a string, not {}", kind(other)));
                None
            }
        }
    }

    /// The string at `field`, if sent and it passes `rule` (whose complaint is prefixed with
    /// the field's name).
    pub(crate) fn checked(
        &mut self,
        field: &str,
        rule: fn(&str) -> Result<(), String>,
    ) -> Option<String> {
        let text = self.string(field)?;
        match rule(&text) {
            Ok(()) => Some(text),
            Err(why) => {
                self.problems.push(format!("`{field}` {why}"));
                None
            }
        }
    }

    /// The boolean at `field`, if sent; any other value (`null` included) is a problem.
    pub(crate) fn boolean(&mut self, field: &str) -> Option<bool> {
        match self.object.get(field)? {
            Value::Bool(flag) => Some(*flag),
            other => {
                self.problems
                    .push(format!("`{field}` must be a boolean, not {}", kind(other)));
                None
            }
        }
    }

    /// The list of strings at `field`, if sent, each passing `rule`; any other value (`null`
    /// included) is a problem.
    pub(crate) fn strings(
        &mut self,
        field: &str,
        rule: fn(&str) -> Result<(), String>,
    ) -> Option<Vec<String>> {
        let value = self.object.get(field)?;
        let Some(items) = value.as_array() else {
            self.problems
                .push(format!("`{field}` must be an array, not {}", kind(value)));
            return None;
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item.as_str().map(|text| (text, rule(text))) {
                Some((text, Ok(()))) => out.push(text.to_owned()),
                Some((_, Err(why))) => self.problems.push(format!("`{field}[{i}]` {why}")),
                None => self.problems.push(format!(
                    "`{field}[{i}]` must be a string, not {}",
                    kind(item)
                )),
            }
        }
        Some(out)
    }

    /// The list of objects at `field`, if sent; any other value is a problem.
    pub(crate) fn objects(&mut self, field: &str) -> Option<Vec<Map<String, Value>>> {
        let value = self.object.get(field)?;
        let objects: Option<Vec<Map<String, Value>>> = value
            .as_array()
            .and_then(|items| items.iter().map(|i| i.as_object().cloned()).collect());
        if objects.is_none() {
            self.problems
                .push(format!("`{field}` must be an array of objects"));
        }
        objects
    }

    /// Records a problem found by the caller (a value of the wrong shape).
    pub(crate) fn problem(&mut self, problem: String) {
        self.problems.push(problem);
    }

    /// Ok if no problem was found, else one 400 listing them all.
    pub(crate) fn finish(self) -> Result<(), ApiError> {
        self.finish_with(())
    }

    /// `value` if no problem was found, else one 400 listing them all.
    pub(crate) fn finish_with<T>(self, value: T) -> Result<T, ApiError> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(ApiError::bad_request(self.problems.join("; ")))
        }
    }
}

#[cfg(test)]
mod tests {
    use axum::http::{HeaderValue, header};

    use super::*;
    use crate::core::http::rules::country_rule;

    fn json_headers() -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        headers
    }

    fn problems(body: &str) -> String {
        let fields = ["name", "country"];
        let mut parsed = match JsonBody::parse(&json_headers(), body.as_bytes(), &fields) {
            Ok(parsed) => parsed,
            Err(err) => return format!("{err:?}"),
        };
        parsed.required_string("name");
        parsed.checked("country", country_rule);
        format!("{:?}", parsed.finish())
    }

    #[test]
    fn every_problem_is_named() {
        assert!(problems("{}").contains("`name` is required"));
        assert!(problems(r#"{"name": " "}"#).contains("`name` must not be empty"));
        assert!(problems(r#"{"name": 1}"#).contains("`name` must be a string, not a number"));
        let both = problems(r#"{"nom": "x"}"#);
        assert!(both.contains("unknown field `nom`") && both.contains("`name` is required"));
        assert!(problems(r#"{"name": "CI", "country": "FRA"}"#).contains("`country` must be"));
        assert!(problems(r#"{"name": "CI", "country": null}"#).contains("not null"));
        assert!(problems("[]").contains("must be a JSON object, not an array"));
        assert_eq!(problems(r#"{"name": "CI"}"#), "Ok(())");
    }

    #[test]
    fn a_body_must_be_json() {
        let err = JsonBody::parse(&HeaderMap::new(), b"{}", &[]).unwrap_err();
        assert!(format!("{err:?}").contains("415"), "{err:?}");
    }
}
