//! The OpenAPI document (`tests/data/upsun-openapi.json`) as the test oracle: the operations
//! table derived from it, the SDK's declarations conforming to it, the deviation table, the
//! validating layer itself, and every answer it allows decoding with the SDK's types.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failure here is a failed test

mod checks;
mod conformance;
mod decode;
mod deviations;
mod generate;
mod journal;
mod sdk_source;
mod table;
mod width;
