//! The request journal: every request the server received, as it arrived.

use axum::body::Bytes;
use axum::http::{HeaderMap, Method};

/// One request as the mock received it, for assertions about what went over the wire.
///
/// Recorded before anything else happens to the request (before scripted faults and before
/// authentication), so requests answered by a [`Fault`](crate::Fault), refused with a 401 or sent
/// to an unknown route are all here.
#[derive(Debug, Clone)]
pub struct RecordedRequest {
    /// The method.
    pub method: Method,
    /// The path exactly as sent on the request line, still percent-encoded
    /// (`/users/email=ada%40example.com`).
    pub path: String,
    /// The query string as sent, without the `?`; `None` when the target had no `?`.
    pub query: Option<String>,
    /// The headers as received.
    pub headers: HeaderMap,
    /// The body bytes.
    pub body: Bytes,
}

impl RecordedRequest {
    /// The value of the header `name` (case-insensitive), if present and visible ASCII.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name)?.to_str().ok()
    }

    /// The request target: the path, then `?` and the query if there was one.
    pub fn target(&self) -> String {
        match &self.query {
            Some(query) => format!("{}?{query}", self.path),
            None => self.path.clone(),
        }
    }

    /// The body parsed as JSON, or `None` if it is not JSON.
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The body as text (lossy UTF-8).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// The recorded requests, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Journal {
    requests: Vec<RecordedRequest>,
}

impl Journal {
    pub(crate) fn record(&mut self, request: RecordedRequest) {
        self.requests.push(request);
    }

    pub(crate) fn requests(&self) -> Vec<RecordedRequest> {
        self.requests.clone()
    }

    pub(crate) fn clear(&mut self) {
        self.requests.clear();
    }
}
