//! API tokens against upsun-mock: create, list, read and delete; the secret value comes once
//! and never shows in `Debug`.

use serde_json::json;
use upsun::api_tokens::{ApiTokensApi, CreateApiToken};
use upsun::users::UsersApi;
use upsun::{Client, Error};
use upsun_mock::{Method, NewUser};
use upsun_tests::{connect, connect_as, mock};
use uuid::Uuid;

#[tokio::test]
async fn a_token_is_created_listed_read_and_deleted() {
    let mock = mock().await;
    let client = connect(&mock);
    let me = mock.user_id();
    assert_eq!(client.list_api_tokens(me.into()).await.unwrap(), vec![]);

    let created = client
        .create_api_token(me.into(), &CreateApiToken::new("CI"))
        .await
        .unwrap();
    let request = mock.requests().pop().unwrap();
    assert_eq!(request.method, Method::POST);
    assert_eq!(request.path, format!("/users/{me}/api-tokens"));
    assert_eq!(request.json(), Some(json!({"name": "CI"})));
    assert_eq!(created.name.as_deref(), Some("CI"));
    assert_eq!(created.mfa_on_creation, Some(false));
    assert!(created.created_at.is_some() && created.last_used_at.is_none());

    let listed = client.list_api_tokens(me.into()).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, created.id);
    let read = client.get_api_token(me.into(), created.id).await.unwrap();
    assert_eq!(
        mock.requests().pop().unwrap().path,
        format!("/users/{me}/api-tokens/{}", created.id)
    );
    assert_eq!(read, listed[0]);
    assert_eq!(read.name.as_deref(), Some("CI"));

    client
        .delete_api_token(me.into(), created.id)
        .await
        .unwrap();
    let request = mock.requests().pop().unwrap();
    assert_eq!(request.method, Method::DELETE);
    assert_eq!(
        request.path,
        format!("/users/{me}/api-tokens/{}", created.id)
    );
    let err = client
        .get_api_token(me.into(), created.id)
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    let err = client
        .delete_api_token(me.into(), created.id)
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    assert_eq!(client.list_api_tokens(me.into()).await.unwrap(), vec![]);
}

#[tokio::test]
async fn the_secret_comes_once_and_never_shows_in_debug() {
    let mock = mock().await;
    let client = connect(&mock);
    let me = mock.user_id();

    let created = client
        .create_api_token(me.into(), &CreateApiToken::new("deploy"))
        .await
        .unwrap();
    let secret = created
        .token
        .as_ref()
        .expect("the creation answers the secret");
    assert!(
        secret.expose().starts_with("mock_api_"),
        "{}",
        secret.expose()
    );
    let debug = format!("{created:?} {created:#?} {secret:?}");
    assert!(!debug.contains(secret.expose()), "{debug}");
    assert!(debug.contains("REDACTED"), "{debug}");

    // Listing and reading never carry it.
    let listed = client.list_api_tokens(me.into()).await.unwrap();
    assert!(
        listed.iter().all(|token| token.token.is_none()),
        "{listed:?}"
    );
    assert_eq!(
        client
            .get_api_token(me.into(), created.id)
            .await
            .unwrap()
            .token,
        None
    );

    // Each token has its own secret.
    let other = client
        .create_api_token(me.into(), &CreateApiToken::new("other"))
        .await
        .unwrap();
    assert_ne!(other.token, created.token);
    assert_ne!(other.id, created.id);
}

#[tokio::test]
async fn a_name_is_required_and_unique_per_user() {
    let mock = mock().await;
    let client = connect(&mock);
    let me = mock.user_id();

    let err = client
        .create_api_token(me.into(), &CreateApiToken::new(""))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::BadRequest(_)), "{err:?}");
    assert!(err.to_string().contains("`name`"), "{err}");

    client
        .create_api_token(me.into(), &CreateApiToken::new("CI"))
        .await
        .unwrap();
    let err = client
        .create_api_token(me.into(), &CreateApiToken::new("CI"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err:?}");
    assert_eq!(client.list_api_tokens(me.into()).await.unwrap().len(), 1);

    // Another user may use the same name.
    let grace = mock.users().add(NewUser::new("grace"));
    let as_grace = connect_as(&mock, &grace.access_token);
    as_grace
        .create_api_token(grace.user.id.into(), &CreateApiToken::new("CI"))
        .await
        .unwrap();
}

#[tokio::test]
async fn tokens_are_private_to_their_user() {
    let mock = mock().await;
    let grace = mock.users().add(NewUser::new("grace"));
    let as_grace = connect_as(&mock, &grace.access_token);
    let graces = as_grace
        .create_api_token(grace.user.id.into(), &CreateApiToken::new("laptop"))
        .await
        .unwrap();
    let client = connect(&mock);
    let me = mock.user_id();

    assert_eq!(client.list_api_tokens(me.into()).await.unwrap(), vec![]);
    for err in [
        client
            .list_api_tokens(grace.user.id.into())
            .await
            .unwrap_err(),
        client
            .get_api_token(grace.user.id.into(), graces.id)
            .await
            .unwrap_err(),
        client
            .delete_api_token(grace.user.id.into(), graces.id)
            .await
            .unwrap_err(),
        client
            .create_api_token(grace.user.id.into(), &CreateApiToken::new("x"))
            .await
            .unwrap_err(),
    ] {
        assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    }
    // Grace's token is not Ada's, even by ID.
    let err = client
        .get_api_token(me.into(), graces.id)
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    assert_eq!(
        as_grace
            .list_api_tokens(grace.user.id.into())
            .await
            .unwrap()
            .len(),
        1
    );

    let err = client
        .list_api_tokens(Uuid::new_v4().into())
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    let err = client
        .get_api_token(me.into(), Uuid::new_v4().into())
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
}

#[tokio::test]
async fn a_created_token_signs_in_until_it_is_deleted() {
    let mock = mock().await;
    let admin = connect(&mock);
    let created = admin
        .create_api_token(mock.user_id().into(), &CreateApiToken::new("ci"))
        .await
        .unwrap();
    let secret = created.token.as_ref().unwrap().expose().to_owned();
    let signed_in = Client::builder()
        .base_url(mock.base_url())
        .auth_url(mock.base_url())
        .api_token(&secret)
        .build()
        .unwrap();
    assert_eq!(signed_in.current_user().await.unwrap().id, mock.user_id());

    admin
        .delete_api_token(mock.user_id().into(), created.id)
        .await
        .unwrap();
    let fresh = Client::builder()
        .base_url(mock.base_url())
        .auth_url(mock.base_url())
        .api_token(&secret)
        .build()
        .unwrap();
    let err = fresh.current_user().await.unwrap_err();
    assert!(matches!(err, Error::Credentials(_)), "{err:?}");
}
