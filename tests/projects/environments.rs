//! The Environment area against upsun-mock: the tree (branch makes a child), every call that
//! moves an environment's status, and ids that hold `/`.

use std::time::Duration;

use upsun::environments::{
    ActivateEnvironment, BranchEnvironment, BranchInit, DeployEnvironment, DeployStrategy,
    EnvironmentStatus, EnvironmentsApi, InitializeEnvironment, MergeEnvironment, MergeInit,
    SynchronizeEnvironment, UpdateEnvironment,
};
use upsun::{EnvironmentId, ProjectId};
use upsun_mock::{Ending, EnvironmentStatus as MockStatus, NewProject};
use upsun_tests::{Mock, connect, mock};

const LOGIN: &str = "feature/login";

async fn project() -> (Mock, upsun::Client, ProjectId) {
    let mock = mock().await;
    mock.projects().add(NewProject::new("p1"));
    let client = connect(&mock);
    (mock, client, ProjectId::from("p1"))
}

/// Lets every activity started so far finish.
fn finish(mock: &Mock) {
    mock.advance_clock(Duration::from_secs(60));
}

async fn branch_login(mock: &Mock, client: &upsun::Client, project: &ProjectId) {
    let branch = BranchEnvironment::new("Login", LOGIN).resources(BranchInit::Parent);
    let accepted = client
        .branch_environment(project, &"main".into(), &branch)
        .await
        .unwrap();
    assert_eq!(accepted.activities[0].kind, "environment.branch");
    finish(mock);
}

#[tokio::test]
async fn branch_makes_a_child_whose_id_holds_a_slash() {
    let (mock, client, project) = project().await;
    let branch = BranchEnvironment::new("Login", LOGIN);
    client
        .branch_environment(&project, &"main".into(), &branch)
        .await
        .unwrap();
    let login = EnvironmentId::from(LOGIN);
    // While the branch runs, the new environment is dirty.
    let env = client.get_environment(&project, &login).await.unwrap();
    assert_eq!(env.status, EnvironmentStatus::Dirty);
    assert_eq!(
        mock.requests().pop().unwrap().path,
        "/projects/p1/environments/feature%2Flogin"
    );
    finish(&mock);
    let env = client.get_environment(&project, &login).await.unwrap();
    assert_eq!(env.status, EnvironmentStatus::Active);
    assert_eq!(env.parent.as_ref().map(|p| p.as_str()), Some("main"));
    assert_eq!(env.title, "Login");

    let all = client.list_environments(&project).await.unwrap();
    let ids: Vec<&str> = all.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["main", LOGIN]);
    // Branching the same name again is a conflict.
    let err = client
        .branch_environment(&project, &"main".into(), &branch)
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(409), "{err:?}");
}

#[tokio::test]
async fn a_failed_branch_leaves_the_child_inactive() {
    let (mock, client, project) = project().await;
    mock.projects().script_activity("p1", Ending::Failure, None);
    let branch = BranchEnvironment::new("Login", LOGIN);
    client
        .branch_environment(&project, &"main".into(), &branch)
        .await
        .unwrap();
    finish(&mock);
    assert_eq!(
        mock.projects().environment_status("p1", LOGIN),
        Some(MockStatus::Inactive)
    );
}

#[tokio::test]
async fn pause_resume_deactivate_activate_and_delete_move_the_status() {
    let (mock, client, project) = project().await;
    branch_login(&mock, &client, &project).await;
    let login = EnvironmentId::from(LOGIN);
    let status = || mock.projects().environment_status("p1", LOGIN);

    client.pause_environment(&project, &login).await.unwrap();
    assert_eq!(status(), Some(MockStatus::Dirty));
    finish(&mock);
    assert_eq!(status(), Some(MockStatus::Paused));
    // Pausing twice is refused.
    let err = client
        .pause_environment(&project, &login)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("paused"), "{err}");

    client.resume_environment(&project, &login).await.unwrap();
    finish(&mock);
    assert_eq!(status(), Some(MockStatus::Active));

    // An active environment cannot be deleted.
    assert!(client.delete_environment(&project, &login).await.is_err());
    client
        .deactivate_environment(&project, &login)
        .await
        .unwrap();
    finish(&mock);
    assert_eq!(status(), Some(MockStatus::Inactive));

    client
        .activate_environment(&project, &login, &ActivateEnvironment::new())
        .await
        .unwrap();
    finish(&mock);
    assert_eq!(status(), Some(MockStatus::Active));

    client
        .deactivate_environment(&project, &login)
        .await
        .unwrap();
    finish(&mock);
    let accepted = client.delete_environment(&project, &login).await.unwrap();
    assert_eq!(accepted.activities[0].kind, "environment.delete");
    assert_eq!(status(), Some(MockStatus::Deleting));
    finish(&mock);
    assert_eq!(status(), None);
    assert_eq!(mock.environments().ids("p1"), ["main"]);
}

#[tokio::test]
async fn merge_and_synchronize_need_a_parent() {
    let (mock, client, project) = project().await;
    branch_login(&mock, &client, &project).await;
    let login = EnvironmentId::from(LOGIN);
    let merge = MergeEnvironment::new().resources(MergeInit::Child);
    let accepted = client
        .merge_environment(&project, &login, &merge)
        .await
        .unwrap();
    // The merge changes the parent.
    assert_eq!(accepted.activities[0].environments, ["main"]);
    let sync = SynchronizeEnvironment::new()
        .synchronize_code(true)
        .rebase(false);
    client
        .synchronize_environment(&project, &login, &sync)
        .await
        .unwrap();
    let err = client
        .merge_environment(&project, &"main".into(), &MergeEnvironment::new())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("no parent"), "{err}");
    let sent: Vec<_> = mock.requests().into_iter().map(|r| r.path).collect();
    assert!(sent.contains(&"/projects/p1/environments/feature%2Flogin/merge".to_owned()));
}

#[tokio::test]
async fn deploy_redeploy_initialize_and_update_start_activities() {
    let (_mock, client, project) = project().await;
    let main = EnvironmentId::from("main");
    let deploy = DeployEnvironment::new().strategy(DeployStrategy::Rolling);
    let kinds = [
        client.deploy_environment(&project, &main, &deploy).await,
        client.redeploy_environment(&project, &main).await,
        client
            .maintenance_redeploy_environment(&project, &main)
            .await,
        client
            .initialize_environment(
                &project,
                &main,
                &InitializeEnvironment::new("Symfony", "https://github.com/upsun/symfony.git"),
            )
            .await,
        client
            .update_environment(
                &project,
                &main,
                &UpdateEnvironment::new().title("Production"),
            )
            .await,
    ]
    .map(|accepted| accepted.unwrap().activities[0].kind.clone());
    assert_eq!(
        kinds,
        [
            "environment.deploy",
            "environment.redeploy",
            "environment.maintenance_redeploy",
            "environment.initialize",
            "environment.update",
        ]
    );
    let env = client.get_environment(&project, &main).await.unwrap();
    assert_eq!(env.title, "Production");
    assert!(env.is_main);
}
