//! The `#[endpoint]` compile-fail and pass suite.
//!
//! One mistake per file in `ui/fail/`, named `<stage>-<mistake>.rs`; each `.stderr` beside it is
//! produced with `TRYBUILD=overwrite cargo test -p upsun-tests --test ui` and never edited by
//! hand. `ui/pass/` covers every verb and every argument role.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/fail/*.rs");
    t.pass("ui/pass/*.rs");
}
