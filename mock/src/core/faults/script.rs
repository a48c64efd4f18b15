//! The fluent API that fills a route's script: `mock.on(..).respond(..).times(..).then(..)`.

use axum::http::Method;

use super::table::Remaining;
use super::{Fault, RoutePattern};
use crate::core::{Core, lock};

/// The script of one method and route pattern, returned by
/// [`MockServer::on`](crate::MockServer::on). Nothing is scripted until
/// [`respond`](RouteScript::respond) is called.
#[derive(Debug)]
#[must_use = "a route script does nothing until `.respond(fault)` is called"]
pub struct RouteScript<'a> {
    core: &'a Core,
    method: Method,
    pattern: RoutePattern,
}

impl<'a> RouteScript<'a> {
    pub(crate) fn new(core: &'a Core, method: Method, pattern: &str) -> Self {
        RouteScript {
            core,
            method,
            pattern: RoutePattern::parse(pattern),
        }
    }

    /// Queues `fault` to answer the next matching request, once; after any steps already
    /// scripted for this same method and pattern.
    pub fn respond(self, fault: Fault) -> ScheduledFault<'a> {
        let id = lock(&self.core.faults).push(&self.method, &self.pattern, fault);
        ScheduledFault { script: self, id }
    }
}

/// A fault already queued by [`RouteScript::respond`]; adjust how often it answers, or queue the
/// next one.
#[derive(Debug)]
pub struct ScheduledFault<'a> {
    script: RouteScript<'a>,
    id: u64,
}

impl<'a> ScheduledFault<'a> {
    /// Answers the next `n` matching requests with this fault instead of one. `times(0)`
    /// removes it.
    pub fn times(self, n: usize) -> Self {
        lock(&self.script.core.faults).set_remaining(self.id, Remaining::Times(n));
        self
    }

    /// Answers every matching request with this fault from now on; steps queued after it are
    /// never reached. Undo with [`MockServer::clear_faults`](crate::MockServer::clear_faults).
    pub fn always(self) -> Self {
        lock(&self.script.core.faults).set_remaining(self.id, Remaining::Forever);
        self
    }

    /// Queues `fault` for the same route, to answer once after this one is used up.
    pub fn then(self, fault: Fault) -> ScheduledFault<'a> {
        self.script.respond(fault)
    }
}
