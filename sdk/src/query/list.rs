//! [`list_query!`]: one declarative way to write the query of a paged list: its typed filters
//! (`filter[field][op]=value`), its cursors and page size, and its sort order, with the page size
//! and the sort field checked before sending against what the document allows.
//!
//! ```ignore
//! list_query! {
//!     /// The query of `GET /teams`.
//!     pub struct ListTeams {
//!         filter TeamFilters {
//!             /// Filters on the organization's ID.
//!             organization_id,
//!         }
//!         size 100,
//!         sort ["label", "created_at", "updated_at"],
//!     }
//! }
//! ```
//!
//! gives `TeamFilters` (one `Option<Filter>` per field), `ListTeams { filter, page, sort }`,
//! `ListTeams::new()`, one setter per filter, `page_size` (when `size` is given), `before`,
//! `after` and `sort`. Serializing refuses a page size outside `1..=size` (or any size when
//! the list takes none), naming `page[size]`, and a sort on another field, naming `sort`.

use super::{PageParams, Sort};

/// See the [module docs](self).
macro_rules! list_query {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( filter $filters:ident {
                $( $(#[$fmeta:meta])* $field:ident ),* $(,)?
            } )?
            $( size $max:literal, )?
            sort [ $( $sort:literal ),* $(,)? ],
        }
    ) => {
        $(
            #[doc = concat!("The filters of [`", stringify!($name), "`], one per field, each sent as `filter[field][op]=value`.")]
            #[derive(Debug, Clone, Default, PartialEq, Eq, ::serde::Serialize)]
            #[non_exhaustive]
            pub struct $filters {
                $( $(#[$fmeta])* pub $field: ::std::option::Option<$crate::query::Filter>, )*
            }
        )?

        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct $name {
            $(
                /// The filters.
                pub filter: $filters,
            )?
            /// The cursors (and page size, where the list takes one).
            pub page: $crate::query::PageParams,
            /// The sort order.
            pub sort: ::std::option::Option<$crate::query::Sort>,
        }

        impl $name {
            /// The sort fields this list takes.
            pub const SORT_FIELDS: &'static [&'static str] = &[$($sort),*];

            /// A query for the first page with the API's defaults.
            pub fn new() -> Self {
                Self::default()
            }

            $($(
                $(#[$fmeta])*
                #[must_use]
                pub fn $field(mut self, filter: $crate::query::Filter) -> Self {
                    self.filter.$field = ::std::option::Option::Some(filter);
                    self
                }
            )*)?

            $(
                #[doc = concat!("Sets how many items a page holds: 1 to ", stringify!($max), ".")]
                #[must_use]
                pub fn page_size(mut self, size: u32) -> Self {
                    let _: u32 = $max;
                    self.page.size = ::std::option::Option::Some(size);
                    self
                }
            )?

            /// Asks for the items before this cursor (from a page's `previous` link).
            #[must_use]
            pub fn before(mut self, cursor: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.page.before = ::std::option::Option::Some(cursor.into());
                self
            }

            /// Asks for the items after this cursor (from a page's `next` link).
            #[must_use]
            pub fn after(mut self, cursor: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.page.after = ::std::option::Option::Some(cursor.into());
                self
            }

            /// Sorts by one of [`SORT_FIELDS`](Self::SORT_FIELDS), descending with
            /// [`Sort::desc`](crate::query::Sort::desc).
            #[must_use]
            pub fn sort(mut self, sort: $crate::query::Sort) -> Self {
                self.sort = ::std::option::Option::Some(sort);
                self
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::{Error as _, SerializeStruct as _};
                let max: u32 = 0 $( + $max )?;
                $crate::query::list::check(&self.page, self.sort.as_ref(), max, Self::SORT_FIELDS)
                    .map_err(S::Error::custom)?;
                let mut query = serializer.serialize_struct(stringify!($name), 3)?;
                $( let _ = stringify!($filters); query.serialize_field("filter", &self.filter)?; )?
                query.serialize_field("page", &self.page)?;
                query.serialize_field("sort", &self.sort)?;
                query.end()
            }
        }
    };
}

pub(crate) use list_query;

/// Refuses a page size outside `1..=max` (any size when `max` is 0) and a sort on a field not
/// in `fields`, naming the parameter.
pub(crate) fn check(
    page: &PageParams,
    sort: Option<&Sort>,
    max: u32,
    fields: &[&str],
) -> Result<(), String> {
    if let Some(size) = page.size {
        if max == 0 {
            return Err(format!(
                "`page[size]` is not taken by this list, got {size}"
            ));
        }
        if !(1..=max).contains(&size) {
            return Err(format!(
                "`page[size]` must be between 1 and {max}, got {size}"
            ));
        }
    }
    if let Some(sort) = sort {
        let field = sort.0.strip_prefix('-').unwrap_or(&sort.0);
        if !fields.contains(&field) {
            return Err(format!(
                "`sort` must be one of {} (with `-` to descend), got {:?}",
                fields.join(", "),
                sort.0
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_sorts_are_checked() {
        let sized = PageParams::size(0);
        assert!(
            check(&sized, None, 100, &[])
                .unwrap_err()
                .contains("`page[size]`")
        );
        assert!(check(&PageParams::size(5), None, 0, &[]).is_err());
        let sort = Sort::desc("label");
        assert!(check(&PageParams::default(), Some(&sort), 0, &["label"]).is_ok());
        assert!(
            check(&PageParams::default(), Some(&sort), 0, &["updated_at"])
                .unwrap_err()
                .contains("`sort`")
        );
    }
}
