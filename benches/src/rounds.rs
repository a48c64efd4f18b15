//! Interleaved A/B rounds: both variants run in turn in the same process, so drift (another
//! build on the other core, frequency changes) hits both alike, and each round gives one ratio.
//!
//! Round `r` runs A then B when `r` is even and B then A when it is odd, so neither variant
//! always runs first. The figure reported is the median of the per-round ratios, with the
//! quartiles to show the spread.

use std::time::Duration;

/// One timed batch of calls.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    /// Calls completed.
    pub calls: u64,
    /// Wall-clock time for all of them.
    pub wall: Duration,
    /// CPU time of the calling thread, when the batch ran on one thread.
    pub cpu: Option<Duration>,
}

impl Sample {
    /// Calls per second.
    pub fn throughput(&self) -> f64 {
        self.calls as f64 / self.wall.as_secs_f64()
    }

    /// CPU microseconds per call on the calling thread.
    pub fn cpu_us_per_call(&self) -> Option<f64> {
        self.cpu
            .map(|cpu| cpu.as_secs_f64() * 1e6 / self.calls as f64)
    }
}

/// The samples of both variants, round by round.
#[derive(Debug, Default)]
pub struct Comparison {
    /// Variant A (the declared endpoint), one sample per round.
    pub a: Vec<Sample>,
    /// Variant B (hand-written), one sample per round.
    pub b: Vec<Sample>,
}

impl Comparison {
    /// Runs `rounds` rounds of one batch of each variant, alternating which goes first.
    pub fn run(
        rounds: usize,
        mut a: impl FnMut() -> Sample,
        mut b: impl FnMut() -> Sample,
    ) -> Comparison {
        let mut comparison = Comparison::default();
        for round in 0..rounds {
            if round % 2 == 0 {
                comparison.a.push(a());
                comparison.b.push(b());
            } else {
                comparison.b.push(b());
                comparison.a.push(a());
            }
        }
        comparison
    }

    /// Median throughput of A and of B, in calls per second.
    pub fn throughputs(&self) -> (f64, f64) {
        let median_of =
            |samples: &[Sample]| Quartiles::of(samples.iter().map(Sample::throughput)).median;
        (median_of(&self.a), median_of(&self.b))
    }

    /// The per-round throughput ratios A/B: above 1 when A is faster.
    pub fn ratio(&self) -> Quartiles {
        Quartiles::of(
            self.a
                .iter()
                .zip(&self.b)
                .map(|(a, b)| a.throughput() / b.throughput()),
        )
    }

    /// CPU per call, when the samples carry CPU times.
    pub fn cpu(&self) -> Option<CpuPerCall> {
        let per_call = |samples: &[Sample]| {
            samples
                .iter()
                .map(Sample::cpu_us_per_call)
                .collect::<Option<Vec<f64>>>()
        };
        let (a, b) = (per_call(&self.a)?, per_call(&self.b)?);
        Some(CpuPerCall {
            ratio: Quartiles::of(a.iter().zip(&b).map(|(a, b)| b / a)),
            a_us: Quartiles::of(a).median,
            b_us: Quartiles::of(b).median,
        })
    }
}

/// CPU microseconds per call of both variants, on the calling thread.
#[derive(Debug, Clone, Copy)]
pub struct CpuPerCall {
    /// Median for A.
    pub a_us: f64,
    /// Median for B.
    pub b_us: f64,
    /// The per-round ratios B/A: above 1 when A costs less CPU.
    pub ratio: Quartiles,
}

/// 25th, 50th and 75th percentile (nearest rank).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quartiles {
    /// 25th percentile.
    pub p25: f64,
    /// 50th percentile.
    pub median: f64,
    /// 75th percentile.
    pub p75: f64,
}

impl Quartiles {
    /// The quartiles of `values`; NaN for no values.
    pub fn of(values: impl IntoIterator<Item = f64>) -> Quartiles {
        let mut values: Vec<f64> = values.into_iter().collect();
        values.sort_by(f64::total_cmp);
        let at = |q: f64| {
            let last = values.len().saturating_sub(1) as f64;
            values
                .get((last * q).round() as usize)
                .copied()
                .unwrap_or(f64::NAN)
        };
        Quartiles {
            p25: at(0.25),
            median: at(0.5),
            p75: at(0.75),
        }
    }
}

/// CPU time the calling thread has used so far, from `/proc/thread-self/schedstat`
/// (nanoseconds, Linux only); `None` where it cannot be read.
pub fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}
