//! Integration tests: the SDK over real HTTP on 127.0.0.1.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failure here is a failed test

mod api_tokens;
mod auth;
mod conformance;
mod connections;
mod extend;
mod mfa;
mod mock_users;
mod org_profiles;
mod organizations;
mod phone_numbers;
mod profiles;
mod resilience;
mod retries;
mod users_more;
mod users_wire;
