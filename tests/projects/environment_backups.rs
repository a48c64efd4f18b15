//! The Environment Backups area against upsun-mock: take, list, read, restore, delete.

use std::time::Duration;

use upsun::environment_backups::{
    BackupEnvironment, BackupStatus, EnvironmentBackupsApi, RestoreBackup, RestoreInit,
};
use upsun::{EnvironmentId, PollPolicy, ProjectId};
use upsun_mock::NewProject;
use upsun_tests::{connect, mock};

#[tokio::test]
async fn a_backup_is_taken_restored_and_deleted() {
    let mock = mock().await;
    mock.projects().add(NewProject::new("p1"));
    let client = connect(&mock);
    let project = ProjectId::from("p1");
    let main = EnvironmentId::from("main");
    let policy = PollPolicy::default()
        .initial_interval(Duration::from_millis(2))
        .time_limit(Duration::from_millis(200));

    let taken = client
        .backup_environment(&project, &main, &BackupEnvironment::new().safe(true))
        .await
        .unwrap();
    assert_eq!(taken.activities[0].kind, "environment.backup");
    mock.advance_clock(Duration::from_secs(60));
    assert!(taken.wait(&client, &policy).await.unwrap().is_success());

    let backups = client
        .list_projects_environments_backups(&project, &main)
        .await
        .unwrap();
    let [backup] = &backups[..] else {
        panic!("{backups:?}")
    };
    assert!(backup.safe && backup.restorable);
    assert_eq!(backup.status, BackupStatus::Created);
    let same = client
        .get_projects_environments_backups(&project, &main, &backup.id)
        .await
        .unwrap();
    assert_eq!(&same, backup);

    let restore = RestoreBackup::new()
        .restore_code(true)
        .resources(RestoreInit::Backup);
    let restored = client
        .restore_backup(&project, &main, &backup.id, &restore)
        .await
        .unwrap();
    assert_eq!(restored.activities[0].kind, "environment.restore");
    mock.advance_clock(Duration::from_secs(60));
    assert!(restored.wait(&client, &policy).await.unwrap().is_success());

    client
        .delete_projects_environments_backups(&project, &main, &backup.id)
        .await
        .unwrap();
    let err = client
        .get_projects_environments_backups(&project, &main, &backup.id)
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
}
