//! The two organization lists: deepObject filters and sorting, then a cursor page with
//! absolute `_links` (the generic part, in `kit::cursor` and `kit::links`).
//!
//! - `filter[field][op]=value` (or `filter[field]=value` for `eq`). Text fields take `eq`, `ne`,
//!   `in`, `nin` (comma-separated lists), `between` (two values, inclusive), `contains`,
//!   `starts`, `ends`; `capabilities` takes `eq`/`ne` (has / has not the value) and `in`/`nin`
//!   (has one / none of them); `updated_at` takes RFC 3339 times with `eq`, `ne`, `between`,
//!   `gt`, `gte`, `lt`, `lte`. A field the route does not filter on, or an operator the field
//!   does not take, is a 400. Without a `status` filter, deleted organizations are left out.
//! - `sort=field` or `sort=-field` (descending) on `name`, `label`, `created_at`, `updated_at`;
//!   creation order when unset and to break ties.
//! - `page[size]` from 1 to 100 (default [`DEFAULT_PAGE_SIZE`]), and the opaque cursors
//!   `page[after]`/`page[before]` the `next`/`previous` links carry.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::store::OrgRecord;
use crate::core::error::ApiError;
use crate::kit::cursor::PageQuery;
use crate::kit::links;

/// How many organizations a page holds when `page[size]` is not given.
pub(crate) const DEFAULT_PAGE_SIZE: usize = 10;
const MAX_PAGE_SIZE: usize = 100;

/// The filterable fields of `GET /organizations`.
pub(crate) const ORG_FIELDS: &[&str] = &[
    "id",
    "type",
    "owner_id",
    "name",
    "label",
    "billing_profile_id",
    "vendor",
    "capabilities",
    "status",
    "updated_at",
];

/// The filterable fields of `GET /users/{user_id}/organizations`.
pub(crate) const USER_ORG_FIELDS: &[&str] = &["id", "type", "vendor", "status", "updated_at"];

const TEXT_OPS: &[&str] = &[
    "eq", "ne", "in", "nin", "between", "contains", "starts", "ends",
];
const ARRAY_OPS: &[&str] = &["eq", "ne", "in", "nin"];
const DATE_OPS: &[&str] = &["eq", "ne", "between", "gt", "gte", "lt", "lte"];

/// One `filter[field][op]=value`.
#[derive(Debug, Clone)]
struct Condition {
    field: String,
    op: String,
    value: String,
    /// For `updated_at`, the value parsed (two for `between`).
    times: Vec<DateTime<Utc>>,
}

/// A parsed list query.
#[derive(Debug)]
pub(crate) struct ListQuery {
    /// Every pair as received (decoded), to rebuild links from.
    pairs: Vec<(String, String)>,
    conditions: Vec<Condition>,
    sort: Option<(String, bool)>,
    paging: PageQuery,
}

/// One page of a list.
#[derive(Debug)]
pub(crate) struct ListPage<'a> {
    pub(crate) items: Vec<&'a OrgRecord>,
    /// How many organizations match across all pages.
    pub(crate) count: usize,
    /// `self`, `previous` and `next`, as absolute URLs.
    pub(crate) links: Value,
}

impl ListQuery {
    /// Parses the raw query string; `fields` are the filters the route accepts.
    pub(crate) fn parse(raw: Option<&str>, fields: &[&str]) -> Result<ListQuery, ApiError> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or_default())
            .map_err(|err| {
                ApiError::bad_request(format!("the query string cannot be parsed: {err}"))
            })?;
        let mut query = ListQuery {
            pairs: pairs.clone(),
            conditions: Vec::new(),
            sort: None,
            paging: PageQuery::new(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
        };
        for (key, value) in pairs {
            if query.paging.take(&key, &value)? {
                continue;
            }
            if key == "sort" {
                query.sort = Some(sort(&value)?);
            } else if key.starts_with("filter[") {
                query.conditions.push(condition(&key, value, fields)?);
            }
        }
        Ok(query)
    }

    /// Filters and sorts `records` (in creation order), then cuts the page asked for, linking
    /// its neighbours under `base` (`http://host/path`).
    pub(crate) fn page<'a>(
        &self,
        records: impl Iterator<Item = &'a OrgRecord>,
        base: &str,
    ) -> Result<ListPage<'a>, ApiError> {
        let filters_status = self.conditions.iter().any(|c| c.field == "status");
        let mut matching: Vec<&OrgRecord> = records
            .filter(|r| filters_status || r.org.status.as_str() != "deleted")
            .filter(|r| self.conditions.iter().all(|c| c.holds(r)))
            .collect();
        // A stable sort: creation order breaks ties.
        if let Some((field, descending)) = &self.sort {
            matching.sort_by(|a, b| {
                let order = sort_key(a, field).cmp(&sort_key(b, field));
                if *descending { order.reverse() } else { order }
            });
        }
        let page = self.paging.cut(matching, |r| r.org.id.as_str())?;
        let links = links::list(base, &self.pairs, &page);
        Ok(ListPage {
            count: page.total,
            items: page.items,
            links,
        })
    }
}

impl Condition {
    fn holds(&self, record: &OrgRecord) -> bool {
        let org = &record.org;
        if self.field == "capabilities" {
            let has = |value: &str| org.capabilities.iter().any(|c| c == value);
            let mut listed = self.value.split(',');
            return match self.op.as_str() {
                "eq" => has(&self.value),
                "ne" => !has(&self.value),
                "in" => listed.any(has),
                _ => !listed.any(has),
            };
        }
        if self.field == "updated_at" {
            let at = org.updated_at;
            let t = &self.times;
            return match self.op.as_str() {
                "eq" => at == t[0],
                "ne" => at != t[0],
                "gt" => at > t[0],
                "gte" => at >= t[0],
                "lt" => at < t[0],
                "lte" => at <= t[0],
                _ => t[0] <= at && at <= t[1],
            };
        }
        let owner = org.owner_id.to_string();
        let text = match self.field.as_str() {
            "id" => org.id.as_str(),
            "type" => org.kind.as_str(),
            "owner_id" => owner.as_str(),
            "name" => org.name.as_str(),
            "label" => org.label.as_str(),
            "billing_profile_id" => org.billing_profile_id.as_deref().unwrap_or_default(),
            "vendor" => org.vendor.as_str(),
            _ => org.status.as_str(),
        };
        let mut listed = self.value.split(',');
        match self.op.as_str() {
            "eq" => text == self.value,
            "ne" => text != self.value,
            "in" => listed.any(|v| v == text),
            "nin" => !listed.any(|v| v == text),
            "contains" => text.contains(self.value.as_str()),
            "starts" => text.starts_with(self.value.as_str()),
            "ends" => text.ends_with(self.value.as_str()),
            _ => match self.value.split_once(',') {
                Some((low, high)) => low <= text && text <= high,
                None => false,
            },
        }
    }
}

/// Parses `filter[field][op]` (or `filter[field]`, meaning `eq`) with its value.
fn condition(key: &str, value: String, fields: &[&str]) -> Result<Condition, ApiError> {
    let bad = |why: String| ApiError::bad_request(format!("`{key}`: {why}"));
    let inner = key.strip_prefix("filter[").unwrap_or(key);
    let (field, rest) = inner
        .split_once(']')
        .ok_or_else(|| bad("expected `filter[field][operator]`".to_owned()))?;
    let op = match rest {
        "" => "eq",
        _ => rest
            .strip_prefix('[')
            .and_then(|op| op.strip_suffix(']'))
            .ok_or_else(|| bad("expected `filter[field][operator]`".to_owned()))?,
    };
    if !fields.contains(&field) {
        return Err(bad(format!(
            "cannot filter on `{field}`; the fields are {}",
            fields.join(", ")
        )));
    }
    let ops = match field {
        "capabilities" => ARRAY_OPS,
        "updated_at" => DATE_OPS,
        _ => TEXT_OPS,
    };
    if !ops.contains(&op) {
        return Err(bad(format!(
            "`{field}` does not take the operator `{op}`; it takes {}",
            ops.join(", ")
        )));
    }
    if op == "between" && value.split(',').count() != 2 {
        return Err(bad(format!(
            "`between` takes two comma-separated values, got {value:?}"
        )));
    }
    let mut times = Vec::new();
    if field == "updated_at" {
        for part in value.split(',') {
            let at = DateTime::parse_from_rfc3339(part)
                .map_err(|_| bad(format!("{part:?} is not an RFC 3339 date and time")))?;
            times.push(at.with_timezone(&Utc));
        }
    }
    Ok(Condition {
        field: field.to_owned(),
        op: op.to_owned(),
        value,
        times,
    })
}

fn sort(value: &str) -> Result<(String, bool), ApiError> {
    let (field, descending) = match value.strip_prefix('-') {
        Some(field) => (field, true),
        None => (value, false),
    };
    if ["name", "label", "created_at", "updated_at"].contains(&field) {
        Ok((field.to_owned(), descending))
    } else {
        Err(ApiError::bad_request(format!(
            "`sort` must be one of name, label, created_at, updated_at (with `-` to descend), got {value:?}"
        )))
    }
}

/// What an organization sorts by for `field`; RFC 3339 in UTC sorts like the time.
fn sort_key(record: &OrgRecord, field: &str) -> String {
    let org = &record.org;
    match field {
        "name" => org.name.clone(),
        "label" => org.label.clone(),
        "created_at" => org
            .created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        _ => org
            .updated_at
            .to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(raw: &str, fields: &[&str]) -> String {
        match ListQuery::parse(Some(raw), fields) {
            Ok(query) => panic!("expected a 400 for {raw:?}, got {query:?}"),
            Err(problem) => format!("{problem:?}"),
        }
    }

    #[test]
    fn refuses_unknown_fields_operators_and_bad_values() {
        assert!(
            problem("filter[colour][eq]=red", ORG_FIELDS).contains("cannot filter on `colour`")
        );
        assert!(problem("filter[name][eq]=a", USER_ORG_FIELDS).contains("cannot filter on `name`"));
        assert!(
            problem("filter[updated_at][contains]=x", ORG_FIELDS).contains("operator `contains`")
        );
        assert!(problem("filter[updated_at][gt]=yesterday", ORG_FIELDS).contains("RFC 3339"));
        assert!(problem("filter[name][between]=a", ORG_FIELDS).contains("two comma-separated"));
        assert!(problem("page[size]=0", ORG_FIELDS).contains("`page[size]`"));
        assert!(problem("page[size]=101", ORG_FIELDS).contains("`page[size]`"));
        assert!(problem("sort=-owner_id", ORG_FIELDS).contains("`sort`"));
        assert!(problem("page[after]=zz", ORG_FIELDS).contains("not a valid cursor"));
    }
}
