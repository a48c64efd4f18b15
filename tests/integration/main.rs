//! Integration tests: the SDK over real HTTP on 127.0.0.1.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failure here is a failed test

mod auth;
mod conformance;
mod extend;
mod resilience;
mod retries;
mod users_wire;
