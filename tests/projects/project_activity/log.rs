//! An activity's log against upsun-mock: read live up to the seal, resumed after a dropped
//! connection with no line twice, on the client's origin whatever host the link names, and
//! from the `log` field when there is no link.

use std::time::Duration;

use futures_util::TryStreamExt;
use upsun::projects::ProjectsApi;
use upsun::{Activity, LogLine, PollPolicy, ProjectId};
use upsun_mock::{Ending, NewProject};
use upsun_tests::{Mock, connect, mock};

fn lines(n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("line {i}")).collect()
}

fn messages(log: &[LogLine]) -> Vec<&str> {
    log.iter().map(|l| l.message.as_str()).collect()
}

async fn started(mock: &Mock, client: &upsun::Client, n: usize) -> Activity {
    mock.projects()
        .script_activity("p1", Ending::Success, Some(lines(n)));
    let accepted = client
        .action_projects_clear_build_cache(&ProjectId::from("p1"))
        .await
        .unwrap();
    accepted.activities[0].clone()
}

fn policy() -> PollPolicy {
    PollPolicy::default()
        .initial_interval(Duration::from_millis(5))
        .time_limit(Duration::from_secs(10))
}

#[tokio::test]
async fn the_log_is_read_as_it_is_written_up_to_the_seal() {
    let mock = mock().await;
    mock.projects().add(NewProject::new("p1"));
    let client = connect(&mock);
    let activity = started(&mock, &client, 3).await;
    let log = client.activity_log(&activity, &policy());
    let mut log = std::pin::pin!(log);
    // Nothing is written while the activity is pending; then one line a second.
    mock.advance_clock(Duration::from_millis(1100));
    let first = log.try_next().await.unwrap().unwrap();
    assert_eq!(first.message, "line 1");
    assert!(first.id.is_some() && first.timestamp.is_some());
    mock.advance_clock(Duration::from_secs(60));
    let rest: Vec<LogLine> = log.try_collect().await.unwrap();
    assert_eq!(messages(&rest), ["line 2", "line 3"]);
}

#[tokio::test]
async fn a_dropped_connection_is_resumed_without_a_line_twice() {
    let mock = mock().await;
    mock.projects().add(NewProject::new("p1"));
    let client = connect(&mock);
    let activity = started(&mock, &client, 5).await;
    mock.advance_clock(Duration::from_secs(60));
    mock.projects().cut_log_after("p1", 2);
    let log: Vec<LogLine> = client
        .activity_log(&activity, &policy())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        messages(&log),
        ["line 1", "line 2", "line 3", "line 4", "line 5"]
    );
    let reads: Vec<String> = mock
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with("/log"))
        .map(|r| r.query.unwrap_or_default())
        .collect();
    assert_eq!(reads.len(), 2, "{reads:?}");
    assert!(reads[1].starts_with("start_at="), "{reads:?}");
}

#[tokio::test]
async fn the_link_is_followed_on_the_clients_origin_whatever_host_it_names() {
    let mock = mock().await;
    mock.projects().add(NewProject::new("p1"));
    let client = connect(&mock);
    let activity = started(&mock, &client, 2).await;
    mock.advance_clock(Duration::from_secs(60));
    let mut json = serde_json::to_value(&activity).unwrap();
    let path = format!("/projects/p1/activities/{}/log", activity.id);
    json["_links"]["log"]["href"] = format!("https://elsewhere.example{path}").into();
    let moved: Activity = serde_json::from_value(json).unwrap();
    let log: Vec<LogLine> = client
        .activity_log(&moved, &policy())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(messages(&log), ["line 1", "line 2"]);
    assert_eq!(mock.requests().pop().unwrap().path, path);
}

#[tokio::test]
async fn without_a_link_the_log_field_is_read() {
    let mock = mock().await;
    let client = connect(&mock);
    let activity: Activity = serde_json::from_value(serde_json::json!({
        "id": "a1", "state": "complete", "log": "built\ndeployed"
    }))
    .unwrap();
    let log: Vec<LogLine> = client
        .activity_log(&activity, &policy())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(messages(&log), ["built", "deployed"]);
    assert!(mock.requests().is_empty());
}
