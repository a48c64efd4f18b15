//! A list query as most list routes read it: deepObject filters on text or time fields
//! (`filter[field][op]=value`, `filter[field]=value` for `eq`), `sort=field` / `sort=-field`,
//! and cursor paging ([`cursor`](super::cursor)); then the page of items that match, with its
//! `_links` ([`links::list`](super::links::list)).
//!
//! Text fields take `eq`, `ne`, `in`, `nin` (comma-separated), `between` (two values,
//! inclusive), `contains`, `starts`, `ends`; time fields (named `*_at`) take RFC 3339 times
//! with `eq`, `ne`, `between`, `gt`, `gte`, `lt`, `lte`; list fields (`permissions`) take `eq`
//! and `ne` (has / has not the value) and `in` and `nin` (has one / none of them); so do
//! `capabilities`. An unknown field or operator, a bad time or sort is a 400.
//! Items keep their order (creation order) when unsorted and to break ties.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::cursor::PageQuery;
use super::links;
use crate::core::error::ApiError;

const TEXT_OPS: &[&str] = &[
    "eq", "ne", "in", "nin", "between", "contains", "starts", "ends",
];
const TIME_OPS: &[&str] = &["eq", "ne", "between", "gt", "gte", "lt", "lte"];
const LIST_OPS: &[&str] = &["eq", "ne", "in", "nin"];
/// The fields that hold lists.
const LIST_FIELDS: &[&str] = &["permissions", "capabilities"];

/// What a list route accepts: its filterable fields (`updated_at`, and any field ending in
/// `_at`, is a time), its sort fields, and its page sizes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ListSpec {
    pub(crate) filters: &'static [&'static str],
    pub(crate) sorts: &'static [&'static str],
    pub(crate) default_size: usize,
    pub(crate) max_size: usize,
}

/// The value of one field of an item, for filters and sorting.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Field {
    Text(String),
    Time(DateTime<Utc>),
    List(Vec<String>),
}

impl From<&str> for Field {
    fn from(text: &str) -> Self {
        Field::Text(text.to_owned())
    }
}

impl From<String> for Field {
    fn from(text: String) -> Self {
        Field::Text(text)
    }
}

impl From<DateTime<Utc>> for Field {
    fn from(at: DateTime<Utc>) -> Self {
        Field::Time(at)
    }
}

/// One `filter[field][op]=value`.
#[derive(Debug, Clone)]
struct Condition {
    field: String,
    op: String,
    value: String,
    times: Vec<DateTime<Utc>>,
}

/// A parsed list query.
#[derive(Debug)]
pub(crate) struct ListQuery {
    pairs: Vec<(String, String)>,
    conditions: Vec<Condition>,
    sort: Option<(String, bool)>,
    paging: PageQuery,
}

/// One page: its items, the number of items that match, and its `_links`.
#[derive(Debug)]
pub(crate) struct ListPage<'a, T> {
    pub(crate) items: Vec<&'a T>,
    pub(crate) count: usize,
    pub(crate) links: Value,
}

impl ListQuery {
    /// Parses the raw query string for a route that accepts `spec`.
    pub(crate) fn parse(raw: Option<&str>, spec: ListSpec) -> Result<ListQuery, ApiError> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or_default())
            .map_err(|err| {
                ApiError::bad_request(format!("the query string cannot be parsed: {err}"))
            })?;
        let mut query = ListQuery {
            pairs: pairs.clone(),
            conditions: Vec::new(),
            sort: None,
            paging: PageQuery::new(spec.default_size, spec.max_size),
        };
        for (key, value) in pairs {
            if query.paging.take(&key, &value)? {
                continue;
            }
            if key == "sort" {
                let (field, descending) = match value.strip_prefix('-') {
                    Some(field) => (field, true),
                    None => (value.as_str(), false),
                };
                if !spec.sorts.contains(&field) {
                    return Err(ApiError::bad_request(format!(
                        "`sort` must be one of {} (with `-` to descend), got {value:?}",
                        spec.sorts.join(", ")
                    )));
                }
                query.sort = Some((field.to_owned(), descending));
            } else if key.starts_with("filter[") {
                query.conditions.push(condition(&key, value, spec.filters)?);
            }
        }
        Ok(query)
    }

    /// Whether the query filters on `field`.
    pub(crate) fn filters_on(&self, field: &str) -> bool {
        self.conditions.iter().any(|c| c.field == field)
    }

    /// Filters and sorts `items` (in creation order) by what `field` says of each, then cuts
    /// the page asked for (cursors name `id(item)`), linking its neighbours under `base`.
    pub(crate) fn page<'a, T>(
        &self,
        items: impl Iterator<Item = &'a T>,
        field: impl Fn(&T, &str) -> Field,
        id: impl Fn(&T) -> &str,
        base: &str,
    ) -> Result<ListPage<'a, T>, ApiError> {
        let mut matching: Vec<&T> = items
            .filter(|item| {
                self.conditions
                    .iter()
                    .all(|c| c.holds(&field(item, &c.field)))
            })
            .collect();
        if let Some((name, descending)) = &self.sort {
            matching.sort_by(|a, b| {
                let order = field(a, name).cmp(&field(b, name));
                if *descending { order.reverse() } else { order }
            });
        }
        let page = self.paging.cut(matching, id)?;
        let links = links::list(base, &self.pairs, &page);
        Ok(ListPage {
            count: page.total,
            items: page.items,
            links,
        })
    }
}

impl Condition {
    fn holds(&self, value: &Field) -> bool {
        match value {
            Field::Time(at) => {
                let t = &self.times;
                let (Some(first), last) = (t.first(), t.last()) else {
                    return false;
                };
                match self.op.as_str() {
                    "eq" => at == first,
                    "ne" => at != first,
                    "gt" => at > first,
                    "gte" => at >= first,
                    "lt" => at < first,
                    "lte" => at <= first,
                    _ => last.is_some_and(|last| first <= at && at <= last),
                }
            }
            Field::List(values) => {
                let has = |v: &str| values.iter().any(|x| x == v);
                let mut listed = self.value.split(',');
                match self.op.as_str() {
                    "eq" => has(&self.value),
                    "ne" => !has(&self.value),
                    "in" => listed.any(has),
                    _ => !listed.any(has),
                }
            }
            Field::Text(text) => {
                let mut listed = self.value.split(',');
                match self.op.as_str() {
                    "eq" => *text == self.value,
                    "ne" => *text != self.value,
                    "in" => listed.any(|v| v == text),
                    "nin" => !listed.any(|v| v == text),
                    "contains" => text.contains(self.value.as_str()),
                    "starts" => text.starts_with(self.value.as_str()),
                    "ends" => text.ends_with(self.value.as_str()),
                    _ => match self.value.split_once(',') {
                        Some((low, high)) => low <= text.as_str() && text.as_str() <= high,
                        None => false,
                    },
                }
            }
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
    let time = field.ends_with("_at");
    let ops = if time {
        TIME_OPS
    } else if LIST_FIELDS.contains(&field) {
        LIST_OPS
    } else {
        TEXT_OPS
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
    if time {
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

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: ListSpec = ListSpec {
        filters: &["name", "updated_at"],
        sorts: &["name"],
        default_size: 2,
        max_size: 5,
    };

    fn field(item: &(String, String), name: &str) -> Field {
        match name {
            "name" => Field::from(item.1.as_str()),
            _ => Field::Time(DateTime::UNIX_EPOCH),
        }
    }

    #[test]
    fn filters_sorts_and_pages() {
        let items: Vec<(String, String)> = [("1", "b"), ("2", "a"), ("3", "c")]
            .map(|(id, n)| (id.to_owned(), n.to_owned()))
            .to_vec();
        let query = ListQuery::parse(Some("filter[name][ne]=c&sort=-name"), SPEC).unwrap();
        let page = query
            .page(items.iter(), field, |i| i.0.as_str(), "http://h/x")
            .unwrap();
        let names: Vec<&str> = page.items.iter().map(|i| i.1.as_str()).collect();
        assert_eq!(names, ["b", "a"]);
        assert_eq!(page.count, 2);
        for bad in [
            "filter[id]=1",
            "sort=id",
            "filter[updated_at][gt]=x",
            "page[size]=6",
        ] {
            assert!(ListQuery::parse(Some(bad), SPEC).is_err(), "{bad}");
        }
    }
}
