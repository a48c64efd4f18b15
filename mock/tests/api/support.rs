//! Small helpers over reqwest: every call answers `(status, JSON body, headers)`.

use reqwest::header::HeaderMap;
use serde_json::Value;
use upsun_mock::MockServer;

/// What the mock answered.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: Value,
    pub headers: HeaderMap,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    /// The `error` field of an error body.
    pub fn error(&self) -> &str {
        self.body["error"]
            .as_str()
            .unwrap_or_else(|| panic!("no `error` in {self:?}"))
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::new()
}

async fn answer(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.expect("the mock answers");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.expect("a complete body");
    let body = serde_json::from_slice(&bytes)
        .unwrap_or_else(|err| panic!("a JSON body ({err}): {:?}", String::from_utf8_lossy(&bytes)));
    Answer {
        status,
        body,
        headers,
    }
}

/// `GET path` with an optional bearer token.
pub async fn get(mock: &MockServer, path: &str, token: Option<&str>) -> Answer {
    let mut request = client().get(format!("{}{path}", mock.base_url()));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    answer(request).await
}

/// `PATCH path` with a raw JSON body.
pub async fn patch(mock: &MockServer, path: &str, token: &str, body: &str) -> Answer {
    let request = client()
        .patch(format!("{}{path}", mock.base_url()))
        .bearer_auth(token)
        .header("Content-Type", "application/json")
        .body(body.to_owned());
    answer(request).await
}

/// `POST /oauth2/token` with a form, authenticated as `platform-api-user`.
pub async fn exchange(mock: &MockServer, form: &[(&str, &str)]) -> Answer {
    exchange_as(mock, Some(("platform-api-user", "")), form).await
}

/// `POST /oauth2/token` with a form and any (or no) Basic credentials.
pub async fn exchange_as(
    mock: &MockServer,
    basic: Option<(&str, &str)>,
    form: &[(&str, &str)],
) -> Answer {
    let body = form
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect::<Vec<_>>()
        .join("&");
    let mut request = client()
        .post(format!("{}/oauth2/token", mock.base_url()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body);
    if let Some((user, password)) = basic {
        request = request.basic_auth(user, Some(password));
    }
    answer(request).await
}

/// Exchanges the seeded user's API token; answers the token response.
pub async fn exchange_api_token(mock: &MockServer) -> Answer {
    exchange(
        mock,
        &[("grant_type", "api_token"), ("api_token", mock.api_token())],
    )
    .await
}
