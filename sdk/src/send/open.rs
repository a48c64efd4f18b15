//! The streaming read path: one request whose answer is handed back unread, for bodies that
//! must not be buffered whole (an activity's log). Credentials are those of every call; there
//! are no retries here (the caller resumes), and an error answer is read within the usual cap.

use reqwest::header;

use super::{Deadline, Next};
use crate::__private::Call;
use crate::body::read_body;
use crate::client::Client;
use crate::error::{ERROR_BODY_LIMIT, Error, Result};

impl Client {
    /// Sends `call` once and answers the response with its body unread, if it is a success;
    /// `timeout` bounds the whole answer (`None`: only the connect timeout applies).
    pub(crate) async fn open(
        &self,
        call: Call,
        timeout: Option<std::time::Duration>,
    ) -> Result<reqwest::Response> {
        if let Some(err) = call.error {
            return Err(err);
        }
        let started = tokio::time::Instant::now();
        let token = match self.credentials(Deadline(None), started, &call).await {
            Ok(token) => token,
            Err(Next::Fail(error) | Next::Retry { error, .. }) => return Err(error),
            Err(Next::Replay) => None,
        };
        let inner = &*self.inner;
        let url = inner.url(&call);
        let mut request = inner.http.request(call.endpoint.method.clone(), &url);
        // Streams outlive the per-attempt timeout of ordinary calls.
        request = request.timeout(timeout.unwrap_or(std::time::Duration::from_secs(86_400)));
        if let Some(token) = &token {
            request = request.header(header::AUTHORIZATION, token.header.clone());
        }
        let mut response = request.send().await.map_err(|e| Error::Transport {
            source: e.without_url(),
            replay_safe: true,
        })?;
        let status = response.status();
        if status.is_success() {
            return Ok(response);
        }
        let content_type = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = read_body(&mut response, ERROR_BODY_LIMIT as u64, false)
            .await
            .unwrap_or_default();
        Err(Error::from_response(status, content_type.as_deref(), &body))
    }
}
