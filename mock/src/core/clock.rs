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
    /// A speed other than real time, and the wall-clock time it was set at.
    speed: Mutex<Option<(f64, DateTime<Utc>)>>,
}

impl Clock {
    /// The mock's current time, to the microsecond (as a database would store it).
    pub(crate) fn now(&self) -> DateTime<Utc> {
        let offset = *lock(&self.offset);
        self.sped(Utc::now())
            .checked_add_signed(offset)
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
            .trunc_subsecs(6)
    }

    /// `wall`, with the time since the speed was set run at that speed.
    fn sped(&self, wall: DateTime<Utc>) -> DateTime<Utc> {
        let Some((speed, since)) = *lock(&self.speed) else {
            return wall;
        };
        let real = (wall - since).num_microseconds().unwrap_or(i64::MAX) as f64;
        let scaled = (real * speed).clamp(0.0, MAX_OFFSET.num_microseconds().unwrap_or(0) as f64);
        since
            .checked_add_signed(TimeDelta::microseconds(scaled as i64))
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
    }

    /// Runs the clock at `speed` times real time from now on (1.0 is real time; at most 1000,
    /// at least 0: a stopped clock).
    pub(crate) fn set_speed(&self, speed: f64) {
        let speed = if speed.is_finite() {
            speed.clamp(0.0, 1000.0)
        } else {
            1.0
        };
        let now = self.now();
        let wall = Utc::now();
        // Fold what the previous speed did into the offset, so the clock never jumps.
        *lock(&self.offset) = (now - wall).min(MAX_OFFSET);
        *lock(&self.speed) = Some((speed, wall));
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
    fn a_stopped_clock_moves_only_when_advanced_and_a_fast_one_runs_ahead() {
        let clock = Clock::default();
        clock.set_speed(0.0);
        let stopped = clock.now();
        std::thread::sleep(Duration::from_millis(5));
        assert!(clock.now() - stopped < TimeDelta::milliseconds(1));
        clock.advance(Duration::from_secs(10));
        assert!(clock.now() - stopped >= TimeDelta::seconds(10));
        clock.set_speed(1000.0);
        let fast = clock.now();
        std::thread::sleep(Duration::from_millis(5));
        assert!(clock.now() - fast >= TimeDelta::seconds(4));
    }

    #[test]
    fn durations_are_clamped() {
        assert_eq!(clamp(Duration::MAX), MAX_SPAN);
        assert_eq!(clamp(Duration::from_secs(5)), Duration::from_secs(5));
        assert_eq!(delta(Duration::MAX), TimeDelta::seconds(10 * 31_557_600));
    }
}
