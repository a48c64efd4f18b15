//! Run with: `cargo run --example onboard_developer`
//!
//! Onboards a developer: invites an email address to an organization, creates a team whose
//! members get a role per environment type, adds the developer to it, grants the team a
//! project, lists that access from the project's side and from the team's (the same record),
//! then revokes it and deletes the team.
//!
//! Without `UPSUN_CLI_TOKEN` in the environment it runs against a local `upsun-mock` started in
//! this process, seeded with an organization and a project; the mock also plays the invitee and
//! accepts the invitation. With `UPSUN_CLI_TOKEN` set it talks to the real API and needs
//! `UPSUN_ORGANIZATION_ID`, `UPSUN_PROJECT_ID` and `UPSUN_INVITE_EMAIL`: it sends a real
//! invitation, and adds you to the team (the invitee may have no account yet).
#![allow(clippy::print_stdout, clippy::print_stderr)] // an example prints

use std::error::Error;

use upsun::organization_invitations::{
    CreateOrgInvite, OrganizationInvitationsApi, OrganizationPermission,
};
use upsun::team_access::{
    ListProjectTeamAccess, ListTeamProjectAccess, ProjectTeamGrant, TeamAccessApi,
};
use upsun::teams::{CreateTeam, CreateTeamMember, TeamsApi};
use upsun::users::UsersApi;
use upsun::{Client, OrganizationId, ProjectId, ProjectPermission};

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

/// Where the example works: a client, the organization, the project, the address to invite,
/// and the mock when there is one (it stops when dropped).
struct Setup {
    client: Client,
    org: OrganizationId,
    project: ProjectId,
    email: String,
    mock: Option<upsun_mock::MockServer>,
}

fn var(name: &str) -> Result<String, Box<dyn Error>> {
    std::env::var(name).map_err(|_| format!("{name} must be set when UPSUN_CLI_TOKEN is").into())
}

async fn setup() -> Result<Setup, Box<dyn Error>> {
    if std::env::var_os("UPSUN_CLI_TOKEN").is_some() {
        println!("Using the Upsun API (UPSUN_CLI_TOKEN is set).");
        let client = Client::builder_from_env()?
            .user_agent("onboard-developer-example")
            .build()?;
        return Ok(Setup {
            client,
            org: var("UPSUN_ORGANIZATION_ID")?.into(),
            project: var("UPSUN_PROJECT_ID")?.into(),
            email: var("UPSUN_INVITE_EMAIL")?,
            mock: None,
        });
    }
    let mock = upsun_mock::MockServer::start().await;
    let acme = mock
        .organizations()
        .add(upsun_mock::NewOrganization::new("acme").label("ACME Corp"));
    mock.team_access()
        .add_titled_project("abcdefgh1234567", &acme.id, "Storefront");
    println!(
        "UPSUN_CLI_TOKEN is not set: using a local upsun-mock at {}.",
        mock.base_url()
    );
    let client = Client::builder()
        .base_url(mock.base_url())
        .auth_url(mock.base_url())
        .api_token(mock.api_token())
        .user_agent("onboard-developer-example")
        .build()?;
    Ok(Setup {
        client,
        org: acme.id.as_str().into(),
        project: "abcdefgh1234567".into(),
        email: "grace@example.com".to_owned(),
        mock: Some(mock),
    })
}

async fn run() -> Result<(), Box<dyn Error>> {
    let Setup {
        client,
        org,
        project,
        email,
        mock,
    } = setup().await?;

    let invite = CreateOrgInvite::new(email.as_str(), [OrganizationPermission::ProjectsList]);
    let invitation = match client.create_org_invite(&org, &invite).await {
        // Already invited: say so, and send a fresh invitation in place of the pending one.
        Err(upsun::Error::Conflict(_)) => {
            println!("{email} already had a pending invitation: inviting again.");
            client.create_org_invite(&org, &invite.force(true)).await?
        }
        other => other?,
    };
    let state = invitation.state.as_ref().map_or("?", |s| s.as_str());
    println!(
        "\nInvited {email} to {org}: invitation {} is {state}.",
        invitation.id
    );
    // The invitee's account: on the mock, the invitee accepts at once and the mock says who
    // they are; on the real API an invitee may have no account yet, so the example adds you.
    let accepted = mock
        .as_ref()
        .and_then(|mock| mock.organization_invitations().accept(invitation.id.uuid()));
    let developer = match accepted {
        Some(user) => upsun::UserId::from(user),
        None => {
            println!(
                "(On the real API the team gets you as its member, as the invitee may have no account yet.)"
            );
            client.current_user().await?.id
        }
    };

    let team = client
        .create_team(
            &CreateTeam::new(org.clone(), "Storefront developers").project_permissions([
                ProjectPermission::ProductionViewer,
                ProjectPermission::StagingContributor,
                ProjectPermission::DevelopmentAdmin,
            ]),
        )
        .await?;
    let roles: Vec<&str> = team
        .project_permissions
        .iter()
        .map(|p| p.as_str())
        .collect();
    println!(
        "Created team {} ({}): {}.",
        team.label,
        team.id,
        roles.join(", ")
    );

    client
        .create_team_member(&team.id, &CreateTeamMember::new(developer))
        .await?;
    println!("Added {developer} to the team.");

    client
        .grant_project_team_access(&project, &[ProjectTeamGrant::new(team.id.clone())])
        .await?;
    let by_project = client
        .list_project_team_access(&project, &ListProjectTeamAccess::new())
        .await?;
    println!("\nTeams with access to project {project}:");
    for access in &by_project.items {
        let team_id = access.team_id.as_ref().map_or("?", |t| t.as_str());
        println!("  team {team_id}, granted at {:?}", access.granted_at);
    }
    let by_team = client
        .list_team_project_access(&team.id, &ListTeamProjectAccess::new())
        .await?;
    println!("Projects team {} may work on:", team.label);
    for access in &by_team.items {
        let title = access.project_title.as_deref().unwrap_or("?");
        println!("  {title}, granted at {:?}", access.granted_at);
    }

    client
        .remove_project_team_access(&project, &team.id)
        .await?;
    let left = client
        .list_team_project_access(&team.id, &ListTeamProjectAccess::new())
        .await?;
    println!(
        "\nRevoked: the team has access to {} project(s).",
        left.items.len()
    );
    client.delete_team(&team.id).await?;
    println!("Deleted the team.");
    Ok(())
}
