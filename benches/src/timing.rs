//! A small timing loop for the micro bench: warm up, then time rounds of a fixed batch of
//! iterations and report the median time per operation with its spread.
//!
//! What one round times: `batch` calls of the operation on inputs made before the clock starts,
//! each output kept (in a vector allocated before the clock starts) and dropped after it stops.
//! So the figure is the operation alone, without making its input or freeing its output, plus
//! the loop and one store per iteration (a few nanoseconds at most). Every input and output
//! passes through [`black_box`], so the compiler can neither precompute nor discard the work.
//!
//! A batch is sized during the warm-up to last about [`Settings::batch`] (1 ms by default), long
//! enough that the two clock reads around it are noise; the per-round figures are then sorted
//! and their median reported with the 25th and 75th percentiles, which the other core's load
//! moves far less than a mean.

use std::hint::black_box;
use std::time::{Duration, Instant};

use crate::rounds::Quartiles;

/// How long and how often to time.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// How long the warm-up runs before the batch size is fixed.
    pub warm_up: Duration,
    /// The intended length of one timed batch.
    pub batch: Duration,
    /// How many batches are timed.
    pub rounds: usize,
}

impl Settings {
    /// From the environment: `UPSUN_MICRO_ROUNDS` (default 101) and `UPSUN_MICRO_BATCH_US`
    /// (default 1000); the warm-up is 100 ms.
    pub fn from_env() -> Settings {
        let var = |name: &str, default: u64| {
            std::env::var(name)
                .ok()
                .and_then(|v| v.parse().ok())
                .filter(|&v| v > 0)
                .unwrap_or(default)
        };
        Settings {
            warm_up: Duration::from_millis(100),
            batch: Duration::from_micros(var("UPSUN_MICRO_BATCH_US", 1000)),
            rounds: var("UPSUN_MICRO_ROUNDS", 101) as usize,
        }
    }
}

/// The time per operation of one bench.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// Nanoseconds per operation: median and quartiles over the rounds.
    pub ns: Quartiles,
    /// The fastest round, in nanoseconds per operation.
    pub min_ns: f64,
    /// Operations per timed batch.
    pub batch: usize,
    /// Timed batches.
    pub rounds: usize,
}

impl Timing {
    /// The interquartile range as a share of the median: `0.05` is ±2.5 %.
    pub fn spread(&self) -> f64 {
        (self.ns.p75 - self.ns.p25) / self.ns.median
    }
}

/// Times `op`, which needs no input.
pub fn bench<O>(settings: Settings, mut op: impl FnMut() -> O) -> Timing {
    bench_with_inputs(settings, || (), |()| op())
}

/// Times `op` on inputs made by `input` before each batch's clock starts.
pub fn bench_with_inputs<I, O>(
    settings: Settings,
    mut input: impl FnMut() -> I,
    mut op: impl FnMut(I) -> O,
) -> Timing {
    // Warm-up: doubling batches until the warm-up time is spent; the last one sizes the batch.
    let started = Instant::now();
    let mut size = 1;
    let mut per_op = loop {
        let elapsed = batch(size, &mut input, &mut op);
        let per_op = elapsed.as_secs_f64() / size as f64;
        if started.elapsed() >= settings.warm_up {
            break per_op;
        }
        if elapsed < settings.batch {
            size *= 2;
        }
    };
    if !per_op.is_normal() {
        per_op = 1e-9;
    }
    let size = ((settings.batch.as_secs_f64() / per_op) as usize).max(1);
    let rounds = settings.rounds.max(1);
    let mut ns = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let elapsed = batch(size, &mut input, &mut op);
        ns.push(elapsed.as_secs_f64() * 1e9 / size as f64);
    }
    Timing {
        min_ns: ns.iter().copied().fold(f64::INFINITY, f64::min),
        ns: Quartiles::of(ns),
        batch: size,
        rounds,
    }
}

/// One batch: inputs made and room for outputs taken before the clock starts, outputs dropped
/// after it stops.
fn batch<I, O>(
    size: usize,
    input: &mut impl FnMut() -> I,
    op: &mut impl FnMut(I) -> O,
) -> Duration {
    let inputs: Vec<I> = (0..size).map(|_| input()).collect();
    let mut outputs: Vec<O> = Vec::with_capacity(size);
    let started = Instant::now();
    for value in inputs {
        outputs.push(black_box(op(black_box(value))));
    }
    let elapsed = started.elapsed();
    drop(black_box(outputs));
    elapsed
}
