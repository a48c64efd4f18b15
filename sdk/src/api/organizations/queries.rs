//! The query parameters of the two organization lists.

use crate::query::list::list_query;

list_query! {
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
    pub struct ListOrganizations {
        filter OrganizationFilters {
            /// Filters on the ID.
            id,
            /// Filters on the type (`fixed`, `flexible`).
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
            /// Filters on the capabilities, a list: `eq`, `ne`, `in` and `nin` test its elements.
            capabilities,
            /// Filters on the status; the API shows `active`, `restricted` and `suspended` ones
            /// when unset.
            status,
            /// Filters on the time of the last update.
            updated_at,
        }
        size 100,
        sort ["name", "label", "created_at", "updated_at"],
    }
}

list_query! {
    /// The query of
    /// [`list_user_organizations`](super::OrganizationsApi::list_user_organizations): fewer
    /// filters than [`ListOrganizations`], the same paging and sorting.
    ///
    /// ```
    /// use upsun::organizations::ListUserOrganizations;
    /// use upsun::query::{Filter, to_query_string};
    ///
    /// let query = ListUserOrganizations::new().r#type(Filter::eq("flexible")).page_size(5);
    /// assert_eq!(to_query_string(&query)?, "filter[type][eq]=flexible&page[size]=5");
    /// # Ok::<(), upsun::Error>(())
    /// ```
    pub struct ListUserOrganizations {
        filter UserOrganizationFilters {
            /// Filters on the ID.
            id,
            /// Filters on the type (`fixed`, `flexible`).
            r#type,
            /// Filters on the vendor.
            vendor,
            /// Filters on the status; the API shows `active`, `restricted` and `suspended` ones
            /// when unset.
            status,
            /// Filters on the time of the last update.
            updated_at,
        }
        size 100,
        sort ["name", "label", "created_at", "updated_at"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{Filter, to_query_string};

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
