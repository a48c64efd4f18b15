#!/usr/bin/env python3
"""Build cost of `#[endpoint]`: 300 declared endpoints against the same 300 written by hand.

Run from anywhere in a clone (Python 3.8+, no packages; cargo on PATH):

    python3 benches/build-cost.py

It generates, under `$CARGO_TARGET_DIR/build-cost` (or `target/build-cost`), a small workspace
that is never committed:

- `declared`: 10 API areas of 30 endpoints each, one trait per area, every method declared with
  `#[endpoint]` (path dependency on this repository's `sdk/`), as `sdk/src/users.rs` does;
- `hand`: the same 300 endpoints as plain `async fn`s over reqwest, sharing a `seg()` encoder and
  a `read()` decoder, as one would write them by hand;
- `empty`: the same dependencies and models with no endpoint, to subtract what is not endpoints.

Each crate also has `all_calls()`, which calls every endpoint once (boxing the futures): the
declared methods are generic over `Self` and would otherwise never be compiled to machine code
in the crate that declares them. Both crates pay for the same call sites. With
`--declarations-only` there is no `all_calls()`: what a crate of declarations such as the sdk
itself costs, its users paying for the code of the endpoints they call.

All three crates have the same dependencies with the same features, built once before anything
is timed. Then, in rounds that alternate the crates' order, it times with wall clock:

1. clean build: `cargo clean -p CRATE`, then `cargo build -p CRATE` (dev profile, incremental as
   by default): compiling that crate alone, cargo's start-up and fingerprint checks included;
2. incremental rebuild: the template of endpoint 150 changes, then `cargo build -p CRATE`; three
   edits in a row per round (the template changes, changes back, changes again);
3. clean check: `cargo clean -p CRATE`, then `cargo check -p CRATE`: no code generation, so
   macro expansion weighs more here;
4. macro expansion alone, when `--time-passes` is given: rustc's own `macro_expand_crate` timer
   from `-Ztime-passes` (a nightly-only flag, enabled on the stable compiler with
   RUSTC_BOOTSTRAP=1 for this one measurement).

Reported: the median of each over the rounds, the ratio declared/hand, and the same ratio with the
`empty` crate subtracted from both (the cost of the endpoints themselves).
"""

import argparse
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
AREAS = 10
TOUCHED = 150  # the endpoint whose template the incremental rebuild changes
REBUILDS = 3  # incremental rebuilds per round: short, so noisier than a clean build
CRATES = ("declared", "hand", "empty")
TARGETS = {"build": 1.2, "rebuild": 1.2}
ENDPOINTS = 300
SDK = REPO / "sdk"
CALLS = True  # whether each crate has `all_calls()`

# The same dependency block for every generated crate, so that all share one build of each
# dependency whatever `-p` selects. reqwest as in the workspace's Cargo.toml.
DEPENDENCIES = """\
[dependencies]
upsun = {{ path = "{sdk}" }}
reqwest = {{ version = "0.12.28", default-features = false, features = ["rustls-tls", "charset"] }}
serde = {{ version = "1.0.200", features = ["derive"] }}
serde_json = "1.0.120"
percent-encoding = "2.3"
"""

MODELS = """\
//! The models every endpoint uses, the same in every generated crate.

use std::future::Future;
use std::pin::Pin;

/// One boxed call, as `all_calls` returns them.
pub type Call<'a> = Pin<Box<dyn Future<Output = bool> + Send + 'a>>;

/// A thing, as answered.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Thing {
    pub id: String,
    pub name: String,
    pub size: u64,
    pub tags: Vec<String>,
    pub created_at: String,
}

/// Changes to a thing: only the fields set are sent.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct UpdateThing {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
}

/// A new thing.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CreateThing {
    pub name: String,
    pub tags: Vec<String>,
}

/// A page of a list.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ListQuery {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// What `all_calls` passes to the endpoints.
#[derive(Debug, Default)]
pub struct Inputs {
    pub update: UpdateThing,
    pub create: CreateThing,
    pub query: ListQuery,
}
"""

HAND_SUPPORT = """\
/// A reqwest client, its base URL and a ready `Authorization` value.
#[derive(Debug, Clone)]
pub struct Api {
    pub http: reqwest::Client,
    pub base: String,
    pub authorization: reqwest::header::HeaderValue,
}

/// What a call can fail with.
#[derive(Debug)]
pub enum Error {
    Http(reqwest::Error),
    Json(serde_json::Error),
    Status(reqwest::StatusCode, Vec<u8>),
}

impl From<reqwest::Error> for Error {
    fn from(err: reqwest::Error) -> Self {
        Error::Http(err)
    }
}

impl From<serde_json::Error> for Error {
    fn from(err: serde_json::Error) -> Self {
        Error::Json(err)
    }
}

const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// One path segment, percent-encoded.
pub(crate) fn seg(value: &str) -> percent_encoding::PercentEncode<'_> {
    percent_encoding::utf8_percent_encode(value, SEGMENT)
}

/// Checks the status and decodes the JSON answer.
pub(crate) async fn read<T: serde::de::DeserializeOwned>(response: reqwest::Response) -> Result<T, Error> {
    let status = response.status();
    let body = response.bytes().await?;
    if !status.is_success() {
        return Err(Error::Status(status, body.to_vec()));
    }
    Ok(serde_json::from_slice(&body)?)
}

/// Checks the status of an answer without a body.
pub(crate) async fn read_empty(response: reqwest::Response) -> Result<(), Error> {
    let status = response.status();
    if !status.is_success() {
        let body = response.bytes().await?;
        return Err(Error::Status(status, body.to_vec()));
    }
    Ok(())
}
"""


def endpoint(i, touched_suffix=""):
    """The shape of endpoint `i`: (verb, name, template pieces, extra args, response)."""
    area = i // (ENDPOINTS // AREAS) if ENDPOINTS >= AREAS else 0
    things = f"things-{i}{touched_suffix if i == TOUCHED else ''}"
    base = f"/area-{area}/orgs/<org_id>/{things}"
    shape = i % 5
    if shape == 0:
        return ("GET", f"list_things_{i}", base, [("query", "ListQuery", "query")], "Vec<Thing>")
    if shape == 1:
        return ("GET", f"get_thing_{i}", base + "/<thing_id>", [], "Thing")
    if shape == 2:
        return ("PATCH", f"update_thing_{i}", base + "/<thing_id>", [("body", "UpdateThing", "update")], "Thing")
    if shape == 3:
        return ("POST", f"create_thing_{i}", base, [("body", "CreateThing", "create")], "Thing")
    return ("DELETE", f"delete_thing_{i}", base + "/<thing_id>", [], "()")


def params(template):
    return re.findall(r"<(\w+)>", template)


def declared_area(area, indices, suffix):
    out = [
        f"//! Area {area}: {len(indices)} endpoints declared with `#[endpoint]`.",
        "",
        "use upsun::endpoint;",
        "",
        "use crate::models::*;",
        "",
        f"/// The calls of area {area}.",
        f"pub trait Area{area}Api: upsun::Api {{",
    ]
    for i in indices:
        verb, name, template, extra, response = endpoint(i, suffix)
        args = ["&self"] + [f"{p}: &str" for p in params(template)]
        args += [f"#[{role}] {arg}: &{ty}" for role, ty, arg in extra]
        out += [
            f"    /// Endpoint {i}.",
            f'    #[endpoint({verb}, "{template}")]',
            f"    async fn {name}({', '.join(args)}) -> upsun::Result<{response}>;",
            "",
        ]
    out[-1] = "}"
    out += ["", f"impl Area{area}Api for upsun::Client {{}}", ""]
    if not CALLS:
        return "\n".join(out)
    out += [
        "/// Every endpoint of the area, called once.",
        "pub(crate) fn calls<'a>(api: &'a upsun::Client, inputs: &'a Inputs, out: &mut Vec<Call<'a>>) {",
    ]
    for i in indices:
        _, name, template, extra, _ = endpoint(i, suffix)
        args = ['"x"' for _ in params(template)] + [f"&inputs.{arg}" for _, _, arg in extra]
        out.append(f"    out.push(Box::pin(async move {{ api.{name}({', '.join(args)}).await.is_ok() }}));")
    out += ["}", ""]
    return "\n".join(out)


def hand_area(area, indices, suffix):
    out = [
        f"//! Area {area}: {len(indices)} endpoints written by hand with reqwest.",
        "",
        "use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue};",
        "",
        "use crate::models::*;",
        "use crate::{Api, Error, read, read_empty, seg};",
        "",
    ]
    for i in indices:
        verb, name, template, extra, response = endpoint(i, suffix)
        names = params(template)
        args = ["api: &Api"] + [f"{p}: &str" for p in names] + [f"{arg}: &{ty}" for _, ty, arg in extra]
        path = re.sub(r"<\w+>", "{}", template)
        fmt_args = ", ".join(["api.base"] + [f"seg({p})" for p in names])
        out += [
            f"/// Endpoint {i}.",
            f"pub async fn {name}({', '.join(args)}) -> Result<{response}, Error> {{",
            f'    let url = format!("{{}}{path}", {fmt_args});',
        ]
        request = f"api.http.{verb.lower()}(url).header(AUTHORIZATION, api.authorization.clone())"
        for role, _, arg in extra:
            if role == "body":
                out.append(f"    let body = serde_json::to_vec({arg})?;")
                request += '.header(CONTENT_TYPE, HeaderValue::from_static("application/json")).body(body)'
            else:
                request += f".query({arg})"
        out.append(f"    let response = {request}.send().await?;")
        out.append("    read_empty(response).await" if response == "()" else "    read(response).await")
        out += ["}", ""]
    if not CALLS:
        return "\n".join(out)
    out += [
        "/// Every endpoint of the area, called once.",
        "pub(crate) fn calls<'a>(api: &'a Api, inputs: &'a Inputs, out: &mut Vec<Call<'a>>) {",
    ]
    for i in indices:
        _, name, template, extra, _ = endpoint(i, suffix)
        args = ["api"] + ['"x"' for _ in params(template)] + [f"&inputs.{arg}" for _, _, arg in extra]
        out.append(f"    out.push(Box::pin(async move {{ {name}({', '.join(args)}).await.is_ok() }}));")
    out += ["}", ""]
    return "\n".join(out)


def lib_rs(kind, areas):
    client = {"declared": "upsun::Client", "hand": "Api", "empty": "upsun::Client"}[kind]
    out = [
        f"//! Generated by benches/build-cost.py ({kind}): do not edit, do not commit.",
        "#![allow(dead_code)]",
        "",
        "pub mod models;",
    ]
    out += [f"pub mod area_{a};" for a in areas]
    out += ["", "pub use models::*;", ""]
    if kind == "hand":
        out += [HAND_SUPPORT]
    if not CALLS:
        return "\n".join(out)
    out += [
        "/// Every endpoint, called once (the futures are boxed, not run).",
        f"pub fn all_calls<'a>(api: &'a {client}, inputs: &'a Inputs) -> Vec<Call<'a>> {{",
        f"    let mut calls = Vec::with_capacity({ENDPOINTS});",
    ]
    out += [f"    area_{a}::calls(api, inputs, &mut calls);" for a in areas]
    if not areas:
        out.append("    let _ = (api, inputs);")
    out += ["    calls", "}", ""]
    return "\n".join(out)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


def generate(root, suffix=""):
    """Writes the workspace; `suffix` is appended to the touched endpoint's template."""
    write(root / "Cargo.toml", '[workspace]\nresolver = "3"\nmembers = ["declared", "hand", "empty"]\n')
    per_area = max(ENDPOINTS // AREAS, 1)
    indices = list(range(ENDPOINTS))
    areas = sorted({i // per_area for i in indices})
    for kind in CRATES:
        crate = root / kind
        manifest = f'[package]\nname = "{kind}"\nversion = "0.1.0"\nedition = "2024"\npublish = false\n\n'
        manifest += DEPENDENCIES.format(sdk=SDK.as_posix())
        write(crate / "Cargo.toml", manifest)
        write(crate / "src" / "models.rs", MODELS)
        used = [] if kind == "empty" else areas
        write(crate / "src" / "lib.rs", lib_rs(kind, used))
        for a in used:
            mine = [i for i in indices if i // per_area == a]
            text = declared_area(a, mine, suffix) if kind == "declared" else hand_area(a, mine, suffix)
            write(crate / "src" / f"area_{a}.rs", text)


def cargo(root, *args, env=None):
    """Runs cargo in the generated workspace and returns the wall-clock seconds it took."""
    full_env = dict(os.environ, CARGO_TARGET_DIR=str(root / "target"), CARGO_TERM_COLOR="never")
    full_env.update(env or {})
    started = time.perf_counter()
    done = subprocess.run(["cargo", *args], cwd=root, env=full_env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"cargo {' '.join(args)} failed")
    return elapsed, done.stderr


def clean(root, kind):
    cargo(root, "clean", "-p", kind)
    # `cargo clean -p` leaves the incremental caches: a clean build starts without them too.
    for cache in (root / "target" / "debug" / "incremental").glob(f"{kind}-*"):
        shutil.rmtree(cache, ignore_errors=True)


def expand_seconds(stderr):
    """rustc's `macro_expand_crate` time from `-Ztime-passes` output."""
    for line in stderr.splitlines():
        match = re.match(r"time:\s+([\d.]+);.*\smacro_expand_crate$", line.strip())
        if match:
            return float(match.group(1))
    return None


def median(values):
    return statistics.median(values) if values else float("nan")


def main():
    global ENDPOINTS, SDK, CALLS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--endpoints", type=int, default=300, help="endpoints per crate (default 300)")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3)")
    parser.add_argument("--dir", type=Path, help="where to generate (default $CARGO_TARGET_DIR/build-cost)")
    parser.add_argument("--sdk", type=Path, default=SDK, help="the sdk crate to depend on (default: this clone's)")
    parser.add_argument("--time-passes", action="store_true", help="also read rustc's macro expansion timer")
    parser.add_argument("--declarations-only", action="store_true", help="no all_calls(): nothing calls the endpoints")
    options = parser.parse_args()
    ENDPOINTS = options.endpoints
    SDK = options.sdk.resolve()
    CALLS = not options.declarations_only
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    root = (options.dir or target / "build-cost").resolve()
    root.mkdir(parents=True, exist_ok=True)
    lock = REPO / "Cargo.lock"
    if lock.exists() and not (root / "Cargo.lock").exists():
        # The repository's versions: nothing new to download, the same reqwest and tokio.
        shutil.copy(lock, root / "Cargo.lock")

    started = time.time()
    generate(root)
    shape = "" if CALLS else ", declarations only"
    print(f"# build cost: {ENDPOINTS} endpoints{shape}, declared vs hand-written, in {root}", flush=True)
    deps, _ = cargo(root, "build", "--workspace")
    cargo(root, "check", "--workspace")
    print(f"dependencies and first builds (not measured): {deps:.1f} s", flush=True)

    results = {kind: {"build": [], "rebuild": [], "check": [], "expand": []} for kind in CRATES}
    for round_ in range(options.rounds):
        order = CRATES if round_ % 2 == 0 else tuple(reversed(CRATES))
        for kind in order:
            generate(root)  # the touched endpoint as declared
            clean(root, kind)
            results[kind]["build"].append(cargo(root, "build", "-p", kind)[0])
            # Endpoint 150's template changes, then changes back, and so on: each is one edit.
            for edit in range(REBUILDS):
                generate(root, suffix="-v2" if edit % 2 == 0 else "")
                results[kind]["rebuild"].append(cargo(root, "build", "-p", kind)[0])
            generate(root)
            clean(root, kind)
            results[kind]["check"].append(cargo(root, "check", "-p", kind)[0])
        print(f"round {round_ + 1}/{options.rounds} done ({time.time() - started:.0f} s)", flush=True)

    if options.time_passes:
        for kind in ("declared", "hand"):
            for _ in range(options.rounds):
                generate(root)
                clean(root, kind)  # a fresh unit: cargo replays a cached output otherwise
                _, stderr = cargo(
                    root, "rustc", "-p", kind, "--lib", "--profile", "check", "--",
                    "-Ztime-passes", env={"RUSTC_BOOTSTRAP": "1"},
                )
                seconds = expand_seconds(stderr)
                if seconds is not None:
                    results[kind]["expand"].append(seconds)
        # Leave the generated crates as they are for plain cargo again.
        for kind in ("declared", "hand"):
            clean(root, kind)

    report(results, options, root, time.time() - started)


def report(results, options, root, total):
    med = {kind: {what: median(v) for what, v in r.items()} for kind, r in results.items()}
    print()
    print(f"date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M UTC}, "
          f"{os.cpu_count()} CPUs, {options.rounds} rounds, medians, wall clock, total {total:.0f} s")
    print()
    print("| measurement | declared (s) | hand (s) | empty (s) | declared/hand | net of empty | target |")
    print("|---|---:|---:|---:|---:|---:|---|")
    labels = {
        "build": "clean `cargo build -p CRATE`",
        "rebuild": f"rebuild after editing endpoint {TOUCHED}",
        "check": "clean `cargo check -p CRATE`",
    }
    for what, label in labels.items():
        d, h, e = med["declared"][what], med["hand"][what], med["empty"][what]
        ratio = d / h
        net = (d - e) / (h - e) if h > e else float("nan")
        goal = TARGETS.get(what)
        verdict = "-" if goal is None else (f"<= {goal}: " + ("met" if ratio <= goal else "missed"))
        print(f"| {label} | {d:.2f} | {h:.2f} | {e:.2f} | {ratio:.2f} | {net:.2f} | {verdict} |")
    if options.time_passes and results["declared"]["expand"]:
        d, h = med["declared"]["expand"], med["hand"]["expand"]
        print()
        print(f"rustc macro_expand_crate (-Ztime-passes): declared {d:.3f} s, hand {h:.3f} s, "
              f"so {1000 * (d - h) / ENDPOINTS:.2f} ms per #[endpoint]")
    (root / "results.json").write_text(json.dumps(results, indent=2))
    print()
    print(f"raw timings: {root / 'results.json'}")


if __name__ == "__main__":
    main()
