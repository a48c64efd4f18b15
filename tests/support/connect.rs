//! One way for a test to reach the mock: [`mock`] starts one whose whole journal is checked
//! against the OpenAPI document when the test ends, and [`connect`] gives a client for it.
//!
//! Every integration test that talks to `upsun-mock` starts it through here, so the validating
//! layer runs in all of them: each answer the mock gave (faults aside) must match the document's
//! schema for that operation and status, and each JSON body the SDK sent must match the
//! request schema. A violation fails the test and names the operation, the JSON pointer and the
//! rule.

use std::ops::Deref;
use std::time::Duration;

use upsun::{Client, ClientBuilder, RetryPolicy};
use upsun_mock::MockServer;

use crate::oracle::Oracle;

/// A running mock whose journal is validated against the document when it is dropped.
///
/// Derefs to [`MockServer`], so `mock.base_url()`, `mock.users()` and the rest work as usual.
#[derive(Debug)]
pub struct Mock {
    server: MockServer,
}

/// Starts a mock on 127.0.0.1 (a free port) with default settings.
pub async fn mock() -> Mock {
    checked(MockServer::start().await)
}

/// Puts a mock started otherwise (with [`MockServer::builder`]) under the same check.
pub fn checked(server: MockServer) -> Mock {
    Mock { server }
}

impl Mock {
    /// Checks what the mock answered so far; the test fails here if anything broke the
    /// document. Dropping the mock does the same.
    pub fn check(&self) {
        let violations = Oracle::get().check_journal(&self.server.requests());
        if !violations.is_empty() {
            let list: Vec<String> = violations.iter().map(ToString::to_string).collect();
            panic!(
                "{} exchange(s) broke the OpenAPI document:\n{}",
                list.len(),
                list.join("\n")
            );
        }
    }
}

impl Deref for Mock {
    type Target = MockServer;

    fn deref(&self) -> &MockServer {
        &self.server
    }
}

impl Drop for Mock {
    fn drop(&mut self) {
        // A test already failing says why; a second panic would abort and hide it.
        if !std::thread::panicking() {
            self.check();
        }
    }
}

/// A builder for the mock, with the seeded user's access token and short retry waits.
pub fn builder(mock: &MockServer) -> ClientBuilder {
    builder_as(mock, mock.access_token())
}

/// A builder for the mock, calling as the holder of `access_token`, with short retry waits.
pub fn builder_as(mock: &MockServer, access_token: &str) -> ClientBuilder {
    Client::builder()
        .base_url(mock.base_url())
        .access_token(access_token)
        .retry(RetryPolicy::default().base_delay(Duration::from_millis(5)))
}

/// A client for the mock, calling as its seeded user ("ada").
pub fn connect(mock: &MockServer) -> Client {
    builder(mock).build().expect("a client for the mock")
}

/// A client for the mock, calling as the holder of `access_token`.
pub fn connect_as(mock: &MockServer, access_token: &str) -> Client {
    builder_as(mock, access_token)
        .build()
        .expect("a client for the mock")
}
