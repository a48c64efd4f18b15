//! One call being prepared: the [`Endpoint`] description the macro writes, and the [`Call`]
//! that collects the encoded path, query, body and headers before the send path takes it.

use std::fmt::{Display, Write as _};

use bytes::Bytes;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::header::{HeaderName, HeaderValue};
use serde::Serialize;

use crate::{Error, Result};

use reqwest::Method;

/// Every byte outside RFC 3986's unreserved set (`ALPHA / DIGIT / "-" / "." / "_" / "~"`).
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The static description of one declared endpoint, built by the macro at compile time.
///
/// The template `/users/email=<email>/keys` is stored as the literal `pieces`
/// `["/users/email=", "/keys"]` around the `params` `["email"]`: there is always one more piece
/// than there are parameters.
#[derive(Debug)]
pub struct Endpoint {
    /// The HTTP method.
    pub method: Method,
    /// The template in OpenAPI form (`/users/{user_id}`), for docs, logs and spans.
    pub template: &'static str,
    /// The literal text around the parameters.
    pub pieces: &'static [&'static str],
    /// The parameter names, in template order.
    pub params: &'static [&'static str],
    /// Whether a request that may have reached the server can be sent again safely.
    pub idempotent: bool,
    /// Whether the answers hold secrets (a new API token, MFA secrets, recovery codes): errors
    /// about them never quote the body.
    pub secret: bool,
}

impl Endpoint {
    /// Describes an endpoint. `idempotent` is true for GET, PUT and DELETE, and for a POST or
    /// PATCH declared with the `idempotent` option: the macro decides.
    pub const fn new(
        method: Method,
        template: &'static str,
        pieces: &'static [&'static str],
        params: &'static [&'static str],
        idempotent: bool,
    ) -> Self {
        Self {
            method,
            template,
            pieces,
            params,
            idempotent,
            secret: false,
        }
    }

    /// Marks the endpoint's answers as holding secrets (the macro's `secret` option).
    pub const fn secret(mut self) -> Self {
        self.secret = true;
        self
    }
}

/// One call being prepared: the encoded path, query, body and headers.
///
/// Problems found while preparing (a dot segment, a header with a line break, a body that does
/// not serialize) are kept and returned when the call is awaited, before anything is sent.
#[derive(Debug)]
pub struct Call {
    pub(crate) endpoint: &'static Endpoint,
    pub(crate) path: String,
    /// A whole URL to use instead of the base URL and the path (a followed link).
    pub(crate) url: Option<String>,
    pub(crate) query: Option<String>,
    pub(crate) body: Option<Bytes>,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    pub(crate) error: Option<Error>,
}

impl Call {
    /// Starts a call, percent-encoding each argument as one path segment.
    ///
    /// `args` holds one value per entry of `endpoint.params`, in the same order.
    pub fn new(endpoint: &'static Endpoint, args: &[&(dyn Display + Sync)]) -> Self {
        let mut call = Call {
            endpoint,
            path: String::new(),
            url: None,
            query: None,
            body: None,
            headers: Vec::new(),
            error: None,
        };
        match build_path(endpoint, args) {
            Ok(path) => call.path = path,
            Err(err) => call.error = Some(err),
        }
        call
    }

    /// A GET of a whole URL, already checked to be on the client's origin.
    pub(crate) fn link(endpoint: &'static Endpoint, url: String) -> Self {
        let mut call = Call::new(endpoint, &[]);
        call.url = Some(url);
        call
    }

    /// Sets the JSON body.
    pub fn body<B: Serialize + ?Sized>(&mut self, body: &B) {
        if self.error.is_some() {
            return;
        }
        match serde_json::to_vec(body) {
            Ok(bytes) => self.body = Some(Bytes::from(bytes)),
            Err(err) => {
                self.error = Some(Error::invalid_input(format!("request body: {err}")));
            }
        }
    }

    /// Sets a `multipart/form-data` body.
    pub fn multipart(&mut self, form: &crate::Multipart) {
        if self.error.is_some() {
            return;
        }
        match form.encode() {
            Ok((content_type, body)) => match HeaderValue::from_str(&content_type) {
                Ok(value) => {
                    self.headers.push((reqwest::header::CONTENT_TYPE, value));
                    self.body = Some(body);
                }
                Err(_) => self.error = Some(Error::invalid_input("multipart content type")),
            },
            Err(err) => self.error = Some(err),
        }
    }

    /// Appends the fields of a query struct; `None` fields are left out.
    pub fn query<Q: Serialize + ?Sized>(&mut self, query: &Q) {
        if self.error.is_some() {
            return;
        }
        match crate::query::to_query_string(query) {
            Ok(encoded) if encoded.is_empty() => {}
            Ok(encoded) => match &mut self.query {
                Some(existing) => {
                    existing.push('&');
                    existing.push_str(&encoded);
                }
                None => self.query = Some(encoded),
            },
            Err(err) => self.error = Some(err),
        }
    }

    /// Adds a header; a value with a line break (or any other byte a header may not hold) is
    /// refused before sending.
    pub fn header<V: Display + ?Sized>(&mut self, name: &'static str, value: &V) {
        if self.error.is_some() {
            return;
        }
        let value = value.to_string();
        let name = match HeaderName::from_bytes(name.as_bytes()) {
            Ok(name) => name,
            Err(_) => {
                self.error = Some(Error::invalid_input(format!(
                    "header name `{name}` is not a valid HTTP header name"
                )));
                return;
            }
        };
        if value.contains(['\r', '\n']) {
            self.error = Some(Error::invalid_input(format!(
                "header `{name}` must not contain a line break (CR or LF)"
            )));
            return;
        }
        match HeaderValue::from_str(&value) {
            Ok(value) => self.headers.push((name, value)),
            Err(_) => {
                self.error = Some(Error::invalid_input(format!(
                    "header `{name}` holds a character that is not allowed in an HTTP header"
                )));
            }
        }
    }
}

/// Fills the template: each argument becomes exactly one encoded path segment (or part of one).
///
/// Each value is encoded as it is formatted, straight into the path: one allocation per call.
fn build_path(endpoint: &Endpoint, args: &[&(dyn Display + Sync)]) -> Result<String> {
    debug_assert_eq!(endpoint.pieces.len(), endpoint.params.len() + 1);
    debug_assert_eq!(endpoint.params.len(), args.len());
    // Room for a UUID (36 bytes) per parameter without growing.
    let mut path = String::with_capacity(endpoint.template.len() + 40 * args.len());
    for (i, piece) in endpoint.pieces.iter().enumerate() {
        path.push_str(piece);
        let (Some(name), Some(arg)) = (endpoint.params.get(i), args.get(i)) else {
            continue;
        };
        let start = path.len();
        // Writing into a String cannot fail unless the `Display` impl itself reports an error.
        if write!(SegmentWriter(&mut path), "{arg}").is_err() {
            return Err(Error::invalid_input(format!(
                "path parameter `{name}` could not be formatted"
            )));
        }
        // `.` is never encoded, so the encoded value is `""`, `.` or `..` exactly when the value
        // was.
        check_segment(name, &path[start..])?;
    }
    Ok(path)
}

/// Percent-encodes everything written to it as (part of) one path segment.
struct SegmentWriter<'a>(&'a mut String);

impl std::fmt::Write for SegmentWriter<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let unreserved =
            |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
        if s.bytes().all(unreserved) {
            // IDs and most names need no encoding: copy them as they are.
            self.0.push_str(s);
        } else {
            self.0.extend(utf8_percent_encode(s, SEGMENT));
        }
        Ok(())
    }
}

/// Refuses the values a server or URL parser would not keep as one segment.
///
/// `""` would merge two segments (`/users//keys`), and `.` and `..` are removed by URL
/// normalisation (`PATCH /users/..` becomes `PATCH /`).
fn check_segment(name: &str, value: &str) -> Result<()> {
    let what = match value {
        "" => "must not be empty",
        "." | ".." => "must not be `.` or `..`",
        _ => return Ok(()),
    };
    Err(Error::invalid_input(format!(
        "path parameter `{name}` {what}"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    static ONE: Endpoint = Endpoint::new(
        Method::PATCH,
        "/users/{user_id}",
        &["/users/", ""],
        &["user_id"],
        false,
    );
    static MIXED: Endpoint = Endpoint::new(
        Method::GET,
        "/users/email={email}/x",
        &["/users/email=", "/x"],
        &["email"],
        true,
    );

    fn path(endpoint: &'static Endpoint, value: &str) -> Result<String> {
        build_path(endpoint, &[&value])
    }

    #[test]
    fn encodes_every_reserved_byte() {
        assert_eq!(path(&ONE, "a/../b").unwrap(), "/users/a%2F..%2Fb");
        assert_eq!(path(&ONE, "x?y#z").unwrap(), "/users/x%3Fy%23z");
        assert_eq!(path(&ONE, "a b+c%20").unwrap(), "/users/a%20b%2Bc%2520");
        assert_eq!(path(&ONE, "café").unwrap(), "/users/caf%C3%A9");
        assert_eq!(path(&ONE, "A-z_0.9~").unwrap(), "/users/A-z_0.9~");
        assert_eq!(
            path(&MIXED, "a+b/c@x.io").unwrap(),
            "/users/email=a%2Bb%2Fc%40x.io/x"
        );
    }

    #[test]
    fn refuses_segments_that_would_collapse() {
        for bad in ["", ".", ".."] {
            let err = path(&ONE, bad).unwrap_err();
            assert!(err.is_invalid_input(), "{bad:?}: {err}");
            assert!(err.to_string().contains("`user_id`"), "{err}");
        }
        assert_eq!(path(&ONE, "...").unwrap(), "/users/...");
    }

    #[test]
    fn header_values_with_line_breaks_are_refused() {
        static E: Endpoint = Endpoint::new(Method::GET, "/", &["/"], &[], true);
        let mut call = Call::new(&E, &[]);
        call.header("X-Note", "a\r\nInjected: 1");
        let err = call.error.unwrap();
        assert!(err.is_invalid_input());
        assert!(err.to_string().contains("X-Note") || err.to_string().contains("x-note"));
    }
}
