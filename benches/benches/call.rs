//! Per-call cost: `UsersApi::update_user` (declared with `#[endpoint]`) against the same request
//! written by hand with reqwest, over keep-alive to a fixed-answer server on 127.0.0.1.
//!
//! Run with: `cargo bench -p upsun-benches --bench call`
//!
//! Four comparisons, each in interleaved rounds (see `upsun_benches::rounds`): with an access
//! token and with an API token whose exchanged access token is valid, each sequential (one
//! call at a time on a single-threaded runtime, with the CPU time of that thread) and concurrent
//! (64 tasks on a two-worker runtime). Then the allocations per call on the calling thread.
//!
//! Settings, from the environment: `UPSUN_BENCH_ROUNDS` (default 21), `UPSUN_BENCH_BATCH_MS`
//! (the length of one batch, default 150) and `UPSUN_BENCH_TASKS` (default 64). With
//! `UPSUN_BENCH_DIAGNOSE=1`, two more rows per mode: the declared endpoint on a client built with
//! `call_timeout(None)`, to see what the call deadline costs, and an A/A comparison of two
//! identical hand-written clients, to show the harness's own bias (it should be 1.000).
//!
//! With `UPSUN_BENCH_INSTRUCTIONS=declared|api-token|hand|no-deadline` it instead makes 1000
//! sequential calls of that one variant inside `instructions_batch_counted`, for
//! `benches/callgrind.sh` to count the client thread's instructions with
//! `valgrind --tool=callgrind --toggle-collect`.
#![allow(clippy::print_stdout)] // a bench reports on stdout

use std::error::Error;
use std::future::Future;
use std::hint::black_box;
use std::time::{Duration, Instant};

use tokio::runtime::Runtime;
use upsun::users::{UpdateUser, UsersApi as _};
use upsun_benches::alloc::{Counting, Counts, Tally};
use upsun_benches::hand::HandClient;
use upsun_benches::rounds::{Comparison, Sample, thread_cpu};
use upsun_benches::server::Server;
use upsun_benches::{ACCESS_TOKEN, USER_ID, update};

#[global_allocator]
static ALLOC: Counting = Counting;

/// The target: the declared endpoint keeps at least this share of the hand-written throughput.
const TARGET: f64 = 0.98;
/// Calls per variant before measuring: connections open, pools and caches warm.
const WARM_UP: u64 = 300;
/// Calls per variant for the allocation counts.
const ALLOC_CALLS: u64 = 1000;
/// Calls per variant for the instruction counts.
const INSTRUCTIONS_CALLS: u64 = 1000;

#[derive(Debug, Clone, Copy)]
struct Settings {
    rounds: usize,
    batch: Duration,
    tasks: u64,
}

impl Settings {
    fn from_env() -> Settings {
        let var = |name: &str, default: u64| {
            std::env::var(name)
                .ok()
                .and_then(|v| v.parse().ok())
                .filter(|&v| v > 0)
                .unwrap_or(default)
        };
        Settings {
            rounds: var("UPSUN_BENCH_ROUNDS", 21) as usize,
            batch: Duration::from_millis(var("UPSUN_BENCH_BATCH_MS", 150)),
            tasks: var("UPSUN_BENCH_TASKS", 64),
        }
    }
}

/// The three clients of one runtime: a reqwest client's connections belong to the runtime that
/// opened them, so each runtime gets its own.
#[derive(Debug, Clone)]
struct Clients {
    access_token: upsun::Client,
    api_token: upsun::Client,
    /// Diagnostic: an access-token client without the per-call deadline.
    no_deadline: upsun::Client,
    hand: HandClient,
    /// Diagnostic: a second hand-written client, for an A/A comparison of the harness itself.
    hand_twin: HandClient,
}

impl Clients {
    fn new(server: &Server) -> Result<Clients, Box<dyn Error>> {
        let access_token = upsun::Client::builder()
            .base_url(server.url())
            .access_token(ACCESS_TOKEN)
            .build()?;
        let api_token = upsun::Client::builder()
            .base_url(server.url())
            .auth_url(server.url())
            .api_token("bench-api-token")
            .build()?;
        let no_deadline = upsun::Client::builder()
            .base_url(server.url())
            .access_token(ACCESS_TOKEN)
            .call_timeout(None)
            .build()?;
        let hand = HandClient::new(&server.url(), ACCESS_TOKEN)?;
        let hand_twin = HandClient::new(&server.url(), ACCESS_TOKEN)?;
        Ok(Clients {
            access_token,
            api_token,
            no_deadline,
            hand,
            hand_twin,
        })
    }

    /// The comparisons to run: (label, A, B), B being the hand-written client.
    fn pairs(&self, diagnose: bool) -> Vec<(&'static str, Variant, Variant)> {
        let hand = Variant::Hand(self.hand.clone());
        let mut pairs = vec![
            (
                "access token",
                Variant::Declared(self.access_token.clone()),
                hand.clone(),
            ),
            (
                "API token",
                Variant::Declared(self.api_token.clone()),
                hand.clone(),
            ),
        ];
        if diagnose {
            pairs.push((
                "diagnostic: access token, call_timeout(None)",
                Variant::Declared(self.no_deadline.clone()),
                hand.clone(),
            ));
            pairs.push((
                "diagnostic: A/A, hand vs hand",
                Variant::Hand(self.hand_twin.clone()),
                hand,
            ));
        }
        pairs
    }
}

async fn declared(client: &upsun::Client, update: &UpdateUser) {
    match client.update_user(USER_ID.into(), update).await {
        Ok(user) => drop(black_box(user)),
        Err(err) => panic!("the declared update_user failed: {err}"),
    }
}

async fn by_hand(client: &HandClient, update: &UpdateUser) {
    match client.update_user(USER_ID, update).await {
        Ok(user) => drop(black_box(user)),
        Err(err) => panic!("the hand-written update_user failed: {err}"),
    }
}

/// One side of a comparison.
#[derive(Debug, Clone)]
enum Variant {
    Declared(upsun::Client),
    Hand(HandClient),
}

impl Variant {
    async fn call(&self, update: &UpdateUser) {
        match self {
            Variant::Declared(client) => declared(client, update).await,
            Variant::Hand(client) => by_hand(client, update).await,
        }
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let settings = Settings::from_env();
    let server = Server::start()?;
    let sequential_rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    if let Ok(variant) = std::env::var("UPSUN_BENCH_INSTRUCTIONS") {
        return instructions(&server, &sequential_rt, &variant);
    }
    let concurrent_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let sequential = Clients::new(&server)?;
    let concurrent = Clients::new(&server)?;
    let update = update();

    println!("# update_user: declared (#[endpoint]) vs hand-written reqwest, same process");
    println!(
        "rounds {}, batches of ~{} ms per variant, A/B order alternating, {} concurrent tasks",
        settings.rounds,
        settings.batch.as_millis(),
        settings.tasks
    );
    println!();
    check_same_request(&server, &sequential_rt, &sequential, &update)?;
    println!(
        "| credentials | mode | declared calls/s | hand calls/s | ratio (median) | ratio p25..p75 | target >= {TARGET} |"
    );
    println!("|---|---|---:|---:|---:|---:|---|");
    let mut cpu_lines = Vec::new();
    let diagnose = std::env::var_os("UPSUN_BENCH_DIAGNOSE").is_some();
    for (label, a, b) in sequential.pairs(diagnose) {
        let comparison = compare_sequential(&sequential_rt, settings, &a, &b, &update);
        report(label, "sequential", &comparison);
        if let Some(cpu) = comparison.cpu() {
            cpu_lines.push(format!(
                "| {label} | {:.1} | {:.1} | {:.3} | {:.3}..{:.3} |",
                cpu.a_us, cpu.b_us, cpu.ratio.median, cpu.ratio.p25, cpu.ratio.p75
            ));
        }
    }
    for (label, a, b) in concurrent.pairs(diagnose) {
        let comparison = compare_concurrent(&concurrent_rt, settings, &a, &b, &update);
        report(label, &format!("{} tasks", settings.tasks), &comparison);
    }

    println!();
    println!(
        "Client CPU per call, sequential (CPU time of the calling thread, which also runs the connection):"
    );
    println!();
    println!(
        "| credentials | declared µs/call | hand µs/call | hand/declared (median) | p25..p75 |"
    );
    println!("|---|---:|---:|---:|---:|");
    for line in cpu_lines {
        println!("{line}");
    }

    println!();
    println!(
        "Allocations per call on the calling thread (sequential, {ALLOC_CALLS} calls, server thread excluded):"
    );
    println!();
    println!("| variant | allocs | reallocs | bytes |");
    println!("|---|---:|---:|---:|");
    let per_call = |counts: Counts| {
        let n = ALLOC_CALLS as f64;
        (
            counts.allocs as f64 / n,
            counts.reallocs as f64 / n,
            counts.bytes as f64 / n,
        )
    };
    let rows = [
        (
            "declared, access token",
            count(&sequential_rt, || {
                declared(&sequential.access_token, &update)
            }),
        ),
        (
            "declared, API token",
            count(&sequential_rt, || declared(&sequential.api_token, &update)),
        ),
        (
            "hand-written",
            count(&sequential_rt, || by_hand(&sequential.hand, &update)),
        ),
    ];
    for (label, counts) in rows {
        let (allocs, reallocs, bytes) = per_call(counts);
        println!("| {label} | {allocs:.2} | {reallocs:.2} | {bytes:.0} |");
    }

    if diagnose {
        // A bigger future is more memory written per call: it shows in cache misses, not in the
        // instruction count.
        let declared_future = sequential.access_token.update_user(USER_ID.into(), &update);
        let hand_future = sequential.hand.update_user(USER_ID, &update);
        println!();
        println!(
            "diagnostic: future sizes: declared update_user {} bytes, hand-written {} bytes",
            std::mem::size_of_val(&declared_future),
            std::mem::size_of_val(&hand_future)
        );
    }

    // One exchange per API-token client: the token stayed valid, so the runs above measured the
    // read path only.
    println!();
    println!(
        "token exchanges: {} (one per API-token client); user updates answered: {}",
        server.token_requests(),
        server.user_requests()
    );
    if server.token_requests() != 2 {
        return Err("the API-token clients exchanged more than once: the read path was not what was measured".into());
    }
    Ok(())
}

/// One variant's calls, alone, for callgrind: `benches/callgrind.sh` counts what runs inside
/// [`instructions_batch`] on this thread (the connection task included, the server excluded).
fn instructions(server: &Server, rt: &Runtime, variant: &str) -> Result<(), Box<dyn Error>> {
    let clients = Clients::new(server)?;
    let update = update();
    let calls = INSTRUCTIONS_CALLS;
    match variant {
        "declared" => instructions_batch(rt, calls, || declared(&clients.access_token, &update)),
        "api-token" => instructions_batch(rt, calls, || declared(&clients.api_token, &update)),
        "hand" => instructions_batch(rt, calls, || by_hand(&clients.hand, &update)),
        // Diagnostic: the declared endpoint without the per-call deadline (`call_timeout(None)`).
        "no-deadline" => instructions_batch(rt, calls, || declared(&clients.no_deadline, &update)),
        other => {
            return Err(format!(
                "UPSUN_BENCH_INSTRUCTIONS={other}: expected declared, api-token, hand or no-deadline"
            )
            .into());
        }
    }
    println!("{variant}: {calls} calls in instructions_batch");
    Ok(())
}

/// Warms up outside the counted function, then makes `calls` calls inside it.
fn instructions_batch<F: Future<Output = ()>>(
    rt: &Runtime,
    calls: u64,
    mut call: impl FnMut() -> F,
) {
    rt.block_on(async {
        for _ in 0..WARM_UP {
            call().await;
        }
    });
    instructions_batch_counted(rt, calls, call);
}

#[inline(never)]
fn instructions_batch_counted<F: Future<Output = ()>>(
    rt: &Runtime,
    calls: u64,
    mut call: impl FnMut() -> F,
) {
    rt.block_on(async {
        for _ in 0..calls {
            call().await;
        }
    });
}

/// Both variants send the same bytes: request line, headers in order, body.
fn check_same_request(
    server: &Server,
    rt: &Runtime,
    clients: &Clients,
    update: &UpdateUser,
) -> Result<(), Box<dyn Error>> {
    let mut recorded = Vec::new();
    rt.block_on(async {
        // The API-token client's first call exchanges its token: let it happen before recording.
        declared(&clients.api_token, update).await;
        for which in 0..3 {
            server.record_next();
            match which {
                0 => declared(&clients.access_token, update).await,
                1 => declared(&clients.api_token, update).await,
                _ => by_hand(&clients.hand, update).await,
            }
            recorded.push(server.take_recorded());
        }
    });
    let [Some(access), Some(api), Some(hand)] =
        <[_; 3]>::try_from(recorded).map_err(|_| "three requests")?
    else {
        return Err("a request was not recorded".into());
    };
    if access != hand || api != hand {
        return Err(format!(
            "the variants sent different requests:\n declared {access:?}\n declared (API token) {api:?}\n hand {hand:?}"
        )
        .into());
    }
    println!(
        "Same request from every variant: `{}`, headers {:?}, body {}",
        hand.request_line,
        hand.headers
            .iter()
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>(),
        String::from_utf8_lossy(&hand.body)
    );
    println!();
    Ok(())
}

fn compare_sequential(
    rt: &Runtime,
    settings: Settings,
    a: &Variant,
    b: &Variant,
    update: &UpdateUser,
) -> Comparison {
    let batch = |variant: &Variant, calls: u64| {
        rt.block_on(async {
            let (cpu, started) = (thread_cpu(), Instant::now());
            for _ in 0..calls {
                variant.call(update).await;
            }
            let wall = started.elapsed();
            let cpu = thread_cpu()
                .zip(cpu)
                .map(|(end, start)| end.saturating_sub(start));
            Sample { calls, wall, cpu }
        })
    };
    batch(a, WARM_UP);
    batch(b, WARM_UP);
    let calls = calibrate(settings.batch, 1, |calls| batch(a, calls));
    Comparison::run(settings.rounds, || batch(a, calls), || batch(b, calls))
}

fn compare_concurrent(
    rt: &Runtime,
    settings: Settings,
    a: &Variant,
    b: &Variant,
    update: &UpdateUser,
) -> Comparison {
    let batch = |variant: &Variant, calls| {
        spread(rt, settings.tasks, calls, |per_task| {
            let (variant, update) = (variant.clone(), update.clone());
            async move {
                for _ in 0..per_task {
                    variant.call(&update).await;
                }
            }
        })
    };
    // Enough calls that every task opens its connection in both pools.
    batch(a, settings.tasks * WARM_UP / 10);
    batch(b, settings.tasks * WARM_UP / 10);
    let calls = calibrate(settings.batch, settings.tasks, |calls| batch(a, calls));
    Comparison::run(settings.rounds, || batch(a, calls), || batch(b, calls))
}

/// Runs `calls` calls spread over `tasks` tasks on `rt` and times them all.
fn spread<F, Fut>(rt: &Runtime, tasks: u64, calls: u64, task: F) -> Sample
where
    F: Fn(u64) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let per_task = calls / tasks;
    rt.block_on(async {
        let started = Instant::now();
        let handles: Vec<_> = (0..tasks).map(|_| tokio::spawn(task(per_task))).collect();
        for handle in handles {
            if let Err(err) = handle.await {
                panic!("a bench task failed: {err}");
            }
        }
        Sample {
            calls: per_task * tasks,
            wall: started.elapsed(),
            cpu: None,
        }
    })
}

/// The number of calls (a multiple of `multiple`) that takes about `target` with `batch`.
fn calibrate(target: Duration, multiple: u64, mut batch: impl FnMut(u64) -> Sample) -> u64 {
    let probe = batch(multiple * (WARM_UP / multiple).max(1));
    let calls = (probe.throughput() * target.as_secs_f64()) as u64;
    (calls / multiple).max(1) * multiple
}

fn count<F: Future<Output = ()>>(rt: &Runtime, mut call: impl FnMut() -> F) -> Counts {
    rt.block_on(async {
        call().await;
        let tally = Tally::start();
        for _ in 0..ALLOC_CALLS {
            call().await;
        }
        tally.stop()
    })
}

fn report(credentials: &str, mode: &str, comparison: &Comparison) {
    let (declared, hand) = comparison.throughputs();
    let ratio = comparison.ratio();
    let verdict = if ratio.median >= TARGET {
        "met"
    } else {
        "missed"
    };
    println!(
        "| {credentials} | {mode} | {declared:.0} | {hand:.0} | {:.3} | {:.3}..{:.3} | {verdict} |",
        ratio.median, ratio.p25, ratio.p75
    );
}
