//! The account family over real HTTP on 127.0.0.1: one module per area, named as in the sdk and
//! the mock, each against upsun-mock started through `upsun_tests::mock` (so every answer is
//! checked against the OpenAPI document).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failure here is a failed test

mod api_tokens;
mod connections;
mod mfa;
mod org_profiles;
mod organizations;
mod phone_numbers;
mod profiles;
mod users;
