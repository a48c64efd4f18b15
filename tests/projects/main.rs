//! The projects family over real HTTP on 127.0.0.1: one module per area (projects,
//! project_activity, project_variables, environments, environment_activity, environment_variables,
//! environment_backups, environment_types, routing), named as in the sdk and the mock, each against upsun-mock started through
//! `upsun_tests::mock` (so every answer is checked against the OpenAPI document).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failure here is a failed test

mod environment_activity;
mod environment_backups;
mod environment_types;
mod environment_variables;
mod environments;
mod project_activity;
mod project_variables;
mod projects;
mod routing;
