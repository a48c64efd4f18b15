//! The mock over real HTTP on 127.0.0.1, one module per area.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failed unwrap is a failed test"
)]

mod activity_log;
mod auth;
mod bounds;
mod errors;
mod faults;
mod journal;
mod support;
mod users;
