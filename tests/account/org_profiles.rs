//! The Profiles area against upsun-mock: an organization's profile and address, read and
//! updated, with the checks before sending and the mock's answers.

use serde_json::json;
use upsun::Error;
use upsun::org_profiles::{
    CustomerType, OrgProfilesApi, ProfileType, UpdateAddress, UpdateOrgProfile,
};
use upsun_mock::{NewOrganization, NewUser};
use upsun_tests::{connect_as, mock};

/// An organization id as the SDK takes it, from the mock's string or a literal.
fn oid(id: &str) -> upsun::OrganizationId {
    id.into()
}

#[tokio::test]
async fn a_new_profile_shows_the_organization_and_reads_by_name() {
    let mock = mock().await;
    let org = mock
        .organizations()
        .add(NewOrganization::new("acme").label("Acme Corp"));
    let client = connect_as(&mock, mock.access_token());

    let profile = client.get_org_profile(&oid(&org.id)).await.unwrap();
    assert_eq!(profile.id.as_deref(), Some(org.id.as_str()));
    assert_eq!(profile.r#type, Some(ProfileType::Organization));
    assert_eq!(profile.display_name.as_deref(), Some("Acme Corp"));
    assert_eq!(profile.currency.as_deref(), Some("USD"));
    assert_eq!(profile.company_name, None);

    let by_name = client.get_org_profile(&oid("name=acme")).await.unwrap();
    assert_eq!(by_name, profile);
    assert_eq!(
        mock.requests()[1].path,
        "/organizations/name%3Dacme/profile"
    );
}

#[tokio::test]
async fn updating_the_profile_sends_only_the_fields_set() {
    let mock = mock().await;
    let org = mock.organizations().add(NewOrganization::new("acme"));
    let client = connect_as(&mock, mock.access_token());
    let update = UpdateOrgProfile::new()
        .company_name("Acme SAS")
        .customer_type(CustomerType::Corporation)
        .billing_contact("billing@acme.example")
        .project_options_url("https://acme.example/options.yaml");

    let profile = client
        .update_org_profile(&oid(&org.id), &update)
        .await
        .unwrap();

    let request = &mock.requests()[0];
    assert_eq!(
        (request.method.as_str(), request.path.clone()),
        ("PATCH", format!("/organizations/{}/profile", org.id))
    );
    assert_eq!(
        request.json().unwrap(),
        json!({"project_options_url": "https://acme.example/options.yaml", "company_name": "Acme SAS",
               "customer_type": "corporation", "billing_contact": "billing@acme.example"})
    );
    assert_eq!(profile.company_name.as_deref(), Some("Acme SAS"));
    assert_eq!(profile.customer_type, Some(CustomerType::Corporation));
    let again = client
        .update_org_profile(&oid(&org.id), &UpdateOrgProfile::new().vat_number("FR01"))
        .await
        .unwrap();
    assert_eq!(
        again.company_name.as_deref(),
        Some("Acme SAS"),
        "earlier fields are kept"
    );
    assert_eq!(again.vat_number.as_deref(), Some("FR01"));
    assert!(again.updated_at >= profile.updated_at);
}

#[tokio::test]
async fn bad_profile_values_are_refused_before_sending_or_by_the_mock() {
    let mock = mock().await;
    let org = mock.organizations().add(NewOrganization::new("acme"));
    let client = connect_as(&mock, mock.access_token());
    for (update, field) in [
        (
            UpdateOrgProfile::new().billing_contact("billing"),
            "billing_contact",
        ),
        (
            UpdateOrgProfile::new().project_options_url("ftp://acme.example/x"),
            "project_options_url",
        ),
    ] {
        let err = client
            .update_org_profile(&oid(&org.id), &update)
            .await
            .unwrap_err();
        assert!(err.is_invalid_input(), "{err:?}");
        assert!(err.to_string().contains(&format!("`{field}`")), "{err}");
    }
    assert!(mock.requests().is_empty());

    let alien = UpdateOrgProfile::new().customer_type(CustomerType::from("alien"));
    let err = client
        .update_org_profile(&oid(&org.id), &alien)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::BadRequest(_)), "{err:?}");
    assert!(
        err.to_string()
            .contains("Bad Request: `customer_type` must be one of"),
        "{err}"
    );
}

#[tokio::test]
async fn the_address_starts_empty_and_keeps_what_is_set() {
    let mock = mock().await;
    let org = mock.organizations().add(NewOrganization::new("acme"));
    let client = connect_as(&mock, mock.access_token());
    let empty = client.get_org_address(&oid("name=acme")).await.unwrap();
    assert_eq!(empty.country.as_deref(), Some(""));
    assert_eq!(empty.locality.as_deref(), Some(""));

    let update = UpdateAddress::new()
        .country("fr")
        .thoroughfare("1 rue de Rivoli")
        .postal_code("75001")
        .locality("Paris");
    let address = client
        .update_org_address(&oid(&org.id), &update)
        .await
        .unwrap();

    assert_eq!(
        mock.requests()[1].json().unwrap(),
        json!({"country": "fr", "thoroughfare": "1 rue de Rivoli", "locality": "Paris", "postal_code": "75001"})
    );
    assert_eq!(address.country.as_deref(), Some("FR"));
    assert_eq!(address.locality.as_deref(), Some("Paris"));
    assert_eq!(address.premise.as_deref(), Some(""));
    assert_eq!(
        client.get_org_address(&oid(&org.id)).await.unwrap(),
        address
    );
    let profile = client.get_org_profile(&oid(&org.id)).await.unwrap();
    assert_eq!(
        profile.currency.as_deref(),
        Some("EUR"),
        "billing currency follows the address"
    );
}

#[tokio::test]
async fn a_bad_country_is_refused_before_sending() {
    let mock = mock().await;
    let client = connect_as(&mock, mock.access_token());
    let err = client
        .update_org_address(&oid("01ABC"), &UpdateAddress::new().country("France"))
        .await
        .unwrap_err();
    assert!(
        err.is_invalid_input() && err.to_string().contains("`country`"),
        "{err}"
    );
    assert!(mock.requests().is_empty());
}

#[tokio::test]
async fn members_read_only_owners_update_and_unknown_organizations_are_404() {
    let mock = mock().await;
    let grace = mock.users().add(NewUser::new("grace"));
    let eve = mock.users().add(NewUser::new("eve"));
    let org = mock
        .organizations()
        .add(NewOrganization::new("acme").member(grace.user.id));
    let member = connect_as(&mock, &grace.access_token);
    member.get_org_profile(&oid(&org.id)).await.unwrap();
    member.get_org_address(&oid(&org.id)).await.unwrap();
    let err = member
        .update_org_address(&oid(&org.id), &UpdateAddress::new().locality("Lyon"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = member
        .update_org_profile(&oid(&org.id), &UpdateOrgProfile::new().company_name("Mine"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = connect_as(&mock, &eve.access_token)
        .get_org_profile(&oid(&org.id))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let owner = connect_as(&mock, mock.access_token());
    assert!(
        owner
            .get_org_address(&oid("name=nobody"))
            .await
            .unwrap_err()
            .is_not_found()
    );
    // The update routes take IDs only, not `name=`.
    let err = owner
        .update_org_address(&oid("name=acme"), &UpdateAddress::new().locality("Lyon"))
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
}
