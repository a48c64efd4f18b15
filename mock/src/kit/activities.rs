//! The activity engine every accepted operation uses: each call that starts work records an
//! activity here, and the activity moves on the mock's clock.
//!
//! An activity is a pure function of the clock: `pending` for [`PENDING_FOR`] after it is
//! created, then `in_progress`, writing one log line every [`LINE_EVERY`], then finished the
//! way its [`Ending`] says (complete with success, complete with a failure, cancelled, staged,
//! or never). A test steps the clock (`mock.advance_clock`) or lets it run in real time; no
//! background task is involved, so reading an activity always shows where it stands *now*.
//! Cancelling stops it where it is. What an activity changes (an environment's status) is
//! applied by the area once [`Activities::settle`] reports it finished.

use chrono::{DateTime, TimeDelta, Utc};
use serde_json::{Value, json};

/// How long an activity stays pending.
pub(crate) const PENDING_FOR: TimeDelta = TimeDelta::seconds(1);
/// How long each log line takes.
pub(crate) const LINE_EVERY: TimeDelta = TimeDelta::seconds(1);

/// How a scripted activity ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ending {
    /// Complete, with the result `success`.
    #[default]
    Success,
    /// Complete with the result `failure`: a command exits with status 1 (`failure_reason`
    /// `shell`).
    Failure,
    /// Complete with the result `success`, though a command exited with status 1.
    SuccessWithFailedCommand,
    /// Cancelled once its log is written.
    Cancelled,
    /// Staged once its log is written: it waits for a deploy.
    Staged,
    /// Never finishes: it stays in progress.
    Never,
}

/// Where an activity stands at some time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum State {
    Pending,
    InProgress,
    Complete,
    Cancelled,
    Staged,
}

impl State {
    fn as_str(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::InProgress => "in_progress",
            State::Complete => "complete",
            State::Cancelled => "cancelled",
            State::Staged => "staged",
        }
    }

    /// Whether the activity will not change any more.
    pub(crate) fn is_finished(self) -> bool {
        matches!(self, State::Complete | State::Cancelled | State::Staged)
    }
}

/// One activity as stored.
#[derive(Debug, Clone)]
pub(crate) struct Activity {
    pub(crate) id: String,
    pub(crate) kind: String,
    pub(crate) project: String,
    pub(crate) environments: Vec<String>,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) lines: Vec<String>,
    pub(crate) ending: Ending,
    pub(crate) cancelled_at: Option<DateTime<Utc>>,
    pub(crate) payload: Value,
    pub(crate) parameters: Value,
    /// The integration that started it, if one did.
    pub(crate) integration: Option<String>,
    /// Whether the area applied what it changes (or rolled it back).
    pub(crate) settled: bool,
}

impl Activity {
    /// When it starts running.
    fn started_at(&self) -> DateTime<Utc> {
        self.created_at + PENDING_FOR
    }

    /// When its log is all written.
    fn written_at(&self) -> DateTime<Utc> {
        let lines = i32::try_from(self.lines.len()).unwrap_or(i32::MAX);
        self.started_at() + LINE_EVERY * lines
    }

    /// When it finishes on its own, `None` for one that never does.
    fn ends_at(&self) -> Option<DateTime<Utc>> {
        (self.ending != Ending::Never).then(|| self.written_at())
    }

    /// Its state at `now`.
    pub(crate) fn state(&self, now: DateTime<Utc>) -> State {
        if let Some(at) = self.cancelled_at {
            if now >= at {
                return State::Cancelled;
            }
        }
        if now < self.started_at() {
            return State::Pending;
        }
        match self.ends_at() {
            Some(end) if now >= end => match self.ending {
                Ending::Cancelled => State::Cancelled,
                Ending::Staged => State::Staged,
                _ => State::Complete,
            },
            _ => State::InProgress,
        }
    }

    /// Whether it ended well, once finished.
    pub(crate) fn succeeded(&self, now: DateTime<Utc>) -> bool {
        self.state(now) == State::Complete
            && matches!(
                self.ending,
                Ending::Success | Ending::SuccessWithFailedCommand
            )
    }

    /// How many of its log lines are written at `now`.
    pub(crate) fn lines_written(&self, now: DateTime<Utc>) -> usize {
        let until = match self.cancelled_at {
            Some(at) if at < now => at,
            _ => now,
        };
        if until < self.started_at() {
            return 0;
        }
        let elapsed = (until - self.started_at()).num_milliseconds();
        let every = LINE_EVERY.num_milliseconds().max(1);
        let written = usize::try_from(elapsed / every + 1).unwrap_or(usize::MAX);
        written.min(self.lines.len())
    }

    /// The activity as the API answers it, at `now`; `base` is the project's URL.
    pub(crate) fn to_json(&self, now: DateTime<Utc>, base: &str) -> Value {
        let state = self.state(now);
        let finished = state.is_finished();
        let (result, failure_reason) = match (state, self.ending) {
            (State::Complete, Ending::Failure) => (json!("failure"), json!("shell")),
            (State::Complete, _) => (json!("success"), Value::Null),
            _ => (Value::Null, Value::Null),
        };
        let written = self.lines_written(now);
        // Below 100 until it has finished: the last step is finishing.
        let total = self.lines.len().saturating_add(1);
        let percent = match state {
            State::Complete | State::Staged => 100,
            _ => written.saturating_mul(100) / total,
        };
        let commands = match (finished, self.ending) {
            (true, Ending::Failure | Ending::SuccessWithFailedCommand) => {
                json!([{"app": "app", "type": "deploy", "exit_code": 1}])
            }
            (true, _) => json!([{"app": "app", "type": "deploy", "exit_code": 0}]),
            _ => json!([]),
        };
        let started = (state != State::Pending).then(|| self.started_at());
        let completed = finished.then(|| match (self.cancelled_at, self.ends_at()) {
            (Some(at), _) => at,
            (None, Some(end)) => end,
            (None, None) => now,
        });
        let log = (state != State::Pending).then(|| self.lines[..written].join("\n"));
        let timings = match finished {
            true => json!({"wait": 1.0, "execute": written as f64}),
            // What the API sends while an activity is pending: an empty list.
            false => json!([]),
        };
        let href = format!("{base}/activities/{}", self.id);
        let mut links = json!({
            "self": {"href": href},
            "log": {"href": format!("{href}/log")},
        });
        if !finished {
            links["cancel"] = json!({"href": format!("{href}/cancel"), "method": "POST"});
        }
        let mut json = json!({
            "id": self.id,
            "created_at": self.created_at,
            "updated_at": if finished { completed } else { Some(now) },
            "type": self.kind,
            "parameters": self.parameters,
            "project": self.project,
            "environments": self.environments,
            "state": state.as_str(),
            "result": result,
            "failure_reason": failure_reason,
            "started_at": started,
            "completed_at": completed,
            "completion_percent": percent,
            "cancelled_at": if state == State::Cancelled { completed } else { None },
            "timings": timings,
            "log": log,
            "payload": self.payload,
            "description": format!("<user>Ada</user> ran {}", self.kind),
            "text": format!("Ada ran {}", self.kind),
            "expires_at": Value::Null,
            "commands": commands,
            "_links": links,
        });
        if let Some(integration) = &self.integration {
            json["integration"] = json!(integration);
        }
        json
    }
}

/// What the next activity started will do (a test's script).
#[derive(Debug, Clone, Default)]
pub(crate) struct Script {
    pub(crate) ending: Ending,
    pub(crate) lines: Option<Vec<String>>,
    pub(crate) payload: Option<Value>,
    pub(crate) integration: Option<String>,
}

/// Every activity of one project, in creation order, and the scripts of the next ones.
#[derive(Debug, Default)]
pub(crate) struct Activities {
    items: Vec<Activity>,
    scripts: std::collections::VecDeque<Script>,
    next: u64,
}

impl Activities {
    /// Queues a script for the next activity started.
    pub(crate) fn script(&mut self, script: Script) {
        self.scripts.push_back(script);
    }

    /// Starts an activity at `now` and returns its index.
    pub(crate) fn start(
        &mut self,
        project: &str,
        kind: &str,
        environments: Vec<String>,
        parameters: Value,
        now: DateTime<Utc>,
    ) -> usize {
        self.next = self.next.saturating_add(1);
        let script = self.scripts.pop_front().unwrap_or_default();
        let lines = script.lines.unwrap_or_else(|| {
            vec![
                format!("Starting {kind}"),
                "Building application 'app'".to_owned(),
                "Deploying application 'app'".to_owned(),
                format!("Finished {kind}"),
            ]
        });
        // Created strictly after the previous activity, so "newest" is well defined.
        let created_at = match self.items.last() {
            Some(last) if last.created_at >= now => last.created_at + TimeDelta::microseconds(1),
            _ => now,
        };
        self.items.push(Activity {
            id: format!("{project}-act{}", self.next),
            kind: kind.to_owned(),
            project: project.to_owned(),
            environments,
            created_at,
            lines,
            ending: script.ending,
            cancelled_at: None,
            payload: script.payload.unwrap_or_else(|| json!({})),
            integration: script.integration,
            parameters,
            settled: false,
        });
        self.items.len() - 1
    }

    /// The activity at `index`.
    pub(crate) fn at(&self, index: usize) -> Option<&Activity> {
        self.items.get(index)
    }

    /// The activity with this ID.
    pub(crate) fn get(&self, id: &str) -> Option<&Activity> {
        self.items.iter().find(|a| a.id == id)
    }

    /// Cancels an unfinished activity at `now`; `false` if it is finished or unknown.
    pub(crate) fn cancel(&mut self, id: &str, now: DateTime<Utc>) -> bool {
        match self.items.iter_mut().find(|a| a.id == id) {
            Some(activity) if !activity.state(now).is_finished() => {
                activity.cancelled_at = Some(now);
                true
            }
            _ => false,
        }
    }

    /// Every activity, newest first (as the API lists them).
    pub(crate) fn newest_first(&self) -> impl Iterator<Item = &Activity> {
        self.items.iter().rev()
    }

    /// The activities that finished since the last call, each with whether it succeeded.
    pub(crate) fn settle(&mut self, now: DateTime<Utc>) -> Vec<(Activity, bool)> {
        let mut done = Vec::new();
        for activity in &mut self.items {
            if !activity.settled && activity.state(now).is_finished() {
                activity.settled = true;
                done.push((activity.clone(), activity.succeeded(now)));
            }
        }
        done
    }
}
