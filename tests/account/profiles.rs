//! The User Profiles area against upsun-mock: profiles derived from users, updates, addresses,
//! and the picture upload's `multipart/form-data` wire.

use std::time::Duration;

use serde_json::json;
use upsun::profiles::{
    self, ColorScheme, CustomerType, ProfileType, ProfilesApi, UpdateAddress, UpdateProfile,
};
use upsun::{Client, Error, Multipart, RetryPolicy};
use upsun_mock::{Bytes, Fault, Method, MockServer, NewUser, RecordedRequest};
use upsun_tests::{connect, connect_as, mock};
use uuid::Uuid;

/// The one request the mock received on `path`.
fn only_request(mock: &MockServer, path: &str) -> RecordedRequest {
    let requests: Vec<_> = mock
        .requests()
        .into_iter()
        .filter(|r| r.path == path)
        .collect();
    assert_eq!(
        requests.len(),
        1,
        "expected one request to {path}, got {requests:#?}"
    );
    requests.into_iter().next().unwrap()
}

/// Bytes an image could hold and a text codec would mangle: non-UTF-8, CR LF, NUL, dashes.
fn image_bytes() -> Vec<u8> {
    let mut bytes = vec![
        0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n', 0, 0xff, 0xfe,
    ];
    bytes.extend_from_slice(b"\r\n--not-a-boundary\r\n");
    bytes.extend((0..=255u8).cycle().take(4096));
    bytes
}

#[tokio::test]
async fn list_profiles_shows_the_callers_own_profile_and_every_one_to_an_admin() {
    let mock = mock().await;
    mock.users().add(NewUser::new("grace"));
    let admin = mock.users().add_admin(NewUser::new("root"));

    let page = connect(&mock).list_profiles().await.unwrap();
    assert_eq!(page.count, Some(1));
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].id, Some(mock.user_id().into()));
    let this = page.links.this().and_then(|link| link.href.as_deref());
    assert_eq!(this, Some(format!("{}/profiles", mock.base_url()).as_str()));
    assert!(!page.has_next());
    let request = only_request(&mock, "/profiles");
    assert_eq!((request.method, request.query), (Method::GET, None));

    let page = connect_as(&mock, &admin.access_token)
        .list_profiles()
        .await
        .unwrap();
    assert_eq!(page.count, Some(3));
    let names: Vec<_> = page
        .items
        .iter()
        .map(|p| p.username.clone().unwrap())
        .collect();
    assert_eq!(names, ["ada", "grace", "root"]);
}

#[tokio::test]
async fn get_profile_reads_the_users_profile() {
    let mock = mock().await;
    let id = mock.user_id();
    let profile = connect(&mock).get_profile(id.into()).await.unwrap();

    let user = mock.users().get(id).unwrap();
    assert_eq!(profile.id, Some(id.into()));
    assert_eq!(profile.display_name.as_deref(), Some("Ada Lovelace"));
    assert_eq!(profile.username.as_deref(), Some("ada"));
    assert_eq!(profile.email.as_deref(), Some("ada@example.com"));
    assert_eq!(profile.kind, Some(ProfileType::User));
    assert_eq!(profile.picture, Some(user.picture));
    assert_eq!(profile.company_name, Some(user.company));
    assert_eq!(profile.website_url, Some(user.website));
    assert_eq!(profile.customer_type, Some(CustomerType::Corporation));
    assert_eq!(profile.currency.as_deref(), Some("GBP"));
    assert_eq!(profile.ui_colorscheme, Some(ColorScheme::Light));
    assert_eq!(profile.created_at, Some(user.created_at));
    assert_eq!(profile.updated_at, Some(user.updated_at));
    assert_eq!(
        only_request(&mock, &format!("/profiles/{id}")).method,
        Method::GET
    );
}

#[tokio::test]
async fn someone_elses_profile_is_forbidden_and_an_unknown_one_not_found() {
    let mock = mock().await;
    let grace = mock.users().add(NewUser::new("grace"));
    let client = connect(&mock);

    let err = client.get_profile(grace.user.id.into()).await.unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = client.get_profile(Uuid::new_v4().into()).await.unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    let err = client
        .update_profile(
            grace.user.id.into(),
            &UpdateProfile::new().display_name("G"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    assert_eq!(mock.users().get(grace.user.id).unwrap().username, "grace");

    let admin = mock.users().add_admin(NewUser::new("root"));
    let profile = connect_as(&mock, &admin.access_token)
        .get_profile(grace.user.id.into())
        .await
        .unwrap();
    assert_eq!(profile.username.as_deref(), Some("grace"));
}

#[tokio::test]
async fn update_profile_sends_only_the_fields_set_and_changes_the_user() {
    let mock = mock().await;
    let id = mock.user_id();
    let before = mock.users().get(id).unwrap();
    let update = UpdateProfile::new()
        .display_name("Countess of Lovelace")
        .username("ada2")
        .company_name("Babbage & Co")
        .vat_number("GB123456789")
        .ui_colorscheme(ColorScheme::Dark)
        .marketing(true);

    let profile = connect(&mock)
        .update_profile(id.into(), &update)
        .await
        .unwrap();

    let request = only_request(&mock, &format!("/profiles/{id}"));
    assert_eq!(request.method, Method::PATCH);
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(
        request.json().unwrap(),
        json!({
            "display_name": "Countess of Lovelace",
            "username": "ada2",
            "company_name": "Babbage & Co",
            "vat_number": "GB123456789",
            "ui_colorscheme": "dark",
            "marketing": true
        })
    );
    assert_eq!(
        profile.display_name.as_deref(),
        Some("Countess of Lovelace")
    );
    assert_eq!(profile.ui_colorscheme, Some(ColorScheme::Dark));
    assert_eq!(profile.marketing, Some(true));
    assert_eq!(profile.vat_number.as_deref(), Some("GB123456789"));
    // The profile is the user's: the username and company changed there too.
    let after = mock.users().get(id).unwrap();
    assert_eq!(
        (after.username.as_str(), after.company.as_str()),
        ("ada2", "Babbage & Co")
    );
    assert!(after.updated_at > before.updated_at);
    assert_eq!(profile.updated_at, Some(after.updated_at));
    // Fields not sent are kept.
    assert_eq!(profile.email.as_deref(), Some("ada@example.com"));
    let again = connect(&mock).get_profile(id.into()).await.unwrap();
    assert_eq!(again, profile);
}

#[tokio::test]
async fn invalid_profile_updates_are_refused_before_sending() {
    let mock = mock().await;
    let client = connect(&mock);
    for (update, field) in [
        (UpdateProfile::new().picture("me.png"), "picture"),
        (
            UpdateProfile::new().current_password("").password("new"),
            "current_password",
        ),
        (
            UpdateProfile::new().current_password("old").password(""),
            "password",
        ),
    ] {
        let err = client
            .update_profile(mock.user_id().into(), &update)
            .await
            .unwrap_err();
        assert!(err.is_invalid_input(), "{err:?}");
        assert!(err.to_string().contains(&format!("`{field}`")), "{err}");
    }
    assert!(mock.requests().is_empty(), "nothing may be sent");
}

#[tokio::test]
async fn the_api_refuses_bad_profile_updates_naming_the_field() {
    let mock = mock().await;
    mock.users().add(NewUser::new("grace"));
    let client = connect(&mock);
    let id = mock.user_id();
    for (update, expected) in [
        (
            UpdateProfile::new().ui_colorscheme(ColorScheme::from("sepia")),
            "`ui_colorscheme`",
        ),
        (
            UpdateProfile::new().username("grace"),
            "`username` \"grace\" is already taken",
        ),
        (
            UpdateProfile::new().display_name(" "),
            "`display_name` must not be empty",
        ),
    ] {
        let err = client.update_profile(id.into(), &update).await.unwrap_err();
        assert!(matches!(err, Error::BadRequest(_)), "{err:?}");
        assert!(err.to_string().contains(expected), "{expected}: {err}");
    }
    assert_eq!(mock.users().get(id).unwrap().username, "ada");
}

#[tokio::test]
async fn a_password_change_needs_the_current_password() {
    let mock = mock().await;
    let client = connect(&mock);
    let id = mock.user_id();
    client
        .update_profile(
            id.into(),
            &UpdateProfile::new()
                .current_password("initial")
                .password("s3cret"),
        )
        .await
        .unwrap();
    let request = only_request(&mock, &format!("/profiles/{id}"));
    assert_eq!(
        request.json().unwrap(),
        json!({"current_password": "initial", "password": "s3cret"})
    );

    let err = client
        .update_profile(
            id.into(),
            &UpdateProfile::new()
                .current_password("wrong")
                .password("other"),
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("`current_password`"), "{err}");
    client
        .update_profile(
            id.into(),
            &UpdateProfile::new()
                .current_password("s3cret")
                .password("other"),
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn get_address_starts_from_the_user_and_update_address_changes_it() {
    let mock = mock().await;
    let client = connect(&mock);
    let id = mock.user_id();

    let address = client.get_address(id.into()).await.unwrap();
    assert_eq!(address.country.as_deref(), Some("GB"));
    assert_eq!(address.name_line.as_deref(), Some("Ada Lovelace"));
    let metadata = address.metadata.unwrap();
    assert_eq!(metadata.show_vat, Some(true));
    let required = metadata.required_fields.unwrap();
    assert!(required.contains(&"postal_code".to_owned()), "{required:?}");
    assert!(
        !required.contains(&"administrative_area".to_owned()),
        "{required:?}"
    );

    let update = UpdateAddress::new()
        .country("US")
        .thoroughfare("1 Infinite Loop")
        .locality("Cupertino")
        .administrative_area("CA")
        .postal_code("95014");
    let address = client.update_address(id.into(), &update).await.unwrap();
    let patches: Vec<_> = mock
        .requests()
        .into_iter()
        .filter(|r| r.method == Method::PATCH)
        .collect();
    let [patch] = &patches[..] else {
        panic!("expected one PATCH, got {patches:#?}")
    };
    assert_eq!(patch.path, format!("/profiles/{id}/address"));
    assert_eq!(
        patch.json().unwrap(),
        json!({
            "country": "US",
            "thoroughfare": "1 Infinite Loop",
            "administrative_area": "CA",
            "locality": "Cupertino",
            "postal_code": "95014"
        })
    );
    assert_eq!(address.locality.as_deref(), Some("Cupertino"));
    assert_eq!(
        address.name_line.as_deref(),
        Some("Ada Lovelace"),
        "fields not sent are kept"
    );
    let metadata = address.metadata.clone().unwrap();
    assert_eq!(metadata.show_vat, Some(false));
    assert!(
        metadata
            .required_fields
            .unwrap()
            .contains(&"administrative_area".to_owned())
    );
    assert_eq!(metadata.field_labels.unwrap()["postal_code"], "ZIP code");

    assert_eq!(client.get_address(id.into()).await.unwrap(), address);
    // The billing currency follows the address.
    assert_eq!(
        client
            .get_profile(id.into())
            .await
            .unwrap()
            .currency
            .as_deref(),
        Some("USD")
    );
}

#[tokio::test]
async fn address_errors() {
    let mock = mock().await;
    let grace = mock.users().add(NewUser::new("grace").country("FR"));
    let client = connect(&mock);

    let err = client
        .update_address(mock.user_id().into(), &UpdateAddress::new().country("USA"))
        .await
        .unwrap_err();
    assert!(
        err.is_invalid_input() && err.to_string().contains("`country`"),
        "{err}"
    );
    assert!(mock.requests().is_empty(), "nothing may be sent");

    let err = client.get_address(grace.user.id.into()).await.unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = client
        .update_address(
            grace.user.id.into(),
            &UpdateAddress::new().locality("Paris"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = client.get_address(Uuid::new_v4().into()).await.unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    let own = connect_as(&mock, &grace.access_token)
        .get_address(grace.user.id.into())
        .await
        .unwrap();
    assert_eq!(own.country.as_deref(), Some("FR"));
}

#[tokio::test]
async fn upload_profile_picture_sends_the_bytes_as_multipart_form_data() {
    let mock = mock().await;
    let id = mock.user_id();
    let png = image_bytes();
    let form = profiles::picture_form("me.png", "image/png", png.clone());

    let picture = connect(&mock)
        .upload_profile_picture(id.into(), &form)
        .await
        .unwrap();

    assert_eq!(picture.url, format!("/profile/{id}/picture/me.png").into());
    let request = only_request(&mock, &format!("/profile/{id}/picture"));
    assert_eq!(request.method, Method::POST);
    let content_type = request.header("content-type").unwrap();
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .unwrap_or_else(|| panic!("not multipart with a boundary: {content_type}"));
    assert!(!boundary.is_empty());
    let mut expected = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"me.png\"\r\n\
         Content-Type: image/png\r\n\r\n"
    )
    .into_bytes();
    expected.extend_from_slice(&png);
    expected.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    assert!(
        request.body == expected,
        "the body is not the expected form:\n{}",
        request.text()
    );

    assert_eq!(
        mock.profiles().picture(id),
        Some(("image/png".to_owned(), Bytes::from(png)))
    );
    let url = format!("{}{}", mock.base_url(), picture.url.as_deref().unwrap());
    assert_eq!(mock.users().get(id).unwrap().picture, url);
    let profile = connect(&mock).get_profile(id.into()).await.unwrap();
    assert_eq!(profile.picture, Some(url));
}

#[tokio::test]
async fn a_picture_is_read_from_disk_with_file_from_path() {
    let mock = mock().await;
    let id = mock.user_id();
    let name = format!("upsun-profiles-test-{}.JPG", Uuid::new_v4());
    let path = std::env::temp_dir().join(&name);
    let jpeg = image_bytes();
    std::fs::write(&path, &jpeg).unwrap();

    let client = connect(&mock);
    let by_helper = profiles::picture_form_from_path(&path).await;
    let by_hand = Multipart::new().file_from_path("file", &path).await;
    std::fs::remove_file(&path).unwrap();

    for form in [by_helper.unwrap(), by_hand.unwrap()] {
        let picture = client
            .upload_profile_picture(id.into(), &form)
            .await
            .unwrap();
        assert_eq!(picture.url, format!("/profile/{id}/picture/{name}").into());
        let stored = mock.profiles().picture(id);
        assert_eq!(
            stored,
            Some(("image/jpeg".to_owned(), Bytes::from(jpeg.clone())))
        );
    }
    let requests = mock.requests();
    assert_eq!(requests.len(), 2);
    for request in requests {
        let disposition = format!("name=\"file\"; filename=\"{name}\"\r\nContent-Type: image/jpeg");
        assert!(request.text().contains(&disposition), "{}", request.text());
    }

    let err = profiles::picture_form_from_path(&path).await.unwrap_err();
    assert!(
        err.is_invalid_input() && err.to_string().contains(&name),
        "{err}"
    );
}

#[tokio::test]
async fn the_api_refuses_a_form_without_an_image_in_file() {
    let mock = mock().await;
    let client = connect(&mock);
    let id = mock.user_id();

    let form = Multipart::new().file("picture", "me.png", "image/png", image_bytes());
    let err = client
        .upload_profile_picture(id.into(), &form)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::BadRequest(_)), "{err:?}");
    assert!(err.to_string().contains("no `file` part"), "{err}");

    let form = profiles::picture_form("notes.txt", "text/plain", "hello");
    let err = client
        .upload_profile_picture(id.into(), &form)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("`file` must be an image"), "{err}");

    let form = profiles::picture_form("empty.png", "image/png", Vec::new());
    let err = client
        .upload_profile_picture(id.into(), &form)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("`file` is empty"), "{err}");
    assert_eq!(mock.profiles().picture(id), None);
}

#[tokio::test]
async fn pictures_of_others_are_forbidden_and_of_unknown_users_not_found() {
    let mock = mock().await;
    let grace = mock.users().add(NewUser::new("grace"));
    let client = connect(&mock);
    let form = profiles::picture_form("me.png", "image/png", image_bytes());

    let err = client
        .upload_profile_picture(grace.user.id.into(), &form)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = client
        .delete_profile_picture(grace.user.id.into())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = client
        .upload_profile_picture(Uuid::new_v4().into(), &form)
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    let err = client
        .delete_profile_picture(Uuid::new_v4().into())
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    assert_eq!(mock.profiles().picture(grace.user.id), None);
}

#[tokio::test]
async fn delete_profile_picture_removes_it() {
    let mock = mock().await;
    let client = connect(&mock);
    let id = mock.user_id();
    let form = profiles::picture_form("me.png", "image/png", image_bytes());
    client
        .upload_profile_picture(id.into(), &form)
        .await
        .unwrap();
    assert!(mock.profiles().picture(id).is_some());
    mock.clear_requests();

    client.delete_profile_picture(id.into()).await.unwrap();

    let request = only_request(&mock, &format!("/profile/{id}/picture"));
    assert_eq!(request.method, Method::DELETE);
    assert!(request.body.is_empty());
    assert_eq!(mock.profiles().picture(id), None);
    assert_eq!(
        mock.users().get(id).unwrap().picture,
        upsun_mock::DEFAULT_PICTURE
    );
    let profile = client.get_profile(id.into()).await.unwrap();
    assert_eq!(
        profile.picture.as_deref(),
        Some(upsun_mock::DEFAULT_PICTURE)
    );
}

#[tokio::test]
async fn a_failed_upload_is_sent_again_with_the_same_body() {
    let mock = mock().await;
    let id = mock.user_id();
    mock.on(Method::POST, "/profile/{id}/picture")
        .respond(Fault::status(503))
        .times(1);
    let client = Client::builder()
        .base_url(mock.base_url())
        .access_token(mock.access_token())
        .retry(RetryPolicy::default().base_delay(Duration::from_millis(1)))
        .build()
        .unwrap();
    let form = profiles::picture_form("me.png", "image/png", image_bytes());

    client
        .upload_profile_picture(id.into(), &form)
        .await
        .unwrap();

    let requests = mock.requests();
    assert_eq!(requests.len(), 2, "{requests:#?}");
    assert_eq!(requests[0].body, requests[1].body);
    assert_eq!(mock.pending_faults(), 0);
    assert!(mock.profiles().picture(id).is_some());
}
