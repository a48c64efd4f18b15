//! The query parameters of the two organization lists.

use serde::{Serialize, Serializer};

use crate::query::{Filter, PageParams, Sort};

/// The filters of [`list_organizations`](super::OrganizationsApi::list_organizations), one per
/// field, each sent as `filter[field][op]=value`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct OrganizationFilters {
    /// On `id`.
    pub id: Option<Filter>,
    /// On `type` (`fixed`, `flexible`).
    pub r#type: Option<Filter>,
    /// On `owner_id`.
    pub owner_id: Option<Filter>,
    /// On `name`.
    pub name: Option<Filter>,
    /// On `label`.
    pub label: Option<Filter>,
    /// On `billing_profile_id`.
    pub billing_profile_id: Option<Filter>,
    /// On `vendor`.
    pub vendor: Option<Filter>,
    /// On `capabilities`, a list: `eq`, `ne`, `in` and `nin` test its elements.
    pub capabilities: Option<Filter>,
    /// On `status`; the API shows `active`, `restricted` and `suspended` ones when unset.
    pub status: Option<Filter>,
    /// On `updated_at`.
    pub updated_at: Option<Filter>,
}

/// The query of [`list_organizations`](super::OrganizationsApi::list_organizations): filters,
/// page size and cursors, and the sort order.
///
/// The sort fields are `name`, `label`, `created_at` and `updated_at`.
///
/// ```
/// use upsun::organizations::ListOrganizations;
/// use upsun::query::{Filter, Sort, to_query_string};
///
/// let query = ListOrganizations::new()
///     .name(Filter::eq("acme"))
///     .status(Filter::any_of(["active", "suspended"]))
///     .page_size(2)
///     .sort(Sort::desc("updated_at"));
/// assert_eq!(
///     to_query_string(&query)?,
///     "filter[name][eq]=acme&filter[status][in]=active,suspended&page[size]=2&sort=-updated_at",
/// );
/// # Ok::<(), upsun::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ListOrganizations {
    /// The filters.
    pub filter: OrganizationFilters,
    /// The page size and cursors; the size must be between 1 and 100.
    #[serde(serialize_with = "check_page")]
    pub page: PageParams,
    /// The sort order.
    pub sort: Option<Sort>,
}

/// The filters of
/// [`list_user_organizations`](super::OrganizationsApi::list_user_organizations).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct UserOrganizationFilters {
    /// On `id`.
    pub id: Option<Filter>,
    /// On `type` (`fixed`, `flexible`).
    pub r#type: Option<Filter>,
    /// On `vendor`.
    pub vendor: Option<Filter>,
    /// On `status`; the API shows `active`, `restricted` and `suspended` ones when unset.
    pub status: Option<Filter>,
    /// On `updated_at`.
    pub updated_at: Option<Filter>,
}

/// The query of
/// [`list_user_organizations`](super::OrganizationsApi::list_user_organizations): fewer filters
/// than [`ListOrganizations`], the same paging and sorting.
///
/// ```
/// use upsun::organizations::ListUserOrganizations;
/// use upsun::query::{Filter, to_query_string};
///
/// let query = ListUserOrganizations::new().r#type(Filter::eq("flexible")).page_size(5);
/// assert_eq!(to_query_string(&query)?, "filter[type][eq]=flexible&page[size]=5");
/// # Ok::<(), upsun::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ListUserOrganizations {
    /// The filters.
    pub filter: UserOrganizationFilters,
    /// The page size and cursors; the size must be between 1 and 100.
    #[serde(serialize_with = "check_page")]
    pub page: PageParams,
    /// The sort order.
    pub sort: Option<Sort>,
}

/// Chainable setters shared by both list queries: one per filter, then paging and sorting.
macro_rules! list_setters {
    ($query:ident { $( $(#[$doc:meta])* $field:ident, )* }) => {
        impl $query {
            /// A query for the first page with the API's defaults.
            pub fn new() -> Self {
                Self::default()
            }

            $(
                $(#[$doc])*
                pub fn $field(mut self, filter: Filter) -> Self {
                    self.filter.$field = Some(filter);
                    self
                }
            )*

            /// Sets how many organizations a page holds: 1 to 100.
            pub fn page_size(mut self, size: u32) -> Self {
                self.page.size = Some(size);
                self
            }

            /// Asks for the organizations before this cursor (from a page's `previous` link).
            pub fn before(mut self, cursor: impl Into<String>) -> Self {
                self.page.before = Some(cursor.into());
                self
            }

            /// Asks for the organizations after this cursor (from a page's `next` link).
            pub fn after(mut self, cursor: impl Into<String>) -> Self {
                self.page.after = Some(cursor.into());
                self
            }

            /// Sorts by `name`, `label`, `created_at` or `updated_at`.
            pub fn sort(mut self, sort: Sort) -> Self {
                self.sort = Some(sort);
                self
            }
        }
    };
}

list_setters!(ListOrganizations {
    /// Filters on the ID.
    id,
    /// Filters on the type.
    r#type,
    /// Filters on the owner's ID.
    owner_id,
    /// Filters on the machine name.
    name,
    /// Filters on the label.
    label,
    /// Filters on the billing profile ID.
    billing_profile_id,
    /// Filters on the vendor.
    vendor,
    /// Filters on the capabilities.
    capabilities,
    /// Filters on the status.
    status,
    /// Filters on the time of the last update.
    updated_at,
});

list_setters!(ListUserOrganizations {
    /// Filters on the ID.
    id,
    /// Filters on the type.
    r#type,
    /// Filters on the vendor.
    vendor,
    /// Filters on the status.
    status,
    /// Filters on the time of the last update.
    updated_at,
});

/// Refuses a page size outside 1..=100 before sending, naming `page[size]`.
fn check_page<S: Serializer>(page: &PageParams, serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::Error as _;
    if let Some(size) = page.size {
        if !(1..=100).contains(&size) {
            return Err(S::Error::custom(format!(
                "`page[size]` must be between 1 and 100, got {size}"
            )));
        }
    }
    page.serialize(serializer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::to_query_string;

    #[test]
    fn every_filter_goes_under_its_own_key() {
        let at = chrono::DateTime::UNIX_EPOCH;
        let query = ListOrganizations::new()
            .id(Filter::eq("01A"))
            .r#type(Filter::eq("fixed"))
            .owner_id(Filter::eq(uuid::Uuid::nil()))
            .label(Filter::contains("a b"))
            .billing_profile_id(Filter::ne("bp"))
            .vendor(Filter::eq("upsun"))
            .capabilities(Filter::any_of(["x", "y"]))
            .updated_at(Filter::gte(at))
            .after("c1");
        assert_eq!(
            to_query_string(&query).unwrap(),
            "filter[id][eq]=01A&filter[type][eq]=fixed\
             &filter[owner_id][eq]=00000000-0000-0000-0000-000000000000\
             &filter[label][contains]=a%20b&filter[billing_profile_id][ne]=bp\
             &filter[vendor][eq]=upsun&filter[capabilities][in]=x,y\
             &filter[updated_at][gte]=1970-01-01T00%3A00%3A00Z&page[after]=c1"
        );
        assert_eq!(to_query_string(&ListOrganizations::new()).unwrap(), "");
    }

    #[test]
    fn page_sizes_outside_the_range_are_refused() {
        for size in [0, 101] {
            let err = to_query_string(&ListOrganizations::new().page_size(size)).unwrap_err();
            assert!(
                err.is_invalid_input() && err.to_string().contains("`page[size]`"),
                "{err}"
            );
        }
        let err = to_query_string(&ListUserOrganizations::new().page_size(0)).unwrap_err();
        assert!(err.to_string().contains("`page[size]`"), "{err}");
        to_query_string(&ListOrganizations::new().page_size(100).before("b")).unwrap();
    }
}
