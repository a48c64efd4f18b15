//! When a failed attempt is tried again, and how long to wait first.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use reqwest::header::{HeaderMap, RETRY_AFTER};

/// How a client retries failed attempts.
///
/// Retried, for any method: failures before the request was sent (connection refused, DNS, TLS,
/// connect timeout) and `429 Too Many Requests`. Also retried for GET, PUT and DELETE, and for
/// POST and PATCH endpoints declared `idempotent`: `500`, `502`, `503`, `504`, and a connection
/// lost after the request was sent. Never retried: any other status.
///
/// Waits grow exponentially with full jitter (a random wait between zero and
/// `base_delay * 2^retry`, at most `max_delay`); a `Retry-After` header is honoured up to
/// `max_retry_after`, and a longer one ends the call at once with
/// [`Error::RateLimited`](crate::Error::RateLimited) carrying the wait. A budget shared by all
/// calls of a client keeps an outage from multiplying the load: each retry takes a token from it,
/// each success puts back a tenth of one.
///
/// ```
/// use std::time::Duration;
/// use upsun::RetryPolicy;
///
/// let client = upsun::Client::builder()
///     .access_token("my-access-token")
///     .retry(RetryPolicy::default().max_attempts(5).base_delay(Duration::from_millis(200)))
///     .build()?;
/// let no_retries = upsun::Client::builder()
///     .access_token("my-access-token")
///     .retry(RetryPolicy::none())
///     .build()?;
/// # Ok::<(), upsun::Error>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct RetryPolicy {
    pub(crate) max_attempts: u32,
    pub(crate) base_delay: Duration,
    pub(crate) max_delay: Duration,
    pub(crate) max_retry_after: Duration,
    pub(crate) budget: u32,
}

impl Default for RetryPolicy {
    /// 3 attempts in all, waits from 500 ms up to 20 s, `Retry-After` up to 60 s, a budget of
    /// 10 retries.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(20),
            max_retry_after: Duration::from_secs(60),
            budget: 10,
        }
    }
}

impl RetryPolicy {
    /// No retries: every call makes one attempt.
    pub fn none() -> Self {
        Self::default().max_attempts(1)
    }

    /// Attempts in all, the first included (at least 1; 1 turns retries off).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The wait before the first retry, doubled for each further one (before jitter).
    pub fn base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// The longest wait between two attempts, `Retry-After` aside.
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// The longest `Retry-After` the client waits out; a longer one fails the call at once.
    pub fn max_retry_after(mut self, wait: Duration) -> Self {
        self.max_retry_after = wait;
        self
    }

    /// How many retries the client may have in reserve across all its calls.
    pub fn budget(mut self, retries: u32) -> Self {
        self.budget = retries;
        self
    }

    /// The wait before retry number `retry` (1 for the first retry): full jitter.
    pub(crate) fn backoff(&self, retry: u32) -> Duration {
        let factor = 2u32.saturating_pow(retry.saturating_sub(1));
        let ceiling = self.base_delay.saturating_mul(factor).min(self.max_delay);
        // `mul_f64` could round past `Duration::MAX` for a huge ceiling and panic.
        Duration::try_from_secs_f64(ceiling.as_secs_f64() * random_unit())
            .map_or(ceiling, |wait| wait.min(ceiling))
    }
}

/// A random number in `[0, 1)`, from the randomly keyed hasher of the standard library: jitter
/// needs no cryptographic quality, and this keeps a dependency out.
fn random_unit() -> f64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

/// Retries in reserve, in thousandths, shared by the calls of one client.
#[derive(Debug)]
pub(crate) struct RetryBudget {
    milli: AtomicU64,
    capacity: u64,
}

const RETRY_COST: u64 = 1000;
const SUCCESS_REFUND: u64 = 100;

impl RetryBudget {
    pub(crate) fn new(retries: u32) -> Self {
        let capacity = u64::from(retries) * RETRY_COST;
        RetryBudget {
            milli: AtomicU64::new(capacity),
            capacity,
        }
    }

    /// Takes one retry from the budget; false when none is left.
    pub(crate) fn withdraw(&self) -> bool {
        self.milli
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |m| {
                m.checked_sub(RETRY_COST)
            })
            .is_ok()
    }

    /// A success puts back part of a retry.
    pub(crate) fn deposit(&self) {
        if self.milli.load(Ordering::Relaxed) < self.capacity {
            let _ = self
                .milli
                .fetch_update(Ordering::AcqRel, Ordering::Acquire, |m| {
                    Some((m + SUCCESS_REFUND).min(self.capacity))
                });
        }
    }
}

/// Reads `Retry-After` as seconds or as an HTTP date; anything else is ignored.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let wait = date.signed_duration_since(chrono::Utc::now());
    Some(wait.to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(value: &str) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert(RETRY_AFTER, HeaderValue::from_str(value).unwrap());
        map
    }

    #[test]
    fn retry_after_reads_seconds_and_dates_and_ignores_garbage() {
        assert_eq!(retry_after(&headers("2")), Some(Duration::from_secs(2)));
        let later = (chrono::Utc::now() + chrono::Duration::seconds(30)).to_rfc2822();
        let later = later.replace("+0000", "GMT");
        let wait = retry_after(&headers(&later)).unwrap();
        assert!(
            wait <= Duration::from_secs(30) && wait >= Duration::from_secs(28),
            "{wait:?}"
        );
        assert_eq!(
            retry_after(&headers("Wed, 21 Oct 2015 07:28:00 GMT")),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after(&headers("soon")), None);
        assert_eq!(retry_after(&headers("-5")), None);
        assert_eq!(
            retry_after(&headers("18446744073709551615")),
            Some(Duration::from_secs(u64::MAX))
        );
        assert_eq!(retry_after(&headers("99999999999999999999999")), None);
        assert_eq!(retry_after(&headers("0")), Some(Duration::ZERO));
        assert_eq!(retry_after(&HeaderMap::new()), None);
    }

    #[test]
    fn backoff_is_jittered_under_an_exponential_ceiling() {
        let policy = RetryPolicy::default();
        for retry in 1..=10 {
            let ceiling =
                (Duration::from_millis(500) * 2u32.pow(retry - 1)).min(Duration::from_secs(20));
            for _ in 0..50 {
                assert!(policy.backoff(retry) <= ceiling);
            }
        }
        let huge = RetryPolicy::default()
            .base_delay(Duration::MAX)
            .max_delay(Duration::MAX);
        for retry in [1, 2, 64, u32::MAX] {
            assert!(huge.backoff(retry) <= Duration::MAX);
        }
        let waits: std::collections::HashSet<_> = (0..20).map(|_| policy.backoff(3)).collect();
        assert!(waits.len() > 10, "waits are not jittered: {waits:?}");
    }

    #[test]
    fn the_budget_runs_out_and_successes_refill_it() {
        let budget = RetryBudget::new(2);
        assert!(budget.withdraw());
        assert!(budget.withdraw());
        assert!(!budget.withdraw());
        for _ in 0..10 {
            budget.deposit();
        }
        assert!(budget.withdraw());
        assert!(!budget.withdraw());
    }
}
