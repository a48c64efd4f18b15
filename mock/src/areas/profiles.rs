//! The User Profiles area: `GET /profiles`, `GET|PATCH /profiles/{userId}`,
//! `GET|PATCH /profiles/{userId}/address`, and `POST|DELETE /profile/{uuid}/picture`.
//!
//! A profile is derived from its user (see `model.rs`): `username`, `picture` and
//! `company_name` are the user's own fields, so a profile update changes the user too. Every
//! route needs a valid bearer access token (401); a user may read and change only its own
//! profile, address and picture (403) unless its token belongs to an admin; an unknown user is a
//! 404. `GET /profiles` lists the caller's own profile, or every profile for an admin.
//!
//! An uploaded picture is kept in memory and served, without authentication, at the relative
//! URL the upload answers (`/profile/{uuid}/picture/{file name}`); the user's `picture` becomes
//! that URL made absolute with the request's `Host`. Deleting it puts back
//! [`DEFAULT_PICTURE`]: `picture` is never empty.
//!
//! Its test handle is [`ProfilesHandle`].

mod model;
mod multipart;
mod patch;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Value, json};
use uuid::Uuid;

pub(crate) use self::model::{ADDRESS_FIELDS, currency};
use self::model::{Address, AddressWithMetadata, Extras, Picture, Profile};
use self::patch::{AddressPatch, ProfilePatch};
use crate::core::auth::Caller;
use crate::core::clock::later_than;
use crate::core::error::ApiError;
use crate::core::http::{base_url, check_json, decoded};
use crate::core::identity::model::User;
use crate::core::identity::{DEFAULT_PICTURE, no_such_user};
use crate::core::{Core, Lend, Shared, lock};
use crate::kit::links::Links;

/// Every byte outside RFC 3986's unreserved set, for the file name in a picture's URL.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// What the area stores beside the users: profile fields, addresses and pictures, by user ID.
#[derive(Debug, Default)]
pub(crate) struct Store {
    extras: HashMap<Uuid, Extras>,
    addresses: HashMap<Uuid, Address>,
    pictures: HashMap<Uuid, Picture>,
}

impl Store {
    fn address(&self, user: &User) -> Address {
        self.addresses
            .get(&user.id)
            .cloned()
            .unwrap_or_else(|| Address::of(user))
    }

    fn profile(&self, user: &User) -> Profile {
        let extras = self.extras.get(&user.id).cloned().unwrap_or_default();
        Profile::of(user, &extras, &self.address(user))
    }
}

/// The User Profiles area's routes, with the path parameters named as the API's document
/// names them (`{userId}`, `{uuid}`).
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<Store>: FromRef<S>,
{
    Router::new()
        .route("/profiles", get(list_profiles))
        .route("/profiles/{userId}", get(get_profile).patch(update_profile))
        .route(
            "/profiles/{userId}/address",
            get(get_address).patch(update_address),
        )
        .route(
            "/profile/{uuid}/picture",
            post(upload_picture).delete(delete_picture),
        )
        .route("/profile/{uuid}/picture/{name}", get(picture_file))
}

/// `GET /profiles`: `{count, profiles, _links}`, the caller's own profile or all for an admin.
async fn list_profiles(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    headers: HeaderMap,
) -> Json<Value> {
    let users: Vec<User> = lock(&core.identity)
        .users()
        .filter(|user| caller.admin || user.id == caller.user_id)
        .cloned()
        .collect();
    let store = lock(&store);
    let profiles: Vec<Profile> = users.iter().map(|user| store.profile(user)).collect();
    let links = Links::default().with("self", format!("{}/profiles", base_url(&headers)));
    Json(json!({
        "count": profiles.len(),
        "profiles": profiles,
        "_links": links.into_value(),
    }))
}

/// `GET /profiles/{userId}`
async fn get_profile(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Json<Profile>, ApiError> {
    let user = target(&core, &caller, segment)?;
    Ok(Json(lock(&store).profile(&user)))
}

/// `PATCH /profiles/{userId}`: checks everything, then applies the fields sent.
async fn update_profile(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Profile>, ApiError> {
    let id = target(&core, &caller, segment)?.id;
    check_json(&headers)?;
    let patch = ProfilePatch::parse(&body)?;
    let now = core.now();
    let mut users = lock(&core.identity);
    if let Some(wanted) = patch.text("username") {
        users.check_username_free(id, wanted)?;
    }
    let mut guard = lock(&store);
    let store = &mut *guard;
    let extras = store.extras.entry(id).or_default();
    if patch.text("password").is_some() {
        let current = patch.text("current_password").unwrap_or_default();
        if extras
            .password
            .as_deref()
            .is_some_and(|password| password != current)
        {
            return Err(ApiError::bad_request(
                "`current_password` is not the user's current password",
            ));
        }
    }
    let user = users.user_mut(id).ok_or_else(|| no_such_user(id))?;
    let fields = [
        ("username", &mut user.username),
        ("picture", &mut user.picture),
        ("company_name", &mut user.company),
        ("company_type", &mut extras.company_type),
        ("vat_number", &mut extras.vat_number),
        ("company_role", &mut extras.company_role),
        ("default_catalog", &mut extras.default_catalog),
        ("project_options_url", &mut extras.project_options_url),
    ];
    for (name, slot) in fields {
        if let Some(sent) = patch.text(name) {
            *slot = sent.to_owned();
        }
    }
    let optional = [
        ("display_name", &mut extras.display_name),
        ("ui_colorscheme", &mut extras.ui_colorscheme),
        ("password", &mut extras.password),
    ];
    for (name, slot) in optional {
        if let Some(sent) = patch.text(name) {
            *slot = Some(sent.to_owned());
        }
    }
    if let Some(marketing) = patch.marketing {
        extras.marketing = marketing;
    }
    user.updated_at = later_than(user.updated_at, now);
    let extras = extras.clone();
    let address = store.address(user);
    Ok(Json(Profile::of(user, &extras, &address)))
}

/// `GET /profiles/{userId}/address`: the stored address, or one derived from the user.
async fn get_address(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<Json<AddressWithMetadata>, ApiError> {
    let user = target(&core, &caller, segment)?;
    let address = lock(&store).address(&user);
    Ok(Json(AddressWithMetadata::new(address)))
}

/// `PATCH /profiles/{userId}/address`: applies the fields sent.
async fn update_address(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<AddressWithMetadata>, ApiError> {
    let user = target(&core, &caller, segment)?;
    check_json(&headers)?;
    let patch = AddressPatch::parse(&body)?;
    let mut store = lock(&store);
    let address = store
        .addresses
        .entry(user.id)
        .or_insert_with(|| Address::of(&user));
    for (name, sent) in patch.fields {
        if let Some(slot) = address.field_mut(name) {
            *slot = sent;
        }
    }
    Ok(Json(AddressWithMetadata::new(address.clone())))
}

/// `POST /profile/{uuid}/picture`: a `multipart/form-data` body with an image in `file`.
async fn upload_picture(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let id = target(&core, &caller, segment)?.id;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let boundary = multipart::boundary(content_type)?;
    let file = multipart::parse(&body, &boundary)?
        .into_iter()
        .find(|part| part.name == "file")
        .ok_or_else(|| {
            ApiError::bad_request(
                "the form has no `file` part: send the image in a part named `file`",
            )
        })?;
    let content_type = file
        .content_type
        .unwrap_or_else(|| "application/octet-stream".to_owned());
    if !content_type.to_ascii_lowercase().starts_with("image/") {
        return Err(ApiError::bad_request(format!(
            "`file` must be an image (`image/png`, `image/jpeg`, ...), got {content_type:?}"
        )));
    }
    if file.data.is_empty() {
        return Err(ApiError::bad_request("`file` is empty"));
    }
    // Browsers may send a whole path; keep its last component.
    let file_name = file
        .file_name
        .as_deref()
        .and_then(|name| name.rsplit(['/', '\\']).next())
        .filter(|name| !name.is_empty() && *name != "." && *name != "..")
        .unwrap_or("picture")
        .to_owned();
    let url = format!(
        "/profile/{id}/picture/{}",
        utf8_percent_encode(&file_name, SEGMENT)
    );
    let now = core.now();
    // The user's `picture` and the stored file change together (users, then profiles).
    let mut users = lock(&core.identity);
    let user = users.user_mut(id).ok_or_else(|| no_such_user(id))?;
    user.picture = format!("{}{url}", base_url(&headers));
    user.updated_at = later_than(user.updated_at, now);
    let picture = Picture {
        file_name,
        content_type,
        data: file.data,
    };
    lock(&store).pictures.insert(id, picture);
    Ok(Json(json!({ "url": url })))
}

/// `DELETE /profile/{uuid}/picture`: 204, and the user's picture is the default one again.
async fn delete_picture(
    State(core): State<Arc<Core>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    let id = target(&core, &caller, segment)?.id;
    let now = core.now();
    let mut users = lock(&core.identity);
    let user = users.user_mut(id).ok_or_else(|| no_such_user(id))?;
    user.picture = DEFAULT_PICTURE.to_owned();
    user.updated_at = later_than(user.updated_at, now);
    lock(&store).pictures.remove(&id);
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /profile/{uuid}/picture/{name}`: the uploaded image, to anyone (a picture is public).
/// Not one of the API's documented routes: the upload answers this URL.
async fn picture_file(
    State(store): State<Shared<Store>>,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, ApiError> {
    let (user_id, name) = decoded(path)?;
    let missing = || ApiError::not_found(format!("no picture {name:?} for user {user_id:?}"));
    let id = Uuid::parse_str(&user_id).map_err(|_| missing())?;
    let store = lock(&store);
    let picture = store
        .pictures
        .get(&id)
        .filter(|picture| picture.file_name == name)
        .ok_or_else(missing)?;
    let content_type = HeaderValue::from_str(&picture.content_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    let headers = [(header::CONTENT_TYPE, content_type)];
    Ok((headers, picture.data.clone()).into_response())
}

/// The user a `{userId}` names, if the caller may act on it: 404 for an unknown user (or a
/// segment that is not a UUID), then 403 for someone else's.
fn target(
    core: &Core,
    caller: &Caller,
    segment: Result<Path<String>, PathRejection>,
) -> Result<User, ApiError> {
    let id = caller.target_user(core, &decoded(segment)?)?;
    lock(&core.identity)
        .user(id)
        .cloned()
        .ok_or_else(|| no_such_user(id))
}

/// Profile pictures, for tests: from [`MockServer::profiles`](crate::MockServer::profiles).
#[derive(Clone, Copy)]
pub struct ProfilesHandle<'a> {
    store: &'a Mutex<Store>,
}

impl<'a> ProfilesHandle<'a> {
    pub(crate) fn new<R: Lend<Mutex<Store>>>(registry: &'a R) -> Self {
        ProfilesHandle {
            store: registry.lend(),
        }
    }

    /// The content type and bytes of the profile picture last uploaded for this user with
    /// `POST /profile/{uuid}/picture`; `None` if there is none (or it was deleted).
    pub fn picture(&self, user_id: Uuid) -> Option<(String, Bytes)> {
        let store = lock(self.store);
        let picture = store.pictures.get(&user_id)?;
        Some((picture.content_type.clone(), picture.data.clone()))
    }
}

impl fmt::Debug for ProfilesHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProfilesHandle").finish_non_exhaustive()
    }
}
