//! References against upsun-mock: the `in` and `sig` a trusted service hands out are sent as
//! they are; each answer maps every ID to its record or `None`; a bad signature is refused.

use upsun::Error;
use upsun::references::{ProjectStatus, ReferenceQuery, ReferencesApi};
use upsun::teams::{CreateTeam, TeamsApi};
use upsun_mock::MockServer;
use upsun_tests::{connect, mock};

use crate::org_with_member;

fn signed(mock: &MockServer, ids: &str) -> ReferenceQuery {
    ReferenceQuery::new(ids, mock.references().sign(ids))
}

#[tokio::test]
async fn every_kind_of_reference_answers_by_id() {
    let mock = mock().await;
    let (org, grace) = org_with_member(&mock);
    mock.team_access()
        .add_titled_project("p1", &org.id, "Storefront");
    let client = connect(&mock);
    let team = client
        .create_team(&CreateTeam::new(org.id.as_str(), "Developers"))
        .await
        .unwrap();
    let gone = "00000000-0000-0000-0000-000000000000";

    let ids = format!("{},{gone}", grace.user.id);
    let users = client
        .list_referenced_users(&signed(&mock, &ids))
        .await
        .unwrap();
    assert_eq!(
        mock.requests()[1].query.as_deref(),
        Some(format!("in={ids}&sig={}", mock.references().sign(&ids)).as_str()),
        "in and sig are sent as they are"
    );
    let grace_ref = users[&grace.user.id.to_string()].as_ref().unwrap();
    assert_eq!(grace_ref.username.as_deref(), Some("grace"));
    assert_eq!(users[gone], None);

    let orgs = client
        .list_referenced_orgs(&signed(&mock, &org.id))
        .await
        .unwrap();
    assert_eq!(
        orgs[&org.id].as_ref().unwrap().name.as_deref(),
        Some("acme")
    );
    let teams = client
        .list_referenced_teams(&signed(&mock, team.id.as_str()))
        .await
        .unwrap();
    assert_eq!(
        teams[team.id.as_str()].as_ref().unwrap().label.as_deref(),
        Some("Developers")
    );
    let projects = client
        .list_referenced_projects(&signed(&mock, "p1,p2"))
        .await
        .unwrap();
    let p1 = projects["p1"].as_ref().unwrap();
    assert_eq!(
        (p1.title.as_str(), &p1.status),
        ("Storefront", &ProjectStatus::Active)
    );
    assert_eq!(projects["p2"], None);
    let regions = client
        .list_referenced_regions(&signed(&mock, "eu-5.platform.sh"))
        .await
        .unwrap();
    assert_eq!(regions["eu-5.platform.sh"], None);
}

#[tokio::test]
async fn a_signature_for_other_ids_is_refused() {
    let mock = mock().await;
    let (org, _) = org_with_member(&mock);
    let client = connect(&mock);
    let forged = ReferenceQuery::new(org.id.as_str(), mock.references().sign("other"));

    let err = client.list_referenced_orgs(&forged).await.unwrap_err();

    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
}
