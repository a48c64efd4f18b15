//! Federated login connections against upsun-mock: the seeded user's connections, reading one,
//! deleting one, and who may.

use upsun::Error;
use upsun::connections::ConnectionsApi;
use upsun_mock::{Method, NewUser};
use upsun_tests::{connect, connect_as, mock};
use uuid::Uuid;

fn providers(connections: &[upsun::connections::Connection]) -> Vec<&str> {
    connections.iter().map(|c| c.provider.as_str()).collect()
}

#[tokio::test]
async fn the_seeded_user_signs_in_with_three_providers() {
    let mock = mock().await;
    let me = mock.user_id();
    let connections = connect(&mock)
        .list_login_connections(me.into())
        .await
        .unwrap();

    let request = mock.requests().pop().unwrap();
    assert_eq!(request.method, Method::GET);
    assert_eq!(request.path, format!("/users/{me}/connections"));
    assert_eq!(
        providers(&connections),
        ["github", "google", "acme-inc-oidc"]
    );
    let okta = &connections[2];
    assert_eq!(okta.provider_type.as_deref(), Some("okta"));
    assert_eq!(okta.is_mandatory, Some(true));
    assert_eq!(okta.email_address.as_deref(), Some("ada@example.com"));
    assert!(okta.subject.is_some() && okta.created_at.is_some() && okta.updated_at.is_some());
}

#[tokio::test]
async fn a_connection_is_read_by_provider() {
    let mock = mock().await;
    let client = connect(&mock);
    let me = mock.user_id();

    let github = client
        .get_login_connection(me.into(), &"github".into())
        .await
        .unwrap();
    assert_eq!(
        mock.requests().pop().unwrap().path,
        format!("/users/{me}/connections/github")
    );
    assert_eq!(github.provider, "github");
    assert_eq!(github.is_mandatory, Some(false));

    let err = client
        .get_login_connection(me.into(), &"gitlab".into())
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    // The provider stays one segment.
    let err = client
        .get_login_connection(me.into(), &"acme inc/../x".into())
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    assert_eq!(
        mock.requests().pop().unwrap().path,
        format!("/users/{me}/connections/acme%20inc%2F..%2Fx")
    );
}

#[tokio::test]
async fn deleting_a_connection_forgets_it_unless_it_is_mandatory() {
    let mock = mock().await;
    let client = connect(&mock);
    let me = mock.user_id();

    client
        .delete_login_connection(me.into(), &"google".into())
        .await
        .unwrap();
    let request = mock.requests().pop().unwrap();
    assert_eq!(request.method, Method::DELETE);
    assert_eq!(request.path, format!("/users/{me}/connections/google"));
    let left = client.list_login_connections(me.into()).await.unwrap();
    assert_eq!(providers(&left), ["github", "acme-inc-oidc"]);
    let err = client
        .get_login_connection(me.into(), &"google".into())
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    let err = client
        .delete_login_connection(me.into(), &"google".into())
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");

    let err = client
        .delete_login_connection(me.into(), &"acme-inc-oidc".into())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    assert!(err.to_string().contains("mandatory"), "{err}");
    assert_eq!(
        client
            .list_login_connections(me.into())
            .await
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn connections_are_private_to_their_user() {
    let mock = mock().await;
    let grace = mock.users().add(NewUser::new("grace"));
    let as_grace = connect_as(&mock, &grace.access_token);
    let ada = mock.user_id();

    assert_eq!(
        as_grace
            .list_login_connections(grace.user.id.into())
            .await
            .unwrap(),
        vec![]
    );
    for err in [
        as_grace
            .list_login_connections(ada.into())
            .await
            .unwrap_err(),
        as_grace
            .get_login_connection(ada.into(), &"github".into())
            .await
            .unwrap_err(),
        as_grace
            .delete_login_connection(ada.into(), &"github".into())
            .await
            .unwrap_err(),
    ] {
        assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    }
    assert_eq!(
        connect(&mock)
            .list_login_connections(ada.into())
            .await
            .unwrap()
            .len(),
        3
    );

    let err = as_grace
        .list_login_connections(Uuid::new_v4().into())
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
}
