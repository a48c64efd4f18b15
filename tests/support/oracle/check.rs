//! The checks: request bodies and answers against the document's schemas, one by one or a
//! mock server's whole journal.

use std::sync::Arc;

use serde_json::{Value, json};

use super::violation::Site;
use super::{Direction, Mode, OperationInfo, Oracle, Violation, essence, is_json};

/// The schema every error answer of the API has (`{"error": "..."}`), for the error answers the
/// document leaves undescribed.
const ERROR_SCHEMA: &str = "/components/schemas/Error";

/// Request bodies the oracle does not look into (their parts are checked by the tests that
/// send them).
const FORMS: &[&str] = &["multipart/form-data", "application/x-www-form-urlencoded"];

// A `Violation` is a failed test's whole message: it is returned by value, rarely, and its size
// does not matter.
#[allow(clippy::result_large_err)]
impl Oracle {
    /// Checks an answer: `path` is the concrete request path. See [`Oracle::check_response_of`].
    pub fn check_response(
        &self,
        method: &str,
        path: &str,
        status: u16,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Result<(), Violation> {
        let Some(op) = self.operation(method, path) else {
            let site = unknown(method, path, Some(status), body);
            return Err(Violation::new("response", &site, NO_OPERATION));
        };
        self.check_response_of(op, status, content_type, body)
    }

    /// Checks an answer of `op`. A success status must be documented, with the body the
    /// document describes for it (none, when it describes none). An error status may be
    /// undocumented, or documented without a body: the document is silent about it, so any
    /// JSON body must only have the shape of every error of the API, the `Error` schema. A
    /// JSON body must validate against the schema; any JSON media type stands for any other
    /// (`application/problem+json` for `application/json`).
    pub fn check_response_of(
        &self,
        op: &OperationInfo,
        status: u16,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Result<(), Violation> {
        let site = site(op, Some(status), body);
        let fail = |rule: String| Violation::new("response", &site, rule);
        let empty = body.iter().all(u8::is_ascii_whitespace);
        let response = self.response(op, status);
        let described = response.as_ref().filter(|r| !r.content.is_empty());
        let Some(response) = described else {
            if status >= 400 {
                return self.undescribed_error(&site, content_type, body);
            }
            return match response {
                None => Err(fail(format!(
                    "status {status} is not documented for this operation"
                ))),
                Some(_) if empty => Ok(()),
                Some(r) => Err(fail(format!(
                    "the document describes no body for {} (`{}`), but one came",
                    r.key, r.pointer
                ))),
            };
        };
        if empty {
            return Err(fail(format!(
                "the document describes a body for {} (`{}`), but none came",
                response.key, response.pointer
            )));
        }
        let listed: Vec<&str> = response.content.iter().map(|(m, _)| m.as_str()).collect();
        let Some(content_type) = content_type else {
            return Err(fail("a body came without a content type".into()));
        };
        if !is_json(content_type) {
            return if listed.iter().any(|m| essence(m) == essence(content_type)) {
                Ok(())
            } else {
                Err(fail(format!(
                    "answered as {content_type}; the document lists {listed:?}"
                )))
            };
        }
        if !listed.iter().any(|m| is_json(m)) {
            return Err(fail(format!(
                "answered as {content_type}; the document lists {listed:?}"
            )));
        }
        let Some(schema) = response.json_schema() else {
            return parse(body).map(|_| ()).map_err(fail);
        };
        let value = parse(body).map_err(fail)?;
        let mode = Mode {
            direction: Direction::Response,
            open: false,
        };
        self.validate(schema, mode, &value, "response", &site)
    }

    /// An error answer the document does not describe: empty, not JSON, or an `Error`.
    fn undescribed_error(
        &self,
        site: &Site<'_>,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Result<(), Violation> {
        let empty = body.iter().all(u8::is_ascii_whitespace);
        if empty || !content_type.is_some_and(is_json) {
            return Ok(());
        }
        let fail = |rule: String| Violation::new("response", site, rule);
        let value = parse(body).map_err(fail)?;
        let mode = Mode {
            direction: Direction::Response,
            open: false,
        };
        self.validate(ERROR_SCHEMA, mode, &value, "response", site)
    }

    /// Checks a request body: `path` is the concrete request path. See
    /// [`Oracle::check_request_of`].
    pub fn check_request(
        &self,
        method: &str,
        path: &str,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Result<(), Violation> {
        let Some(op) = self.operation(method, path) else {
            let site = unknown(method, path, None, body);
            return Err(Violation::new("request", &site, NO_OPERATION));
        };
        self.check_request_of(op, content_type, body)
    }

    /// Checks a request body of `op` against its `requestBody`: an operation without one takes
    /// an empty body; a JSON body must validate (members marked `readOnly` are never
    /// required); multipart and form bodies are only checked to be a media type the operation
    /// takes.
    pub fn check_request_of(
        &self,
        op: &OperationInfo,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Result<(), Violation> {
        let site = site(op, None, body);
        let fail = |rule: String| Violation::new("request", &site, rule);
        let empty = body.iter().all(u8::is_ascii_whitespace);
        let pointer = self.follow(&format!("{}/requestBody", op.pointer));
        let Some(request_body) = self.document.pointer(&pointer) else {
            return if empty {
                Ok(())
            } else {
                Err(fail("the document describes no request body".into()))
            };
        };
        if empty {
            let required = request_body.get("required") == Some(&Value::Bool(true));
            return if required {
                Err(fail("the document requires a request body".into()))
            } else {
                Ok(())
            };
        }
        let Some(content_type) = content_type else {
            return Err(fail("a body was sent without a content type".into()));
        };
        let content = request_body.get("content").and_then(Value::as_object);
        let listed: Vec<&String> = content.into_iter().flat_map(|c| c.keys()).collect();
        let wanted = essence(content_type);
        let entry = if is_json(&wanted) {
            listed.iter().find(|m| is_json(m))
        } else {
            listed.iter().find(|m| essence(m) == wanted)
        };
        let Some(media) = entry else {
            return Err(fail(format!(
                "sent as {content_type}; the document takes {listed:?}"
            )));
        };
        if FORMS.contains(&wanted.as_str()) || !is_json(&wanted) {
            return Ok(());
        }
        let schema = format!("{pointer}/content/{}/schema", super::escape(media));
        let value = parse(body).map_err(fail)?;
        if self.document.pointer(&schema).is_none() {
            return Ok(());
        }
        let mode = Mode {
            direction: Direction::Request,
            open: false,
        };
        self.validate(&schema, mode, &value, "request", &site)
    }

    /// Checks everything a mock server recorded: for each request it answered itself (not
    /// with an injected fault) on an operation of the document, the request body (unless the
    /// mock refused it with a 4xx) and the answer, and that the mock's route for it is the
    /// document's path. Token requests
    /// (`/oauth2/token`) and paths the document does not know are skipped; a cut-off answer
    /// body is not validated.
    pub fn check_journal(&self, requests: &[upsun_mock::RecordedRequest]) -> Vec<Violation> {
        let mut violations = Vec::new();
        for request in requests {
            let Some(response) = &request.response else {
                continue;
            };
            if response.from_fault || request.path == "/oauth2/token" {
                continue;
            }
            let Some(op) = self.operation(request.method.as_str(), &request.path) else {
                continue;
            };
            if let Some(route) = request.route.as_deref().filter(|r| *r != op.path) {
                let site = site(op, Some(response.status), &response.body);
                violations.push(Violation::new(
                    "response",
                    &site,
                    format!(
                        "the mock answered {} {} with its route `{route}`, but the request is \
                         this operation",
                        request.method, request.path
                    ),
                ));
            }
            let content_type = request
                .headers
                .get("content-type")
                .and_then(|v| v.to_str().ok());
            // A request the mock refused (4xx) was judged already, and a test may send one on
            // purpose; only what the mock accepted must be what the document accepts.
            let refused = (400..500).contains(&response.status);
            let request_check =
                (!refused).then(|| self.check_request_of(op, content_type, &request.body));
            if let Some(Err(v)) = request_check {
                violations.push(v);
            }
            if response.truncated {
                continue;
            }
            let checked = self.check_response_of(
                op,
                response.status,
                response.content_type.as_deref(),
                &response.body,
            );
            if let Err(v) = checked {
                violations.push(v);
            }
        }
        violations
    }

    /// Checks `value` against the schema at `pointer` (in the document with the deviations
    /// applied), as a `direction` body, strictly or with objects open to unknown members.
    pub fn check_value(
        &self,
        op: &OperationInfo,
        status: Option<u16>,
        pointer: &str,
        mode: Mode,
        value: &Value,
    ) -> Result<(), Violation> {
        let body = value.to_string();
        let site = site(op, status, body.as_bytes());
        let what = match mode.direction {
            Direction::Request => "request",
            Direction::Response => "response",
        };
        self.validate(pointer, mode, value, what, &site)
    }

    fn validate(
        &self,
        pointer: &str,
        mode: Mode,
        value: &Value,
        what: &'static str,
        site: &Site<'_>,
    ) -> Result<(), Violation> {
        let validator = self.validator(pointer, mode);
        let Some(error) = validator.iter_errors(value).next() else {
            return Ok(());
        };
        // Where the rule is: inside a component when a `$ref` led there, else under the
        // schema at `pointer`.
        let path = error.schema_path().as_str();
        let place = if path.starts_with("/components/") {
            path.to_owned()
        } else {
            format!("{pointer}{path}")
        };
        let rule = format!(
            "`{}` failed (schema {place}): {error}",
            error.kind().keyword()
        );
        Err(Violation::new(what, site, rule).at(error.instance_path().as_str()))
    }

    /// The validator of the schema at `pointer`, compiled once per mode.
    fn validator(&self, pointer: &str, mode: Mode) -> Arc<jsonschema::Validator> {
        let key = (pointer.to_owned(), mode);
        if let Some(found) = lock(&self.validators).get(&key) {
            return found.clone();
        }
        let schema = self
            .document
            .pointer(pointer)
            .unwrap_or_else(|| panic!("no schema at {pointer}"));
        let mut root = super::convert::schema(schema, mode);
        if !root.is_object() {
            root = json!({ "allOf": [root] });
        }
        root["components"] = (*self.converted_components(mode)).clone();
        root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(false)
            .build(&root)
            .unwrap_or_else(|e| panic!("the schema at {pointer} does not compile: {e}"));
        let validator = Arc::new(validator);
        lock(&self.validators).insert(key, validator.clone());
        validator
    }

    /// `components` converted for `mode`, made once.
    fn converted_components(&self, mode: Mode) -> Arc<Value> {
        let mut cache = lock(&self.components);
        cache
            .entry(mode)
            .or_insert_with(|| Arc::new(super::convert::components(&self.document, mode)))
            .clone()
    }
}

const NO_OPERATION: &str = "no operation of the document has this method and path";

fn site<'a>(op: &'a OperationInfo, status: Option<u16>, body: &'a [u8]) -> Site<'a> {
    Site {
        operation_id: &op.operation_id,
        method: &op.method,
        path: &op.path,
        status,
        body,
    }
}

fn unknown<'a>(method: &'a str, path: &'a str, status: Option<u16>, body: &'a [u8]) -> Site<'a> {
    Site {
        operation_id: "-",
        method,
        path,
        status,
        body,
    }
}

fn parse(body: &[u8]) -> Result<Value, String> {
    serde_json::from_slice(body).map_err(|e| format!("the body is not JSON: {e}"))
}

fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}
