//! Instances generated from an OpenAPI schema: the answers the document allows, from the
//! smallest to the widest, to decode with the SDK's types.
//!
//! [`variants`] makes, for one schema:
//! - `minimal`: only the required members, recursively; nullable values `null`; lists of one
//!   item;
//! - `maximal`: every member, recursively (to a bounded depth; past it, only required ones),
//!   with the widest numbers the schema allows;
//! - `unknown members`: `maximal` plus a member the document does not list in every object
//!   (to validate with objects open: the API may add members at any time);
//! - `nulls`: `maximal` with every nullable value `null`;
//! - one variant per value of every enum in the tree, and per branch of every `oneOf` or
//!   `anyOf`, the rest as in `maximal`.

use serde_json::{Map, Value, json};

/// Past this depth, objects get only their required members.
const WIDE_DEPTH: usize = 8;
/// Past this depth, generation gives up (the instance is then `null`, and fails validation).
const MAX_DEPTH: usize = 40;
/// The member added by the `unknown members` variant.
pub const UNKNOWN_MEMBER: &str = "zz_member_the_document_does_not_list";

/// One generated instance.
#[derive(Debug, Clone)]
pub struct Variant {
    /// What it is (`minimal`, `enum /components/schemas/X/properties/status = "active"`).
    pub label: String,
    /// Whether it must be validated with objects open to unknown members.
    pub open: bool,
    /// The instance.
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
enum Pick {
    Enum(Value),
    Branch(usize),
}

#[derive(Debug, Clone, Default)]
struct Plan {
    wide: bool,
    extras: bool,
    nulls: bool,
    pick: Option<(String, Pick)>,
}

/// The places in the tree with a choice: enums (their values) and `oneOf`/`anyOf` (their
/// branch count).
#[derive(Debug, Default)]
struct Sites {
    enums: Vec<(String, Vec<Value>)>,
    branches: Vec<(String, usize)>,
}

struct Generator<'a> {
    document: &'a Value,
    plan: Plan,
    sites: Sites,
}

/// Every variant of the schema at `pointer` in `document`.
pub fn variants(document: &Value, pointer: &str) -> Vec<Variant> {
    let run = |plan: Plan| {
        let mut g = Generator {
            document,
            plan,
            sites: Sites::default(),
        };
        let value = g.value(pointer, 0, true);
        (value, g.sites)
    };
    let wide = Plan {
        wide: true,
        ..Plan::default()
    };
    let (maximal, sites) = run(wide.clone());
    let mut out = vec![
        variant("minimal", false, run(Plan::default()).0),
        variant("maximal", false, maximal.clone()),
        variant(
            "unknown members",
            true,
            run(Plan {
                extras: true,
                ..wide.clone()
            })
            .0,
        ),
    ];
    let nulls = run(Plan {
        nulls: true,
        ..wide.clone()
    })
    .0;
    if nulls != maximal {
        out.push(variant("nulls", false, nulls));
    }
    let mut picks = Vec::new();
    for (site, values) in sites.enums {
        for value in values.into_iter().filter(|v| !v.is_null()) {
            let label = format!("enum {site} = {value}");
            picks.push((label, site.clone(), Pick::Enum(value)));
        }
    }
    for (site, count) in sites.branches {
        for branch in 0..count {
            let label = format!("branch {site}/{branch}");
            picks.push((label, site.clone(), Pick::Branch(branch)));
        }
    }
    for (label, site, pick) in picks {
        let plan = Plan {
            pick: Some((site, pick)),
            ..wide.clone()
        };
        out.push(variant(&label, false, run(plan).0));
    }
    out
}

fn variant(label: &str, open: bool, value: Value) -> Variant {
    Variant {
        label: label.to_owned(),
        open,
        value,
    }
}

impl Generator<'_> {
    /// The value for the schema at `at`; `wide` is false once past the wide depth.
    fn value(&mut self, at: &str, depth: usize, wide: bool) -> Value {
        let document = self.document;
        let Some(schema) = document.pointer(at).and_then(Value::as_object) else {
            return json!("any");
        };
        if depth > MAX_DEPTH {
            return Value::Null;
        }
        let nullable = schema.get("nullable") == Some(&Value::Bool(true));
        if nullable && (self.plan.nulls || !self.plan.wide) {
            return Value::Null;
        }
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let target = reference.trim_start_matches('#');
            return self.value(target, depth + 1, wide && depth < WIDE_DEPTH);
        }
        if let Some(value) = schema.get("const") {
            return value.clone();
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            self.sites.enums.push((at.to_owned(), values.clone()));
            if let Some((_, Pick::Enum(value))) = self.picked(at) {
                return value;
            }
            let first = values.iter().find(|v| !v.is_null());
            return first.cloned().unwrap_or(Value::Null);
        }
        if let Some(members) = schema.get("allOf").and_then(Value::as_array) {
            let mut merged = Value::Null;
            for i in 0..members.len() {
                let part = self.value(&format!("{at}/allOf/{i}"), depth + 1, wide);
                merged = merge(merged, part);
            }
            return merged;
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(branches) = schema.get(key).and_then(Value::as_array) {
                let site = format!("{at}/{key}");
                self.sites.branches.push((site.clone(), branches.len()));
                let branch = match self.picked(&site) {
                    Some((_, Pick::Branch(b))) => b,
                    _ => 0,
                };
                return self.value(&format!("{site}/{branch}"), depth + 1, wide);
            }
        }
        let kind = schema.get("type").and_then(Value::as_str).unwrap_or(
            if schema.contains_key("properties") || schema.contains_key("additionalProperties") {
                "object"
            } else if schema.contains_key("items") {
                "array"
            } else {
                "any"
            },
        );
        match kind {
            "object" => self.object(at, schema, depth, wide),
            "array" => {
                let min = schema.get("minItems").and_then(Value::as_u64).unwrap_or(0);
                // One item even in `minimal`, so the items' own shapes are tried; none past the
                // wide depth, so that recursion ends.
                let count = if depth < WIDE_DEPTH { min.max(1) } else { min };
                let items = format!("{at}/items");
                Value::Array(
                    (0..count)
                        .map(|_| self.value(&items, depth + 1, wide))
                        .collect(),
                )
            }
            "string" => Value::String(string(schema)),
            "integer" => integer(schema, self.plan.wide),
            "number" => number(schema, self.plan.wide),
            "boolean" => Value::Bool(self.plan.wide),
            _ => json!("any"),
        }
    }

    fn object(&mut self, at: &str, schema: &Map<String, Value>, depth: usize, wide: bool) -> Value {
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let properties = schema.get("properties").and_then(Value::as_object);
        let mut out = Map::new();
        for name in properties.into_iter().flat_map(|p| p.keys()) {
            if (self.plan.wide && wide) || required.contains(&name.as_str()) {
                let pointer = format!("{at}/properties/{}", escape(name));
                out.insert(name.clone(), self.value(&pointer, depth + 1, wide));
            }
        }
        for name in required {
            if !out.contains_key(name) {
                out.insert(name.to_owned(), json!("required, not described"));
            }
        }
        let typed_map = schema
            .get("additionalProperties")
            .is_some_and(Value::is_object);
        if typed_map && self.plan.wide && wide {
            let pointer = format!("{at}/additionalProperties");
            out.insert("some_key".into(), self.value(&pointer, depth + 1, wide));
        }
        if self.plan.extras && !typed_map {
            // Any JSON may come in an unknown member; this one is also a HAL link (it has an
            // `href`), as a new member of a `_links` object would be.
            let unknown = json!({"href": "https://example.com/new", "nested": [1, "two", null]});
            out.insert(UNKNOWN_MEMBER.into(), unknown);
        }
        Value::Object(out)
    }

    fn picked(&self, site: &str) -> Option<(String, Pick)> {
        self.plan.pick.clone().filter(|(s, _)| s == site)
    }
}

/// Two parts of an `allOf`: objects merge member by member; otherwise the later wins.
fn merge(a: Value, b: Value) -> Value {
    match (a, b) {
        (Value::Object(mut a), Value::Object(b)) => {
            for (k, v) in b {
                let merged = match a.remove(&k) {
                    Some(old) => merge(old, v),
                    None => v,
                };
                a.insert(k, merged);
            }
            Value::Object(a)
        }
        (a, Value::Null) => a,
        (_, b) => b,
    }
}

/// A string of the schema's format, within its length bounds.
fn string(schema: &Map<String, Value>) -> String {
    let format = schema.get("format").and_then(Value::as_str).unwrap_or("");
    let mut text = match format {
        "date-time" => "2024-05-06T07:08:09.123456Z",
        "date" => "2024-05-06",
        "uuid" => "0f7b5c3e-8a51-4b6b-9d43-2f5e7c1a9b01",
        "ulid" => "01H2X9Z4CQJ5K7M8N9P0QRSTVW",
        "email" => "ada@example.com",
        "uri" | "url" => "https://example.com/path",
        "ISO ALPHA-2" => "FR",
        "byte" => "aGVsbG8=",
        _ => "text",
    }
    .to_owned();
    let bound = |key: &str| schema.get(key).and_then(Value::as_u64).map(|n| n as usize);
    if let Some(max) = bound("maxLength") {
        if max == 2 && text.len() > 2 {
            text = "FR".into();
        }
        text.truncate(max);
    }
    if let Some(min) = bound("minLength") {
        while text.len() < min {
            text.push('x');
        }
    }
    text
}

/// The widest integer the schema allows (a width past 32 bits when it says nothing), or the
/// smallest.
fn integer(schema: &Map<String, Value>, wide: bool) -> Value {
    let min = schema.get("minimum").and_then(Value::as_i64);
    let max = schema.get("maximum").and_then(Value::as_i64);
    if !wide {
        return json!(min.unwrap_or(0).max(0).min(max.unwrap_or(i64::MAX)));
    }
    let widest = match schema.get("format").and_then(Value::as_str) {
        Some("int32") => i64::from(i32::MAX),
        Some("int64") => i64::MAX,
        _ => 1 << 33,
    };
    json!(max.unwrap_or(widest))
}

/// A number with a fraction, or the smallest.
fn number(schema: &Map<String, Value>, wide: bool) -> Value {
    let min = schema.get("minimum").and_then(Value::as_f64);
    let max = schema.get("maximum").and_then(Value::as_f64);
    if !wide {
        return json!(min.unwrap_or(0.0));
    }
    json!(max.unwrap_or(min.map_or(12.5, |m| m.max(12.5))))
}

fn escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}
