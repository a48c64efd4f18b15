//! The area over real HTTP, for what an SDK never sends: bodies of the wrong type, a raw form,
//! no token, and the served picture.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use serde_json::Value;

use crate::MockServer;

async fn post_form(mock: &MockServer, content_type: &str, body: &'static str) -> (u16, Value) {
    let response = reqwest::Client::new()
        .post(format!(
            "{}/profile/{}/picture",
            mock.base_url(),
            mock.user_id()
        ))
        .bearer_auth(mock.access_token())
        .header("Content-Type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

#[tokio::test]
async fn an_upload_must_be_a_multipart_form_with_a_boundary() {
    let mock = MockServer::start().await;
    let (status, body) = post_form(&mock, "application/json", "{}").await;
    assert_eq!(status, 415, "{body}");
    assert!(
        body["error"]
            .as_str()
            .unwrap()
            .contains("multipart/form-data"),
        "{body}"
    );
    let (status, body) = post_form(&mock, "multipart/form-data", "").await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("boundary"),
        "{body}"
    );
    let (status, body) = post_form(&mock, "multipart/form-data; boundary=b", "--b\r\nx").await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("malformed"),
        "{body}"
    );
    assert_eq!(mock.profiles().picture(mock.user_id()), None);
}

#[tokio::test]
async fn a_raw_form_is_stored_and_its_picture_served_at_the_url() {
    let mock = MockServer::start().await;
    let form = "--XX\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nignored\r\n\
                --XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\pics\\\\my face.gif\"\r\n\
                Content-Type: image/gif\r\n\r\nGIF89a\r\n--XX--\r\n";
    let (status, body) = post_form(&mock, "multipart/form-data; boundary=\"XX\"", form).await;
    assert_eq!(status, 200, "{body}");
    let url = body["url"].as_str().unwrap();
    assert_eq!(
        url,
        format!("/profile/{}/picture/my%20face.gif", mock.user_id())
    );
    let stored = mock.profiles().picture(mock.user_id()).unwrap();
    assert_eq!(
        (stored.0.as_str(), &stored.1[..]),
        ("image/gif", &b"GIF89a"[..])
    );

    // Pictures are public: no token needed.
    let response = reqwest::get(format!("{}{url}", mock.base_url()))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/gif");
    assert_eq!(&response.bytes().await.unwrap()[..], b"GIF89a");
    let other = format!(
        "{}/profile/{}/picture/else.gif",
        mock.base_url(),
        mock.user_id()
    );
    assert_eq!(reqwest::get(other).await.unwrap().status(), 404);
}

#[tokio::test]
async fn every_route_needs_a_token() {
    let mock = MockServer::start().await;
    let id = mock.user_id();
    let client = reqwest::Client::new();
    let base = mock.base_url();
    for request in [
        client.get(format!("{base}/profiles")),
        client.get(format!("{base}/profiles/{id}")),
        client.patch(format!("{base}/profiles/{id}")),
        client.get(format!("{base}/profiles/{id}/address")),
        client.patch(format!("{base}/profiles/{id}/address")),
        client.post(format!("{base}/profile/{id}/picture")),
        client.delete(format!("{base}/profile/{id}/picture")),
    ] {
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 401, "{}", response.url());
    }
}

#[tokio::test]
async fn updates_must_be_json() {
    let mock = MockServer::start().await;
    let client = reqwest::Client::new();
    for path in ["", "/address"] {
        let response = client
            .patch(format!(
                "{}/profiles/{}{path}",
                mock.base_url(),
                mock.user_id()
            ))
            .bearer_auth(mock.access_token())
            .header("Content-Type", "text/plain")
            .body("{}")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 415, "{path}");
    }
}
