//! The Project Variables area against upsun-mock: create, list, read, update, delete.

use upsun::ProjectId;
use upsun::project_variables::{CreateProjectVariable, ProjectVariablesApi, UpdateProjectVariable};
use upsun_mock::NewProject;
use upsun_tests::{connect, mock};

#[tokio::test]
async fn a_project_variable_is_created_read_updated_and_deleted() {
    let mock = mock().await;
    mock.projects().add(NewProject::new("p1"));
    let client = connect(&mock);
    let project = ProjectId::from("p1");
    let create = CreateProjectVariable::new("DATABASE_URL", "pg://x").visible_build(false);
    let accepted = client
        .create_projects_variables(&project, &create)
        .await
        .unwrap();
    assert_eq!(accepted.activities[0].kind, "project.variable.create");
    let err = client
        .create_projects_variables(&project, &create)
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(409));

    let all = client.list_projects_variables(&project).await.unwrap();
    assert_eq!(all.len(), 1);
    assert!(!all[0].visible_build);
    let id = all[0].id.clone();
    let update = UpdateProjectVariable::new()
        .value("pg://y")
        .is_sensitive(true);
    client
        .update_projects_variables(&project, &id, &update)
        .await
        .unwrap();
    let one = client.get_projects_variables(&project, &id).await.unwrap();
    assert!(one.is_sensitive && one.value.is_none());
    client
        .delete_projects_variables(&project, &id)
        .await
        .unwrap();
    assert!(
        client
            .list_projects_variables(&project)
            .await
            .unwrap()
            .is_empty()
    );
}
