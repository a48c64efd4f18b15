//! The mock's clock: wall-clock time plus an offset that tests can advance.
//!
//! Everything in the mock that depends on time (token expiry, `created_at`, `updated_at`) reads
//! this clock, so `MockServer::advance_clock` makes an hour pass without a test sleeping.

use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, SubsecRound, TimeDelta, Utc};

use crate::state::lock;

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

    /// Moves the clock forward; saturates instead of overflowing.
    pub(crate) fn advance(&self, by: Duration) {
        let by = TimeDelta::from_std(by).unwrap_or(TimeDelta::MAX);
        let mut offset = lock(&self.offset);
        *offset = offset.checked_add(&by).unwrap_or(TimeDelta::MAX);
    }
}

/// `now`, or just after `previous` if the clock has not moved past it: an update always shows.
pub(crate) fn later_than(previous: DateTime<Utc>, now: DateTime<Utc>) -> DateTime<Utc> {
    if now > previous {
        now
    } else {
        previous + TimeDelta::microseconds(1)
    }
}

/// `duration` as a [`TimeDelta`], saturating for absurd values.
pub(crate) fn delta(duration: Duration) -> TimeDelta {
    TimeDelta::from_std(duration).unwrap_or(TimeDelta::MAX)
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
    fn huge_advances_saturate() {
        let clock = Clock::default();
        clock.advance(Duration::MAX);
        clock.advance(Duration::MAX);
        assert!(clock.now() > Utc::now() + TimeDelta::days(365 * 1000));
    }
}
