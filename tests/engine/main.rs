//! The engine over real HTTP on 127.0.0.1: credentials and token exchange, retries and
//! deadlines, hostile answers and broken connections, the wire format, and endpoints declared
//! by users in their own traits.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failure here is a failed test

mod auth;
mod canary;
mod extend;
mod paging;
mod resilience;
mod retries;
mod token_answers;
mod transport;
mod wire;
