//! A hostile or long run: absurd durations, many requests, and racing writers.

use std::sync::Arc;
use std::time::Duration;

use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use upsun_mock::{MockServer, NewOrganization};

use crate::support::{client, exchange, exchange_api_token, get, patch};

const TEN_YEARS: u64 = 10 * 31_557_600;

#[tokio::test]
async fn huge_lifetimes_and_clock_advances_are_clamped_not_panics() {
    let mock = MockServer::builder()
        .access_token_lifetime(Duration::MAX)
        .start()
        .await
        .unwrap();
    assert_eq!(mock.access_token_lifetime(), Duration::from_secs(TEN_YEARS));
    let answer = exchange_api_token(&mock).await;
    assert_eq!(answer.body["expires_in"], TEN_YEARS);
    assert!(answer.body["expires_in"].as_u64().unwrap() <= u64::from(u32::MAX));

    let before = mock.now();
    mock.advance_clock(Duration::MAX);
    mock.advance_clock(Duration::MAX);
    let moved = mock.now() - before;
    assert!(moved.num_days() >= 2 * 3652 && moved.num_days() <= 2 * 3653 + 1);

    // Everything that reads the clock still works, twenty years on.
    let token = mock.issue_access_token(mock.user_id()).unwrap();
    let path = format!("/users/{}", mock.user_id());
    let updated = patch(&mock, &path, &token, r#"{"company": "Later"}"#).await;
    assert_eq!(updated.status, 200, "{updated:?}");
    let created = client()
        .post(format!("{}/organizations", mock.base_url()))
        .bearer_auth(&token)
        .json(&json!({"label": "Future"}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let refreshed = exchange(
        &mock,
        &[
            ("grant_type", "refresh_token"),
            (
                "refresh_token",
                answer.body["refresh_token"].as_str().unwrap(),
            ),
        ],
    )
    .await;
    assert_eq!(refreshed.status, 200);
    for _ in 0..150 {
        mock.advance_clock(Duration::MAX);
    }
    assert_eq!(get(&mock, "/users/me", Some(&token)).await.status, 401);
    assert_eq!(exchange_api_token(&mock).await.status, 200);
}

#[tokio::test]
async fn the_journal_keeps_the_newest_requests_and_counts_the_dropped_ones() {
    let mock = MockServer::start().await;
    let extra = 25;
    let total = upsun_mock::JOURNAL_CAPACITY + extra;
    // Pipelined on one connection: much faster than one client call per request.
    let stream = TcpStream::connect(mock.addr()).await.unwrap();
    let (mut reader, mut writer) = stream.into_split();
    let writing = tokio::spawn(async move {
        let mut batch = String::new();
        for i in 0..total {
            let close = if i + 1 == total {
                "Connection: close\r\n"
            } else {
                ""
            };
            batch.push_str(&format!("GET /n/{i} HTTP/1.1\r\nHost: mock\r\n{close}\r\n"));
        }
        writer.write_all(batch.as_bytes()).await.unwrap();
        // Half-closing is fine: the mock still answers everything it read.
        writer.shutdown().await.unwrap();
    });
    let mut answers = Vec::new();
    reader.read_to_end(&mut answers).await.unwrap();
    writing.await.unwrap();
    let answered = answers.windows(12).filter(|w| w == b"HTTP/1.1 404").count();
    assert_eq!(answered, total);
    let requests = mock.requests();
    assert_eq!(requests.len(), upsun_mock::JOURNAL_CAPACITY);
    assert_eq!(requests[0].path, format!("/n/{extra}"));
    assert_eq!(mock.dropped_requests(), extra as u64);
    mock.clear_requests();
    assert_eq!(
        mock.dropped_requests(),
        extra as u64,
        "clearing is not dropping"
    );
}

/// Many tasks create API tokens and delete each one twice at once, on several threads.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn racing_creates_and_deletes_of_api_tokens_stay_consistent() {
    let mock = Arc::new(MockServer::start().await);
    let base = format!("{}/users/{}/api-tokens", mock.base_url(), mock.user_id());
    let mut tasks = Vec::new();
    for i in 0..40 {
        let (mock, base) = (mock.clone(), base.clone());
        tasks.push(tokio::spawn(async move {
            let http = client();
            let created = http
                .post(&base)
                .bearer_auth(mock.access_token())
                .json(&json!({"name": format!("token-{i}")}))
                .send()
                .await
                .unwrap();
            assert_eq!(created.status(), 201);
            let created: serde_json::Value = created.json().await.unwrap();
            let target = format!("{base}/{}", created["id"].as_str().unwrap());
            let delete = || http.delete(&target).bearer_auth(mock.access_token()).send();
            let (first, second) = tokio::join!(delete(), delete());
            let mut statuses = [first.unwrap().status(), second.unwrap().status()];
            statuses.sort();
            assert_eq!(statuses.map(|s| s.as_u16()), [204, 404]);
            created["token"].as_str().unwrap().to_owned()
        }));
    }
    let mut secrets = Vec::new();
    for task in tasks {
        secrets.push(task.await.expect("no task panicked"));
    }
    assert!(mock.api_tokens().names(mock.user_id()).is_empty());
    assert_eq!(mock.api_tokens().count(), 0);
    let listed = get(
        &mock,
        &format!("/users/{}/api-tokens", mock.user_id()),
        Some(mock.access_token()),
    )
    .await;
    assert_eq!(listed.body, json!([]));
    for secret in &secrets[..5] {
        let answer = exchange(&mock, &[("grant_type", "api_token"), ("api_token", secret)]).await;
        assert_eq!(answer.status, 400, "a deleted token no longer signs in");
    }
}

/// Many tasks create an organization of the same name at once, then delete it at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn racing_creates_and_deletes_of_one_organization_stay_consistent() {
    let mock = Arc::new(MockServer::start().await);
    let send = |method: reqwest::Method, path: String, body: Option<serde_json::Value>| {
        let mock = mock.clone();
        tokio::spawn(async move {
            let mut request = client()
                .request(method, format!("{}{path}", mock.base_url()))
                .bearer_auth(mock.access_token());
            if let Some(body) = body {
                request = request.json(&body);
            }
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            let body = response.bytes().await.unwrap();
            (status, body)
        })
    };
    let creates: Vec<_> = (0..30)
        .map(|_| {
            let body = json!({"label": "Race", "name": "race"});
            send(reqwest::Method::POST, "/organizations".into(), Some(body))
        })
        .collect();
    let mut created = Vec::new();
    for task in creates {
        let (status, body) = task.await.expect("no task panicked");
        match status {
            201 => created.push(serde_json::from_slice::<serde_json::Value>(&body).unwrap()),
            409 => {}
            other => panic!("unexpected {other}: {body:?}"),
        }
    }
    assert_eq!(created.len(), 1, "exactly one create wins the name");
    let id = created[0]["id"].as_str().unwrap().to_owned();
    let deletes: Vec<_> = (0..30)
        .map(|_| {
            send(
                reqwest::Method::DELETE,
                format!("/organizations/{id}"),
                None,
            )
        })
        .collect();
    let mut statuses = Vec::new();
    for task in deletes {
        statuses.push(task.await.expect("no task panicked").0);
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 204).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 204 || *s == 404),
        "{statuses:?}"
    );

    let all = mock.organizations().all();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].status, upsun_mock::OrganizationStatus::Deleted);
    // The name is free again, and the store still answers.
    mock.organizations().add(NewOrganization::new("race"));
    let listed = get(&mock, "/organizations", Some(mock.access_token())).await;
    assert_eq!(listed.body["count"], 1);
}

/// Uploads and deletes of one user's picture at once: the user's `picture` and the stored
/// file always agree.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn racing_uploads_and_deletes_of_a_picture_stay_consistent() {
    let mock = Arc::new(MockServer::start().await);
    let target = format!("{}/profile/{}/picture", mock.base_url(), mock.user_id());
    let form = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"me.png\"\r\n\
                Content-Type: image/png\r\n\r\n\x7fPNG\r\n--b--\r\n";
    let mut tasks = Vec::new();
    for i in 0..60 {
        let (mock, target) = (mock.clone(), target.clone());
        tasks.push(tokio::spawn(async move {
            let request = if i % 2 == 0 {
                client()
                    .post(&target)
                    .header("Content-Type", "multipart/form-data; boundary=b")
                    .body(form)
            } else {
                client().delete(&target)
            };
            let response = request
                .bearer_auth(mock.access_token())
                .send()
                .await
                .unwrap();
            assert!(response.status().is_success(), "{}", response.status());
        }));
    }
    for task in tasks {
        task.await.expect("no task panicked");
    }
    let picture = mock.users().get(mock.user_id()).unwrap().picture;
    match mock.profiles().picture(mock.user_id()) {
        Some((content_type, _)) => {
            assert_eq!(content_type, "image/png");
            assert!(picture.ends_with("/picture/me.png"), "{picture}");
        }
        None => assert_eq!(picture, upsun_mock::DEFAULT_PICTURE),
    }
}
