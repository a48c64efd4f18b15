//! Run with: `cargo run --example deploy_environment` (or, on the real API,
//! `UPSUN_CLI_TOKEN=... cargo run --example deploy_environment -- <project-id>`).
//!
//! Branches `feature/login` from `main`, sets a variable on it, takes a backup and restores it;
//! for each step it prints the activity's log line by line as it is written, a progress line,
//! and the verdict of the wait.
//!
//! Without `UPSUN_CLI_TOKEN` it runs against a local `upsun-mock` started in this process, with
//! a project `demo` and its clock running twenty times faster than real time. With
//! `UPSUN_CLI_TOKEN` set and a project ID given, it does the same on that project: it creates
//! the environment `feature/login` (which must not exist yet) and a variable on it.
#![allow(clippy::print_stdout, clippy::print_stderr)] // an example prints

use std::error::Error;
use std::time::Duration;

use futures_util::StreamExt;
use upsun::environment_backups::{BackupEnvironment, EnvironmentBackupsApi, RestoreBackup};
use upsun::environment_variables::{CreateEnvironmentVariable, EnvironmentVariablesApi};
use upsun::environments::{BranchEnvironment, EnvironmentsApi};
use upsun::{Accepted, Client, PollPolicy, ProjectId, Verdict};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn Error>> {
    // Keep the mock alive until the end: it stops when dropped.
    let (client, project, _mock) = match std::env::var_os("UPSUN_CLI_TOKEN") {
        Some(_) => {
            let Some(project) = std::env::args().nth(1) else {
                return Err(
                    "UPSUN_CLI_TOKEN is set: give the project ID as the first argument".into(),
                );
            };
            println!("Using the Upsun API on project {project}.");
            let client = Client::builder_from_env()?
                .user_agent("deploy-environment-example")
                .build()?;
            (client, ProjectId::from(project), None)
        }
        None => {
            let mock = upsun_mock::MockServer::start().await;
            mock.projects()
                .add(upsun_mock::NewProject::new("demo").title("Demo"));
            mock.set_clock_speed(20.0);
            println!(
                "UPSUN_CLI_TOKEN is not set: using a local upsun-mock at {}.",
                mock.base_url()
            );
            let client = Client::builder()
                .base_url(mock.base_url())
                .auth_url(mock.base_url())
                .api_token(mock.api_token())
                .user_agent("deploy-environment-example")
                .build()?;
            (client, ProjectId::from("demo"), Some(mock))
        }
    };
    let policy = PollPolicy::default()
        .initial_interval(Duration::from_millis(50))
        .max_interval(Duration::from_secs(5))
        .time_limit(Duration::from_secs(30 * 60));
    let main_env = "main".into();
    let login = "feature/login".into();

    let branch = BranchEnvironment::new("Login", "feature/login");
    let accepted = client
        .branch_environment(&project, &main_env, &branch)
        .await?;
    follow(
        &client,
        "branch feature/login from main",
        &accepted,
        &policy,
    )
    .await?;

    let variable = CreateEnvironmentVariable::new("env:LOGIN_PROVIDER", "github");
    let accepted = client
        .create_projects_environments_variables(&project, &login, &variable)
        .await?;
    follow(&client, "set env:LOGIN_PROVIDER", &accepted, &policy).await?;

    let accepted = client
        .backup_environment(&project, &login, &BackupEnvironment::new())
        .await?;
    follow(&client, "back up feature/login", &accepted, &policy).await?;

    let backups = client
        .list_projects_environments_backups(&project, &login)
        .await?;
    let Some(newest) = backups.first() else {
        return Err("the backup is not in the list".into());
    };
    let accepted = client
        .restore_backup(&project, &login, &newest.id, &RestoreBackup::new())
        .await?;
    follow(&client, "restore the backup", &accepted, &policy).await?;
    Ok(())
}

/// Prints the log of each activity as it is written and a progress line, then the verdict.
async fn follow(
    client: &Client,
    step: &str,
    accepted: &Accepted,
    policy: &PollPolicy,
) -> Result<(), Box<dyn Error>> {
    println!("\n== {step}");
    for activity in &accepted.activities {
        let project = ProjectId::from(activity.project.as_str());
        let log = async {
            let mut log = std::pin::pin!(client.activity_log(activity, policy));
            while let Some(line) = log.next().await {
                match line {
                    Ok(line) => println!("  | {}", line.message),
                    Err(err) => println!("  | (log ended: {err})"),
                }
            }
        };
        let progress = async {
            let states = client.activity_states(&project, &activity.id, policy);
            let mut states = std::pin::pin!(states);
            while let Some(Ok(state)) = states.next().await {
                println!("  [{} {}%]", state.state, state.completion_percent);
            }
        };
        tokio::join!(log, progress);
    }
    let verdict = accepted.wait(client, policy).await?;
    let said = match &verdict {
        Verdict::Success(_) => "success".to_owned(),
        Verdict::Failure(_) => format!("failure ({:?})", verdict.failure_reason()),
        Verdict::Cancelled(_) => "cancelled".to_owned(),
        Verdict::Staged(_) => "staged: deploy it to apply".to_owned(),
        Verdict::TimedOut(last) => format!("timed out, still {}", last.state),
        other => format!("{other:?}"),
    };
    println!("  verdict: {said}");
    Ok(())
}
