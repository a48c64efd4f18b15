//! The fault scripts of every route: which step answers the next matching request.

use std::collections::VecDeque;

use axum::http::Method;

use super::{Fault, RoutePattern};

/// How many more times a scripted step answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Remaining {
    Times(usize),
    Forever,
}

#[derive(Debug)]
struct Step {
    id: u64,
    fault: Fault,
    remaining: Remaining,
}

#[derive(Debug)]
struct Rule {
    method: Method,
    pattern: RoutePattern,
    steps: VecDeque<Step>,
}

/// Every route's script, in the order the routes were first scripted.
#[derive(Debug, Default)]
pub(crate) struct FaultTable {
    rules: Vec<Rule>,
    next_id: u64,
}

impl FaultTable {
    /// Appends a step that answers once to the script of `method` + `pattern`; returns its id.
    pub(crate) fn push(&mut self, method: &Method, pattern: &RoutePattern, fault: Fault) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        let step = Step {
            id,
            fault,
            remaining: Remaining::Times(1),
        };
        let existing = self
            .rules
            .iter_mut()
            .find(|rule| rule.method == method && rule.pattern.source() == pattern.source());
        match existing {
            Some(rule) => rule.steps.push_back(step),
            None => self.rules.push(Rule {
                method: method.clone(),
                pattern: pattern.clone(),
                steps: VecDeque::from([step]),
            }),
        }
        id
    }

    /// Changes how many times the step `id` answers (if it has not been used up yet).
    pub(super) fn set_remaining(&mut self, id: u64, remaining: Remaining) {
        for rule in &mut self.rules {
            if let Some(at) = rule.steps.iter().position(|step| step.id == id) {
                if remaining == Remaining::Times(0) {
                    rule.steps.remove(at);
                } else if let Some(step) = rule.steps.get_mut(at) {
                    step.remaining = remaining;
                }
                return;
            }
        }
    }

    /// The fault for this request, if a script has one left; uses it up.
    pub(crate) fn take(&mut self, method: &Method, path: &str) -> Option<Fault> {
        let rule = self.rules.iter_mut().find(|rule| {
            rule.method == method && !rule.steps.is_empty() && rule.pattern.matches(path)
        })?;
        let step = rule.steps.front_mut()?;
        let fault = step.fault.clone();
        match &mut step.remaining {
            Remaining::Forever => {}
            Remaining::Times(left) => {
                *left = left.saturating_sub(1);
                if *left == 0 {
                    rule.steps.pop_front();
                }
            }
        }
        Some(fault)
    }

    /// How many scripted answers are still to be given; a step set to `always` counts as one.
    pub(crate) fn pending(&self) -> usize {
        self.rules
            .iter()
            .flat_map(|rule| &rule.steps)
            .map(|step| match step.remaining {
                Remaining::Times(left) => left,
                Remaining::Forever => 1,
            })
            .sum()
    }

    /// Forgets every script.
    pub(crate) fn clear(&mut self) {
        self.rules.clear();
    }
}
