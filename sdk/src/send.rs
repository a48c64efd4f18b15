//! The one send path every endpoint goes through: credentials, attempts, retries, deadlines,
//! size limits and the tracing span.
//!
//! A call is a loop of named steps, each bounded by the call's one deadline:
//! 1. [`Client::credentials`]: the access token (exchanging the API token when needed);
//! 2. [`Inner::attempt`]: one request, its answer read within the size limit;
//! 3. [`Client::judge`]: what a failed attempt means: give up, replay once with a new token, or
//!    retry;
//! 4. [`Client::pause`]: before a retry, the wait (`Retry-After` or backoff), if the attempts,
//!    the retry budget and the deadline allow it.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap, HeaderValue, WWW_AUTHENTICATE};
use tokio::time::Instant;
use tracing::Instrument as _;

use crate::__private::Call;
use crate::auth::{AccessToken, TokenFailure};
use crate::body::{ReadError, read_body};
use crate::client::{Client, Inner};
use crate::error::{ApiError, ERROR_BODY_LIMIT, Error, Result};
use crate::retry;

mod response;

pub(crate) use response::Response;
use response::is_json;

/// What one attempt came to, short of a success.
enum Failure {
    /// The API answered with a status that is not a success.
    Status {
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
    },
    /// The request failed on the way; `sent` is false when it surely never reached the server.
    Transport { error: Error, sent: bool },
    /// Nothing to retry.
    Final(Error),
}

/// What to do after a failed step.
enum Next {
    /// Send again at once with a fresh token (once per call, after a 401).
    Replay,
    /// Wait, then try again, if the policy allows; `retry_after` is what the API asked for.
    Retry {
        error: Error,
        retry_after: Option<Duration>,
    },
    /// Give up with this error.
    Fail(Error),
}

/// The one deadline of a call; `None` when the call has no time limit.
#[derive(Clone, Copy)]
struct Deadline(Option<Instant>);

impl Deadline {
    /// `limit` from `start`; a limit too large to represent is no limit.
    fn after(start: Instant, limit: Option<Duration>) -> Self {
        Deadline(limit.and_then(|limit| start.checked_add(limit)))
    }

    /// What is left, or `None` without a deadline.
    fn left(self) -> Option<Duration> {
        self.0
            .map(|at| at.saturating_duration_since(Instant::now()))
    }

    /// Whether waiting `wait` from now still ends before the deadline.
    fn fits(self, wait: Duration) -> bool {
        self.left().is_none_or(|left| wait < left)
    }
}

impl Client {
    /// Sends a prepared call until it succeeds, fails for good, or runs out of attempts or time.
    pub(crate) async fn execute(&self, call: Call) -> Result<Response> {
        if let Some(err) = call.error {
            return Err(err);
        }
        let span = tracing::debug_span!(
            "upsun.call",
            method = %call.endpoint.method,
            path = call.endpoint.template,
            status = tracing::field::Empty,
            attempt = tracing::field::Empty,
            latency_ms = tracing::field::Empty,
        );
        let started = Instant::now();
        let deadline = Deadline::after(started, self.inner.call_timeout);
        let result = self
            .attempts(&call, started, deadline, &span)
            .instrument(span.clone())
            .await;
        if !span.is_disabled() {
            let millis = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
            span.record("latency_ms", millis);
        }
        if let Err(err) = &result {
            tracing::debug!(parent: &span, error = %err, "call failed");
        }
        result
    }

    /// The attempts of one call, every step bounded by the same deadline.
    async fn attempts(
        &self,
        call: &Call,
        started: Instant,
        deadline: Deadline,
        span: &tracing::Span,
    ) -> Result<Response> {
        let inner = &*self.inner;
        let url = inner.url(call);
        let mut attempt: u32 = 0;
        let mut reauthenticated = false;
        loop {
            attempt = attempt.saturating_add(1);
            span.record("attempt", attempt);
            let next = match self.credentials(deadline, started, call).await {
                Err(next) => next,
                Ok(token) => {
                    let timeout = match deadline.left() {
                        Some(left) if left.is_zero() => return Err(timeout(started, call, false)),
                        Some(left) => (left < inner.attempt_timeout).then_some(left),
                        None => None,
                    };
                    match inner
                        .attempt(&url, call, token.as_deref(), timeout, started)
                        .await
                    {
                        Ok(response) => {
                            span.record("status", response.status.as_u16());
                            inner.budget.deposit();
                            return Ok(response);
                        }
                        Err(failure) => {
                            self.judge(call, failure, token.as_ref(), &mut reauthenticated, span)
                        }
                    }
                }
            };
            match next {
                Next::Replay => attempt = attempt.saturating_sub(1),
                Next::Fail(error) => return Err(error),
                Next::Retry { error, retry_after } => {
                    self.pause(error, retry_after, attempt, deadline, started)
                        .await?;
                }
            }
        }
    }

    /// Step 1: the token for the next attempt, within the deadline. An exchange that failed
    /// before reaching the auth server (or that it answered 429/5xx) is retried like an attempt.
    async fn credentials(
        &self,
        deadline: Deadline,
        started: Instant,
        call: &Call,
    ) -> std::result::Result<Option<Arc<AccessToken>>, Next> {
        let credentials = &self.inner.credentials;
        if let Some(token) = credentials.ready() {
            return Ok(token);
        }
        let outcome = match deadline.0 {
            Some(at) => tokio::time::timeout_at(at, credentials.token())
                .await
                .map_err(|_| Next::Fail(timeout(started, call, false)))?,
            None => credentials.token().await,
        };
        outcome.map_err(|TokenFailure { error, retryable }| match retryable {
            true => Next::Retry {
                error,
                retry_after: None,
            },
            false => Next::Fail(error),
        })
    }

    /// Step 3: what a failed attempt means.
    fn judge(
        &self,
        call: &Call,
        failure: Failure,
        token: Option<&Arc<AccessToken>>,
        reauthenticated: &mut bool,
        span: &tracing::Span,
    ) -> Next {
        let idempotent = call.endpoint.idempotent;
        match failure {
            Failure::Final(error) => Next::Fail(error),
            Failure::Transport { error, sent } => match !sent || idempotent {
                true => Next::Retry {
                    error,
                    retry_after: None,
                },
                false => Next::Fail(error),
            },
            Failure::Status {
                status,
                headers,
                body,
            } => {
                span.record("status", status.as_u16());
                let content_type = headers
                    .get(header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok());
                if status == StatusCode::UNAUTHORIZED {
                    let error = ApiError::new(status, content_type, &body);
                    if step_up_required(&headers) {
                        return Next::Fail(Error::StepUpRequired(error));
                    }
                    // One replay with a fresh token, unless the token cannot be renewed.
                    if let Some(used) = token {
                        if !*reauthenticated && self.inner.credentials.invalidate(used) {
                            *reauthenticated = true;
                            return Next::Replay;
                        }
                    }
                    return Next::Fail(Error::Unauthorized(error));
                }
                let retry_after = retry::retry_after(&headers);
                let mut error = Error::from_response(status, content_type, &body);
                match &mut error {
                    Error::RateLimited {
                        retry_after: wait, ..
                    } => *wait = retry_after,
                    Error::Server(api) => api.replay_safe = idempotent,
                    _ => {}
                }
                let retryable = status == StatusCode::TOO_MANY_REQUESTS
                    || (idempotent && matches!(status.as_u16(), 500 | 502 | 503 | 504));
                match retryable {
                    true => Next::Retry { error, retry_after },
                    false => Next::Fail(error),
                }
            }
        }
    }

    /// Step 4: waits before the next attempt, or gives up with `error` when the attempts, the
    /// budget or the deadline do not allow another one.
    async fn pause(
        &self,
        error: Error,
        retry_after: Option<Duration>,
        attempt: u32,
        deadline: Deadline,
        started: Instant,
    ) -> Result<()> {
        let policy = &self.inner.retry;
        if let Some(wait) = retry_after {
            if wait > policy.max_retry_after || !deadline.fits(wait) {
                return Err(rate_limited(error, wait));
            }
        }
        if attempt >= policy.max_attempts || !self.inner.budget.withdraw() {
            return Err(error);
        }
        let wait = match retry_after {
            // `Retry-After: 0` (or a date already past) still waits the shortest backoff.
            Some(wait) if !wait.is_zero() => wait,
            Some(_) => policy.base_delay.min(policy.max_delay),
            None => policy.backoff(attempt),
        };
        if !deadline.fits(wait) {
            // The next attempt could not start before the deadline: the call is out of time
            // now, not after a sleep that would end past it. Only a failure worth retrying
            // gets here, so sending again later is safe.
            tracing::debug!(?wait, %error, "no time left for another attempt");
            return Err(Error::Timeout {
                after: started.elapsed(),
                replay_safe: true,
            });
        }
        tracing::debug!(?wait, %error, "retrying");
        tokio::time::sleep(wait).await;
        Ok(())
    }
}

/// A timeout of this call; `sent` when a request may have reached the server.
fn timeout(started: Instant, call: &Call, sent: bool) -> Error {
    Error::Timeout {
        after: started.elapsed(),
        replay_safe: !sent || call.endpoint.idempotent,
    }
}

impl Inner {
    fn url(&self, call: &Call) -> String {
        if let Some(url) = &call.url {
            return url.clone();
        }
        let query_len = call.query.as_ref().map_or(0, |q| q.len() + 1);
        let mut url = String::with_capacity(self.base.len() + call.path.len() + query_len);
        url.push_str(&self.base);
        url.push_str(&call.path);
        if let Some(query) = &call.query {
            url.push('?');
            url.push_str(query);
        }
        url
    }

    /// Step 2: one attempt: send, then read the answer within the size limit.
    async fn attempt(
        &self,
        url: &str,
        call: &Call,
        token: Option<&AccessToken>,
        timeout: Option<Duration>,
        started: Instant,
    ) -> std::result::Result<Response, Failure> {
        let mut request = self.http.request(call.endpoint.method.clone(), url);
        if let Some(timeout) = timeout {
            request = request.timeout(timeout);
        }
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, token.header.clone());
        }
        for (name, value) in &call.headers {
            request = request.header(name, value);
        }
        if let Some(body) = &call.body {
            if !call
                .headers
                .iter()
                .any(|(name, _)| name == header::CONTENT_TYPE)
            {
                request = request.header(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                );
            }
            request = request.body(body.clone());
        }
        let mut response = request
            .send()
            .await
            .map_err(|e| transport(e, call, started))?;
        let status = response.status();
        if status.is_success() {
            let not_json = response
                .headers()
                .get(header::CONTENT_TYPE)
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
                .filter(|media| !is_json(media));
            let body = read_body(&mut response, self.max_response_bytes, true)
                .await
                .map_err(|e| match e {
                    ReadError::TooLarge => Failure::Final(Error::TooLarge {
                        limit: self.max_response_bytes,
                    }),
                    ReadError::Transport(e) => transport(e, call, started),
                })?;
            return Ok(Response {
                status,
                body,
                secret: call.endpoint.secret,
                not_json,
            });
        }
        let headers = std::mem::take(response.headers_mut());
        let body = read_body(&mut response, ERROR_BODY_LIMIT as u64, false)
            .await
            .unwrap_or_default();
        Err(Failure::Status {
            status,
            headers,
            body,
        })
    }
}

/// A failed send or read; a timeout reports how long the call had run. Only a failure to
/// connect is sure not to have reached the server.
fn transport(err: reqwest::Error, call: &Call, started: Instant) -> Failure {
    let sent = !err.is_connect();
    let error = if err.is_timeout() {
        timeout(started, call, sent)
    } else {
        Error::Transport {
            source: err.without_url(),
            replay_safe: !sent || call.endpoint.idempotent,
        }
    };
    Failure::Transport { error, sent }
}

/// A 401 that asks for MFA or SSO: a new token of the same kind would not help.
fn step_up_required(headers: &HeaderMap) -> bool {
    headers
        .get_all(WWW_AUTHENTICATE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("insufficient_user_authentication"))
}

fn rate_limited(error: Error, wait: Duration) -> Error {
    match error {
        Error::RateLimited { error, .. }
        | Error::Server(error)
        | Error::BadRequest(error)
        | Error::Unexpected(error) => Error::RateLimited {
            error,
            retry_after: Some(wait),
        },
        other => other,
    }
}

mod open;

#[cfg(test)]
mod tests;
