//! The Environment Variables area against upsun-mock: inheritance down the tree, overrides,
//! sensitivity (a sensitive value is never answered, and no value shows in `Debug`).

use std::time::Duration;

use upsun::environment_variables::{
    CreateEnvironmentVariable, EnvironmentVariablesApi, UpdateEnvironmentVariable,
};
use upsun::environments::{BranchEnvironment, EnvironmentsApi};
use upsun::{EnvironmentId, ProjectId};
use upsun_mock::NewProject;
use upsun_tests::{connect, mock};

#[tokio::test]
async fn variables_are_inherited_overridden_and_sensitive_values_never_answered() {
    let mock = mock().await;
    mock.projects().add(NewProject::new("p1"));
    let client = connect(&mock);
    let project = ProjectId::from("p1");
    let main = EnvironmentId::from("main");
    let login = EnvironmentId::from("feature/login");

    let mode = CreateEnvironmentVariable::new("env:MODE", "prod");
    let accepted = client
        .create_projects_environments_variables(&project, &main, &mode)
        .await
        .unwrap();
    assert_eq!(accepted.activities[0].kind, "environment.variable.create");
    let key = CreateEnvironmentVariable::new("env:API_KEY", "k-very-secret").is_sensitive(true);
    assert!(!format!("{key:?}").contains("k-very-secret"));
    client
        .create_projects_environments_variables(&project, &main, &key)
        .await
        .unwrap();
    let local = CreateEnvironmentVariable::new("env:LOCAL", "x").is_inheritable(false);
    client
        .create_projects_environments_variables(&project, &main, &local)
        .await
        .unwrap();
    let branch = BranchEnvironment::new("Login", login.as_str());
    client
        .branch_environment(&project, &main, &branch)
        .await
        .unwrap();
    mock.advance_clock(Duration::from_secs(60));

    let seen = client
        .list_projects_environments_variables(&project, &login)
        .await
        .unwrap();
    let names: Vec<(&str, bool)> = seen
        .iter()
        .map(|v| (v.name.as_str(), v.inherited))
        .collect();
    assert_eq!(names, [("env:MODE", true), ("env:API_KEY", true)]);
    let secret = seen.iter().find(|v| v.is_sensitive).unwrap();
    assert!(secret.value.is_none());
    assert!(!format!("{seen:?}").contains("prod"));

    // Changing an inherited variable on the child overrides it there only.
    let update = UpdateEnvironmentVariable::new().value("debug");
    client
        .update_projects_environments_variables(&project, &login, &"env:MODE".into(), &update)
        .await
        .unwrap();
    let child = client
        .get_projects_environments_variables(&project, &login, &"env:MODE".into())
        .await
        .unwrap();
    assert_eq!(child.value.as_ref().map(|v| v.expose()), Some("debug"));
    assert!(!child.inherited);
    let parent = client
        .get_projects_environments_variables(&project, &main, &"env:MODE".into())
        .await
        .unwrap();
    assert_eq!(parent.value.as_ref().map(|v| v.expose()), Some("prod"));

    client
        .delete_projects_environments_variables(&project, &main, &"env:LOCAL".into())
        .await
        .unwrap();
    let err = client
        .get_projects_environments_variables(&project, &main, &"env:LOCAL".into())
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
}
