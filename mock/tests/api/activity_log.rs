//! The activity log route: chunked NDJSON, `start_at`, `max_items`, `max_delay`, and the seal.

use std::time::Duration;

use upsun_mock::{Ending, MockServer, NewProject};

async fn read(mock: &MockServer, url: &str) -> (String, Option<String>) {
    let response = reqwest::Client::new()
        .get(url)
        .bearer_auth(mock.access_token())
        .send()
        .await
        .unwrap();
    let chunked = response
        .headers()
        .get("transfer-encoding")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (response.text().await.unwrap(), chunked)
}

async fn activity(mock: &MockServer, lines: usize) -> String {
    let script = (1..=lines).map(|i| format!("line {i}")).collect();
    mock.projects()
        .script_activity("p1", Ending::Success, Some(script));
    let answer: serde_json::Value = reqwest::Client::new()
        .post(format!("{}/projects/p1/clear_build_cache", mock.base_url()))
        .bearer_auth(mock.access_token())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    answer["_embedded"]["activities"][0]["_links"]["log"]["href"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn the_log_streams_its_lines_then_the_seal_and_honours_its_query() {
    let mock = MockServer::start().await;
    mock.projects().add(NewProject::new("p1"));
    let log = activity(&mock, 3).await;
    mock.advance_clock(Duration::from_secs(60));

    let (body, chunked) = read(&mock, &log).await;
    assert_eq!(chunked.as_deref(), Some("chunked"));
    let items: Vec<serde_json::Value> = body
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(items.len(), 4, "{body}");
    assert_eq!(items[0]["data"]["message"], "line 1");
    assert_eq!(items[3], serde_json::json!({"seal": true}));

    // `max_items` stops early, without the seal.
    let (body, _) = read(&mock, &format!("{log}?max_items=2")).await;
    assert_eq!(body.lines().count(), 2, "{body}");
    assert!(!body.contains("seal"));

    // `start_at` starts at the lines written at or after it.
    let second = items[1]["data"]["timestamp"].as_str().unwrap();
    let (body, _) = read(&mock, &format!("{log}?start_at={second}")).await;
    let first: serde_json::Value = serde_json::from_str(body.lines().next().unwrap()).unwrap();
    assert_eq!(first["data"]["message"], "line 2");

    // `max_delay` ends an answer that has nothing new, without the seal.
    mock.set_clock_speed(0.0);
    let running = activity(&mock, 3).await;
    let (body, _) = read(&mock, &format!("{running}?max_delay=0.05")).await;
    assert!(body.is_empty(), "{body}");
}
