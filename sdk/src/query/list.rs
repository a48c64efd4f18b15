//! What every filtered, cursor-paged list query has: chainable setters for its filters, its page
//! size and cursors and its sort, and the page-size check. An area's `queries.rs` declares the
//! query struct (`filter`, `page`, `sort` fields) and calls [`list_query!`].

use serde::{Serialize, Serializer};

use super::PageParams;

/// Chainable setters of a list query: `new()`, one setter per filter, then `page_size`,
/// `before`, `after` and `sort`. The struct must have the fields `filter` (with one
/// `Option<Filter>` per named filter), `page: PageParams` and `sort: Option<Sort>`.
///
/// `items` names what the list holds, for the docs (`"organizations"`); `sorts` lists the
/// fields the API sorts on.
macro_rules! list_query {
    (
        $query:ident, items = $items:literal, sorts = $sorts:literal {
            $( $(#[$doc:meta])* $field:ident, )*
        }
    ) => {
        impl $query {
            /// A query for the first page with the API's defaults.
            pub fn new() -> Self {
                Self::default()
            }

            $(
                $(#[$doc])*
                pub fn $field(mut self, filter: $crate::query::Filter) -> Self {
                    self.filter.$field = Some(filter);
                    self
                }
            )*

            #[doc = concat!("Sets how many ", $items, " a page holds: 1 to 100.")]
            pub fn page_size(mut self, size: u32) -> Self {
                self.page.size = Some(size);
                self
            }

            #[doc = concat!("Asks for the ", $items, " before this cursor (from a page's `previous` link).")]
            pub fn before(mut self, cursor: impl Into<String>) -> Self {
                self.page.before = Some(cursor.into());
                self
            }

            #[doc = concat!("Asks for the ", $items, " after this cursor (from a page's `next` link).")]
            pub fn after(mut self, cursor: impl Into<String>) -> Self {
                self.page.after = Some(cursor.into());
                self
            }

            #[doc = concat!("Sorts by ", $sorts, ".")]
            pub fn sort(mut self, sort: $crate::query::Sort) -> Self {
                self.sort = Some(sort);
                self
            }
        }
    };
}

pub(crate) use list_query;

/// Refuses a page size outside 1..=100 before sending, naming `page[size]`: use it as
/// `#[serde(serialize_with = "crate::query::check_page")]` on a query's `page` field.
pub(crate) fn check_page<S: Serializer>(
    page: &PageParams,
    serializer: S,
) -> Result<S::Ok, S::Error> {
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
