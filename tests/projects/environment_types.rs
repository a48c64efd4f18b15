//! The Environment Type area against upsun-mock.

use upsun::ProjectId;
use upsun::environment_types::EnvironmentTypesApi;
use upsun_mock::NewProject;
use upsun_tests::{connect, mock};

#[tokio::test]
async fn the_three_environment_types_are_listed_and_read() {
    let mock = mock().await;
    mock.projects().add(NewProject::new("p1"));
    let client = connect(&mock);
    let project = ProjectId::from("p1");
    let all = client
        .list_projects_environment_types(&project)
        .await
        .unwrap();
    let ids: Vec<&str> = all.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["production", "staging", "development"]);
    let staging = client
        .get_environment_type(&project, &"staging".into())
        .await
        .unwrap();
    assert_eq!(staging.id, "staging");
    let err = client
        .get_environment_type(&project, &"qa".into())
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
}
