//! The token endpoint, token lifetimes and the clock.

use std::time::Duration;

use upsun_mock::{MockServer, NewUser};

use crate::support::{exchange, exchange_api_token, exchange_as, get};

#[tokio::test]
async fn an_api_token_exchanges_for_a_working_access_token() {
    let mock = MockServer::start().await;
    let answer = exchange_api_token(&mock).await;
    assert_eq!(answer.status, 200, "{answer:?}");
    assert_eq!(answer.body["token_type"], "bearer");
    assert_eq!(answer.body["expires_in"], 900);
    assert!(answer.body["refresh_token"].is_string());
    assert_eq!(answer.header("cache-control"), Some("no-store"));
    let token = answer.body["access_token"].as_str().unwrap();
    let me = get(&mock, "/users/me", Some(token)).await;
    assert_eq!(me.body["id"], mock.user_id().to_string());
    assert_eq!(mock.token_exchanges(), 1);
}

#[tokio::test]
async fn an_added_users_api_token_acts_as_that_user() {
    let mock = MockServer::start().await;
    let grace = mock.users().add(NewUser::new("grace"));
    let answer = exchange(
        &mock,
        &[("grant_type", "api_token"), ("api_token", &grace.api_token)],
    )
    .await;
    let token = answer.body["access_token"].as_str().unwrap();
    assert_eq!(
        get(&mock, "/users/me", Some(token)).await.body["username"],
        "grace"
    );
}

#[tokio::test]
async fn a_refresh_token_works_once_and_rotates() {
    let mock = MockServer::start().await;
    let first = exchange_api_token(&mock).await;
    let refresh = first.body["refresh_token"].as_str().unwrap();
    let second = exchange(
        &mock,
        &[("grant_type", "refresh_token"), ("refresh_token", refresh)],
    )
    .await;
    assert_eq!(second.status, 200, "{second:?}");
    assert_ne!(second.body["refresh_token"], first.body["refresh_token"]);
    assert_ne!(second.body["access_token"], first.body["access_token"]);
    let token = second.body["access_token"].as_str().unwrap();
    assert_eq!(get(&mock, "/users/me", Some(token)).await.status, 200);

    let reused = exchange(
        &mock,
        &[("grant_type", "refresh_token"), ("refresh_token", refresh)],
    )
    .await;
    assert_eq!((reused.status, reused.error()), (400, "invalid_grant"));
    assert_eq!(
        mock.token_exchanges(),
        2,
        "refused exchanges are not counted"
    );
}

#[tokio::test]
async fn the_client_must_be_platform_api_user_with_an_empty_secret() {
    let mock = MockServer::start().await;
    let form = [("grant_type", "api_token"), ("api_token", mock.api_token())];
    for basic in [
        None,
        Some(("someone-else", "")),
        Some(("platform-api-user", "secret")),
    ] {
        let answer = exchange_as(&mock, basic, &form).await;
        assert_eq!(
            (answer.status, answer.error()),
            (401, "invalid_client"),
            "{basic:?}"
        );
        assert!(answer.body["error_description"].is_string());
        assert!(
            answer
                .header("www-authenticate")
                .unwrap()
                .starts_with("Basic")
        );
    }
    assert_eq!(mock.token_exchanges(), 0);
}

#[tokio::test]
async fn bad_grants_get_oauth_errors() {
    let mock = MockServer::start().await;
    let cases: [(&[(&str, &str)], &str); 5] = [
        (
            &[("grant_type", "api_token"), ("api_token", "unknown")],
            "invalid_grant",
        ),
        (
            &[
                ("grant_type", "refresh_token"),
                ("refresh_token", "unknown"),
            ],
            "invalid_grant",
        ),
        (&[("grant_type", "api_token")], "invalid_request"),
        (&[("api_token", "x")], "invalid_request"),
        (&[("grant_type", "password")], "unsupported_grant_type"),
    ];
    for (form, expected) in cases {
        let answer = exchange(&mock, form).await;
        assert_eq!((answer.status, answer.error()), (400, expected), "{form:?}");
        assert!(
            answer.body["error_description"]
                .as_str()
                .is_some_and(|d| !d.is_empty())
        );
    }
    let json = crate::support::client()
        .post(format!("{}/oauth2/token", mock.base_url()))
        .basic_auth("platform-api-user", Some(""))
        .json(&serde_json::json!({"grant_type": "api_token", "api_token": mock.api_token()}))
        .send()
        .await
        .unwrap();
    assert_eq!(json.status(), 400);
    assert_eq!(mock.token_exchanges(), 0);
}

#[tokio::test]
async fn access_tokens_expire_on_the_mock_clock() {
    let mock = MockServer::builder()
        .access_token_lifetime(Duration::from_secs(60))
        .start()
        .await
        .unwrap();
    let answer = exchange_api_token(&mock).await;
    assert_eq!(answer.body["expires_in"], 60);
    let token = answer.body["access_token"].as_str().unwrap();
    mock.advance_clock(Duration::from_secs(59));
    assert_eq!(get(&mock, "/users/me", Some(token)).await.status, 200);
    mock.advance_clock(Duration::from_secs(1));
    let expired = get(&mock, "/users/me", Some(token)).await;
    assert_eq!(expired.status, 401);
    assert!(
        expired
            .header("www-authenticate")
            .unwrap()
            .contains("invalid_token")
    );
    assert_eq!(
        get(&mock, "/users/me", Some(mock.access_token()))
            .await
            .status,
        401
    );

    let fresh = exchange_api_token(&mock).await;
    let token = fresh.body["access_token"].as_str().unwrap();
    assert_eq!(get(&mock, "/users/me", Some(token)).await.status, 200);
}

#[tokio::test]
async fn sub_second_lifetimes_round_expires_in_up() {
    let mock = MockServer::builder()
        .access_token_lifetime(Duration::from_millis(1500))
        .start()
        .await
        .unwrap();
    assert_eq!(exchange_api_token(&mock).await.body["expires_in"], 2);
}

#[tokio::test]
async fn expiring_all_access_tokens_forces_401_until_the_next_exchange() {
    let mock = MockServer::start().await;
    let exchanged = exchange_api_token(&mock).await;
    let token = exchanged.body["access_token"].as_str().unwrap();
    mock.expire_access_tokens();
    assert_eq!(get(&mock, "/users/me", Some(token)).await.status, 401);
    assert_eq!(
        get(&mock, "/users/me", Some(mock.access_token()))
            .await
            .status,
        401
    );

    let refresh = exchanged.body["refresh_token"].as_str().unwrap();
    let renewed = exchange(
        &mock,
        &[("grant_type", "refresh_token"), ("refresh_token", refresh)],
    )
    .await;
    let token = renewed.body["access_token"].as_str().unwrap();
    assert_eq!(get(&mock, "/users/me", Some(token)).await.status, 200);

    let issued = mock.issue_access_token(mock.user_id()).unwrap();
    assert_eq!(get(&mock, "/users/me", Some(&issued)).await.status, 200);
    assert_eq!(mock.issue_access_token(uuid::Uuid::new_v4()), None);
}

#[tokio::test]
async fn revoked_refresh_tokens_are_invalid_grants() {
    let mock = MockServer::start().await;
    let exchanged = exchange_api_token(&mock).await;
    mock.revoke_refresh_tokens();
    let refresh = exchanged.body["refresh_token"].as_str().unwrap();
    let answer = exchange(
        &mock,
        &[("grant_type", "refresh_token"), ("refresh_token", refresh)],
    )
    .await;
    assert_eq!((answer.status, answer.error()), (400, "invalid_grant"));
}

#[tokio::test]
async fn a_fixed_api_token_can_be_chosen() {
    let mock = MockServer::builder()
        .api_token("my-token")
        .start()
        .await
        .unwrap();
    assert_eq!(mock.api_token(), "my-token");
    assert_eq!(exchange_api_token(&mock).await.status, 200);
}
