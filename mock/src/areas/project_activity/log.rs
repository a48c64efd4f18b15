//! `GET /projects/{projectId}/activities/{activityId}/log`: an activity's log as it is written,
//! one JSON item a line (`{"_id", "data": {"timestamp", "message"}}`), then `{"seal": true}`
//! once the activity has finished and every line is out.
//!
//! The answer is chunked and live: a line goes out as soon as the mock clock has it written.
//! `start_at` (a timestamp) starts at the lines written at or after it, so a resumed read may
//! see the last line again (clients dedupe by `_id`); `max_items` ends the answer after that
//! many lines, and `max_delay` (seconds, default 2) after that long without a new line, both
//! without the seal. A test can cut the next stream after some lines
//! (`ProjectsHandle::cut_log_after`): the connection then fails mid-answer.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde_json::json;
use tokio::sync::mpsc;

use super::super::projects::Store as Projects;
use crate::core::auth::Caller;
use crate::core::error::ApiError;
use crate::core::http::decoded;
use crate::core::serve::Streamed;
use crate::core::{Core, Shared, lock};
use crate::kit::activities::{LINE_EVERY, PENDING_FOR};

/// How often the stream looks for new lines, in real time.
const TICK: Duration = Duration::from_millis(10);

/// The query of the log route.
struct LogQuery {
    start_at: Option<DateTime<Utc>>,
    max_items: Option<usize>,
    max_delay: Duration,
}

impl LogQuery {
    fn parse(raw: Option<&str>) -> Result<Self, ApiError> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or_default())
            .map_err(|e| ApiError::bad_request(format!("invalid query: {e}")))?;
        let mut query = LogQuery {
            start_at: None,
            max_items: None,
            max_delay: Duration::from_secs(2),
        };
        for (name, value) in pairs {
            match name.as_str() {
                "start_at" => {
                    let at = DateTime::parse_from_rfc3339(&value).map_err(|_| {
                        ApiError::bad_request("`start_at` must be an RFC 3339 date-time")
                    })?;
                    query.start_at = Some(at.with_timezone(&Utc));
                }
                "max_items" => {
                    let n = value
                        .parse()
                        .map_err(|_| ApiError::bad_request("`max_items` must be a number"))?;
                    query.max_items = Some(n);
                }
                "max_delay" => {
                    let secs: f64 = value
                        .parse()
                        .map_err(|_| ApiError::bad_request("`max_delay` must be a number"))?;
                    query.max_delay =
                        Duration::try_from_secs_f64(secs.clamp(0.0, 60.0)).unwrap_or_default();
                }
                _ => {}
            }
        }
        Ok(query)
    }
}

/// The body: chunks sent by the producing task.
struct Chunks(mpsc::Receiver<Result<Bytes, std::io::Error>>);

impl futures_core::Stream for Chunks {
    type Item = Result<Bytes, std::io::Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.poll_recv(cx)
    }
}

/// `GET /projects/{projectId}/activities/{activityId}/log`.
pub(super) async fn log(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Projects>>,
    caller: Caller,
    segment: Result<Path<(String, String)>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let (project, id) = decoded(segment)?;
    let query = LogQuery::parse(raw.as_deref())?;
    let cut = {
        let mut guard = lock(&store);
        let record = guard.project_mut(&project, &caller, core.now())?;
        record
            .activities
            .get(&id)
            .ok_or_else(|| ApiError::not_found(format!("activity {id:?} not found")))?;
        record.cut_log_after.take()
    };
    let (tx, rx) = mpsc::channel(16);
    tokio::spawn(produce(core, store, caller, project, id, query, cut, tx));
    let mut response = (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/x-ndjson")],
        Body::from_stream(Chunks(rx)),
    )
        .into_response();
    response.extensions_mut().insert(Streamed);
    Ok(response)
}

/// Sends the lines as the clock writes them, then the seal (or stops as the query says).
#[allow(clippy::too_many_arguments)]
async fn produce(
    core: Arc<Core>,
    store: Shared<Projects>,
    caller: Caller,
    project: String,
    id: String,
    query: LogQuery,
    cut: Option<usize>,
    tx: mpsc::Sender<Result<Bytes, std::io::Error>>,
) {
    let mut next = 0usize;
    let mut sent = 0usize;
    let mut idle = Duration::ZERO;
    loop {
        let now = core.now();
        let (lines, finished) = {
            let mut guard = lock(&store);
            let Ok(record) = guard.project_mut(&project, &caller, now) else {
                return;
            };
            let Some(activity) = record.activities.get(&id) else {
                return;
            };
            let written = activity.lines_written(now);
            let start = activity.created_at + PENDING_FOR;
            let lines: Vec<(usize, DateTime<Utc>, String)> = activity.lines[..written]
                .iter()
                .enumerate()
                .skip(next)
                .map(|(i, text)| {
                    (
                        i,
                        start + LINE_EVERY * i32::try_from(i).unwrap_or(i32::MAX),
                        text.clone(),
                    )
                })
                .collect();
            (lines, activity.state(now).is_finished())
        };
        let any = !lines.is_empty();
        for (i, at, text) in lines {
            next = i + 1;
            if query.start_at.is_some_and(|from| at < from) {
                continue;
            }
            if cut == Some(sent) {
                // Let the lines sent so far reach the client first, as a connection that
                // drops mid-answer would.
                tokio::time::sleep(Duration::from_millis(50)).await;
                let _ = tx.send(Err(std::io::Error::other("cut by the test"))).await;
                return;
            }
            let item =
                json!({"_id": format!("{id}-{i}"), "data": {"timestamp": at, "message": text}});
            if tx.send(Ok(Bytes::from(format!("{item}\n")))).await.is_err() {
                return;
            }
            sent += 1;
            if query.max_items.is_some_and(|max| sent >= max) {
                return;
            }
        }
        if finished {
            let _ = tx.send(Ok(Bytes::from_static(b"{\"seal\": true}\n"))).await;
            return;
        }
        idle = if any { Duration::ZERO } else { idle + TICK };
        if idle >= query.max_delay {
            return;
        }
        tokio::time::sleep(TICK).await;
    }
}
