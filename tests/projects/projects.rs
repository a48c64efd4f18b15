//! The Project area against upsun-mock: reading a project and its capabilities, and the two
//! project-wide calls that start activities.

use upsun::projects::ProjectsApi;
use upsun::{ActivityState, ProjectId};
use upsun_mock::NewProject;
use upsun_tests::{connect, mock};

#[tokio::test]
async fn a_project_and_its_capabilities_are_read() {
    let mock = mock().await;
    mock.projects().add(NewProject::new("p1").title("Shop"));
    let client = connect(&mock);
    let id = ProjectId::from("p1");

    let project = client.get_project(&id).await.unwrap();
    assert_eq!(project.id, "p1");
    assert_eq!(project.title, "Shop");
    assert_eq!(project.default_branch.as_deref(), Some("main"));
    assert!(project.maintenance.is_none());

    let caps = client.get_project_capabilities(&id).await.unwrap();
    assert!(caps.build_resources.enabled);
    assert_eq!(caps.metrics.max_range, "30d");

    let err = client.get_project(&"nope".into()).await.unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
}

#[tokio::test]
async fn clearing_the_build_cache_answers_the_activity_it_started() {
    let mock = mock().await;
    mock.projects().add(NewProject::new("p1"));
    let client = connect(&mock);

    let accepted = client
        .action_projects_clear_build_cache(&"p1".into())
        .await
        .unwrap();
    assert_eq!(accepted.code, 202);
    let [activity] = &accepted.activities[..] else {
        panic!("{accepted:?}")
    };
    assert_eq!(activity.kind, "project.clear_build_cache");
    assert_eq!(activity.state, ActivityState::Pending);
    // What the API sends for a pending activity: `timings: []` and `log: null`.
    assert!(activity.timings.is_empty() && activity.log.is_none());
    assert!(activity.links.href("log").is_some());
}

#[tokio::test]
async fn a_maintenance_redeploy_starts_one_activity_per_active_environment() {
    let mock = mock().await;
    mock.projects().add(NewProject::new("p1"));
    let client = connect(&mock);
    let accepted = client
        .maintenance_redeploy_project(&"p1".into())
        .await
        .unwrap();
    assert_eq!(accepted.activities.len(), 1);
    assert_eq!(accepted.activities[0].environments, ["main"]);
    assert_eq!(mock.projects().activity_count("p1"), 1);
}
