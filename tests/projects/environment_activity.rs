//! The Environment Activity area against upsun-mock: one environment's activities, read and
//! cancelled under an id that holds `/`.

use std::time::Duration;

use upsun::environment_activity::EnvironmentActivityApi;
use upsun::environments::{BranchEnvironment, EnvironmentsApi};
use upsun::{ActivityState, EnvironmentId, ListActivities, ProjectId};
use upsun_mock::{Ending, NewProject};
use upsun_tests::{connect, mock};

#[tokio::test]
async fn an_environments_activities_are_its_own() {
    let mock = mock().await;
    mock.projects().add(NewProject::new("p1"));
    let client = connect(&mock);
    let project = ProjectId::from("p1");
    let login = EnvironmentId::from("feature/login");
    let branch = BranchEnvironment::new("Login", login.as_str());
    client
        .branch_environment(&project, &"main".into(), &branch)
        .await
        .unwrap();
    mock.advance_clock(Duration::from_secs(60));
    mock.projects().script_activity("p1", Ending::Never, None);
    let pause = client.pause_environment(&project, &login).await.unwrap();
    client
        .redeploy_environment(&project, &"main".into())
        .await
        .unwrap();

    let mine = client
        .list_projects_environments_activities(&project, &login, &ListActivities::new())
        .await
        .unwrap();
    let kinds: Vec<&str> = mine.iter().map(|a| a.kind.as_str()).collect();
    assert_eq!(kinds, ["environment.pause", "environment.branch"]);
    assert!(
        mock.requests()
            .iter()
            .any(|r| r.path == "/projects/p1/environments/feature%2Flogin/activities")
    );

    let id = &pause.activities[0].id;
    mock.advance_clock(Duration::from_secs(2));
    let one = client
        .get_projects_environments_activities(&project, &login, id)
        .await
        .unwrap();
    assert_eq!(one.state, ActivityState::InProgress);
    client
        .action_projects_environments_activities_cancel(&project, &login, id)
        .await
        .unwrap();
    let one = client
        .get_projects_environments_activities(&project, &login, id)
        .await
        .unwrap();
    assert_eq!(one.state, ActivityState::Cancelled);
    // The pause did not happen: the environment is active again.
    assert_eq!(
        mock.projects()
            .environment_status("p1", "feature/login")
            .map(|s| s.as_str()),
        Some("active")
    );
    // Another environment's activity is not found here.
    let err = client
        .get_projects_environments_activities(&project, &"main".into(), id)
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
}
