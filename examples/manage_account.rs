//! Run with: `cargo run --example manage_account`
//!
//! Lists the current user's organizations as a stream that follows the API's pages, then
//! creates an API token, shows it once, and deletes it.
//!
//! Without `UPSUN_CLI_TOKEN` in the environment it runs against a local `upsun-mock` started in
//! this process and seeded with a few organizations. With `UPSUN_CLI_TOKEN` set it talks to the
//! real API: it lists your organizations, and creates and at once deletes a token named
//! `upsun-sdk-example`.
#![allow(clippy::print_stdout, clippy::print_stderr)] // an example prints

use std::error::Error;

use futures_util::TryStreamExt;
use upsun::Client;
use upsun::api_tokens::{ApiTokensApi, CreateApiToken};
use upsun::organizations::{ListUserOrganizations, OrganizationsApi};
use upsun::query::Sort;
use upsun::users::UsersApi;

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
    // Keep the mock alive until the end of `main`: it stops when dropped.
    let (client, _mock) = if std::env::var_os("UPSUN_CLI_TOKEN").is_some() {
        println!("Using the Upsun API (UPSUN_CLI_TOKEN is set).");
        (
            Client::builder_from_env()?
                .user_agent("manage-account-example")
                .build()?,
            None,
        )
    } else {
        let mock = upsun_mock::MockServer::start().await;
        for (name, label) in [
            ("acme", "ACME Corp"),
            ("globex", "Globex"),
            ("initech", "Initech"),
            ("umbrella", "Umbrella"),
            ("hooli", "Hooli"),
        ] {
            mock.organizations()
                .add(upsun_mock::NewOrganization::new(name).label(label));
        }
        println!(
            "UPSUN_CLI_TOKEN is not set: using a local upsun-mock at {}.",
            mock.base_url()
        );
        let client = Client::builder()
            .base_url(mock.base_url())
            .auth_url(mock.base_url())
            .api_token(mock.api_token())
            .user_agent("manage-account-example")
            .build()?;
        (client, Some(mock))
    };

    let me = client.current_user().await?;
    println!(
        "\nOrganizations of {} (pages of 2, read as one stream):",
        me.username
    );
    let query = ListUserOrganizations::new()
        .page_size(2)
        .sort(Sort::asc("name"));
    let first = client.list_user_organizations(me.id, &query).await?;
    let organizations: Vec<_> = first.into_stream(&client).limit(50).try_collect().await?;
    for org in &organizations {
        println!("  {:<12} {}", org.name, org.label);
    }
    println!("  ({} in all)", organizations.len());

    let created = client
        .create_api_token(me.id, &CreateApiToken::new("upsun-sdk-example"))
        .await?;
    let name = created.name.as_deref().unwrap_or("(unnamed)");
    println!("\nCreated API token {name} ({}).", created.id);
    if let Some(secret) = &created.token {
        // The value is only in this answer, and `Debug` never shows it.
        println!(
            "  its value starts with {}…, and Debug shows {secret:?}",
            prefix(secret.expose())
        );
    }
    client.delete_api_token(me.id, created.id).await?;
    let left = client.list_api_tokens(me.id).await?;
    println!("Deleted it; {} API token(s) left.", left.len());
    Ok(())
}

fn prefix(secret: &str) -> &str {
    secret.get(..8).unwrap_or("")
}
