//! Micro: what the declared layer does per call besides HTTP, next to the hand-written way.
//!
//! Run with: `cargo bench -p upsun-benches --bench micro`
//!
//! First a table of allocations per operation (exact: counted by the global allocator on this
//! thread over 1000 runs), then divan's timings. Groups:
//! - `path_3_params`: `Call::new` with a static three-parameter `Endpoint`, as generated code
//!   calls it, against `format!` with and without the same percent-encoding;
//! - `body`: `Call::body` with an `UpdateUser` against `serde_json::to_vec` into the
//!   `reqwest::Body` the hand-written request sends;
//! - `url_parse`: what reqwest does with the URL string of every call (both variants pay it),
//!   against setting the path on an already parsed base URL.
#![allow(clippy::print_stdout)] // a bench reports on stdout

use std::fmt::Display;
use std::hint::black_box;

use divan::Bencher;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::Url;
use upsun::__private::{Call, Endpoint, Method};
use upsun::users::UpdateUser;
use upsun_benches::alloc::{Counting, Tally};
use upsun_benches::{USER_ID, update};
use uuid::Uuid;

#[global_allocator]
static ALLOC: Counting = Counting;

/// What the macro puts in its static for
/// `#[endpoint(GET, "/organizations/<organization_id>/projects/<project_id>/users/<user_id>")]`.
static THREE: Endpoint = Endpoint::new(
    Method::GET,
    "/organizations/{organization_id}/projects/{project_id}/users/{user_id}",
    &["/organizations/", "/projects/", "/users/", ""],
    &["organization_id", "project_id", "user_id"],
    true,
);

/// What `#[endpoint(PATCH, "/users/<user_id>")]` puts in its static.
static UPDATE_USER: Endpoint = Endpoint::new(
    Method::PATCH,
    "/users/{user_id}",
    &["/users/", ""],
    &["user_id"],
    false,
);

/// The sdk's segment set: everything but RFC 3986's unreserved bytes.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

const ORGANIZATION: &str = "01H8XRZ5QW3D2K9V0T7B6N4M1C";
const PROJECT: &str = "abcdefgh12345";
const PATH: &str = "/users/d81c8ee2-44b3-429f-b944-a33ad7437690";

fn main() {
    allocations();
    divan::main();
}

mod path_3_params {
    use super::*;

    /// `Call::new` as generated code calls it: encodes and checks each segment.
    #[divan::bench]
    pub(super) fn declared() -> Call {
        let user: &(dyn Display + Sync) = &USER_ID;
        Call::new(&THREE, black_box(&[&ORGANIZATION, &PROJECT, user]))
    }

    /// The same path by hand, with the same encoding (the `Uuid` goes through a `String`).
    #[divan::bench]
    pub(super) fn hand_encoded() -> String {
        hand_encoded_path(
            black_box(ORGANIZATION),
            black_box(PROJECT),
            black_box(USER_ID),
        )
    }

    /// The same path by hand without any encoding: what a quick hand-written client does.
    #[divan::bench]
    pub(super) fn hand_format() -> String {
        let (organization, project, user) = (
            black_box(ORGANIZATION),
            black_box(PROJECT),
            black_box(USER_ID),
        );
        format!("/organizations/{organization}/projects/{project}/users/{user}")
    }
}

mod body {
    use super::*;

    /// `Call::body`: `serde_json::to_vec` plus the `Bytes` the call keeps.
    #[divan::bench]
    fn declared(bencher: Bencher<'_, '_>) {
        let update = update();
        bencher
            .with_inputs(|| Call::new(&UPDATE_USER, &[&USER_ID]))
            .bench_local_values(|mut call| {
                call.body(black_box(&update));
                call
            });
    }

    /// `serde_json::to_vec` into a reqwest body, as the hand-written client does.
    #[divan::bench]
    fn hand(bencher: Bencher<'_, '_>) {
        let update = update();
        bencher.bench_local(|| reqwest::Body::from(to_vec(black_box(&update))));
    }
}

mod url_parse {
    use super::*;

    /// What reqwest does with a `String` URL on every call, declared or hand-written.
    #[divan::bench(args = ["http://127.0.0.1:8080", "https://api.upsun.com"])]
    fn parse_whole(bencher: Bencher<'_, '_>, base: &str) {
        let url = format!("{base}{PATH}");
        bencher.bench_local(|| Url::parse(black_box(&url)));
    }

    /// A parsed base URL kept by the client, cloned and given the call's path.
    #[divan::bench(args = ["http://127.0.0.1:8080", "https://api.upsun.com"])]
    fn set_path_on_base(bencher: Bencher<'_, '_>, base: &str) {
        let Ok(base) = Url::parse(base) else {
            panic!("{base} is a URL");
        };
        bencher.bench_local(|| {
            let mut url = base.clone();
            url.set_path(black_box(PATH));
            url
        });
    }
}

fn hand_encoded_path(organization: &str, project: &str, user: Uuid) -> String {
    let user = user.to_string();
    format!(
        "/organizations/{}/projects/{}/users/{}",
        utf8_percent_encode(organization, SEGMENT),
        utf8_percent_encode(project, SEGMENT),
        utf8_percent_encode(&user, SEGMENT)
    )
}

fn to_vec(update: &UpdateUser) -> Vec<u8> {
    match serde_json::to_vec(update) {
        Ok(bytes) => bytes,
        Err(err) => panic!("the update does not serialize: {err}"),
    }
}

const RUNS: u64 = 1000;

/// `Call::body` alone: the calls are made before counting.
fn body_allocations(update: &UpdateUser) -> (f64, f64, f64) {
    let mut calls: Vec<Call> = (0..RUNS)
        .map(|_| Call::new(&UPDATE_USER, &[&USER_ID]))
        .collect();
    let tally = Tally::start();
    for call in &mut calls {
        call.body(black_box(update));
    }
    let counts = tally.stop();
    drop(calls);
    let n = RUNS as f64;
    (
        counts.allocs as f64 / n,
        counts.reallocs as f64 / n,
        counts.bytes as f64 / n,
    )
}

/// Allocations per operation, counted exactly on this thread.
fn allocations() {
    fn per_run(mut op: impl FnMut()) -> (f64, f64, f64) {
        op();
        let tally = Tally::start();
        for _ in 0..RUNS {
            op();
        }
        let counts = tally.stop();
        let n = RUNS as f64;
        (
            counts.allocs as f64 / n,
            counts.reallocs as f64 / n,
            counts.bytes as f64 / n,
        )
    }
    let update = update();
    let base = Url::parse("http://127.0.0.1:8080").ok();
    let rows: [(&str, (f64, f64, f64)); 7] = [
        (
            "path_3_params::declared (Call::new)",
            per_run(|| drop(black_box(path_3_params::declared()))),
        ),
        (
            "path_3_params::hand_encoded",
            per_run(|| drop(black_box(path_3_params::hand_encoded()))),
        ),
        (
            "path_3_params::hand_format",
            per_run(|| drop(black_box(path_3_params::hand_format()))),
        ),
        ("body::declared (Call::body)", body_allocations(&update)),
        (
            "body::hand (to_vec into a reqwest::Body)",
            per_run(|| drop(black_box(reqwest::Body::from(to_vec(&update))))),
        ),
        (
            "url_parse::parse_whole",
            per_run(|| {
                drop(black_box(Url::parse(
                    "http://127.0.0.1:8080/users/d81c8ee2-44b3-429f-b944-a33ad7437690",
                )))
            }),
        ),
        (
            "url_parse::set_path_on_base",
            per_run(|| {
                let mut url = base.clone();
                if let Some(url) = &mut url {
                    url.set_path(black_box(PATH));
                }
                drop(black_box(url));
            }),
        ),
    ];
    println!("Allocations per operation (this thread, {RUNS} runs):");
    println!();
    println!("| operation | allocs | reallocs | bytes |");
    println!("|---|---:|---:|---:|");
    for (name, (allocs, reallocs, bytes)) in rows {
        println!("| {name} | {allocs:.2} | {reallocs:.2} | {bytes:.0} |");
    }
    println!();
}
