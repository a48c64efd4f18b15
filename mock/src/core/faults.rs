//! Fault injection: scripted answers a route gives before its real one.
//!
//! A script belongs to a method and a route pattern. Each matching request takes the next
//! scripted [`Fault`]; when the script is used up, requests reach the real handler again.
//!
//! ```no_run
//! use std::time::Duration;
//! use upsun_mock::{Fault, Method, MockServer};
//!
//! # async fn demo() {
//! let mock = MockServer::start().await;
//! // Two 503s with Retry-After, then a dropped connection, then the real answer.
//! mock.on(Method::GET, "/users/me")
//!     .respond(Fault::status(503).header("Retry-After", "1"))
//!     .times(2)
//!     .then(Fault::drop_connection());
//! // Every PATCH of any user waits 2 s before its real answer, for as long as the mock runs.
//! mock.on(Method::PATCH, "/users/{id}")
//!     .respond(Fault::delay(Duration::from_secs(2)))
//!     .always();
//! # }
//! ```

mod pattern;
mod script;
mod table;

use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::Response;

pub(crate) use self::pattern::RoutePattern;
pub use self::script::{RouteScript, ScheduledFault};
pub(crate) use self::table::FaultTable;
use crate::core::journal::{RECORDED_RESPONSE_LIMIT, RecordedResponse};

/// One scripted misbehaviour, answered instead of (or before) a route's real response.
///
/// Build one with a constructor, then adjust it with [`header`](Fault::header) and
/// [`after`](Fault::after). Queue it with [`MockServer::on`](crate::MockServer::on).
#[derive(Debug, Clone)]
pub struct Fault {
    action: Action,
    delay: Duration,
    headers: Vec<(HeaderName, HeaderValue)>,
}

#[derive(Debug, Clone)]
enum Action {
    Respond {
        status: StatusCode,
        content_type: Option<HeaderValue>,
        body: Bytes,
    },
    PassThrough,
    DropConnection,
    OversizedBody {
        declared: u64,
    },
}

/// What the server does with a request after its fault (if any) ran.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// Answer with this response, recorded in the journal as the second; the real handler is
    /// not called.
    Answer(Response, RecordedResponse),
    /// Call the real handler and add these headers to its response.
    PassThrough(Vec<(HeaderName, HeaderValue)>),
    /// Close the connection without writing a response.
    DropConnection,
}

impl Fault {
    /// Answers `status` with the API's error body, `{"error": "<reason phrase>"}` (no body for
    /// 204 and 304, which cannot have one).
    ///
    /// # Panics
    ///
    /// If `status` is not between 100 and 999: a mistake in the test, reported at the call.
    #[track_caller]
    pub fn status(status: u16) -> Fault {
        let status = status_code(status);
        if status == StatusCode::NO_CONTENT || status == StatusCode::NOT_MODIFIED {
            return Fault::new(Action::Respond {
                status,
                content_type: None,
                body: Bytes::new(),
            });
        }
        let reason = status.canonical_reason().unwrap_or("scripted fault");
        // `{"error": ...}` always, so that even a scripted answer fits the API's `Error` schema.
        let body = serde_json::json!({ "error": reason }).to_string();
        Fault::respond(status, "application/json", body)
    }

    /// Answers `status` with this JSON body.
    ///
    /// # Panics
    ///
    /// If `status` is not between 100 and 999.
    #[track_caller]
    pub fn json(status: u16, body: serde_json::Value) -> Fault {
        Fault::respond(status_code(status), "application/json", body.to_string())
    }

    /// Answers `status` with any content type and body bytes.
    ///
    /// # Panics
    ///
    /// If `status` is not between 100 and 999, or `content_type` is not a valid header value.
    #[track_caller]
    pub fn raw(status: u16, content_type: &str, body: impl Into<Bytes>) -> Fault {
        let Ok(content_type) = HeaderValue::from_str(content_type) else {
            panic!("upsun-mock: {content_type:?} is not a valid Content-Type value");
        };
        Fault::new(Action::Respond {
            status: status_code(status),
            content_type: Some(content_type),
            body: body.into(),
        })
    }

    /// Answers 200 with `Content-Type: application/json` and a body that is not JSON
    /// (a truncated object).
    pub fn malformed_json() -> Fault {
        Fault::respond(
            StatusCode::OK,
            "application/json",
            r#"{"id": "d81c8ee2-44b3"#,
        )
    }

    /// Waits `delay`, then lets the request through to the real handler.
    pub fn delay(delay: Duration) -> Fault {
        Fault::new(Action::PassThrough).after(delay)
    }

    /// Closes the connection without sending any response (after the request was read).
    pub fn drop_connection() -> Fault {
        Fault::new(Action::DropConnection)
    }

    /// Answers 200 with `Content-Length: declared` and streams that many filler bytes (spaces),
    /// lazily: a client that stops reading costs nothing. Tests a client's response size limit.
    pub fn oversized_body(declared: u64) -> Fault {
        Fault::new(Action::OversizedBody { declared })
    }

    /// Adds a response header, such as `Retry-After` or a `WWW-Authenticate` challenge:
    ///
    /// ```
    /// # use upsun_mock::Fault;
    /// let step_up = Fault::status(401).header(
    ///     "WWW-Authenticate",
    ///     r#"Bearer error="insufficient_user_authentication""#,
    /// );
    /// # let _ = step_up;
    /// ```
    ///
    /// On [`Fault::delay`] the header is added to the real response; a dropped connection has
    /// no headers.
    ///
    /// # Panics
    ///
    /// If `name` is not a valid header name or `value` not a valid header value.
    #[track_caller]
    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Fault {
        let Ok(name) = HeaderName::from_bytes(name.as_bytes()) else {
            panic!("upsun-mock: {name:?} is not a valid header name");
        };
        let Ok(value) = HeaderValue::from_str(value) else {
            panic!("upsun-mock: {value:?} is not a valid value for header `{name}`");
        };
        self.headers.push((name, value));
        self
    }

    /// Waits this long (real time) before acting. Delays add up: `Fault::delay(a).after(b)`
    /// waits `a + b`.
    #[must_use]
    pub fn after(mut self, delay: Duration) -> Fault {
        self.delay = self.delay.saturating_add(delay);
        self
    }

    fn new(action: Action) -> Fault {
        Fault {
            action,
            delay: Duration::ZERO,
            headers: Vec::new(),
        }
    }

    fn respond(status: StatusCode, content_type: &'static str, body: impl Into<Bytes>) -> Fault {
        Fault::new(Action::Respond {
            status,
            content_type: Some(HeaderValue::from_static(content_type)),
            body: body.into(),
        })
    }

    /// Waits the fault's delay, then says what to do with the request.
    pub(crate) async fn run(self) -> Outcome {
        if !self.delay.is_zero() {
            tokio::time::sleep(self.delay).await;
        }
        match self.action {
            Action::PassThrough => Outcome::PassThrough(self.headers),
            Action::DropConnection => Outcome::DropConnection,
            Action::Respond {
                status,
                content_type,
                body,
            } => {
                let mut response = answer(status, content_type, self.headers);
                let recorded = record(&response, &body, body.len() as u64);
                *response.body_mut() = Body::from(body);
                Outcome::Answer(response, recorded)
            }
            Action::OversizedBody { declared } => {
                let json = HeaderValue::from_static("application/json");
                let mut response = answer(StatusCode::OK, Some(json), self.headers);
                let shown = usize::try_from(declared)
                    .unwrap_or(usize::MAX)
                    .min(RECORDED_RESPONSE_LIMIT);
                let recorded = record(&response, &vec![b' '; shown], declared);
                *response.body_mut() = Body::from_stream(Filler {
                    remaining: declared,
                });
                response
                    .headers_mut()
                    .insert(header::CONTENT_LENGTH, HeaderValue::from(declared));
                Outcome::Answer(response, recorded)
            }
        }
    }
}

/// How the journal shows a fault's answer: `body` is its beginning, of `total` bytes.
fn record(response: &Response, body: &[u8], total: u64) -> RecordedResponse {
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    RecordedResponse::new(response.status().as_u16(), content_type, body, total, true)
}

fn answer(
    status: StatusCode,
    content_type: Option<HeaderValue>,
    headers: Vec<(HeaderName, HeaderValue)>,
) -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = status;
    let map = response.headers_mut();
    if let Some(content_type) = content_type {
        map.insert(header::CONTENT_TYPE, content_type);
    }
    // A header the test sets replaces the default of that name (e.g. `Content-Type`); several
    // values of one name all go out.
    for (name, _) in &headers {
        map.remove(name);
    }
    for (name, value) in headers {
        map.append(name, value);
    }
    response
}

#[track_caller]
fn status_code(status: u16) -> StatusCode {
    match StatusCode::from_u16(status) {
        Ok(status) => status,
        Err(_) => panic!("upsun-mock: {status} is not an HTTP status code (100..=999)"),
    }
}

/// `remaining` spaces, 64 KiB at a time.
struct Filler {
    remaining: u64,
}

static FILLER: [u8; 64 * 1024] = [b' '; 64 * 1024];

impl futures_core::Stream for Filler {
    type Item = Result<Bytes, Infallible>;

    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.remaining == 0 {
            return Poll::Ready(None);
        }
        let len = usize::try_from(self.remaining)
            .unwrap_or(usize::MAX)
            .min(FILLER.len());
        self.remaining -= len as u64;
        Poll::Ready(Some(Ok(Bytes::from_static(&FILLER[..len]))))
    }
}
