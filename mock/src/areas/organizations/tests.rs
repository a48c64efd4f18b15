//! The organization routes over real HTTP: content types, statuses and links as a client of
//! any language sees them.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{MockServer, NewOrganization};

/// `(status, content type, JSON body)` of a request with the seeded user's token.
async fn call(
    mock: &MockServer,
    method: Method,
    target: &str,
    body: Option<Value>,
) -> (StatusCode, String, Value) {
    let mut request = reqwest::Client::new()
        .request(method, format!("{}{target}", mock.base_url()))
        .bearer_auth(mock.access_token());
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let bytes = response.bytes().await.unwrap();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap()
    };
    (status, content_type, body)
}

#[tokio::test]
async fn errors_are_problem_json_with_the_apis_error_field() {
    let mock = MockServer::start().await;
    let (status, content_type, body) =
        call(&mock, Method::GET, "/organizations/01NOPE", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(content_type, "application/problem+json");
    assert_eq!(
        body,
        json!({
            "type": "about:blank",
            "title": "Not Found",
            "status": 404,
            "detail": "no organization \"01NOPE\"",
            "error": "no organization \"01NOPE\"",
        })
    );
    let (status, content_type, body) = call(
        &mock,
        Method::GET,
        "/organizations?filter[colour][eq]=red",
        None,
    )
    .await;
    assert_eq!(
        (status, content_type.as_str()),
        (StatusCode::BAD_REQUEST, "application/problem+json")
    );
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("`filter[colour][eq]`"),
        "{body}"
    );
    assert_eq!(body["error"], body["detail"]);
}

#[tokio::test]
async fn create_is_201_with_absolute_links_and_delete_is_204() {
    let mock = MockServer::start().await;
    let (status, _, org) = call(
        &mock,
        Method::POST,
        "/organizations",
        Some(json!({"label": "Acme"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(org["name"], "acme");
    let href = format!(
        "{}/organizations/{}",
        mock.base_url(),
        org["id"].as_str().unwrap()
    );
    assert_eq!(org["_links"]["self"]["href"], href);
    assert_eq!(org["_links"]["update"]["method"], "PATCH");
    let target = format!("/organizations/{}", org["id"].as_str().unwrap());
    let (status, _, body) = call(&mock, Method::DELETE, &target, None).await;
    assert_eq!((status, body), (StatusCode::NO_CONTENT, Value::Null));
}

#[tokio::test]
async fn a_body_that_is_not_json_is_415() {
    let mock = MockServer::start().await;
    let response = reqwest::Client::new()
        .post(format!("{}/organizations", mock.base_url()))
        .bearer_auth(mock.access_token())
        .header("content-type", "text/plain")
        .body("label=Acme")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn next_links_keep_the_query_and_carry_an_opaque_cursor() {
    let mock = MockServer::start().await;
    for name in ["a1", "a2", "a3", "b1"] {
        mock.organizations().add(NewOrganization::new(name));
    }
    let (_, _, page) = call(
        &mock,
        Method::GET,
        "/organizations?filter[name][starts]=a&page[size]=2",
        None,
    )
    .await;
    assert_eq!(page["count"], 3);
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    let next = page["_links"]["next"]["href"].as_str().unwrap();
    let prefix = format!(
        "{}/organizations?filter[name][starts]=a&page[size]=2&page[after]=",
        mock.base_url()
    );
    assert!(next.starts_with(&prefix), "{next}");
    let cursor = &next[prefix.len()..];
    assert!(
        !cursor.contains("a2") && !cursor.is_empty(),
        "opaque: {cursor}"
    );
    assert!(page["_links"].get("previous").is_none());

    let target = next.strip_prefix(mock.base_url()).unwrap();
    let (_, _, second) = call(&mock, Method::GET, target, None).await;
    assert_eq!(second["items"][0]["name"], "a3");
    assert!(second["_links"].get("next").is_none());
    assert!(
        second["_links"]["previous"]["href"]
            .as_str()
            .unwrap()
            .contains("page[before]=")
    );
}

#[tokio::test]
async fn mfa_routes_answer_the_plain_error_schema() {
    let mock = MockServer::start().await;
    let (status, content_type, body) = call(
        &mock,
        Method::POST,
        "/organizations/01NOPE/mfa-enforcement/enable",
        None,
    )
    .await;
    assert_eq!(
        (status, content_type.as_str()),
        (StatusCode::NOT_FOUND, "application/json")
    );
    assert_eq!(body, json!({"error": "no organization \"01NOPE\""}));
    let org = mock.organizations().add(NewOrganization::new("acme"));
    let target = format!("/organizations/{}/mfa/remind", org.id);
    let (status, _, body) = call(
        &mock,
        Method::POST,
        &target,
        Some(json!({"user_ids": ["nope"]})),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["error"].as_str().unwrap().contains("`user_ids`"),
        "{body}"
    );
}

#[tokio::test]
async fn listing_an_unknown_users_organizations_is_404() {
    let mock = MockServer::start().await;
    let (status, _, _) = call(&mock, Method::GET, "/users/not-a-uuid/organizations", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
