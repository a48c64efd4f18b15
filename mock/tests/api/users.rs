//! The Users area: reads, lookups, updates, and every error answer.

use std::time::Duration;

use upsun_mock::{MockServer, NewUser};

use crate::support::{get, patch};

const REQUIRED: [&str; 14] = [
    "id",
    "deactivated",
    "namespace",
    "username",
    "email",
    "email_verified",
    "first_name",
    "last_name",
    "picture",
    "company",
    "website",
    "country",
    "created_at",
    "updated_at",
];

#[tokio::test]
async fn me_is_the_seeded_user_with_every_required_field() {
    let mock = MockServer::start().await;
    let me = get(&mock, "/users/me", Some(mock.access_token())).await;
    assert_eq!(me.status, 200);
    for field in REQUIRED {
        assert!(
            me.body.get(field).is_some(),
            "missing `{field}` in {:?}",
            me.body
        );
    }
    assert_eq!(me.body["id"], mock.user_id().to_string());
    assert_eq!(me.body["username"], "ada");
    assert_eq!(me.body["created_at"], "2023-11-07T05:31:56Z");
    assert_eq!(me.body["consent_method"], "opt-in");
    let stored = mock.users().get(mock.user_id()).unwrap();
    assert_eq!(serde_json::to_value(&stored).unwrap(), me.body);
}

#[tokio::test]
async fn optional_consent_fields_are_left_out_when_unset() {
    let mock = MockServer::start().await;
    let grace = mock.users().add(NewUser::new("grace"));
    let body = get(&mock, "/users/me", Some(&grace.access_token))
        .await
        .body;
    assert!(body.get("consented_at").is_none() && body.get("consent_method").is_none());
    assert_eq!(body["email"], "grace@example.com");
}

#[tokio::test]
async fn a_user_reads_itself_by_id_but_not_others() {
    let mock = MockServer::start().await;
    let grace = mock.users().add(NewUser::new("grace"));
    let own = get(
        &mock,
        &format!("/users/{}", mock.user_id()),
        Some(mock.access_token()),
    )
    .await;
    assert_eq!(
        (own.status, own.body["username"].as_str()),
        (200, Some("ada"))
    );

    let other = get(
        &mock,
        &format!("/users/{}", grace.user.id),
        Some(mock.access_token()),
    )
    .await;
    assert_eq!(other.status, 403);
    assert!(
        other.error().contains(&grace.user.id.to_string()),
        "{other:?}"
    );
}

#[tokio::test]
async fn unknown_users_are_404() {
    let mock = MockServer::start().await;
    let token = Some(mock.access_token());
    let missing = get(&mock, "/users/3c90c3cc-0d44-4b50-8888-8dd25736052a", token).await;
    assert_eq!(missing.status, 404);
    assert!(missing.error().contains("3c90c3cc"), "{missing:?}");
    assert_eq!(get(&mock, "/users/not-a-uuid", token).await.status, 404);
    assert_eq!(
        get(&mock, "/users/email=nobody%40example.com", token)
            .await
            .status,
        404
    );
    assert_eq!(
        get(&mock, "/users/username=nobody", token).await.status,
        404
    );
}

#[tokio::test]
async fn lookups_by_email_and_username_decode_the_value() {
    let mock = MockServer::start().await;
    let token = Some(mock.access_token());
    let by_email = get(&mock, "/users/email=ADA%40example.com", token).await;
    assert_eq!(
        (by_email.status, by_email.body["username"].as_str()),
        (200, Some("ada"))
    );

    let odd = mock.users().add_admin(NewUser::new("o'neil+1 x"));
    let by_name = get(
        &mock,
        "/users/username=o%27neil%2B1%20x",
        Some(&odd.access_token),
    )
    .await;
    assert_eq!(by_name.status, 200, "{by_name:?}");
    assert_eq!(by_name.body["id"], odd.user.id.to_string());
}

#[tokio::test]
async fn lookups_of_someone_else_are_403() {
    let mock = MockServer::start().await;
    mock.users()
        .add(NewUser::new("grace").email("grace@example.org"));
    let token = Some(mock.access_token());
    assert_eq!(
        get(&mock, "/users/email=grace%40example.org", token)
            .await
            .status,
        403
    );
    assert_eq!(get(&mock, "/users/username=grace", token).await.status, 403);
}

#[tokio::test]
async fn an_admin_reads_and_updates_anyone() {
    let mock = MockServer::start().await;
    let admin = mock.users().add_admin(NewUser::new("root"));
    let path = format!("/users/{}", mock.user_id());
    assert_eq!(
        get(&mock, &path, Some(&admin.access_token)).await.status,
        200
    );
    let updated = patch(
        &mock,
        &path,
        &admin.access_token,
        r#"{"company": "Babbage"}"#,
    )
    .await;
    assert_eq!(updated.status, 200);
    assert_eq!(mock.users().get(mock.user_id()).unwrap().company, "Babbage");
}

#[tokio::test]
async fn missing_bad_and_expired_tokens_are_401_with_a_bearer_challenge() {
    let mock = MockServer::start().await;
    let none = get(&mock, "/users/me", None).await;
    assert_eq!(
        (none.status, none.header("www-authenticate")),
        (401, Some("Bearer"))
    );

    let bad = get(&mock, "/users/me", Some("nope")).await;
    assert_eq!(bad.status, 401);
    let challenge = bad.header("www-authenticate").unwrap();
    assert!(
        challenge.starts_with("Bearer error=\"invalid_token\""),
        "{challenge}"
    );

    mock.advance_clock(Duration::from_secs(900));
    let expired = get(&mock, "/users/me", Some(mock.access_token())).await;
    assert_eq!(expired.status, 401);
    assert!(expired.error().contains("expired"), "{expired:?}");

    let path = format!("/users/{}", mock.user_id());
    assert_eq!(
        patch(&mock, &path, mock.access_token(), "{}").await.status,
        401
    );
}

#[tokio::test]
async fn patch_applies_only_the_fields_sent_and_bumps_updated_at() {
    let mock = MockServer::start().await;
    let before = mock.users().get(mock.user_id()).unwrap();
    let path = format!("/users/{}", mock.user_id());
    let body = r#"{"first_name": "Augusta", "country": "FR", "website": "http://example.org/a"}"#;
    let answer = patch(&mock, &path, mock.access_token(), body).await;
    assert_eq!(answer.status, 200, "{answer:?}");
    let after = mock.users().get(mock.user_id()).unwrap();
    assert_eq!(serde_json::to_value(&after).unwrap(), answer.body);
    assert_eq!(after.first_name, "Augusta");
    assert_eq!(after.country, "FR");
    assert_eq!(after.website, "http://example.org/a");
    assert_eq!(after.last_name, before.last_name);
    assert_eq!(after.company, before.company);
    assert_eq!(after.created_at, before.created_at);
    assert!(after.updated_at > before.updated_at);

    let again = patch(
        &mock,
        &path,
        mock.access_token(),
        r#"{"last_name": "King"}"#,
    )
    .await;
    assert_eq!(again.status, 200);
    assert!(mock.users().get(mock.user_id()).unwrap().updated_at > after.updated_at);
}

#[tokio::test]
async fn patch_follows_the_mock_clock() {
    let mock = MockServer::start().await;
    mock.advance_clock(Duration::from_secs(3600));
    let expected = mock.now();
    let path = format!("/users/{}", mock.user_id());
    let token = mock.issue_access_token(mock.user_id()).unwrap();
    assert_eq!(patch(&mock, &path, &token, "{}").await.status, 200);
    assert!(mock.users().get(mock.user_id()).unwrap().updated_at >= expected);
}

/// Each rule answers 400 naming the field, and changes nothing.
#[tokio::test]
async fn patch_validates_like_the_api() {
    let mock = MockServer::start().await;
    mock.users().add(NewUser::new("grace"));
    let before = mock.users().get(mock.user_id()).unwrap();
    let path = format!("/users/{}", mock.user_id());
    let cases = [
        (r#"{"country": "FRA"}"#, "`country`"),
        (r#"{"country": "F"}"#, "`country`"),
        (r#"{"country": "F1"}"#, "`country`"),
        (r#"{"picture": "avatar.png"}"#, "`picture`"),
        (r#"{"website": "ftp://example.com"}"#, "`website`"),
        (r#"{"website": "https://"}"#, "`website`"),
        (r#"{"company": 42}"#, "`company` must be a string"),
        (
            r#"{"last_name": null}"#,
            "`last_name` must be a string, not null",
        ),
        (r#"{"username": ""}"#, "`username`"),
        (
            r#"{"username": "grace"}"#,
            "`username` \"grace\" is already taken",
        ),
        (r#"{"email": "a@example.com"}"#, "unknown field `email`"),
        (r#"{"first_name": "A""#, "not valid JSON"),
        ("", "not valid JSON"),
        (r#"["first_name"]"#, "must be a JSON object"),
        (r#""Ada""#, "must be a JSON object"),
    ];
    for (body, expected) in cases {
        let answer = patch(&mock, &path, mock.access_token(), body).await;
        assert_eq!(answer.status, 400, "{body} -> {answer:?}");
        assert!(
            answer.error().contains(expected),
            "{body}: {:?} lacks {expected}",
            answer.error()
        );
    }
    assert_eq!(mock.users().get(mock.user_id()).unwrap(), before);
}

#[tokio::test]
async fn patch_of_someone_else_unknown_or_non_json_is_refused() {
    let mock = MockServer::start().await;
    let grace = mock.users().add(NewUser::new("grace"));
    let token = mock.access_token();
    let other = patch(&mock, &format!("/users/{}", grace.user.id), token, "{}").await;
    assert_eq!(other.status, 403);
    let missing = format!("/users/{}", uuid::Uuid::new_v4());
    assert_eq!(patch(&mock, &missing, token, "{}").await.status, 404);

    let form = crate::support::client()
        .patch(format!("{}/users/{}", mock.base_url(), mock.user_id()))
        .bearer_auth(token)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("country=FR")
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), 415);
}

#[tokio::test]
async fn unknown_routes_and_methods_answer_json() {
    let mock = MockServer::start().await;
    let missing = get(&mock, "/nowhere", Some(mock.access_token())).await;
    assert_eq!(missing.status, 404);
    assert!(missing.error().contains("/nowhere"));
    let wrong = crate::support::client()
        .delete(format!("{}/users/me", mock.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 405);
}
