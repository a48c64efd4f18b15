//! SSH keys against upsun-mock: add, read and delete one key; the keys come with the current
//! user (`GET /me`), as there is no list; another user's key is refused.
#![allow(deprecated)] // `current_user_info` (GET /me) is where the keys are listed

use upsun::ssh_keys::{CreateSshKey, SshKeysApi};
use upsun::users::UsersApi;
use upsun::{Error, SshKeyId, UserId};
use upsun_mock::NewUser;
use upsun_tests::{connect, connect_as, mock};

const KEY: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGrace grace@laptop";

#[tokio::test]
async fn a_key_is_added_read_listed_with_the_user_and_deleted() {
    let mock = mock().await;
    let client = connect(&mock);

    let key = client
        .create_ssh_key(&CreateSshKey::new(KEY).title("laptop"))
        .await
        .unwrap();

    assert_eq!(
        mock.requests()[0].json().unwrap(),
        serde_json::json!({"value": KEY, "title": "laptop"})
    );
    assert_eq!(key.key_id, Some(SshKeyId::new(1)));
    assert_eq!(key.title.as_deref(), Some("laptop"));
    assert!(key.fingerprint.is_some());
    let id = key.key_id.unwrap();
    assert_eq!(client.get_ssh_key(id).await.unwrap(), key);
    let me = client.current_user_info().await.unwrap();
    assert_eq!(me.ssh_keys.unwrap_or_default(), std::slice::from_ref(&key));
    assert_eq!(me.has_key, Some(true));

    client.delete_ssh_key(id).await.unwrap();
    let gone = client.get_ssh_key(id).await.unwrap_err();
    assert!(matches!(gone, Error::NotFound(_)), "{gone:?}");
    assert!(mock.ssh_keys().of(mock.user_id()).is_empty());
}

#[tokio::test]
async fn another_users_key_is_refused_and_bad_keys_too() {
    let mock = mock().await;
    let grace = mock.users().add(NewUser::new("grace"));
    let client = connect(&mock);
    let key = client
        .create_ssh_key(&CreateSshKey::new(KEY))
        .await
        .unwrap();
    let as_grace = connect_as(&mock, &grace.access_token);

    let err = as_grace.get_ssh_key(key.key_id.unwrap()).await.unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = as_grace
        .create_ssh_key(&CreateSshKey::new(KEY).uuid(UserId::from(mock.user_id())))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = client
        .create_ssh_key(&CreateSshKey::new("not a key"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::BadRequest(_)), "{err:?}");
    let sent = mock.requests().len();
    let err = client
        .create_ssh_key(&CreateSshKey::new(""))
        .await
        .unwrap_err();
    assert!(
        err.is_invalid_input() && err.to_string().contains("`value`"),
        "{err}"
    );
    assert_eq!(mock.requests().len(), sent);
}
