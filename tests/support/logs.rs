//! Captures every tracing span and event, with all their fields, as text lines.
//!
//! One subscriber is installed for the whole test binary (the global default), so tracing's
//! per-callsite interest never depends on which other test happens to have a subscriber at the
//! moment; each line is tagged with the thread it was written on, and a test reads the lines of
//! its own thread (a `#[tokio::test]` runs its tasks on its own thread).

use std::fmt::{self, Write as _};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::ThreadId;

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// Every line of the binary, with the thread that wrote it.
type Shared = Arc<Mutex<Vec<(ThreadId, String)>>>;

/// The lines one test captured: one per span creation, span record and event on its thread.
#[derive(Debug, Clone)]
pub struct Logs {
    all: Shared,
    thread: ThreadId,
}

impl Logs {
    /// Starts capturing what the current thread logs (the lines it logged before are not
    /// read). The guard is kept for the shape of a scoped capture; the subscriber itself stays.
    ///
    /// Use it in a `#[tokio::test]` (one thread), so the tasks of the test log here too.
    pub fn capture() -> (Logs, CaptureGuard) {
        static ALL: OnceLock<Shared> = OnceLock::new();
        let all = ALL
            .get_or_init(|| {
                let all = Shared::default();
                let installed = tracing::subscriber::set_global_default(Capture {
                    all: all.clone(),
                    next_id: AtomicU64::new(1),
                });
                assert!(installed.is_ok(), "another global subscriber is installed");
                all
            })
            .clone();
        let thread = std::thread::current().id();
        all.lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|(t, _)| *t != thread);
        (Logs { all, thread }, CaptureGuard(()))
    }

    /// Every line captured on this test's thread.
    pub fn lines(&self) -> Vec<String> {
        self.all
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter(|(t, _)| *t == self.thread)
            .map(|(_, line)| line.clone())
            .collect()
    }
}

/// Returned with a capture, to keep its call sites' shape (`let (logs, _guard) = ..`).
#[derive(Debug)]
#[must_use]
pub struct CaptureGuard(());

struct Capture {
    all: Shared,
    next_id: AtomicU64,
}

impl Capture {
    fn push(&self, line: String) {
        let thread = std::thread::current().id();
        self.all
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((thread, line));
    }
}

struct Line(String);

impl Visit for Line {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        let _ = write!(self.0, " {}={:?}", field.name(), value);
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let mut line = Line(format!("span {}:", span.metadata().name()));
        span.record(&mut line);
        self.push(line.0);
        Id::from_u64(self.next_id.fetch_add(1, Ordering::Relaxed))
    }

    fn record(&self, _: &Id, values: &Record<'_>) {
        let mut line = Line("record:".to_owned());
        values.record(&mut line);
        self.push(line.0);
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut line = Line(format!("event {}:", event.metadata().target()));
        event.record(&mut line);
        self.push(line.0);
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}
