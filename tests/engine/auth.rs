//! API-token exchange against upsun-mock: the request's shape, expiry, single flight, 401
//! replays, step-up, failures, and secrets that never leak.

use std::time::Duration;

use upsun::users::UsersApi;
use upsun::{Client, Error, RetryPolicy};
use upsun_mock::{Fault, Method, MockServer, RecordedRequest};
use upsun_tests::Logs;
use upsun_tests::{checked, mock};

fn api_client(mock: &MockServer) -> Client {
    api_client_with(mock, mock.api_token())
}

fn api_client_with(mock: &MockServer, token: &str) -> Client {
    Client::builder()
        .base_url(mock.base_url())
        .auth_url(mock.base_url())
        .api_token(token)
        .build()
        .unwrap()
}

fn token_requests(mock: &MockServer) -> Vec<RecordedRequest> {
    mock.requests()
        .into_iter()
        .filter(|r| r.path == "/oauth2/token")
        .collect()
}

fn api_requests(mock: &MockServer, path: &str) -> usize {
    mock.requests().iter().filter(|r| r.path == path).count()
}

#[tokio::test]
async fn the_api_token_is_exchanged_once_as_upsun_documents() {
    let mock = mock().await;
    let client = api_client(&mock);
    client.current_user().await.unwrap();
    client.current_user().await.unwrap();

    let requests = mock.requests();
    assert_eq!(requests.len(), 3, "{requests:#?}");
    let exchange = &requests[0];
    assert_eq!(
        (exchange.method.as_str(), exchange.path.as_str()),
        ("POST", "/oauth2/token")
    );
    assert_eq!(
        exchange.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(
        exchange.header("authorization"),
        Some("Basic cGxhdGZvcm0tYXBpLXVzZXI6")
    );
    let form: Vec<(String, String)> = exchange
        .text()
        .split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap();
            (k.to_owned(), v.to_owned())
        })
        .collect();
    assert_eq!(
        form,
        [
            ("grant_type".to_owned(), "api_token".to_owned()),
            ("api_token".to_owned(), mock.api_token().to_owned())
        ]
    );
    let bearer = requests[1].header("authorization").unwrap();
    assert!(bearer.starts_with("Bearer ") && bearer != format!("Bearer {}", mock.api_token()));
    assert_eq!(requests[2].header("authorization"), Some(bearer));
    assert_eq!(mock.token_exchanges(), 1);
}

#[tokio::test]
async fn a_token_near_expiry_is_renewed_without_a_401_round_trip_once_for_every_caller() {
    let mock = checked(
        MockServer::builder()
            .access_token_lifetime(Duration::from_secs(2))
            .start()
            .await
            .unwrap(),
    );
    let client = api_client(&mock);
    client.current_user().await.unwrap();
    // A 2 s token is renewed at half its life: now every call needs a new one, and a hundred
    // calls at once share one exchange.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let calls: Vec<_> = (0..100)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.current_user().await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().unwrap();
    }

    assert_eq!(
        mock.token_exchanges(),
        2,
        "the first, and one for the hundred"
    );
    let statuses_ok = mock
        .requests()
        .iter()
        .all(|r| r.path != "/users/me" || r.header("authorization").is_some());
    assert!(statuses_ok);
    let exchanges = token_requests(&mock);
    // The refresh token of the first answer is used first.
    assert!(
        exchanges[1].text().starts_with("grant_type=refresh_token"),
        "{}",
        exchanges[1].text()
    );
    assert_eq!(
        api_requests(&mock, "/users/me"),
        101,
        "no request was refused and replayed"
    );
}

#[tokio::test]
async fn a_hundred_cold_calls_cause_one_exchange() {
    let mock = mock().await;
    let client = api_client(&mock);
    let calls: Vec<_> = (0..100)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.current_user().await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().unwrap();
    }
    assert_eq!(mock.token_exchanges(), 1);
    assert_eq!(token_requests(&mock).len(), 1);
}

#[tokio::test]
async fn a_hundred_401s_cause_one_new_exchange_and_one_replay_each() {
    let mock = mock().await;
    let client = api_client(&mock);
    client.current_user().await.unwrap();
    mock.expire_access_tokens();
    mock.clear_requests();

    let calls: Vec<_> = (0..100)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.current_user().await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().unwrap();
    }
    assert_eq!(
        mock.token_exchanges(),
        2,
        "one exchange at start, one after the 401s"
    );
    let calls_made = api_requests(&mock, "/users/me");
    assert!(
        (100..=200).contains(&calls_made),
        "{calls_made} requests for 100 calls"
    );
}

#[tokio::test]
async fn a_second_401_is_an_error_not_a_loop() {
    let mock = mock().await;
    mock.on(Method::GET, "/users/me")
        .respond(Fault::status(401))
        .always();
    let err = api_client(&mock).current_user().await.unwrap_err();
    assert!(matches!(err, Error::Unauthorized(_)), "{err:?}");
    assert!(mock.token_exchanges() <= 2);
    assert_eq!(
        api_requests(&mock, "/users/me"),
        2,
        "one request and one replay"
    );
}

#[tokio::test]
async fn a_step_up_401_is_its_own_error_and_exchanges_nothing() {
    let mock = mock().await;
    mock.on(Method::GET, "/users/me")
        .respond(Fault::status(401).header(
            "WWW-Authenticate",
            r#"Bearer error="insufficient_user_authentication", error_description="MFA required""#,
        ));
    let err = api_client(&mock).current_user().await.unwrap_err();
    assert!(matches!(err, Error::StepUpRequired(_)), "{err:?}");
    assert_eq!(mock.token_exchanges(), 1, "only the first exchange");
    assert_eq!(api_requests(&mock, "/users/me"), 1);
}

#[tokio::test]
async fn a_failed_exchange_reaches_every_waiter_and_is_not_cached() {
    let mock = mock().await;
    mock.on(Method::POST, "/oauth2/token")
        .respond(Fault::status(500).after(Duration::from_millis(200)));
    let client = Client::builder()
        .base_url(mock.base_url())
        .auth_url(mock.base_url())
        .api_token(mock.api_token())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let calls: Vec<_> = (0..10)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.current_user().await })
        })
        .collect();
    for call in calls {
        let err = call.await.unwrap().unwrap_err();
        assert!(matches!(err, Error::Auth(_)), "{err:?}");
        assert!(err.is_retryable());
    }
    assert_eq!(
        token_requests(&mock).len(),
        1,
        "one exchange for ten waiters"
    );
    assert_eq!(api_requests(&mock, "/users/me"), 0);

    client.current_user().await.unwrap();
    assert_eq!(token_requests(&mock).len(), 2, "the failure was not cached");
}

#[tokio::test]
async fn an_exchange_the_auth_server_could_not_serve_is_retried_within_the_call() {
    let mock = mock().await;
    mock.on(Method::POST, "/oauth2/token")
        .respond(Fault::status(503))
        .then(Fault::drop_connection());
    let client = Client::builder()
        .base_url(mock.base_url())
        .auth_url(mock.base_url())
        .api_token(mock.api_token())
        .retry(RetryPolicy::default().base_delay(Duration::from_millis(5)))
        .build()
        .unwrap();
    let calls: Vec<_> = (0..5)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.current_user().await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().unwrap();
    }
    assert_eq!(
        token_requests(&mock).len(),
        3,
        "a 503, a dropped connection, then a token"
    );
    assert_eq!(mock.token_exchanges(), 1);
}

#[tokio::test]
async fn a_refused_api_token_is_not_retried() {
    let mock = mock().await;
    let client = Client::builder()
        .base_url(mock.base_url())
        .auth_url(mock.base_url())
        .api_token("not-a-valid-token")
        .build()
        .unwrap();
    let err = client.current_user().await.unwrap_err();
    assert!(matches!(err, Error::Credentials(_)), "{err:?}");
    assert!(!err.is_retryable());
    assert_eq!(token_requests(&mock).len(), 1);
}

#[tokio::test]
async fn a_caller_dropped_mid_exchange_does_not_poison_the_cache() {
    let mock = mock().await;
    mock.on(Method::POST, "/oauth2/token")
        .respond(Fault::delay(Duration::from_millis(300)));
    let client = api_client(&mock);
    let early = tokio::spawn({
        let client = client.clone();
        async move { client.current_user().await }
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    early.abort();
    client.current_user().await.unwrap();
    assert_eq!(
        token_requests(&mock).len(),
        1,
        "the second caller joined the first exchange"
    );
}

#[tokio::test]
async fn a_refused_api_token_is_a_credentials_error_not_retried_and_not_echoed() {
    let mock = mock().await;
    let canary = "canary-api-token-7f3a";
    let client = api_client_with(&mock, canary);
    let err = client.current_user().await.unwrap_err();
    assert!(matches!(err, Error::Credentials(_)), "{err:?}");
    assert!(!err.is_retryable());
    assert_eq!(token_requests(&mock).len(), 1);
    for shown in [err.to_string(), format!("{err:?}"), format!("{client:?}")] {
        assert!(!shown.contains(canary), "token leaked: {shown}");
    }
}

#[tokio::test]
async fn an_access_token_is_never_exchanged() {
    let mock = mock().await;
    let client = Client::builder()
        .base_url(mock.base_url())
        .auth_url(mock.base_url())
        .access_token("not-a-valid-token")
        .build()
        .unwrap();
    let err = client.current_user().await.unwrap_err();
    assert!(matches!(err, Error::Unauthorized(_)), "{err:?}");
    assert!(token_requests(&mock).is_empty());
    assert_eq!(api_requests(&mock, "/users/me"), 1);
}

#[tokio::test]
async fn tokens_never_reach_logs_or_errors_and_spans_name_the_template() {
    let (logs, _guard) = Logs::capture();
    let mock = mock().await;
    let client = api_client(&mock);
    let me = client.current_user().await.unwrap();
    let _ = client.get_user(me.id).await.unwrap();
    mock.on(Method::GET, "/users/{id}")
        .respond(Fault::status(503))
        .always();
    let err = client.get_user(me.id).await.unwrap_err();

    let lines = logs.lines();
    let all = lines.join("\n");
    assert!(all.contains("/users/{user_id}"), "{all}");
    assert!(
        !all.contains(&me.id.to_string()),
        "the filled path leaked into the logs: {all}"
    );
    assert!(lines.iter().any(|l| l.contains("status=503")), "{all}");
    assert!(lines.iter().any(|l| l.contains("attempt=")), "{all}");
    let bearer = mock.requests()[1]
        .header("authorization")
        .unwrap()
        .trim_start_matches("Bearer ")
        .to_owned();
    for secret in [mock.api_token(), bearer.as_str()] {
        assert!(!all.contains(secret), "a token reached the logs");
        assert!(!format!("{err:?} {err} {client:?}").contains(secret));
    }
}

#[tokio::test]
async fn a_401_on_a_patch_replays_the_same_bytes_after_one_new_exchange() {
    use upsun::users::UpdateUser;
    let mock = mock().await;
    let client = api_client(&mock);
    client.current_user().await.unwrap();
    mock.expire_access_tokens();
    let update = UpdateUser::new().company("Replayed Inc.");
    let user = client
        .update_user(mock.user_id().into(), &update)
        .await
        .unwrap();
    assert_eq!(user.company, "Replayed Inc.");
    assert_eq!(
        mock.token_exchanges(),
        2,
        "the first, and one after the 401"
    );
    let patches: Vec<_> = mock
        .requests()
        .into_iter()
        .filter(|r| r.method == Method::PATCH)
        .collect();
    assert_eq!(patches.len(), 2, "sent, refused, replayed once");
    assert_eq!(patches[0].body, patches[1].body);
    assert_ne!(
        patches[0].header("authorization"),
        patches[1].header("authorization")
    );
}

#[tokio::test]
async fn a_403_is_neither_retried_nor_met_with_a_new_exchange() {
    let mock = mock().await;
    mock.on(Method::GET, "/users/me")
        .respond(Fault::json(403, serde_json::json!({"error": "forbidden"})));
    let client = api_client(&mock);
    let err = client.current_user().await.unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    assert_eq!(mock.token_exchanges(), 1);
    assert_eq!(api_requests(&mock, "/users/me"), 1);
}

#[tokio::test]
async fn a_401_and_the_new_exchange_leave_no_token_in_the_logs() {
    let (logs, _guard) = Logs::capture();
    let mock = mock().await;
    let client = api_client(&mock);
    client.current_user().await.unwrap();
    let first = mock.requests()[1]
        .header("authorization")
        .unwrap()
        .trim_start_matches("Bearer ")
        .to_owned();
    mock.expire_access_tokens();
    client.current_user().await.unwrap();
    assert_eq!(mock.token_exchanges(), 2, "a 401, then a new exchange");
    let second = mock
        .requests()
        .iter()
        .rev()
        .find_map(|r| r.header("authorization").map(str::to_owned))
        .unwrap()
        .trim_start_matches("Bearer ")
        .to_owned();
    assert_ne!(first, second);
    let all = logs.lines().join("\n");
    assert!(all.contains("upsun.call"), "the calls were captured: {all}");
    assert!(all.contains("status=401"), "the 401 was logged: {all}");
    for secret in [mock.api_token(), first.as_str(), second.as_str()] {
        assert!(!all.contains(secret), "a token reached the logs: {all}");
    }
}
