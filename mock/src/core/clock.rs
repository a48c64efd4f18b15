//! The mock's clock: wall-clock time plus an offset that tests can advance.
//!
//! Everything in the mock that depends on time (token expiry, `created_at`, `updated_at`) reads
//! this clock, so `MockServer::advance_clock` makes an hour pass without a test sleeping.
//!
//! Durations that come from outside (a token lifetime, a clock advance) are clamped to
//! [`MAX_SPAN`], about ten years, and the total offset to [`MAX_OFFSET`], so that no date the
//! mock computes can overflow: every sum below is checked or saturating anyway.

use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, SubsecRound, TimeDelta, Utc};

use crate::core::lock;

/// The longest duration the mock takes as given: ten years of 365.25 days. A longer token
/// lifetime or clock advance counts as this.
pub(crate) const MAX_SPAN: Duration = Duration::from_secs(10 * 31_557_600);

/// How far [`advance`](Clock::advance) may move the clock in total: a thousand years.
const MAX_OFFSET: TimeDelta = TimeDelta::seconds(1000 * 31_557_600);

/// `duration`, or [`MAX_SPAN`] if it is longer.
pub(crate) fn clamp(duration: Duration) -> Duration {
    duration.min(MAX_SPAN)
}

/// Wall-clock time shifted by an offset that only grows.
#[derive(Debug, Default)]
pub(crate) struct Clock {
    offset: Mutex<TimeDelta>,
}

impl Clock {
    /// The mock's current time, to the microsecond (as a database would store it).
    pub(crate) fn now(&self) -> DateTime<Utc> {
        let offset = *lock(&self.offset);
        Utc::now()
            .checked_add_signed(offset)
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
            .trunc_subsecs(6)
    }

    /// Moves the clock forward by `by`, clamped to [`MAX_SPAN`]; the total offset stops at a
    /// thousand years.
    pub(crate) fn advance(&self, by: Duration) {
        let by = delta(by);
        let mut offset = lock(&self.offset);
        *offset = offset
            .checked_add(&by)
            .unwrap_or(MAX_OFFSET)
            .min(MAX_OFFSET);
    }
}

/// `now`, or just after `previous` if the clock has not moved past it: an update always shows.
pub(crate) fn later_than(previous: DateTime<Utc>, now: DateTime<Utc>) -> DateTime<Utc> {
    if now > previous {
        now
    } else {
        previous
            .checked_add_signed(TimeDelta::microseconds(1))
            .unwrap_or(previous)
    }
}

/// `duration` as a [`TimeDelta`], clamped to [`MAX_SPAN`].
pub(crate) fn delta(duration: Duration) -> TimeDelta {
    TimeDelta::from_std(clamp(duration)).unwrap_or(TimeDelta::zero())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advancing_moves_now_forward() {
        let clock = Clock::default();
        let before = clock.now();
        clock.advance(Duration::from_secs(3600));
        assert!(clock.now() - before >= TimeDelta::hours(1));
    }

    #[test]
    fn huge_advances_are_clamped_to_ten_years_each() {
        let clock = Clock::default();
        let before = Utc::now();
        clock.advance(Duration::MAX);
        let once = clock.now();
        assert!(once > before + TimeDelta::days(3650));
        assert!(once < before + TimeDelta::days(3660));
        clock.advance(Duration::MAX);
        assert!(clock.now() > once + TimeDelta::days(3650));
    }

    #[test]
    fn the_total_offset_stops_at_a_thousand_years() {
        let clock = Clock::default();
        for _ in 0..200 {
            clock.advance(Duration::MAX);
        }
        let now = clock.now();
        assert!(now < Utc::now() + TimeDelta::days(366 * 1000));
        assert!(later_than(now, now) > now);
        assert_eq!(
            later_than(DateTime::<Utc>::MAX_UTC, now),
            DateTime::<Utc>::MAX_UTC
        );
    }

    #[test]
    fn durations_are_clamped() {
        assert_eq!(clamp(Duration::MAX), MAX_SPAN);
        assert_eq!(clamp(Duration::from_secs(5)), Duration::from_secs(5));
        assert_eq!(delta(Duration::MAX), TimeDelta::seconds(10 * 31_557_600));
    }
}
