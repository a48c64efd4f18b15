//! The Organizations area against upsun-mock: create, read, update, delete, the two lists with
//! their deepObject filters, sorting, cursor pages followed as a stream, and problem+json errors.

use std::collections::BTreeMap;
use std::time::Duration;

use futures_util::TryStreamExt;
use serde_json::json;
use upsun::organizations::{
    CreateOrganization, ListOrganizations, ListUserOrganizations, Organization, OrganizationStatus,
    OrganizationType, OrganizationsApi, UpdateOrganization,
};
use upsun::query::{Filter, Sort};
use upsun::{Client, Error, StatusCode};
use upsun_mock::{Fault, Method, MockServer, NewOrganization, NewUser};
use upsun_tests::{connect, connect_as, mock};

/// An organization id as the SDK takes it, from the mock's string or a literal.
fn oid(id: &str) -> upsun::OrganizationId {
    id.into()
}

fn names(orgs: &[Organization]) -> Vec<&str> {
    orgs.iter().map(|org| org.name.as_str()).collect()
}

/// The raw query strings of the `GET /organizations` requests the mock received.
fn list_queries(mock: &MockServer) -> Vec<Option<String>> {
    mock.requests()
        .into_iter()
        .filter(|r| r.method == Method::GET && r.path == "/organizations")
        .map(|r| r.query)
        .collect()
}

/// The body of an error answer, parsed.
fn problem(err: &Error) -> serde_json::Value {
    let api = err
        .api_error()
        .unwrap_or_else(|| panic!("not an API error: {err:?}"));
    serde_json::from_str(&api.body).unwrap()
}

#[tokio::test]
async fn create_answers_201_and_the_organization_reads_back_by_id_and_by_name() {
    let mock = mock().await;
    let client = connect(&mock);
    let create = CreateOrganization::new("Acme Corp")
        .name("acme")
        .r#type(OrganizationType::Fixed)
        .country("FR")
        .security_contact("security@acme.example");

    let org = client.create_organization(&create).await.unwrap();

    let request = &mock.requests()[0];
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("POST", "/organizations")
    );
    assert_eq!(
        request.json().unwrap(),
        json!({"type": "fixed", "name": "acme", "label": "Acme Corp", "country": "FR",
               "security_contact": "security@acme.example"})
    );
    assert_eq!(org.name, "acme");
    assert_eq!(org.label, "Acme Corp");
    assert_eq!(org.r#type, Some(OrganizationType::Fixed));
    assert_eq!(org.status, Some(OrganizationStatus::Active));
    assert_eq!(org.owner_id, Some(mock.user_id().into()));
    assert_eq!(
        org.security_contact.as_deref(),
        Some("security@acme.example")
    );
    assert_eq!(org.id.as_str().len(), 26, "a ULID: {}", org.id);
    assert_eq!(
        org.links.href("self"),
        Some(format!("{}/organizations/{}", mock.base_url(), org.id).as_str())
    );
    assert_eq!(
        mock.organizations().get(org.id.as_str()).unwrap().label,
        "Acme Corp"
    );

    let by_id = client.get_organization(&org.id).await.unwrap();
    let by_name = client.get_organization(&oid("name=acme")).await.unwrap();
    assert_eq!(by_id, org);
    assert_eq!(by_name, org);
    assert_eq!(mock.requests()[2].path, "/organizations/name%3Dacme");
}

#[tokio::test]
async fn a_created_organization_without_a_name_gets_one_from_its_label() {
    let mock = mock().await;
    mock.organizations().add(NewOrganization::new("acme-corp"));
    let org = connect(&mock)
        .create_organization(&CreateOrganization::new("Acme Corp"))
        .await
        .unwrap();
    assert_eq!(org.name, "acme-corp-2");
    assert_eq!(org.r#type, Some(OrganizationType::Flexible));
}

#[tokio::test]
async fn bad_input_is_refused_before_sending_naming_the_field() {
    let mock = mock().await;
    let client = connect(&mock);
    let err = client
        .create_organization(&CreateOrganization::new("x").country("FRA"))
        .await
        .unwrap_err();
    assert!(
        err.is_invalid_input() && err.to_string().contains("`country`"),
        "{err}"
    );
    let update = UpdateOrganization::new().security_contact("not an address");
    let err = client
        .update_organization(&oid("01ABC"), &update)
        .await
        .unwrap_err();
    assert!(
        err.is_invalid_input() && err.to_string().contains("`security_contact`"),
        "{err}"
    );
    let err = client
        .list_organizations(&ListOrganizations::new().page_size(0))
        .await
        .unwrap_err();
    assert!(
        err.is_invalid_input() && err.to_string().contains("`page[size]`"),
        "{err}"
    );
    assert!(mock.requests().is_empty(), "nothing may be sent");
}

#[tokio::test]
async fn the_mock_refuses_bad_names_and_labels_in_problem_json() {
    let mock = mock().await;
    let client = connect(&mock);
    let err = client
        .create_organization(&CreateOrganization::new("  ").name("Not Valid!"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::BadRequest(_)), "{err:?}");
    let shown = err.to_string();
    assert!(
        shown.contains("Bad Request: ") && shown.contains("`name`") && shown.contains("`label`"),
        "{shown}"
    );
    let body = problem(&err);
    assert_eq!(
        (body["type"].as_str(), body["status"].as_u64()),
        (Some("about:blank"), Some(400))
    );
    assert_eq!(body["title"], "Bad Request");
    assert!(mock.organizations().all().is_empty());
}

#[tokio::test]
async fn a_taken_name_is_a_conflict() {
    let mock = mock().await;
    mock.organizations().add(NewOrganization::new("acme"));
    let err = connect(&mock)
        .create_organization(&CreateOrganization::new("Acme again").name("acme"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err:?}");
    assert_eq!(err.status(), Some(StatusCode::CONFLICT));
    assert!(
        err.to_string()
            .contains("Conflict: the name \"acme\" is already taken"),
        "{err}"
    );
    assert_eq!(mock.organizations().all().len(), 1);
}

#[tokio::test]
async fn update_sends_only_the_fields_set_and_moves_updated_at() {
    let mock = mock().await;
    let seeded = mock
        .organizations()
        .add(NewOrganization::new("acme").label("Acme"));
    mock.advance_clock(Duration::from_secs(60));
    let update = UpdateOrganization::new().label("Acme Inc.").country("de");

    let org = connect(&mock)
        .update_organization(&oid(&seeded.id), &update)
        .await
        .unwrap();

    let request = &mock.requests()[0];
    assert_eq!(request.method, Method::PATCH);
    assert_eq!(request.path, format!("/organizations/{}", seeded.id));
    assert_eq!(
        request.json().unwrap(),
        json!({"label": "Acme Inc.", "country": "de"})
    );
    assert_eq!(
        (org.name.as_str(), org.label.as_str()),
        ("acme", "Acme Inc.")
    );
    assert_eq!(org.country.as_deref(), Some("DE"));
    assert!(org.updated_at.unwrap() > seeded.updated_at);
    assert_eq!(
        mock.organizations().get(seeded.id.as_str()).unwrap().label,
        "Acme Inc."
    );
}

#[tokio::test]
async fn a_second_billing_profile_is_a_conflict() {
    let mock = mock().await;
    let org = mock
        .organizations()
        .add(NewOrganization::new("acme").billing_profile_id("bp-1"));
    let client = connect(&mock);
    let err = client
        .update_organization(
            &oid(&org.id),
            &UpdateOrganization::new().billing_profile_id("bp-2"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err:?}");
    assert!(err.to_string().contains("billing profile"), "{err}");
    let same = UpdateOrganization::new().billing_profile_id("bp-1");
    client
        .update_organization(&oid(&org.id), &same)
        .await
        .unwrap();
}

#[tokio::test]
async fn members_read_owners_change_strangers_get_403_and_unknown_ids_404() {
    let mock = mock().await;
    let grace = mock.users().add(NewUser::new("grace"));
    let eve = mock.users().add(NewUser::new("eve"));
    let org = mock
        .organizations()
        .add(NewOrganization::new("acme").member(grace.user.id));
    let member = connect_as(&mock, &grace.access_token);
    let stranger = connect_as(&mock, &eve.access_token);

    assert_eq!(
        member.get_organization(&oid(&org.id)).await.unwrap().id,
        org.id
    );
    let err = member
        .update_organization(&oid(&org.id), &UpdateOrganization::new().label("Mine"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    assert!(err.to_string().contains("only the owner"), "{err}");
    let err = member.delete_organization(&oid(&org.id)).await.unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = stranger.get_organization(&oid(&org.id)).await.unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = connect(&mock)
        .get_organization(&oid("01HZZZZZZZZZZZZZZZZZZZZZZZ"))
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    assert_eq!(problem(&err)["status"], 404);
    assert_eq!(
        mock.organizations().get(org.id.as_str()).unwrap().label,
        "acme"
    );
}

#[tokio::test]
async fn delete_answers_204_and_hides_the_organization() {
    let mock = mock().await;
    let org = mock.organizations().add(NewOrganization::new("acme"));
    let client = connect(&mock);

    client.delete_organization(&oid(&org.id)).await.unwrap();

    let request = &mock.requests()[0];
    assert_eq!(
        (request.method.as_str(), request.path.clone()),
        ("DELETE", format!("/organizations/{}", org.id))
    );
    assert!(
        client
            .get_organization(&oid(&org.id))
            .await
            .unwrap_err()
            .is_not_found()
    );
    assert!(
        client
            .delete_organization(&oid(&org.id))
            .await
            .unwrap_err()
            .is_not_found()
    );
    let listed = client
        .list_organizations(&ListOrganizations::new())
        .await
        .unwrap();
    assert!(listed.items.is_empty());
    let deleted = ListOrganizations::new().status(Filter::eq("deleted"));
    let listed = client.list_organizations(&deleted).await.unwrap();
    assert_eq!(listed.items[0].status, Some(OrganizationStatus::Deleted));
}

#[tokio::test]
async fn filters_go_on_the_wire_as_deep_objects_and_select_organizations() {
    let mock = mock().await;
    for name in ["acme", "acme-labs", "beta"] {
        mock.organizations().add(NewOrganization::new(name));
    }
    let query = ListOrganizations::new()
        .name(Filter::eq("acme"))
        .page_size(2);

    let page = connect(&mock).list_organizations(&query).await.unwrap();

    assert_eq!(
        list_queries(&mock),
        [Some("filter[name][eq]=acme&page[size]=2".to_owned())]
    );
    assert_eq!(names(&page.items), ["acme"]);
    assert_eq!(page.count, Some(1));
    assert!(!page.has_next());
}

#[tokio::test]
async fn status_type_capability_and_time_filters() {
    let mock = mock().await;
    mock.organizations()
        .add(NewOrganization::new("active-fixed").kind(upsun_mock::OrganizationType::Fixed));
    mock.organizations()
        .add(NewOrganization::new("suspended").status(upsun_mock::OrganizationStatus::Suspended));
    mock.organizations()
        .add(NewOrganization::new("deleted").status(upsun_mock::OrganizationStatus::Deleted));
    mock.advance_clock(Duration::from_secs(120));
    let since = mock.now();
    mock.organizations()
        .add(NewOrganization::new("recent").capability("metrics"));
    let client = connect(&mock);
    let list = |query: ListOrganizations| {
        let client = client.clone();
        async move { client.list_organizations(&query).await.unwrap().items }
    };

    // Deleted organizations are left out unless a status filter asks for them.
    assert_eq!(
        names(&list(ListOrganizations::new()).await),
        ["active-fixed", "suspended", "recent"]
    );
    let either = ListOrganizations::new().status(Filter::any_of(["suspended", "deleted"]));
    assert_eq!(names(&list(either).await), ["suspended", "deleted"]);
    let fixed = ListOrganizations::new().r#type(Filter::eq("fixed"));
    assert_eq!(names(&list(fixed).await), ["active-fixed"]);
    let recent = ListOrganizations::new().updated_at(Filter::gte(since));
    assert_eq!(names(&list(recent).await), ["recent"]);
    let metrics = ListOrganizations::new().capabilities(Filter::eq("metrics"));
    assert_eq!(names(&list(metrics).await), ["recent"]);
    let starts = ListOrganizations::new().name(Filter::starts_with("s").and(Filter::ne("x")));
    assert_eq!(names(&list(starts).await), ["suspended"]);
    let queries = list_queries(&mock);
    assert_eq!(
        queries[1].as_deref(),
        Some("filter[status][in]=suspended,deleted")
    );
    assert!(
        queries[3]
            .as_deref()
            .unwrap()
            .starts_with("filter[updated_at][gte]="),
        "{queries:?}"
    );
}

#[tokio::test]
async fn sorting_by_name_and_descending_label() {
    let mock = mock().await;
    for (name, label) in [("b", "Zed"), ("c", "Alpha"), ("a", "Mid")] {
        mock.organizations()
            .add(NewOrganization::new(name).label(label));
    }
    let client = connect(&mock);
    let by_name = client
        .list_organizations(&ListOrganizations::new().sort(Sort::asc("name")))
        .await
        .unwrap();
    assert_eq!(names(&by_name.items), ["a", "b", "c"]);
    let by_label = ListOrganizations::new().sort(Sort::desc("label"));
    let by_label = client.list_organizations(&by_label).await.unwrap();
    assert_eq!(names(&by_label.items), ["b", "a", "c"]);
    assert_eq!(list_queries(&mock)[1].as_deref(), Some("sort=-label"));
}

#[tokio::test]
async fn filters_the_route_does_not_take_are_400_problems() {
    trait RawOrganizations: upsun::Api {
        #[upsun::endpoint(GET, "/organizations")]
        async fn list_raw(
            &self,
            #[query] query: &BTreeMap<&'static str, &'static str>,
        ) -> upsun::Result<upsun::Page<Organization>>;
    }
    impl RawOrganizations for Client {}

    let mock = mock().await;
    let client = connect(&mock);
    let query = BTreeMap::from([("filter[colour][eq]", "red")]);
    let err = client.list_raw(&query).await.unwrap_err();
    assert!(matches!(err, Error::BadRequest(_)), "{err:?}");
    assert!(
        err.to_string().contains("cannot filter on `colour`"),
        "{err}"
    );
    assert_eq!(problem(&err)["title"], "Bad Request");

    let query = ListOrganizations::new().updated_at(Filter::contains("2024"));
    let err = client.list_organizations(&query).await.unwrap_err();
    assert!(
        err.to_string()
            .contains("does not take the operator `contains`"),
        "{err}"
    );
    let query = ListOrganizations::new().sort(Sort::asc("owner_id"));
    let err = client.list_organizations(&query).await.unwrap_err();
    assert!(err.to_string().contains("`sort`"), "{err}");
}

/// A user who owns exactly `n` organizations, `org-00`, `org-01`, ...
fn owner_of(mock: &MockServer, n: usize) -> Client {
    let grace = mock.users().add(NewUser::new("grace"));
    for i in 0..n {
        mock.organizations()
            .add(NewOrganization::new(format!("org-{i:02}")).owner(grace.user.id));
    }
    // Organizations of someone else, which grace must not see.
    mock.organizations().add(NewOrganization::new("not-graces"));
    connect_as(mock, &grace.access_token)
}

#[tokio::test]
async fn a_stream_follows_next_links_across_every_page_in_order() {
    let mock = mock().await;
    let client = owner_of(&mock, 25);
    let first = client
        .list_organizations(&ListOrganizations::new().page_size(10))
        .await
        .unwrap();
    assert_eq!(first.count, Some(25));
    let next = first.links.href("next").unwrap();
    assert!(
        next.starts_with(&format!(
            "{}/organizations?page[size]=10&page[after]=",
            mock.base_url()
        )),
        "{next}"
    );

    let all: Vec<Organization> = first.into_stream(&client).try_collect().await.unwrap();

    let expected: Vec<String> = (0..25).map(|i| format!("org-{i:02}")).collect();
    assert_eq!(names(&all), expected);
    let queries = list_queries(&mock);
    assert_eq!(queries.len(), 3, "{queries:?}");
    assert_eq!(queries[0].as_deref(), Some("page[size]=10"));
    for later in &queries[1..] {
        assert!(
            later
                .as_deref()
                .unwrap()
                .starts_with("page[size]=10&page[after]="),
            "{later:?}"
        );
    }
}

#[tokio::test]
async fn a_limited_stream_fetches_only_the_pages_it_needs() {
    let mock = mock().await;
    let client = owner_of(&mock, 25);
    let first = client
        .list_organizations(&ListOrganizations::new().page_size(10))
        .await
        .unwrap();

    let twelve: Vec<Organization> = first
        .into_stream(&client)
        .limit(12)
        .try_collect()
        .await
        .unwrap();

    assert_eq!(twelve.len(), 12);
    assert_eq!(twelve[11].name, "org-11");
    assert_eq!(list_queries(&mock).len(), 2);
}

#[tokio::test]
async fn pages_link_back_and_the_last_has_no_next() {
    let mock = mock().await;
    let client = owner_of(&mock, 5);
    let first = client
        .list_organizations(
            &ListOrganizations::new()
                .page_size(2)
                .sort(Sort::desc("name")),
        )
        .await
        .unwrap();
    assert!(first.links.previous().is_none());
    let second = first.next(&client).await.unwrap().unwrap();
    assert_eq!(names(&second.items), ["org-02", "org-01"]);
    assert!(second.links.previous().is_some());
    let third = second.next(&client).await.unwrap().unwrap();
    assert_eq!(names(&third.items), ["org-00"]);
    assert!(!third.has_next());
    assert!(third.next(&client).await.unwrap().is_none());
    let back = third.links.href("previous").unwrap().to_owned();
    let query = back.split_once("page[before]=").unwrap().1;
    let previous = client
        .list_organizations(
            &ListOrganizations::new()
                .page_size(2)
                .sort(Sort::desc("name"))
                .before(query),
        )
        .await
        .unwrap();
    assert_eq!(names(&previous.items), ["org-02", "org-01"]);
}

#[tokio::test]
async fn a_next_link_to_another_origin_is_not_followed() {
    let mock = mock().await;
    let elsewhere = upsun_tests::mock().await;
    let foreign = format!("{}/organizations?page[after]=x", elsewhere.base_url());
    mock.on(Method::GET, "/organizations")
        .respond(Fault::json(
            200,
            json!({"items": [], "_links": {"next": {"href": foreign}}}),
        ))
        .times(2);
    let client = connect(&mock);

    let page = client
        .list_organizations(&ListOrganizations::new())
        .await
        .unwrap();
    let err = page.next(&client).await.unwrap_err();
    assert!(matches!(err, Error::InvalidLink(_)), "{err:?}");
    assert!(err.to_string().contains(elsewhere.base_url()), "{err}");

    let page = client
        .list_organizations(&ListOrganizations::new())
        .await
        .unwrap();
    let streamed: Result<Vec<Organization>, _> = page.into_stream(&client).try_collect().await;
    assert!(
        matches!(streamed, Err(Error::InvalidLink(_))),
        "{streamed:?}"
    );
    assert!(
        elsewhere.requests().is_empty(),
        "{:?}",
        elsewhere.requests()
    );
    assert_eq!(mock.requests().len(), 2);
}

#[tokio::test]
async fn a_users_organizations_are_those_it_is_a_member_of() {
    let mock = mock().await;
    let grace = mock.users().add(NewUser::new("grace"));
    mock.organizations()
        .add(NewOrganization::new("adas").kind(upsun_mock::OrganizationType::Fixed));
    mock.organizations().add(
        NewOrganization::new("shared")
            .owner(grace.user.id)
            .member(mock.user_id()),
    );
    mock.organizations()
        .add(NewOrganization::new("graces").owner(grace.user.id));
    let client = connect(&mock);

    let page = client
        .list_user_organizations(mock.user_id().into(), &ListUserOrganizations::new())
        .await
        .unwrap();
    assert_eq!(names(&page.items), ["adas", "shared"]);
    assert_eq!(page.count, None);
    let request = &mock.requests()[0];
    assert_eq!(
        request.path,
        format!("/users/{}/organizations", mock.user_id())
    );
    assert_eq!(request.query, None);

    let fixed = ListUserOrganizations::new()
        .r#type(Filter::eq("fixed"))
        .page_size(5);
    let page = client
        .list_user_organizations(mock.user_id().into(), &fixed)
        .await
        .unwrap();
    assert_eq!(names(&page.items), ["adas"]);
    assert_eq!(
        mock.requests()[1].query.as_deref(),
        Some("filter[type][eq]=fixed&page[size]=5")
    );

    let err = client
        .list_user_organizations(grace.user.id.into(), &ListUserOrganizations::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
}
