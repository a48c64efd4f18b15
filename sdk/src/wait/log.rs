//! An activity's log as it is written: the `_links.log` stream of newline-delimited JSON items,
//! read line by line (never buffered whole, each line under [`MAX_LOG_LINE`]), resumed after a
//! dropped connection from the last timestamp without repeating a line, up to the seal.

use std::collections::{HashSet, VecDeque};

use chrono::{DateTime, SecondsFormat, Utc};
use futures_core::Stream;
use tokio::time::Instant;

use super::PollPolicy;
use crate::__private::{Call, Endpoint, Method};
use crate::models::Activity;
use crate::{Client, Error, Result};

/// The longest log line read; a longer one ends the stream with [`Error::TooLarge`].
pub const MAX_LOG_LINE: usize = 1024 * 1024;

/// How many times a dropped log stream is reopened before the stream gives up.
const RESUMES: u32 = 5;

static LOG: Endpoint = Endpoint::new(Method::GET, "(activity log link)", &[""], &[], true).secret();

/// One line of an activity's log.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LogLine {
    /// The item's ID (`None` for lines read from the activity's `log` field).
    pub id: Option<String>,
    /// When it was written, when the API says.
    pub timestamp: Option<DateTime<Utc>>,
    /// The text.
    pub message: String,
}

struct Reader<'a> {
    client: &'a Client,
    policy: PollPolicy,
    started: Instant,
    /// The log link on the client's origin, or `None` to read the `log` field.
    url: Option<String>,
    fallback: Option<String>,
    response: Option<reqwest::Response>,
    buffer: Vec<u8>,
    pending: VecDeque<LogLine>,
    last: Option<DateTime<Utc>>,
    /// The IDs of the lines read at `last`: a resumed read starts there again.
    seen: HashSet<String>,
    resumes: u32,
    reopens: u32,
    done: bool,
}

impl Client {
    /// The log of an activity as it is written, line by line, until the API seals it.
    ///
    /// It follows the activity's `_links.log`, on the client's own origin whatever host the
    /// link names (the token never leaves it). A dropped connection is reopened from the last
    /// line's timestamp, and lines already read are skipped by their `_id`. An answer that ends
    /// without the seal is reopened after the policy's interval, until the policy's time limit
    /// ([`Error::Timeout`]). An activity without a `log` link yields the lines of its `log`
    /// field. Lines are read one at a time, each at most [`MAX_LOG_LINE`] bytes.
    ///
    /// ```no_run
    /// use futures_util::StreamExt;
    /// use upsun::PollPolicy;
    ///
    /// # async fn run(client: upsun::Client, activity: upsun::Activity) -> upsun::Result<()> {
    /// let log = client.activity_log(&activity, &PollPolicy::default());
    /// let mut log = std::pin::pin!(log);
    /// while let Some(line) = log.next().await {
    ///     println!("{}", line?.message);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn activity_log<'a>(
        &'a self,
        activity: &Activity,
        policy: &PollPolicy,
    ) -> impl Stream<Item = Result<LogLine>> + Send + 'a {
        let url = activity
            .links
            .href("log")
            .map(|href| self.on_own_origin(href));
        let (url, failed) = match url {
            Some(Ok(url)) => (Some(url), None),
            Some(Err(err)) => (None, Some(err)),
            None => (None, None),
        };
        let reader = Reader {
            client: self,
            policy: policy.clone(),
            started: Instant::now(),
            fallback: url
                .is_none()
                .then(|| activity.log.clone().unwrap_or_default()),
            url,
            response: None,
            buffer: Vec::new(),
            pending: VecDeque::new(),
            last: None,
            seen: HashSet::new(),
            resumes: RESUMES,
            reopens: 0,
            done: false,
        };
        let failed = failed.map(|err| (Err(err), ()));
        futures_util::stream::unfold((reader, failed), |(mut r, failed)| async move {
            if let Some((err, ())) = failed {
                return Some((err, (r, None)));
            }
            r.next().await.map(|item| (item, (r, None)))
        })
    }

    /// `href`'s path and query on the client's own origin.
    fn on_own_origin(&self, href: &str) -> Result<String> {
        let base = &self.inner.base_url;
        let link = base
            .join(href)
            .map_err(|e| Error::InvalidLink(format!("`{href}` is not a URL: {e}")))?;
        let mut path = link.path().to_owned();
        if let Some(query) = link.query() {
            path.push('?');
            path.push_str(query);
        }
        base.join(&path)
            .map(Into::into)
            .map_err(|e| Error::InvalidLink(format!("`{href}`: {e}")))
    }
}

impl Reader<'_> {
    async fn next(&mut self) -> Option<Result<LogLine>> {
        loop {
            if let Some(line) = self.pending.pop_front() {
                return Some(Ok(line));
            }
            if self.done {
                return None;
            }
            let Some(url) = self.url.clone() else {
                self.done = true;
                let log = self.fallback.take().unwrap_or_default();
                self.pending = log
                    .lines()
                    .map(|text| LogLine {
                        id: None,
                        timestamp: None,
                        message: text.to_owned(),
                    })
                    .collect();
                continue;
            };
            let Some(response) = self.response.as_mut() else {
                match self.reopen(&url).await {
                    Ok(()) => continue,
                    Err(err) => {
                        self.done = true;
                        return Some(Err(err));
                    }
                }
            };
            match response.chunk().await {
                Ok(Some(bytes)) => {
                    if let Err(err) = self.take(&bytes) {
                        self.done = true;
                        return Some(Err(err));
                    }
                }
                Ok(None) => {
                    // Ended without the seal (the API's max_delay): ask again after a wait.
                    self.response = None;
                    self.buffer.clear();
                    let wait = self.policy.interval(self.reopens);
                    self.reopens = self.reopens.saturating_add(1);
                    if !self.policy.fits(self.started, wait) {
                        self.done = true;
                        let after = self.started.elapsed();
                        return Some(Err(Error::Timeout {
                            after,
                            replay_safe: true,
                        }));
                    }
                    tokio::time::sleep(wait).await;
                }
                Err(err) => {
                    // Dropped: resume from the last line read.
                    self.response = None;
                    self.buffer.clear();
                    if self.resumes == 0 {
                        self.done = true;
                        return Some(Err(Error::Transport {
                            source: err.without_url(),
                            replay_safe: true,
                        }));
                    }
                    self.resumes -= 1;
                }
            }
        }
    }

    /// Opens the stream, from the last line's timestamp when there is one.
    async fn reopen(&mut self, url: &str) -> Result<()> {
        let mut url = url.to_owned();
        if let Some(last) = self.last {
            url.push(if url.contains('?') { '&' } else { '?' });
            url.push_str("start_at=");
            url.push_str(&last.to_rfc3339_opts(SecondsFormat::Micros, true));
        }
        let response = self.client.open(Call::link(&LOG, url), None).await?;
        self.response = Some(response);
        Ok(())
    }

    /// Takes a chunk: every whole line in the buffer becomes an item.
    fn take(&mut self, bytes: &[u8]) -> Result<()> {
        self.buffer.extend_from_slice(bytes);
        while let Some(end) = self.buffer.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = self.buffer.drain(..=end).collect();
            self.item(&line)?;
            if self.done {
                return Ok(());
            }
        }
        if self.buffer.len() > MAX_LOG_LINE {
            return Err(Error::TooLarge {
                limit: MAX_LOG_LINE as u64,
            });
        }
        Ok(())
    }

    /// One line of the stream: a log item, or the seal.
    fn item(&mut self, line: &[u8]) -> Result<()> {
        if line.len() > MAX_LOG_LINE.saturating_add(1) {
            return Err(Error::TooLarge {
                limit: MAX_LOG_LINE as u64,
            });
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        let value: serde_json::Value =
            serde_json::from_slice(line).map_err(|source| Error::Decode {
                status: reqwest::StatusCode::OK,
                expected: "an activity log item",
                // Log lines may hold secrets (the endpoint is `secret`): quote none.
                snippet: "(withheld)".to_owned(),
                source,
            })?;
        if value.get("seal").and_then(serde_json::Value::as_bool) == Some(true) {
            self.done = true;
            return Ok(());
        }
        let field = |name: &str| {
            value
                .get("data")
                .and_then(|d| d.get(name))
                .or_else(|| value.get(name))
        };
        let id = value
            .get("_id")
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned);
        let timestamp = field("timestamp")
            .and_then(serde_json::Value::as_str)
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&Utc));
        let message = field("message")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_owned();
        if let Some(id) = &id {
            if self.seen.contains(id) {
                return Ok(());
            }
        }
        if let Some(at) = timestamp {
            if self.last.is_none_or(|last| at > last) {
                self.last = Some(at);
                self.seen.clear();
            }
        }
        if let Some(id) = &id {
            self.seen.insert(id.clone());
        }
        self.pending.push_back(LogLine {
            id,
            timestamp,
            message,
        });
        Ok(())
    }
}
