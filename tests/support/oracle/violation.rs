//! [`Violation`]: a request or an answer that the OpenAPI document does not allow.

use std::fmt;

/// How much of the body a message shows.
const BODY_START: usize = 300;

/// A request or an answer that the OpenAPI document (with the deviation table applied) does
/// not allow, with everything needed to find out why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// `request` or `response`.
    pub what: &'static str,
    /// The operation's ID in the document, or `-` when no operation matched.
    pub operation_id: String,
    /// The method.
    pub method: String,
    /// The document's path template, or the concrete path when no operation matched.
    pub path: String,
    /// The answer's status, for answers.
    pub status: Option<u16>,
    /// The JSON pointer of the offending value in the body (empty for the whole body).
    pub pointer: String,
    /// The rule that failed: the schema keyword and its place in the schema, and the message.
    pub rule: String,
    /// The start of the body, as text.
    pub body_start: String,
}

impl Violation {
    /// A violation of `rule` by the body as a whole.
    pub(crate) fn new(what: &'static str, site: &Site<'_>, rule: impl Into<String>) -> Self {
        Violation {
            what,
            operation_id: site.operation_id.to_owned(),
            method: site.method.to_owned(),
            path: site.path.to_owned(),
            status: site.status,
            pointer: String::new(),
            rule: rule.into(),
            body_start: body_start(site.body),
        }
    }

    /// The same violation, at `pointer` inside the body.
    pub(crate) fn at(mut self, pointer: impl Into<String>) -> Self {
        self.pointer = pointer.into();
        self
    }
}

/// Where a check happens: the operation, the status and the body, for messages.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Site<'a> {
    pub operation_id: &'a str,
    pub method: &'a str,
    pub path: &'a str,
    pub status: Option<u16>,
    pub body: &'a [u8],
}

/// The first bytes of `body` as text, cut on a character boundary, `…` when cut.
fn body_start(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    if text.len() <= BODY_START {
        return text.into_owned();
    }
    let mut end = BODY_START;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} of `{}` ({} {})",
            self.what, self.operation_id, self.method, self.path
        )?;
        if let Some(status) = self.status {
            write!(f, " with status {status}")?;
        }
        let pointer = if self.pointer.is_empty() {
            "the body"
        } else {
            &self.pointer
        };
        write!(f, ": at {pointer}: {}", self.rule)?;
        if self.body_start.is_empty() {
            write!(f, "\n  body: (empty)")
        } else {
            write!(f, "\n  body: {}", self.body_start)
        }
    }
}

impl std::error::Error for Violation {}
