//! The two organization lists, read with the kit's list query ([`crate::kit::filters`]):
//! deepObject filters and sorting, then a cursor page with absolute `_links`.
//!
//! What is particular to organizations: `capabilities` is a list field (`eq`/`ne`: has / has
//! not the value; `in`/`nin`: has one / none of them), the sorts are `name`, `label`,
//! `created_at` and `updated_at`, pages hold [`DEFAULT_PAGE_SIZE`] unless `page[size]` (1 to
//! 100) says otherwise, and without a `status` filter deleted organizations are left out.

use super::store::OrgRecord;
use crate::core::error::ApiError;
use crate::kit::filters::{Field, ListPage, ListQuery, ListSpec};

/// How many organizations a page holds when `page[size]` is not given.
pub(crate) const DEFAULT_PAGE_SIZE: usize = 10;

const SORTS: &[&str] = &["name", "label", "created_at", "updated_at"];

/// What `GET /organizations` accepts.
pub(crate) const ORG_LIST: ListSpec = ListSpec {
    filters: &[
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
    ],
    sorts: SORTS,
    default_size: DEFAULT_PAGE_SIZE,
    max_size: 100,
};

/// What `GET /users/{user_id}/organizations` accepts.
pub(crate) const USER_ORG_LIST: ListSpec = ListSpec {
    filters: &["id", "type", "vendor", "status", "updated_at"],
    sorts: SORTS,
    default_size: DEFAULT_PAGE_SIZE,
    max_size: 100,
};

/// The value of an organization's field, for filters and sorts.
fn field(record: &OrgRecord, name: &str) -> Field {
    let org = &record.org;
    match name {
        "id" => org.id.as_str().into(),
        "type" => org.kind.as_str().into(),
        "owner_id" => org.owner_id.to_string().into(),
        "name" => org.name.as_str().into(),
        "label" => org.label.as_str().into(),
        "billing_profile_id" => org.billing_profile_id.as_deref().unwrap_or_default().into(),
        "vendor" => org.vendor.as_str().into(),
        "capabilities" => Field::List(org.capabilities.clone()),
        "created_at" => org.created_at.into(),
        "updated_at" => org.updated_at.into(),
        _ => org.status.as_str().into(),
    }
}

/// The page of `records` (in creation order) the query asks for, linked under `base`.
pub(crate) fn page<'a>(
    query: &ListQuery,
    records: impl Iterator<Item = &'a OrgRecord>,
    base: &str,
) -> Result<ListPage<'a, OrgRecord>, ApiError> {
    let with_deleted = query.filters_on("status");
    let records = records.filter(move |r| with_deleted || r.org.status.as_str() != "deleted");
    query.page(records, field, |r| r.org.id.as_str(), base)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(raw: &str, spec: ListSpec) -> String {
        match ListQuery::parse(Some(raw), spec) {
            Ok(query) => panic!("expected a 400 for {raw:?}, got {query:?}"),
            Err(problem) => format!("{problem:?}"),
        }
    }

    #[test]
    fn refuses_unknown_fields_operators_and_bad_values() {
        assert!(problem("filter[colour][eq]=red", ORG_LIST).contains("cannot filter on `colour`"));
        assert!(problem("filter[name][eq]=a", USER_ORG_LIST).contains("cannot filter on `name`"));
        assert!(
            problem("filter[updated_at][contains]=x", ORG_LIST).contains("operator `contains`")
        );
        assert!(
            problem("filter[capabilities][contains]=x", ORG_LIST).contains("operator `contains`")
        );
        assert!(problem("filter[updated_at][gt]=yesterday", ORG_LIST).contains("RFC 3339"));
        assert!(problem("filter[name][between]=a", ORG_LIST).contains("two comma-separated"));
        assert!(problem("page[size]=0", ORG_LIST).contains("`page[size]`"));
        assert!(problem("page[size]=101", ORG_LIST).contains("`page[size]`"));
        assert!(problem("sort=-owner_id", ORG_LIST).contains("`sort`"));
        assert!(problem("page[after]=zz", ORG_LIST).contains("not a valid cursor"));
    }
}
