//! The OpenAPI document as the test oracle.
//!
//! [`Oracle::get`] loads `tests/data/upsun-openapi.json` once, applies the deviation table
//! (`tests/data/deviations.tsv`, see [`deviations`]) and answers three questions:
//! - which operation a concrete request is ([`Oracle::operation`]);
//! - whether an answer is one the document allows for that operation and status
//!   ([`Oracle::check_response`]), and a request body one it accepts
//!   ([`Oracle::check_request`]);
//! - whether everything a mock server saw and answered was ([`Oracle::check_journal`]).
//!
//! Schemas are OpenAPI 3.0, converted to JSON Schema (see `oracle/convert.rs`) and validated
//! with the `jsonschema` crate; each compiled validator is kept for the next check.
//!
//! ```no_run
//! use upsun_tests::oracle::Oracle;
//!
//! let oracle = Oracle::get();
//! let body = br#"{"error": "no such user"}"#;
//! oracle
//!     .check_response("GET", "/users/me", 403, Some("application/json"), body)
//!     .unwrap();
//! ```

mod check;
mod convert;
pub mod deviations;
pub mod paths;
mod violation;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::Value;

pub use self::convert::{Direction, Mode};
pub use self::deviations::Deviation;
pub use self::paths::Segment;
pub use self::violation::Violation;

/// The document, as shipped in `tests/data`.
pub const DOCUMENT: &str = include_str!("../data/upsun-openapi.json");

/// The HTTP methods an OpenAPI path item may hold, in the document's spelling.
const METHODS: [&str; 8] = [
    "get", "put", "post", "patch", "delete", "head", "options", "trace",
];

/// One operation of the document.
#[derive(Debug, Clone)]
pub struct OperationInfo {
    /// The method, upper case (`GET`).
    pub method: String,
    /// The path template, as the document writes it (`/users/{user_id}`).
    pub path: String,
    /// The `operationId`.
    pub operation_id: String,
    /// The first tag, or `-` when the operation has none.
    pub tag: String,
    /// The summary, or an empty string.
    pub summary: String,
    /// The JSON pointer of the operation object in the document
    /// (`/paths/~1users~1me/get`).
    pub pointer: String,
    /// The template, parsed.
    pub segments: Vec<Segment>,
}

/// One documented answer of an operation.
#[derive(Debug, Clone)]
pub struct ResponseInfo {
    /// The key it is documented under: `200`, `4XX` or `default`.
    pub key: String,
    /// The JSON pointer of the response object (after following a `$ref`).
    pub pointer: String,
    /// Its content: the media types, each with the pointer of its schema when it has one.
    pub content: Vec<(String, Option<String>)>,
}

impl ResponseInfo {
    /// The pointer of the schema of its JSON content, when it has one.
    pub fn json_schema(&self) -> Option<&str> {
        self.content
            .iter()
            .find(|(media, _)| is_json(media))
            .and_then(|(_, schema)| schema.as_deref())
    }
}

/// The loaded document; see the module documentation.
#[derive(Debug)]
pub struct Oracle {
    original: Value,
    document: Value,
    deviations: Vec<Deviation>,
    operations: Vec<OperationInfo>,
    components: Mutex<HashMap<Mode, Arc<Value>>>,
    validators: Mutex<HashMap<(String, Mode), Arc<jsonschema::Validator>>>,
}

impl Oracle {
    /// The oracle, loaded on first use.
    pub fn get() -> &'static Oracle {
        static ORACLE: OnceLock<Oracle> = OnceLock::new();
        ORACLE.get_or_init(Oracle::load)
    }

    fn load() -> Oracle {
        let original: Value =
            serde_json::from_str(DOCUMENT).expect("tests/data/upsun-openapi.json is JSON");
        let deviations = deviations::parse(deviations::DEVIATIONS_TSV);
        let mut document = original.clone();
        for row in &deviations {
            deviations::apply(&mut document, row);
        }
        let operations = operations(&original);
        Oracle {
            original,
            document,
            deviations,
            operations,
            components: Mutex::default(),
            validators: Mutex::default(),
        }
    }

    /// The document exactly as shipped.
    pub fn original(&self) -> &Value {
        &self.original
    }

    /// The document with the deviation table applied: what the checks use.
    pub fn document(&self) -> &Value {
        &self.document
    }

    /// The rows of the deviation table.
    pub fn deviations(&self) -> &[Deviation] {
        &self.deviations
    }

    /// Every operation, sorted by tag, path and method.
    pub fn operations(&self) -> &[OperationInfo] {
        &self.operations
    }

    /// The operation with this `operationId`.
    pub fn operation_by_id(&self, operation_id: &str) -> Option<&OperationInfo> {
        self.operations
            .iter()
            .find(|op| op.operation_id == operation_id)
    }

    /// The operation a request is: `path` is concrete and percent-encoded (`/users/me`,
    /// `/users/email=ada%40example.com`), any query is ignored. Where several templates fit, the
    /// one with literal segments earliest wins (`/users/me` over `/users/{user_id}`).
    pub fn operation(&self, method: &str, path: &str) -> Option<&OperationInfo> {
        self.operations
            .iter()
            .filter(|op| op.method.eq_ignore_ascii_case(method))
            .filter_map(|op| paths::score(&op.segments, path).map(|score| (score, op)))
            .max_by(|(a, _), (b, _)| a.cmp(b))
            .map(|(_, op)| op)
    }

    /// The answer documented for `status`: under the status itself, else its class (`4XX`),
    /// else `default`.
    pub fn response(&self, op: &OperationInfo, status: u16) -> Option<ResponseInfo> {
        let responses = format!("{}/responses", op.pointer);
        let map = self.document.pointer(&responses)?.as_object()?;
        let class = format!("{}XX", status / 100);
        let key = [status.to_string(), class, "default".to_owned()]
            .into_iter()
            .find(|key| map.keys().any(|k| k.eq_ignore_ascii_case(key)))?;
        let key = map.keys().find(|k| k.eq_ignore_ascii_case(&key))?.clone();
        let pointer = self.follow(&format!("{responses}/{}", escape(&key)));
        Some(self.response_at(key, pointer))
    }

    /// The lowest documented success status (2xx) and its answer. An operation that documents
    /// only a `default` answer (as the project and environment ones do) documents its success
    /// there: it is returned as 200.
    pub fn success(&self, op: &OperationInfo) -> Option<(u16, ResponseInfo)> {
        let responses = format!("{}/responses", op.pointer);
        let map = self.document.pointer(&responses)?.as_object()?;
        let status = map
            .keys()
            .filter_map(|k| k.parse::<u16>().ok())
            .filter(|s| (200..300).contains(s))
            .min();
        match status {
            Some(status) => Some((status, self.response(op, status)?)),
            None if map.contains_key("default") && !map.contains_key("2XX") => {
                Some((200, self.response(op, 200)?))
            }
            None => None,
        }
    }

    fn response_at(&self, key: String, pointer: String) -> ResponseInfo {
        let content = self
            .document
            .pointer(&format!("{pointer}/content"))
            .and_then(Value::as_object)
            .map(|content| {
                content
                    .iter()
                    .map(|(media, entry)| {
                        let schema = entry
                            .get("schema")
                            .map(|_| format!("{pointer}/content/{}/schema", escape(media)));
                        (media.clone(), schema)
                    })
                    .collect()
            })
            .unwrap_or_default();
        ResponseInfo {
            key,
            pointer,
            content,
        }
    }

    /// Follows `$ref`s from the object at `pointer` to the object it stands for.
    pub fn follow(&self, pointer: &str) -> String {
        let mut pointer = pointer.to_owned();
        for _ in 0..16 {
            let reference = self
                .document
                .pointer(&pointer)
                .and_then(|v| v.get("$ref"))
                .and_then(Value::as_str);
            match reference {
                Some(r) => pointer = r.trim_start_matches('#').to_owned(),
                None => break,
            }
        }
        pointer
    }

    /// The table of operations (`tests/data/operations.tsv`) as the document makes it: method,
    /// path, operation ID, tag and summary, tab-separated, sorted by tag, path and method.
    pub fn operations_tsv(&self) -> String {
        let mut table = String::from("method\tpath\toperation_id\ttag\tsummary\n");
        for op in &self.operations {
            let summary = op.summary.replace(['\t', '\n'], " ");
            table.push_str(&format!(
                "{}\t{}\t{}\t{}\t{summary}\n",
                op.method, op.path, op.operation_id, op.tag
            ));
        }
        table
    }
}

/// Every operation of `document`, sorted by tag, path and method.
fn operations(document: &Value) -> Vec<OperationInfo> {
    let mut found = Vec::new();
    let paths = document.get("paths").and_then(Value::as_object);
    for (path, item) in paths.into_iter().flatten() {
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let text = |key: &str| op.get(key).and_then(Value::as_str).map(str::to_owned);
            let tag = op.pointer("/tags/0").and_then(Value::as_str).unwrap_or("-");
            found.push(OperationInfo {
                method: method.to_ascii_uppercase(),
                path: path.clone(),
                operation_id: text("operationId").unwrap_or_default(),
                tag: tag.to_owned(),
                summary: text("summary").unwrap_or_default(),
                pointer: format!("/paths/{}/{method}", escape(path)),
                segments: paths::parse(path),
            });
        }
    }
    found.sort_by(|a, b| (&a.tag, &a.path, &a.method).cmp(&(&b.tag, &b.path, &b.method)));
    found
}

/// Escapes one member name for a JSON pointer.
pub fn escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// Whether a media type (parameters allowed) is JSON: `application/json` or `...+json`.
pub fn is_json(media: &str) -> bool {
    let essence = essence(media);
    essence == "application/json" || essence.ends_with("+json")
}

/// A media type without its parameters, lower case.
fn essence(media: &str) -> String {
    media
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}
