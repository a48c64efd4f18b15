//! The journal check on real sessions with the mock: every exchange of ordinary calls, in every
//! area, is one the document allows.

use upsun::prelude::*;
use upsun_tests::oracle::Oracle;

/// Checks what the mock recorded; fails listing every violation.
fn check(mock: &upsun_mock::MockServer, at_least: usize) {
    let requests = mock.requests();
    let answered = requests.iter().filter(|r| r.response.is_some()).count();
    assert!(
        answered >= at_least,
        "the journal recorded {answered} answers"
    );
    let violations = Oracle::get().check_journal(&requests);
    let shown: Vec<String> = violations.iter().map(ToString::to_string).collect();
    assert!(shown.is_empty(), "{}", shown.join("\n"));
}

#[tokio::test]
async fn a_session_on_users_breaks_nothing_in_the_document() {
    let mock = upsun_mock::MockServer::start().await;
    let client = upsun_tests::connect(&mock);
    let me = client.current_user().await.unwrap();
    client.get_user(me.id).await.unwrap();
    client.get_user_by_email(&me.email).await.unwrap();
    client
        .update_user(me.id, &upsun::users::UpdateUser::new().first_name("Ada"))
        .await
        .unwrap();
    client
        .get_user_by_username("nobody-here")
        .await
        .unwrap_err();
    client.check_phone_verification().await.unwrap();
    client.check_verification().await.unwrap();
    #[allow(deprecated)]
    client.current_user_info().await.unwrap();
    check(&mock, 8);
}

#[tokio::test]
async fn a_session_on_tokens_connections_and_mfa_breaks_nothing_in_the_document() {
    let mock = upsun_mock::MockServer::start().await;
    let client = upsun_tests::connect(&mock);
    let me = upsun::UserId::new(mock.user_id());
    let created = client
        .create_api_token(me, &upsun::api_tokens::CreateApiToken::new("ci"))
        .await
        .unwrap();
    client.list_api_tokens(me).await.unwrap();
    client.get_api_token(me, created.id).await.unwrap();
    client.delete_api_token(me, created.id).await.unwrap();
    client.list_login_connections(me).await.unwrap();
    client.get_totp_enrollment(me).await.unwrap();
    check(&mock, 6);
}

#[tokio::test]
async fn a_session_on_organizations_and_profiles_breaks_nothing_in_the_document() {
    use upsun::organizations::{
        CreateOrganization, ListOrganizations, ListUserOrganizations, UpdateOrganization,
    };
    let mock = upsun_mock::MockServer::start().await;
    let client = upsun_tests::connect(&mock);
    let me = upsun::UserId::new(mock.user_id());
    let org = client
        .create_organization(&CreateOrganization::new("Acme"))
        .await
        .unwrap();
    client.get_organization(&org.id).await.unwrap();
    client
        .update_organization(&org.id, &UpdateOrganization::new().label("Acme Ltd"))
        .await
        .unwrap();
    client
        .list_organizations(&ListOrganizations::new())
        .await
        .unwrap();
    client
        .list_user_organizations(me, &ListUserOrganizations::new())
        .await
        .unwrap();
    client.get_org_profile(&org.id).await.unwrap();
    let individual = upsun::org_profiles::CustomerType::Individual;
    let update = upsun::org_profiles::UpdateOrgProfile::new().customer_type(individual);
    client.update_org_profile(&org.id, &update).await.unwrap();
    client.get_org_address(&org.id).await.unwrap();
    client.get_org_mfa_enforcement(&org.id).await.unwrap();
    client.list_profiles().await.unwrap();
    client.get_profile(me).await.unwrap();
    client.get_address(me).await.unwrap();
    client.delete_organization(&org.id).await.unwrap();
    check(&mock, 13);
}
