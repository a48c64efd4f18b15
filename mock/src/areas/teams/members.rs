//! A team's members: `GET`/`POST /teams/{team_id}/members` and `GET`/`DELETE
//! /teams/{team_id}/members/{user_id}`. Members of the organization may read them; only its
//! owner or an admin may change them; a team member must be a member of the organization.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use uuid::Uuid;

use super::{Store, TeamMember, checked};
use crate::areas::organizations;
use crate::core::auth::Caller;
use crate::core::clock::later_than;
use crate::core::error::ApiError;
use crate::core::http::{JsonBody, base_url, decoded};
use crate::core::identity::user_id;
use crate::core::{Core, Shared, lock};
use crate::kit::filters::{Field, ListQuery, ListSpec};

const MEMBERS: ListSpec = ListSpec {
    filters: &[],
    sorts: &["created_at", "updated_at"],
    default_size: 10,
    max_size: 10,
};

fn member_json(member: &TeamMember) -> Value {
    serde_json::to_value(member).unwrap_or(Value::Null)
}

/// `GET /teams/{team_id}/members`: a page of members (the API's page size).
pub(super) async fn list(
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let id = decoded(segment)?;
    let query = ListQuery::parse(raw.as_deref(), MEMBERS)?;
    let (orgs, store) = (lock(&orgs), lock(&store));
    let record = checked(&orgs, &store, &id, &caller, false)?;
    let base = format!("{}/teams/{id}/members", base_url(&headers));
    let field = |m: &TeamMember, name: &str| match name {
        "created_at" => Field::from(m.created_at),
        _ => Field::from(m.updated_at),
    };
    let ids: Vec<(String, &TeamMember)> = record
        .members
        .iter()
        .map(|m| (m.user_id.to_string(), m))
        .collect();
    let page = query.page(
        ids.iter(),
        |(_, m), name| field(m, name),
        |(id, _)| id.as_str(),
        &base,
    )?;
    let items: Vec<Value> = page.items.iter().map(|(_, m)| member_json(m)).collect();
    Ok(Json(json!({ "items": items, "_links": page.links })))
}

/// `POST /teams/{team_id}/members`: 201; the user must be a member of the organization.
pub(super) async fn add(
    State(core): State<Arc<Core>>,
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segment: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let id = decoded(segment)?;
    let (orgs, mut store) = (lock(&orgs), lock(&store));
    let record = checked(&orgs, &store, &id, &caller, true)?;
    let mut fields = JsonBody::parse(&headers, &body, &["user_id"])?;
    let user = fields.required_string("user_id");
    fields.finish()?;
    let user = user_id(&user.unwrap_or_default())
        .map_err(|_| ApiError::bad_request("`user_id` must be a UUID"))?;
    let org = orgs.find(&record.team.organization_id, false)?;
    if !org.is_member(user) {
        return Err(ApiError::bad_request(format!(
            "user {user} is not a member of organization {}",
            org.org.id
        )));
    }
    if record.member(user).is_some() {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            format!("user {user} is already a member of team {id}"),
        ));
    }
    let now = core.now();
    let record = store.find_mut(&id)?;
    let member = TeamMember {
        team_id: id.clone(),
        user_id: user,
        created_at: now,
        updated_at: now,
    };
    record.members.push(member.clone());
    record.team.updated_at = later_than(record.team.updated_at, now);
    Ok((StatusCode::CREATED, Json(member_json(&member))).into_response())
}

/// The team and user of a `/teams/{team_id}/members/{user_id}` path.
fn member_path(
    segments: Result<Path<(String, String)>, PathRejection>,
) -> Result<(String, Uuid), ApiError> {
    let (team, user) = decoded(segments)?;
    Ok((team, user_id(&user)?))
}

/// `GET /teams/{team_id}/members/{user_id}`.
pub(super) async fn get(
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segments: Result<Path<(String, String)>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let (id, user) = member_path(segments)?;
    let (orgs, store) = (lock(&orgs), lock(&store));
    let record = checked(&orgs, &store, &id, &caller, false)?;
    let member = record
        .member(user)
        .ok_or_else(|| ApiError::not_found(format!("user {user} is not a member of team {id}")))?;
    Ok(Json(member_json(member)))
}

/// `DELETE /teams/{team_id}/members/{user_id}`: 204.
pub(super) async fn remove(
    State(orgs): State<Shared<organizations::Store>>,
    State(store): State<Shared<Store>>,
    caller: Caller,
    segments: Result<Path<(String, String)>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    let (id, user) = member_path(segments)?;
    let (orgs, mut store) = (lock(&orgs), lock(&store));
    checked(&orgs, &store, &id, &caller, true)?;
    let record = store.find_mut(&id)?;
    let before = record.members.len();
    record.members.retain(|m| m.user_id != user);
    if record.members.len() == before {
        return Err(ApiError::not_found(format!(
            "user {user} is not a member of team {id}"
        )));
    }
    Ok(StatusCode::NO_CONTENT)
}
