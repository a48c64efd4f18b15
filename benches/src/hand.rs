//! `update_user` written by hand with reqwest: the baseline the declared endpoint is measured
//! against.
//!
//! Same reqwest build (one crate in the graph, same features), same client settings as
//! `upsun::ClientBuilder::build` (user agent, default `Accept`, no redirects, the same
//! timeouts), the same request on the wire (the `call` bench checks it byte for byte) and the
//! same decoding into [`upsun::users::User`]. What it leaves out is what the sdk adds around the
//! request: the call deadline, retries, the tracing span and the response size limit.

use std::fmt;
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue};
use upsun::users::{UpdateUser, User};
use uuid::Uuid;

/// A reqwest client, its base URL and a ready `Authorization` value.
#[derive(Debug, Clone)]
pub struct HandClient {
    http: reqwest::Client,
    base: String,
    authorization: HeaderValue,
}

/// What can go wrong in [`HandClient::update_user`].
#[derive(Debug)]
pub enum HandError {
    /// Sending or reading failed.
    Http(reqwest::Error),
    /// The body did not serialize or the answer did not decode.
    Json(serde_json::Error),
    /// The server answered with a status that is not a success.
    Status(StatusCode),
    /// The token cannot be sent as a header.
    Token,
}

impl HandClient {
    /// A client for `base` (`http://127.0.0.1:PORT`) that sends `Authorization: Bearer <token>`.
    pub fn new(base: &str, token: &str) -> Result<HandClient, HandError> {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        let http = reqwest::Client::builder()
            .user_agent(upsun::USER_AGENT)
            .default_headers(headers)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(30))
            .connect_timeout(Duration::from_secs(10))
            .build()?;
        let mut authorization =
            HeaderValue::from_str(&format!("Bearer {token}")).map_err(|_| HandError::Token)?;
        authorization.set_sensitive(true);
        Ok(HandClient {
            http,
            base: base.trim_end_matches('/').to_owned(),
            authorization,
        })
    }

    /// `PATCH /users/{user_id}` with `update` as JSON, decoded as a [`User`].
    pub async fn update_user(&self, user_id: Uuid, update: &UpdateUser) -> Result<User, HandError> {
        let url = format!("{}/users/{user_id}", self.base);
        let body = serde_json::to_vec(update)?;
        let response = self
            .http
            .patch(url)
            .header(AUTHORIZATION, self.authorization.clone())
            .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
            .body(body)
            .send()
            .await?;
        let status = response.status();
        if !status.is_success() {
            return Err(HandError::Status(status));
        }
        let bytes = response.bytes().await?;
        Ok(serde_json::from_slice(&bytes)?)
    }
}

impl From<reqwest::Error> for HandError {
    fn from(err: reqwest::Error) -> Self {
        HandError::Http(err)
    }
}

impl From<serde_json::Error> for HandError {
    fn from(err: serde_json::Error) -> Self {
        HandError::Json(err)
    }
}

impl fmt::Display for HandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HandError::Http(err) => write!(f, "http: {err}"),
            HandError::Json(err) => write!(f, "json: {err}"),
            HandError::Status(status) => write!(f, "the server answered {status}"),
            HandError::Token => f.write_str("the token cannot be sent as a header"),
        }
    }
}

impl std::error::Error for HandError {}
