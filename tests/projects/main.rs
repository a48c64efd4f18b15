//! The projects family over real HTTP on 127.0.0.1: one module per area (projects,
//! project_activity, environments, environment_activity), named as in the sdk and the mock, each against upsun-mock started through
//! `upsun_tests::mock` (so every answer is checked against the OpenAPI document).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failure here is a failed test

mod environment_activity;
mod environments;
mod project_activity;
mod projects;
