//! Micro: what the declared layer does per call besides HTTP, next to the hand-written way.
//!
//! Run with: `cargo bench -p upsun-benches --bench micro`
//!
//! First a table of allocations per operation (exact: counted by the global allocator on this
//! thread over 1000 runs), then the timings of `upsun_benches::timing` (warm-up, then 101 rounds
//! of a batch of about 1 ms; median ns/op with the quartiles; inputs made and outputs dropped
//! outside the clock). Groups:
//! - `path_3_params`: `Call::new` with a static three-parameter `Endpoint`, as generated code
//!   calls it, against `format!` with and without the same percent-encoding;
//! - `body`: `Call::body` with an `UpdateUser` against `serde_json::to_vec` into the
//!   `reqwest::Body` the hand-written request sends;
//! - `url_parse`: what reqwest does with the URL string of every call (both variants pay it),
//!   against setting the path on an already parsed base URL.
//!
//! Settings, from the environment: `UPSUN_MICRO_ROUNDS` (101), `UPSUN_MICRO_BATCH_US` (1000).
#![allow(clippy::print_stdout)] // a bench reports on stdout

use std::fmt::Display;
use std::hint::black_box;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::Url;
use upsun::__private::{Call, Endpoint, Method};
use upsun::users::UpdateUser;
use upsun_benches::alloc::{Counting, Tally};
use upsun_benches::timing::{Settings, Timing, bench, bench_with_inputs};
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

/// The base URLs of the `url_parse` group: the local server's and the API's.
const BASES: [&str; 2] = ["http://127.0.0.1:8080", "https://api.upsun.com"];

fn main() {
    allocations();
    timings();
}

mod path_3_params {
    use super::*;

    /// `Call::new` as generated code calls it: encodes and checks each segment.
    pub(super) fn declared() -> Call {
        let user: &(dyn Display + Sync) = &USER_ID;
        Call::new(&THREE, black_box(&[&ORGANIZATION, &PROJECT, user]))
    }

    /// The same path by hand, with the same encoding (the `Uuid` goes through a `String`).
    pub(super) fn hand_encoded() -> String {
        hand_encoded_path(
            black_box(ORGANIZATION),
            black_box(PROJECT),
            black_box(USER_ID),
        )
    }

    /// The same path by hand without any encoding: what a quick hand-written client does.
    pub(super) fn hand_format() -> String {
        let (organization, project, user) = (
            black_box(ORGANIZATION),
            black_box(PROJECT),
            black_box(USER_ID),
        );
        format!("/organizations/{organization}/projects/{project}/users/{user}")
    }
}

/// Every timed operation, group by group, as one markdown table.
fn timings() {
    let settings = Settings::from_env();
    let update = update();
    let mut rows: Vec<(String, Timing)> = vec![
        (
            "path_3_params::declared (Call::new)".into(),
            bench(settings, path_3_params::declared),
        ),
        (
            "path_3_params::hand_encoded".into(),
            bench(settings, path_3_params::hand_encoded),
        ),
        (
            "path_3_params::hand_format".into(),
            bench(settings, path_3_params::hand_format),
        ),
        (
            // The call is made outside the clock: only `Call::body` is timed.
            "body::declared (Call::body)".into(),
            bench_with_inputs(
                settings,
                || Call::new(&UPDATE_USER, &[&USER_ID]),
                |mut call| {
                    call.body(black_box(&update));
                    call
                },
            ),
        ),
        (
            "body::hand (to_vec into a reqwest::Body)".into(),
            bench(settings, || reqwest::Body::from(to_vec(black_box(&update)))),
        ),
    ];
    for base in BASES {
        // What reqwest does with a `String` URL on every call, declared or hand-written.
        let url = format!("{base}{PATH}");
        rows.push((
            format!("url_parse::parse_whole `{base}`"),
            bench(settings, || Url::parse(black_box(&url))),
        ));
    }
    for base in BASES {
        // A parsed base URL kept by the client, cloned and given the call's path.
        let Ok(parsed) = Url::parse(base) else {
            panic!("{base} is a URL");
        };
        rows.push((
            format!("url_parse::set_path_on_base `{base}`"),
            bench(settings, || {
                let mut url = parsed.clone();
                url.set_path(black_box(PATH));
                url
            }),
        ));
    }
    println!(
        "Time per operation ({} rounds of a ~{} µs batch each, after {} ms of warm-up):",
        settings.rounds,
        settings.batch.as_micros(),
        settings.warm_up.as_millis()
    );
    println!();
    println!(
        "| operation | median ns | p25..p75 ns | spread (IQR/median) | fastest round ns | ops per batch |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    for (name, t) in rows {
        println!(
            "| {name} | {:.1} | {:.1}..{:.1} | {:.1}% | {:.1} | {} |",
            t.ns.median,
            t.ns.p25,
            t.ns.p75,
            t.spread() * 100.0,
            t.min_ns,
            t.batch
        );
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
