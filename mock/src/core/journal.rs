//! The request journal: every request the server received, as it arrived, and what it was
//! answered.
//!
//! The journal is bounded: it keeps the newest [`JOURNAL_CAPACITY`] requests, and at most
//! [`JOURNAL_BODY_BUDGET`] bytes of request and response bodies; older entries are dropped
//! (and counted) to make room.

use std::collections::VecDeque;

use axum::body::Bytes;
use axum::http::{HeaderMap, Method};

/// How many requests the journal keeps; older ones are dropped first.
pub const JOURNAL_CAPACITY: usize = 10_000;

/// How many bytes of bodies (request and response together) the journal keeps.
pub const JOURNAL_BODY_BUDGET: usize = 256 * 1024 * 1024;

/// The most bytes of a response body a [`RecordedResponse`] keeps.
pub const RECORDED_RESPONSE_LIMIT: usize = 1024 * 1024;

/// One request as the mock received it, for assertions about what went over the wire.
///
/// Recorded before anything else happens to the request (before scripted faults and before
/// authentication), so requests answered by a [`Fault`](crate::Fault), refused with a 401 or sent
/// to an unknown route are all here. Once the request is answered, [`response`](Self::response)
/// and [`route`](Self::route) say how.
#[derive(Debug, Clone)]
#[non_exhaustive]
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
    /// The route that answered, as the API's OpenAPI document writes its path
    /// (`/users/{user_id}`, `/users/email={email}`); `None` when no route matched (a 404 or
    /// 405), when a fault answered instead of the route, or before the answer.
    pub route: Option<String>,
    /// What the mock answered; `None` while the request is being handled (a fault's delay),
    /// or when a fault dropped the connection without answering.
    pub response: Option<RecordedResponse>,
}

/// The answer to a [`RecordedRequest`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordedResponse {
    /// The status code.
    pub status: u16,
    /// The `Content-Type` header, if any (and visible ASCII).
    pub content_type: Option<String>,
    /// The body bytes, at most [`RECORDED_RESPONSE_LIMIT`] of them.
    pub body: Bytes,
    /// Whether the body was longer than [`RECORDED_RESPONSE_LIMIT`] and `body` holds only its
    /// beginning.
    pub truncated: bool,
    /// Whether a scripted [`Fault`](crate::Fault) gave this answer instead of the route.
    pub from_fault: bool,
}

impl RecordedRequest {
    /// A request as received, not answered yet.
    pub(crate) fn new(
        method: Method,
        path: String,
        query: Option<String>,
        headers: HeaderMap,
        body: Bytes,
    ) -> Self {
        RecordedRequest {
            method,
            path,
            query,
            headers,
            body,
            route: None,
            response: None,
        }
    }

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

    /// The status answered, if the request was answered.
    pub fn status(&self) -> Option<u16> {
        self.response.as_ref().map(|response| response.status)
    }

    fn body_bytes(&self) -> usize {
        self.body.len() + self.response.as_ref().map_or(0, |r| r.body.len())
    }
}

impl RecordedResponse {
    /// A response with the first [`RECORDED_RESPONSE_LIMIT`] bytes of `body` (of `total` bytes
    /// in all, which may be more than `body` holds).
    pub(crate) fn new(
        status: u16,
        content_type: Option<String>,
        body: &[u8],
        total: u64,
        from_fault: bool,
    ) -> Self {
        let kept = &body[..body.len().min(RECORDED_RESPONSE_LIMIT)];
        RecordedResponse {
            status,
            content_type,
            body: Bytes::copy_from_slice(kept),
            truncated: total > kept.len() as u64,
            from_fault,
        }
    }

    /// The body parsed as JSON, or `None` if it is not JSON (or was truncated).
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The body as text (lossy UTF-8).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// The recorded requests, oldest first, each with a sequence number to fill its answer in.
#[derive(Debug, Default)]
pub(crate) struct Journal {
    requests: VecDeque<RecordedRequest>,
    /// The sequence number of `requests[0]`.
    first: u64,
    /// Bytes of bodies held.
    bytes: usize,
    dropped: u64,
}

impl Journal {
    /// Records a request; returns its sequence number for [`answer`](Self::answer).
    pub(crate) fn record(&mut self, request: RecordedRequest) -> u64 {
        self.bytes += request.body_bytes();
        self.requests.push_back(request);
        self.shrink();
        self.first + self.requests.len() as u64 - 1
    }

    /// Fills in how request `seq` was answered, if it is still in the journal.
    pub(crate) fn answer(&mut self, seq: u64, route: Option<String>, response: RecordedResponse) {
        let Some(at) = seq
            .checked_sub(self.first)
            .and_then(|at| usize::try_from(at).ok())
        else {
            return;
        };
        let Some(request) = self.requests.get_mut(at) else {
            return;
        };
        self.bytes += response.body.len();
        request.route = route;
        request.response = Some(response);
        self.shrink();
    }

    /// Drops the oldest requests while over capacity or over the body budget (the newest one is
    /// always kept).
    fn shrink(&mut self) {
        while self.requests.len() > JOURNAL_CAPACITY
            || (self.bytes > JOURNAL_BODY_BUDGET && self.requests.len() > 1)
        {
            let Some(oldest) = self.requests.pop_front() else {
                break;
            };
            self.bytes = self.bytes.saturating_sub(oldest.body_bytes());
            self.first += 1;
            self.dropped += 1;
        }
    }

    pub(crate) fn requests(&self) -> Vec<RecordedRequest> {
        self.requests.iter().cloned().collect()
    }

    /// How many requests were dropped to keep the journal bounded.
    pub(crate) fn dropped(&self) -> u64 {
        self.dropped
    }

    /// Forgets every request (answers still to come for them are ignored).
    pub(crate) fn clear(&mut self) {
        self.first += self.requests.len() as u64;
        self.requests.clear();
        self.bytes = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(path: &str, body: &'static [u8]) -> RecordedRequest {
        RecordedRequest::new(
            Method::GET,
            path.to_owned(),
            None,
            HeaderMap::new(),
            Bytes::from_static(body),
        )
    }

    fn ok(body: &[u8]) -> RecordedResponse {
        RecordedResponse::new(200, None, body, body.len() as u64, false)
    }

    #[test]
    fn answers_land_on_their_request() {
        let mut journal = Journal::default();
        let a = journal.record(request("/a", b""));
        let b = journal.record(request("/b", b""));
        journal.answer(b, Some("/b".into()), ok(b"B"));
        journal.answer(a, None, ok(b"A"));
        let requests = journal.requests();
        assert_eq!(
            requests[0].response.as_ref().map(|r| r.text()),
            Some("A".into())
        );
        assert_eq!(requests[1].route.as_deref(), Some("/b"));
        journal.clear();
        journal.answer(b, None, ok(b"late"));
        assert!(journal.requests().is_empty());
        let c = journal.record(request("/c", b""));
        journal.answer(c, None, ok(b"C"));
        assert_eq!(journal.requests()[0].status(), Some(200));
    }

    #[test]
    fn keeps_the_newest_requests_and_counts_the_rest() {
        let mut journal = Journal::default();
        let first = journal.record(request("/0", b""));
        for i in 1..=JOURNAL_CAPACITY + 4 {
            journal.record(request(&format!("/{i}"), b""));
        }
        let requests = journal.requests();
        assert_eq!(requests.len(), JOURNAL_CAPACITY);
        assert_eq!(requests[0].path, "/5");
        assert_eq!(journal.dropped(), 5);
        journal.answer(first, None, ok(b"gone"));
        assert!(journal.requests().iter().all(|r| r.response.is_none()));
    }

    #[test]
    fn response_bodies_are_capped() {
        let big = vec![b'x'; RECORDED_RESPONSE_LIMIT + 1];
        let response = RecordedResponse::new(200, None, &big, big.len() as u64, true);
        assert_eq!(response.body.len(), RECORDED_RESPONSE_LIMIT);
        assert!(response.truncated && response.from_fault);
        let declared = RecordedResponse::new(200, None, b"  ", 10, true);
        assert!(declared.truncated);
        assert!(!ok(b"{}").truncated);
    }
}
