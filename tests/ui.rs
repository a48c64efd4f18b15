//! The `#[endpoint]` compile-fail and pass suite.
//!
//! One mistake per file in `ui/`, named `<stage>-<mistake>.rs`; each `.stderr` beside it is
//! produced with `TRYBUILD=overwrite cargo test -p upsun-tests --test ui` and never edited by
//! hand. `pass/` covers every verb and every argument role, and must compile.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
    t.pass("pass/*.rs");
}
