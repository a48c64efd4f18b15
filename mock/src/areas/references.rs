//! The References area: `GET /ref/organizations`, `/ref/projects`, `/ref/regions`,
//! `/ref/teams` and `/ref/users`, each with `in` (comma-separated IDs) and `sig`.
//!
//! The API answers only for the IDs a trusted service signed. The mock's signature of `in` is
//! [`ReferencesHandle::sign`]; a missing `in` or `sig` is a 400, a signature that does not
//! match a 403. The answer maps each ID to its record, or to `null` for an ID the mock does
//! not know (the mock knows no regions: every region is `null`). Projects are the Project
//! area's, those of an organization, answered with the mock's defaults for what it does not keep (a `grid`,
//! `active` project on the `development` plan in region `eu-5.platform.sh`).

use std::collections::hash_map::DefaultHasher;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use axum::extract::{FromRef, RawQuery, State};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::areas::{organizations, projects, teams};
use crate::core::auth::Caller;
use crate::core::error::ApiError;
use crate::core::{Core, Lend, Shared, lock};

/// This area keeps nothing of its own: it reads the others.
#[derive(Debug, Default)]
pub(crate) struct Store;

/// The area's routes.
pub(crate) fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
    Shared<organizations::Store>: FromRef<S>,
    Shared<teams::Store>: FromRef<S>,
    Shared<projects::Store>: FromRef<S>,
{
    Router::new()
        .route("/ref/organizations", get(organizations_ref))
        .route("/ref/projects", get(projects_ref))
        .route("/ref/regions", get(regions_ref))
        .route("/ref/teams", get(teams_ref))
        .route("/ref/users", get(users_ref))
}

/// The mock's signature of a list of IDs.
fn signature(ids: &str) -> String {
    let mut hasher = DefaultHasher::new();
    ("upsun-mock-ref", ids).hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// The signed IDs of the query: 400 without `in` or `sig`, 403 for a wrong signature.
fn signed_ids(raw: Option<&str>) -> Result<Vec<String>, ApiError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or_default())
        .map_err(|err| {
            ApiError::bad_request(format!("the query string cannot be parsed: {err}"))
        })?;
    let get = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let (Some(ids), Some(sig)) = (get("in"), get("sig")) else {
        return Err(ApiError::bad_request("`in` and `sig` are required"));
    };
    if sig != signature(&ids) {
        return Err(ApiError::forbidden("`sig` is not the signature of `in`"));
    }
    Ok(ids
        .split(',')
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
        .collect())
}

fn map(ids: Vec<String>, each: impl Fn(&str) -> Option<Value>) -> Json<Value> {
    let out: Map<String, Value> = ids
        .into_iter()
        .map(|id| {
            let value = each(&id).unwrap_or(Value::Null);
            (id, value)
        })
        .collect();
    Json(Value::Object(out))
}

/// `GET /ref/users`.
async fn users_ref(
    State(core): State<Arc<Core>>,
    _caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let ids = signed_ids(raw.as_deref())?;
    let directory = lock(&core.identity);
    Ok(map(ids, |id| {
        let user = directory.user(Uuid::parse_str(id).ok()?)?;
        let mut value = json!({
            "id": user.id,
            "username": user.username,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "picture": user.picture,
            "mfa_enabled": false,
            "sso_enabled": false,
        });
        if user.email.is_empty() {
            if let Some(object) = value.as_object_mut() {
                object.remove("email");
            }
        }
        Some(value)
    }))
}

/// `GET /ref/organizations`.
async fn organizations_ref(
    State(orgs): State<Shared<organizations::Store>>,
    _caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let ids = signed_ids(raw.as_deref())?;
    let orgs = lock(&orgs);
    Ok(map(ids, |id| {
        let org = &orgs.find(id, false).ok()?.org;
        Some(json!({
            "id": org.id,
            "type": org.kind.as_str(),
            "owner_id": org.owner_id,
            "name": org.name,
            "label": org.label,
            "vendor": org.vendor,
            "created_at": org.created_at,
            "updated_at": org.updated_at,
        }))
    }))
}

/// `GET /ref/teams`.
async fn teams_ref(
    State(teams): State<Shared<teams::Store>>,
    _caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let ids = signed_ids(raw.as_deref())?;
    let teams = lock(&teams);
    Ok(map(ids, |id| teams.find(id).ok().map(|r| r.json())))
}

/// `GET /ref/projects`.
async fn projects_ref(
    State(core): State<Arc<Core>>,
    State(projects): State<Shared<projects::Store>>,
    _caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let ids = signed_ids(raw.as_deref())?;
    let projects = lock(&projects);
    let now = core.now();
    Ok(map(ids, |id| {
        let project = projects.in_organization(id).ok()?;
        Some(json!({
            "id": project.id,
            "organization_id": project.organization_id,
            "subscription_id": format!("sub-{}", project.id),
            "region": "eu-5.platform.sh",
            "title": project.title,
            "type": "grid",
            "plan": "development",
            "status": "active",
            "created_at": now,
            "updated_at": now,
        }))
    }))
}

/// `GET /ref/regions`: the mock knows no regions.
async fn regions_ref(_caller: Caller, RawQuery(raw): RawQuery) -> Result<Json<Value>, ApiError> {
    let ids = signed_ids(raw.as_deref())?;
    Ok(map(ids, |_| None))
}

/// The signatures a trusted service would hand out, for tests: from
/// [`MockServer::references`](crate::MockServer::references).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let mock = upsun_mock::MockServer::start().await;
/// let sig = mock.references().sign("01A,01B");
/// assert_eq!(sig, mock.references().sign("01A,01B"));
/// assert_ne!(sig, mock.references().sign("01A"));
/// # }
/// ```
#[derive(Clone, Copy)]
pub struct ReferencesHandle<'a> {
    _store: &'a Mutex<Store>,
}

impl<'a> ReferencesHandle<'a> {
    pub(crate) fn new<R: Lend<Mutex<Store>>>(registry: &'a R) -> Self {
        ReferencesHandle {
            _store: registry.lend(),
        }
    }

    /// The `sig` the mock accepts with this `in` (the comma-separated IDs, exactly as sent).
    pub fn sign(&self, ids: &str) -> String {
        signature(ids)
    }
}

impl fmt::Debug for ReferencesHandle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReferencesHandle").finish_non_exhaustive()
    }
}
