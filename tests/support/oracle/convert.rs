//! OpenAPI 3.0 schemas turned into JSON Schema (draft 2020-12), which the validator reads.
//!
//! The two languages differ in a few places, handled here:
//! - `nullable: true` is OpenAPI's way to allow `null`; JSON Schema adds `"null"` to `type`
//!   (and to `enum`), or, where there is no single `type`, allows `{"type": "null"}` beside it.
//! - Next to a `$ref`, OpenAPI 3.0 ignores every other keyword; so does the conversion
//!   (except `nullable`, which documents write there and mean).
//! - `exclusiveMinimum: true` (a flag on `minimum`) becomes the number form.
//! - A property marked `readOnly` is never required in a request, and one marked `writeOnly`
//!   never in an answer.
//! - Only validation keywords are kept. `format` stays, as an annotation: formats are not
//!   checked. Descriptions, examples, `discriminator`, `xml`, `externalDocs` and `x-` extensions
//!   are dropped.

use serde_json::{Map, Value, json};

/// Which way the body travels: it decides whether `readOnly` or `writeOnly` members are
/// exempt from `required`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// A request body, sent by the SDK.
    Request,
    /// An answer, sent by the API.
    Response,
}

/// How to convert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mode {
    /// Which way the body travels.
    pub direction: Direction,
    /// Drop `additionalProperties: false`, so objects accept members the document does not
    /// list: the API may add members at any time, and a client must take them.
    pub open: bool,
}

/// The keywords whose value is one schema.
const ONE_SCHEMA: &[&str] = &["items", "not", "additionalItems"];
/// The keywords whose value is a list of schemas.
const SCHEMA_LISTS: &[&str] = &["allOf", "anyOf", "oneOf"];
/// The keywords kept as they are.
const PLAIN: &[&str] = &[
    "type",
    "enum",
    "const",
    "format",
    "default",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
];

/// Converts every schema of `components/schemas`, keeping the names, as `{"schemas": {..}}`.
pub fn components(document: &Value, mode: Mode) -> Value {
    let schemas = document
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .map(|all| {
            all.iter()
                .map(|(name, s)| (name.clone(), schema(s, mode)))
                .collect::<Map<_, _>>()
        })
        .unwrap_or_default();
    json!({ "schemas": schemas })
}

/// Converts one schema, and everything under it.
pub fn schema(s: &Value, mode: Mode) -> Value {
    let Some(object) = s.as_object() else {
        // `true`, `false` or something malformed: kept as is.
        return s.clone();
    };
    let nullable = object.get("nullable") == Some(&Value::Bool(true));
    if let Some(reference) = object.get("$ref") {
        let target = json!({ "$ref": reference });
        return if nullable { or_null(target) } else { target };
    }
    let mut out = Map::new();
    for (key, value) in object {
        let key = key.as_str();
        if PLAIN.contains(&key) {
            out.insert(key.to_owned(), value.clone());
        } else if ONE_SCHEMA.contains(&key) {
            out.insert(key.to_owned(), schema(value, mode));
        } else if SCHEMA_LISTS.contains(&key) {
            let list = value.as_array().map_or(&[][..], Vec::as_slice);
            let list = list.iter().map(|s| schema(s, mode)).collect();
            out.insert(key.to_owned(), Value::Array(list));
        } else if key == "properties" {
            let properties = value.as_object().cloned().unwrap_or_default();
            let properties = properties
                .into_iter()
                .map(|(name, s)| (name, schema(&s, mode)))
                .collect();
            out.insert(key.to_owned(), Value::Object(properties));
        } else if key == "additionalProperties" {
            match value {
                Value::Bool(false) if mode.open => {}
                Value::Bool(_) => {
                    out.insert(key.to_owned(), value.clone());
                }
                other => {
                    out.insert(key.to_owned(), schema(other, mode));
                }
            }
        } else if key == "required" {
            out.insert(key.to_owned(), required(object, value, mode.direction));
        }
    }
    exclusive(object, &mut out);
    if !nullable {
        return Value::Object(out);
    }
    match out.get("type").cloned() {
        Some(Value::String(t)) => {
            out.insert("type".into(), json!([t, "null"]));
            if let Some(Value::Array(values)) = out.get_mut("enum") {
                values.retain(|v| !v.is_null());
                values.push(Value::Null);
            }
            Value::Object(out)
        }
        _ => or_null(Value::Object(out)),
    }
}

/// `schema`, or `null`.
fn or_null(schema: Value) -> Value {
    json!({ "anyOf": [schema, { "type": "null" }] })
}

/// The `required` list, less the members exempt in this direction.
fn required(object: &Map<String, Value>, list: &Value, direction: Direction) -> Value {
    let exempt = match direction {
        Direction::Request => "readOnly",
        Direction::Response => "writeOnly",
    };
    let properties = object.get("properties");
    let names = list.as_array().map_or(&[][..], Vec::as_slice);
    let kept = names
        .iter()
        .filter(|name| {
            let flag = name
                .as_str()
                .and_then(|n| properties?.get(n)?.get(exempt))
                .and_then(Value::as_bool);
            flag != Some(true)
        })
        .cloned()
        .collect();
    Value::Array(kept)
}

/// OpenAPI 3.0's `exclusiveMinimum: true` (a flag on `minimum`) in JSON Schema's number form.
fn exclusive(object: &Map<String, Value>, out: &mut Map<String, Value>) {
    for (flag, bound) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        match object.get(flag) {
            Some(Value::Bool(true)) => {
                if let Some(limit) = out.remove(bound) {
                    out.insert(flag.to_owned(), limit);
                }
            }
            Some(number @ Value::Number(_)) => {
                out.insert(flag.to_owned(), number.clone());
            }
            _ => {}
        }
    }
}
