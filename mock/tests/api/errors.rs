//! Every error answer carries the API's `error` string, whatever the area and the status.

use serde_json::json;
use upsun_mock::{DEFAULT_PICTURE, MockServer, NewUser};

use crate::support::client;

#[tokio::test]
async fn every_error_body_has_an_error_string() {
    let mock = MockServer::start().await;
    let grace = mock.users().add(NewUser::new("grace"));
    let me = mock.user_id();
    let other = grace.user.id;
    let cases: &[(&str, String, Option<serde_json::Value>, u16)] = &[
        ("GET", "/users/me".into(), None, 401),
        ("GET", format!("/users/{other}"), None, 403),
        ("GET", "/users/username=nobody".into(), None, 404),
        ("PUT", "/users/me".into(), None, 405),
        ("GET", "/nowhere".into(), None, 404),
        (
            "PATCH",
            format!("/users/{me}"),
            Some(json!({"country": 1})),
            400,
        ),
        ("GET", format!("/users/{me}/api-tokens/nope"), None, 404),
        (
            "DELETE",
            format!("/users/{me}/connections/acme-inc-oidc"),
            None,
            403,
        ),
        (
            "POST",
            format!("/users/{me}/phonenumber"),
            Some(json!({})),
            400,
        ),
        ("POST", format!("/users/{me}/codes"), None, 404),
        ("GET", "/organizations/nope".into(), None, 404),
        ("POST", "/organizations".into(), Some(json!({})), 400),
        ("GET", "/organizations/nope/profile".into(), None, 404),
        ("POST", "/organizations/nope/mfa/remind".into(), None, 404),
        ("GET", format!("/profiles/{other}"), None, 403),
        ("POST", "/oauth2/token".into(), None, 401),
    ];
    for (method, path, body, status) in cases {
        let mut request = client().request(
            method.parse().unwrap(),
            format!("{}{path}", mock.base_url()),
        );
        if *status != 401 {
            request = request.bearer_auth(mock.access_token());
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status().as_u16(), *status, "{method} {path}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert!(
            body["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{method} {path}: {body}"
        );
    }
}

#[tokio::test]
async fn a_picture_is_never_empty() {
    let mock = MockServer::start().await;
    let grace = mock.users().add(NewUser::new("grace"));
    assert_eq!(grace.user.picture, DEFAULT_PICTURE);
    let blank = mock.users().add(NewUser::new("blank").picture(""));
    assert_eq!(blank.user.picture, DEFAULT_PICTURE);

    let id = mock.user_id();
    let deleted = client()
        .delete(format!("{}/profile/{id}/picture", mock.base_url()))
        .bearer_auth(mock.access_token())
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
    assert_eq!(mock.users().get(id).unwrap().picture, DEFAULT_PICTURE);
    for path in [
        format!("/users/{id}"),
        format!("/profiles/{id}"),
        "/me".into(),
    ] {
        let body: serde_json::Value = client()
            .get(format!("{}{path}", mock.base_url()))
            .bearer_auth(mock.access_token())
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(body["picture"], DEFAULT_PICTURE, "{path}");
    }
}
