//! The one send path every endpoint goes through: credentials, attempts, retries, deadlines,
//! size limits and the tracing span.

use std::time::Duration;

use bytes::{Bytes, BytesMut};
use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap, HeaderValue, WWW_AUTHENTICATE};
use serde::de::DeserializeOwned;
use tokio::time::Instant;
use tracing::Instrument as _;

use crate::__private::Call;
use crate::auth::AccessToken;
use crate::client::{Client, Inner};
use crate::error::{self, ApiError, ERROR_BODY_LIMIT, Error, Result};
use crate::retry;

/// A successful answer, read whole.
#[derive(Debug)]
pub(crate) struct Response {
    pub(crate) status: StatusCode,
    pub(crate) body: Bytes,
}

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
        let deadline = self.inner.call_timeout.map(|limit| started + limit);
        let result = self
            .attempts(&call, started, deadline, &span)
            .instrument(span.clone())
            .await;
        if !span.is_disabled() {
            span.record("latency_ms", started.elapsed().as_millis() as u64);
        }
        if let Err(err) = &result {
            tracing::debug!(parent: &span, error = %err, "call failed");
        }
        result
    }

    /// The attempts of one call. The call's deadline bounds each attempt (reqwest's own timeout
    /// is set to what is left), the token exchange, and every wait: no timer of its own is
    /// armed on the common path.
    async fn attempts(
        &self,
        call: &Call,
        started: Instant,
        deadline: Option<Instant>,
        span: &tracing::Span,
    ) -> Result<Response> {
        let inner = &*self.inner;
        let url = inner.url(call);
        let mut attempt = 0;
        let mut reauthenticated = false;
        loop {
            attempt += 1;
            span.record("attempt", attempt);
            let token = match inner.credentials.ready() {
                Some(token) => token,
                None => match deadline {
                    Some(deadline) => tokio::time::timeout_at(deadline, inner.credentials.token())
                        .await
                        .map_err(|_| Error::Timeout {
                            after: started.elapsed(),
                        })??,
                    None => inner.credentials.token().await?,
                },
            };
            // The client's own per-attempt timeout applies unless less time is left before the
            // call's deadline; only then does the request carry a shorter one (setting it on
            // every request costs allocations in reqwest).
            let timeout = match deadline {
                Some(deadline) => {
                    let now = if attempt == 1 {
                        started
                    } else {
                        Instant::now()
                    };
                    let left = deadline.saturating_duration_since(now);
                    if left.is_zero() {
                        return Err(Error::Timeout {
                            after: started.elapsed(),
                        });
                    }
                    (left < inner.attempt_timeout).then_some(left)
                }
                None => None,
            };
            let sent = inner.attempt(&url, call, token.as_deref(), timeout, started);
            let failure = match sent.await {
                Ok(response) => {
                    span.record("status", response.status.as_u16());
                    inner.budget.deposit();
                    return Ok(response);
                }
                Err(failure) => failure,
            };
            let (error, retryable, wait) = match failure {
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
                            return Err(Error::StepUpRequired(error));
                        }
                        // One replay with a fresh token, unless the token cannot be renewed.
                        if let Some(used) = &token {
                            if !reauthenticated && inner.credentials.invalidate(used) {
                                reauthenticated = true;
                                attempt -= 1;
                                continue;
                            }
                        }
                        return Err(Error::Unauthorized(error));
                    }
                    let wait = retry::retry_after(&headers);
                    let mut error = Error::from_response(status, content_type, &body);
                    if let Error::RateLimited { retry_after, .. } = &mut error {
                        *retry_after = wait;
                    }
                    let retryable = status == StatusCode::TOO_MANY_REQUESTS
                        || (call.endpoint.idempotent
                            && matches!(status.as_u16(), 500 | 502 | 503 | 504));
                    (error, retryable, wait)
                }
                Failure::Transport { error, sent } => {
                    (error, !sent || call.endpoint.idempotent, None)
                }
                Failure::Final(error) => return Err(error),
            };
            if !retryable {
                return Err(error);
            }
            if let Some(wait) = wait {
                let past_deadline = deadline.is_some_and(|d| Instant::now() + wait > d);
                if wait > inner.retry.max_retry_after || past_deadline {
                    return Err(rate_limited(error, wait));
                }
            }
            if attempt >= inner.retry.max_attempts || !inner.budget.withdraw() {
                return Err(error);
            }
            let wait = wait.unwrap_or_else(|| inner.retry.backoff(attempt));
            if deadline.is_some_and(|d| Instant::now() + wait > d) {
                return Err(error);
            }
            tracing::debug!(?wait, %error, "retrying");
            tokio::time::sleep(wait).await;
        }
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

    /// One attempt: send, then read the answer within the size limit.
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
            .map_err(|e| self.transport(e, started))?;
        let status = response.status();
        if status.is_success() {
            let body = read_body(&mut response, self.max_response_bytes, true)
                .await
                .map_err(|e| self.read_failure(e, started))?;
            return Ok(Response { status, body });
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

    /// A failed send or read; a timeout reports how long the call had run.
    fn transport(&self, err: reqwest::Error, started: Instant) -> Failure {
        let sent = !err.is_connect();
        let error = if err.is_timeout() {
            Error::Timeout {
                after: started.elapsed(),
            }
        } else {
            Error::Transport(err.without_url())
        };
        Failure::Transport { error, sent }
    }

    fn read_failure(&self, err: ReadError, started: Instant) -> Failure {
        match err {
            ReadError::TooLarge => Failure::Final(Error::TooLarge {
                limit: self.max_response_bytes,
            }),
            ReadError::Transport(e) => self.transport(e, started),
        }
    }
}

enum ReadError {
    TooLarge,
    Transport(reqwest::Error),
}

/// Reads a body up to `limit` bytes. With `strict`, more is an error (a `Content-Length` over
/// the limit is refused before reading a byte); without, the body is cut at the limit.
async fn read_body(
    response: &mut reqwest::Response,
    limit: u64,
    strict: bool,
) -> std::result::Result<Bytes, ReadError> {
    if strict && response.content_length().is_some_and(|len| len > limit) {
        return Err(ReadError::TooLarge);
    }
    let fits = |len: usize| len as u64 <= limit;
    // Most answers arrive in one chunk: keep it as it came, without a copy.
    let Some(first) = response.chunk().await.map_err(ReadError::Transport)? else {
        return Ok(Bytes::new());
    };
    let mut body = match response.chunk().await.map_err(ReadError::Transport)? {
        None if fits(first.len()) => return Ok(first),
        None => BytesMut::from(&first[..]),
        Some(second) => {
            let mut body = BytesMut::with_capacity(first.len() + second.len());
            body.extend_from_slice(&first);
            body.extend_from_slice(&second);
            body
        }
    };
    loop {
        if !fits(body.len()) {
            if strict {
                return Err(ReadError::TooLarge);
            }
            body.truncate(limit as usize);
            break;
        }
        match response.chunk().await.map_err(ReadError::Transport)? {
            Some(chunk) => body.extend_from_slice(&chunk),
            None => break,
        }
    }
    Ok(body.freeze())
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

impl Response {
    /// Decodes the body as `T`; an empty body decodes as JSON `null`, so `()` and `Option<_>`
    /// accept a 204, and `()` ignores any body.
    pub(crate) fn decode<T: DeserializeOwned + 'static>(self) -> Result<T> {
        let body: &[u8] = if self.body.iter().all(u8::is_ascii_whitespace)
            || std::any::TypeId::of::<T>() == std::any::TypeId::of::<()>()
        {
            b"null"
        } else {
            &self.body
        };
        serde_json::from_slice(body).map_err(|source| Error::Decode {
            status: self.status,
            expected: std::any::type_name::<T>(),
            snippet: error::snippet(&self.body),
            source,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_names_the_expected_type_and_shows_the_body() {
        let response = Response {
            status: StatusCode::OK,
            body: Bytes::from_static(b"{not json"),
        };
        let err = response.decode::<Vec<u32>>().unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("Vec<u32>") && text.contains("{not json"),
            "{text}"
        );
        let empty = Response {
            status: StatusCode::NO_CONTENT,
            body: Bytes::new(),
        };
        empty.decode::<()>().unwrap();
    }

    #[test]
    fn step_up_is_read_from_www_authenticate() {
        let mut headers = HeaderMap::new();
        headers.insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        assert!(!step_up_required(&headers));
        headers.append(
            WWW_AUTHENTICATE,
            HeaderValue::from_static(r#"Bearer error="insufficient_user_authentication""#),
        );
        assert!(step_up_required(&headers));
    }
}
