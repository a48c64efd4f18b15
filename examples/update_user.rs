//! Run with: `cargo run --example update_user [-- field=value ...]`
//!
//! Finds the current user (`GET /users/me`), updates it (`PATCH /users/{user_id}`) and prints
//! the user before and after.
//!
//! Without `UPSUN_CLI_TOKEN` in the environment it runs against a local `upsun-mock` started in
//! this process: no account and no network needed. With `UPSUN_CLI_TOKEN` set (an API token from
//! the Upsun console) it talks to the real API, and changes only the fields given on the command
//! line, such as `company="Analytical Engines" country=GB`.
#![allow(clippy::print_stdout, clippy::print_stderr)] // an example prints

use std::error::Error;

use upsun::Client;
use upsun::users::{UpdateUser, User, UsersApi};

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
    let fields: Vec<(String, String)> = std::env::args()
        .skip(1)
        .map(|arg| match arg.split_once('=') {
            Some((field, value)) => Ok((field.to_owned(), value.to_owned())),
            None => Err(format!("expected field=value, got {arg:?}")),
        })
        .collect::<Result<_, _>>()?;

    // Keep the mock alive until the end of `main`: it stops when dropped.
    let (client, mock) = if std::env::var_os("UPSUN_CLI_TOKEN").is_some() {
        println!("Using the Upsun API (UPSUN_CLI_TOKEN is set).");
        let client = Client::builder_from_env()?
            .user_agent("update-user-example")
            .build()?;
        (client, None)
    } else {
        let mock = upsun_mock::MockServer::start().await;
        println!(
            "UPSUN_CLI_TOKEN is not set: using a local upsun-mock at {}.",
            mock.base_url()
        );
        let client = Client::builder()
            .base_url(mock.base_url())
            .auth_url(mock.base_url())
            .api_token(mock.api_token())
            .user_agent("update-user-example")
            .build()?;
        (client, Some(mock))
    };

    let update = if fields.is_empty() && mock.is_some() {
        UpdateUser::new()
            .company("Upsun")
            .website("https://upsun.com")
            .country("FR")
    } else {
        update_from(&fields)?
    };

    let before = client.current_user().await?;
    print_user("Before", &before);
    if update == UpdateUser::new() {
        println!("\nNothing to change: pass fields as field=value, e.g. company=Upsun country=FR.");
        return Ok(());
    }
    let after = client.update_user(before.id, &update).await?;
    print_user("After", &after);
    let changed: Vec<&str> = rows(&before)
        .iter()
        .zip(rows(&after).iter())
        .filter(|(b, a)| b.1 != a.1)
        .map(|(b, _)| b.0)
        .collect();
    println!("\nChanged: {}", changed.join(", "));
    Ok(())
}

fn update_from(fields: &[(String, String)]) -> Result<UpdateUser, String> {
    fields
        .iter()
        .try_fold(UpdateUser::new(), |update, (field, value)| {
            Ok(match field.as_str() {
                "username" => update.username(value),
                "first_name" => update.first_name(value),
                "last_name" => update.last_name(value),
                "picture" => update.picture(value),
                "company" => update.company(value),
                "website" => update.website(value),
                "country" => update.country(value),
                other => {
                    return Err(format!(
                        "unknown field {other:?}; expected one of username, first_name, last_name, \
                     picture, company, website, country"
                    ));
                }
            })
        })
}

fn print_user(title: &str, user: &User) {
    println!("\n{title}:");
    for (label, value) in rows(user) {
        println!("  {label:<11} {value}");
    }
}

fn rows(user: &User) -> [(&'static str, String); 8] {
    [
        ("id", user.id.to_string()),
        ("username", user.username.clone()),
        ("email", user.email.clone()),
        ("name", format!("{} {}", user.first_name, user.last_name)),
        ("company", user.company.clone()),
        ("website", user.website.clone()),
        ("country", user.country.clone()),
        ("updated at", user.updated_at.to_rfc3339()),
    ]
}
