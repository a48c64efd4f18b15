//! The Project Activity area against upsun-mock, and waiting on activities: every verdict
//! (success, failure, cancelled, staged), the time limit, a call that starts several
//! activities, and payloads that never show in `Debug`.

mod log;

use std::time::Duration;

use upsun::environments::{BranchEnvironment, EnvironmentsApi};
use upsun::project_activity::ProjectActivityApi;
use upsun::projects::ProjectsApi;
use upsun::{ActivityState, FailureReason, ListActivities, PollPolicy, ProjectId, Verdict};
use upsun_mock::{Ending, NewProject};
use upsun_tests::{Mock, connect, mock};

async fn project() -> (Mock, upsun::Client, ProjectId) {
    let mock = mock().await;
    mock.projects().add(NewProject::new("p1"));
    let client = connect(&mock);
    (mock, client, ProjectId::from("p1"))
}

/// Polls fast, for a short while: the mock's clock is stepped by the tests.
fn quick() -> PollPolicy {
    PollPolicy::default()
        .initial_interval(Duration::from_millis(2))
        .max_interval(Duration::from_millis(5))
        .time_limit(Duration::from_millis(200))
}

async fn clear(client: &upsun::Client, project: &ProjectId) -> upsun::Accepted {
    client
        .action_projects_clear_build_cache(project)
        .await
        .unwrap()
}

#[tokio::test]
async fn activities_are_listed_newest_first_filtered_and_read_one_by_one() {
    let (mock, client, project) = project().await;
    clear(&client, &project).await;
    client.maintenance_redeploy_project(&project).await.unwrap();
    let all = client
        .list_projects_activities(&project, &ListActivities::new())
        .await
        .unwrap();
    let kinds: Vec<&str> = all.iter().map(|a| a.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "environment.maintenance_redeploy",
            "project.clear_build_cache"
        ]
    );
    let only = client
        .list_projects_activities(
            &project,
            &ListActivities::new().kind("project.clear_build_cache"),
        )
        .await
        .unwrap();
    assert_eq!(only.len(), 1);
    // Paging by `starts_at`: the activities created before the newest one.
    let older = ListActivities::new()
        .starts_at(all[0].created_at.unwrap())
        .count(1);
    let page = client
        .list_projects_activities(&project, &older)
        .await
        .unwrap();
    assert_eq!(page[0].id, all[1].id);
    mock.advance_clock(Duration::from_secs(60));
    let complete = ListActivities::new().state(ActivityState::Complete);
    assert_eq!(
        client
            .list_projects_activities(&project, &complete)
            .await
            .unwrap()
            .len(),
        2
    );

    let one = client
        .get_projects_activities(&project, &all[1].id)
        .await
        .unwrap();
    assert_eq!(one.state, ActivityState::Complete);
    assert_eq!(one.completion_percent, 100);
    assert!(
        one.log
            .unwrap()
            .contains("Finished project.clear_build_cache")
    );
}

#[tokio::test]
async fn waiting_ends_on_complete() {
    let (mock, client, project) = project().await;
    let accepted = clear(&client, &project).await;
    mock.advance_clock(Duration::from_secs(60));
    let verdict = accepted.wait(&client, &quick()).await.unwrap();
    assert!(verdict.is_success(), "{verdict:?}");
    assert_eq!(verdict.activity().unwrap().state, ActivityState::Complete);
}

#[tokio::test]
async fn waiting_ends_on_failure_with_its_reason() {
    let (mock, client, project) = project().await;
    mock.projects().script_activity("p1", Ending::Failure, None);
    let accepted = clear(&client, &project).await;
    mock.advance_clock(Duration::from_secs(60));
    let verdict = accepted.wait(&client, &quick()).await.unwrap();
    assert!(matches!(verdict, Verdict::Failure(_)), "{verdict:?}");
    assert_eq!(verdict.failure_reason(), Some(FailureReason::Shell));

    // `result: success` with a command that exited non-zero is a failure too.
    mock.projects()
        .script_activity("p1", Ending::SuccessWithFailedCommand, None);
    let accepted = clear(&client, &project).await;
    mock.advance_clock(Duration::from_secs(60));
    let verdict = accepted.wait(&client, &quick()).await.unwrap();
    assert!(matches!(verdict, Verdict::Failure(_)), "{verdict:?}");
}

#[tokio::test]
async fn waiting_ends_on_cancelled_and_on_staged() {
    let (mock, client, project) = project().await;
    mock.projects().script_activity("p1", Ending::Staged, None);
    let staged = clear(&client, &project).await;
    mock.advance_clock(Duration::from_secs(60));
    let verdict = staged.wait(&client, &quick()).await.unwrap();
    assert!(matches!(verdict, Verdict::Staged(_)), "{verdict:?}");

    // Cancelled from the handle while it runs.
    mock.projects().script_activity("p1", Ending::Never, None);
    let running = clear(&client, &project).await;
    let id = &running.activities[0].id;
    client
        .action_projects_activities_cancel(&project, id)
        .await
        .unwrap();
    let verdict = running.wait(&client, &quick()).await.unwrap();
    assert!(matches!(verdict, Verdict::Cancelled(_)), "{verdict:?}");
    // A finished activity cannot be cancelled again.
    assert!(client.cancel_activity(&project, id).await.is_err());
}

#[tokio::test]
async fn the_time_limit_ends_a_wait_that_never_finishes() {
    let (mock, client, project) = project().await;
    mock.projects().script_activity("p1", Ending::Never, None);
    let accepted = clear(&client, &project).await;
    mock.advance_clock(Duration::from_secs(5));
    let verdict = accepted.wait(&client, &quick()).await.unwrap();
    let Verdict::TimedOut(last) = &verdict else {
        panic!("{verdict:?}")
    };
    assert_eq!(last.state, ActivityState::InProgress);
}

#[tokio::test]
async fn a_call_that_starts_several_activities_waits_for_all_and_the_worst_wins() {
    let (mock, client, project) = project().await;
    let branch = BranchEnvironment::new("Login", "feature/login");
    client
        .branch_environment(&project, &"main".into(), &branch)
        .await
        .unwrap();
    mock.advance_clock(Duration::from_secs(60));
    mock.projects().script_activity("p1", Ending::Success, None);
    mock.projects().script_activity("p1", Ending::Failure, None);
    let accepted = client.maintenance_redeploy_project(&project).await.unwrap();
    assert_eq!(accepted.activities.len(), 2);
    mock.advance_clock(Duration::from_secs(60));
    let verdict = accepted.wait(&client, &quick()).await.unwrap();
    assert!(matches!(verdict, Verdict::Failure(_)), "{verdict:?}");
}

#[tokio::test]
async fn a_payload_never_shows_in_debug() {
    let (mock, client, project) = project().await;
    let secret = serde_json::json!({"database": {"password": "pw-very-secret"}});
    mock.projects()
        .script_activity_with_payload("p1", Ending::Success, secret);
    let accepted = clear(&client, &project).await;
    let activity = client
        .get_projects_activities(&project, &accepted.activities[0].id)
        .await
        .unwrap();
    assert!(!format!("{accepted:?}{activity:?}").contains("pw-very-secret"));
    assert_eq!(
        activity.payload.expose()["database"]["password"],
        "pw-very-secret"
    );
}

#[tokio::test]
async fn the_states_of_an_activity_stream_until_it_finishes() {
    use futures_util::StreamExt;
    let (mock, client, project) = project().await;
    let accepted = clear(&client, &project).await;
    let id = accepted.activities[0].id.clone();
    let policy = quick().time_limit(Duration::from_secs(5));
    let states = client.activity_states(&project, &id, &policy);
    let mut states = std::pin::pin!(states);
    let first = states.next().await.unwrap().unwrap();
    assert_eq!(first.state, ActivityState::Pending);
    mock.advance_clock(Duration::from_millis(1500));
    let second = states.next().await.unwrap().unwrap();
    assert_eq!(second.state, ActivityState::InProgress);
    assert_eq!(second.completion_percent, 20);
    mock.advance_clock(Duration::from_secs(60));
    let last = states.next().await.unwrap().unwrap();
    assert_eq!(last.state, ActivityState::Complete);
    assert!(states.next().await.is_none());
}

#[tokio::test]
async fn an_activity_list_pages_by_starts_at_as_a_stream() {
    use futures_util::TryStreamExt;
    let (_mock, client, project) = project().await;
    for _ in 0..5 {
        clear(&client, &project).await;
    }
    let query = ListActivities::new().count(2);
    let all: Vec<_> = client
        .activity_stream(&project, None, &query)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 5);
    let mut ids: Vec<_> = all.iter().map(|a| a.id.clone()).collect();
    ids.dedup();
    assert_eq!(ids.len(), 5, "no activity twice");
    assert!(all.windows(2).all(|w| w[0].created_at > w[1].created_at));
}

#[tokio::test]
async fn without_embedded_the_started_activity_is_found_in_the_list() {
    let (mock, client, project) = project().await;
    mock.projects().add(NewProject::new("p1"));
    mock.projects().answer_without_embedded("p1");
    client
        .redeploy_environment(&project, &"main".into())
        .await
        .unwrap();
    let started = upsun::Started::new(project.clone(), "main", "environment.redeploy")
        .since(mock.now() - chrono::TimeDelta::milliseconds(1));
    let accepted = client
        .redeploy_environment(&project, &"main".into())
        .await
        .unwrap();
    assert!(accepted.activities.is_empty());
    let found = accepted.or_find(&client, &started).await.unwrap();
    let [activity] = &found.activities[..] else {
        panic!("{found:?}")
    };
    assert_eq!(activity.kind, "environment.redeploy");
    // The newest one: the second redeploy.
    let all = client
        .list_projects_activities(&project, &ListActivities::new())
        .await
        .unwrap();
    assert_eq!(activity.id, all[0].id);
    mock.advance_clock(Duration::from_secs(60));
    assert!(found.wait(&client, &quick()).await.unwrap().is_success());
}

#[tokio::test]
async fn a_handle_is_awaited_refreshed_and_cancelled() {
    let (mock, client, project) = project().await;
    mock.projects().script_activity("p1", Ending::Never, None);
    let accepted = clear(&client, &project).await;
    let [handle] = &accepted.handles(&client)[..] else {
        panic!("{accepted:?}")
    };
    assert_eq!(
        handle.refresh().await.unwrap().state,
        ActivityState::Pending
    );
    handle.cancel().await.unwrap();
    let verdict = handle.clone().policy(quick()).await.unwrap();
    assert!(matches!(verdict, Verdict::Cancelled(_)), "{verdict:?}");
    let done = clear(&client, &project).await;
    mock.advance_clock(Duration::from_secs(60));
    let id = done.activities[0].id.clone();
    let verdict = client
        .activity(&project, &id)
        .policy(quick())
        .await
        .unwrap();
    assert!(verdict.is_success(), "{verdict:?}");
}

#[tokio::test]
async fn activities_an_integration_started_are_waited_for_last() {
    let (mock, client, project) = project().await;
    let branch = BranchEnvironment::new("Login", "feature/login");
    client
        .branch_environment(&project, &"main".into(), &branch)
        .await
        .unwrap();
    mock.advance_clock(Duration::from_secs(60));
    mock.projects().script_integration_activity("p1", "github");
    let accepted = client.maintenance_redeploy_project(&project).await.unwrap();
    let first = &accepted.activities[0];
    assert_eq!(first.integration.as_deref(), Some("github"));
    mock.advance_clock(Duration::from_secs(60));
    mock.clear_requests();
    assert!(accepted.wait(&client, &quick()).await.unwrap().is_success());
    let polled: Vec<String> = mock.requests().into_iter().map(|r| r.path).collect();
    let own = format!("/projects/p1/activities/{}", accepted.activities[1].id);
    let integration = format!("/projects/p1/activities/{}", first.id);
    assert_eq!(polled, [own, integration]);
}
