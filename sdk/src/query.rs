//! Query strings the way the Upsun API reads them, and typed filters to put in them.
//!
//! A `#[query]` argument is any `Serialize` struct. Its fields become query parameters:
//! `None` fields are left out, nested structs and maps become deepObject keys
//! (`filter[name][eq]=x`), and sequences repeat the key with `[]` (`methods[]=a&methods[]=b`).
//! Field names may hold brackets themselves (`#[serde(rename = "page[size]")]`).
//!
//! ```
//! use upsun::query::{Filter, to_query_string};
//!
//! #[derive(serde::Serialize)]
//! struct Search {
//!     filter: Filters,
//!     #[serde(rename = "page[size]")]
//!     page_size: Option<u32>,
//!     methods: Vec<&'static str>,
//! }
//!
//! #[derive(serde::Serialize)]
//! struct Filters {
//!     name: Option<Filter>,
//!     status: Option<Filter>,
//! }
//!
//! let search = Search {
//!     filter: Filters {
//!         name: Some(Filter::eq("acme")),
//!         status: Some(Filter::any_of(["active", "suspended"])),
//!     },
//!     page_size: Some(50),
//!     methods: vec!["GET", "POST"],
//! };
//! assert_eq!(
//!     to_query_string(&search)?,
//!     "filter[name][eq]=acme&filter[status][in]=active,suspended&page[size]=50&methods[]=GET&methods[]=POST",
//! );
//! # Ok::<(), upsun::Error>(())
//! ```

use std::fmt::{self, Display};

use chrono::{DateTime, SecondsFormat, Utc};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeStruct};

use crate::error::{Error, Result};

pub(crate) mod list;
mod ser;

/// Bytes kept as they are in a key: the unreserved set and the deepObject brackets.
const KEY: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'[')
    .remove(b']');
/// Bytes kept as they are in a value: the unreserved set and the comma of lists.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b',');

/// Encodes a `Serialize` struct or map as a query string (without the `?`).
///
/// Fails with [`Error::InvalidInput`] for a value that has no place in a query, such as a
/// top-level sequence or a map with non-string keys.
pub fn to_query_string<Q: Serialize + ?Sized>(query: &Q) -> Result<String> {
    let mut out = String::new();
    query
        .serialize(ser::Top { out: &mut out })
        .map_err(|e| Error::invalid_input(format!("query: {e}")))?;
    Ok(out)
}

/// Appends `key=value`, percent-encoded, to a query string.
fn push_pair(out: &mut String, key: &str, value: &str) {
    if !out.is_empty() {
        out.push('&');
    }
    out.extend(utf8_percent_encode(key, KEY));
    out.push('=');
    out.extend(utf8_percent_encode(value, VALUE));
}

/// A filter on one field of a list: one or more operators, sent as `filter[field][op]=value`.
///
/// ```
/// use upsun::query::Filter;
///
/// let recent = Filter::gte(chrono::DateTime::UNIX_EPOCH).and(Filter::ne("deleted"));
/// let names = Filter::any_of(["a", "b"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    ops: Vec<(&'static str, String)>,
}

/// A value a [`Filter`] compares with: text, numbers, booleans, IDs and dates (sent in RFC 3339).
pub trait FilterValue {
    /// The value as the API reads it.
    fn to_filter_value(&self) -> String;
}

macro_rules! display_filter_value {
    ($($ty:ty),*) => {$(
        impl FilterValue for $ty {
            fn to_filter_value(&self) -> String {
                self.to_string()
            }
        }
    )*};
}

display_filter_value!(str, String, bool, i32, i64, u32, u64, usize, uuid::Uuid);

impl FilterValue for DateTime<Utc> {
    fn to_filter_value(&self) -> String {
        self.to_rfc3339_opts(SecondsFormat::AutoSi, true)
    }
}

impl<T: FilterValue + ?Sized> FilterValue for &T {
    fn to_filter_value(&self) -> String {
        (**self).to_filter_value()
    }
}

fn list<V: FilterValue>(values: impl IntoIterator<Item = V>) -> String {
    values
        .into_iter()
        .map(|v| v.to_filter_value())
        .collect::<Vec<_>>()
        .join(",")
}

macro_rules! operators {
    ($( $(#[$doc:meta])* $name:ident => $op:literal, )*) => {$(
        $(#[$doc])*
        pub fn $name(value: impl FilterValue) -> Self {
            Filter::op($op, value.to_filter_value())
        }
    )*};
}

impl Filter {
    fn op(op: &'static str, value: String) -> Self {
        Filter {
            ops: vec![(op, value)],
        }
    }

    operators! {
        /// Equal to the value (`eq`).
        eq => "eq",
        /// Not equal to the value (`ne`).
        ne => "ne",
        /// Contains the value (`contains`).
        contains => "contains",
        /// Starts with the value (`starts`).
        starts_with => "starts",
        /// Ends with the value (`ends`).
        ends_with => "ends",
        /// Greater than the value (`gt`).
        gt => "gt",
        /// Greater than or equal to the value (`gte`).
        gte => "gte",
        /// Less than the value (`lt`).
        lt => "lt",
        /// Less than or equal to the value (`lte`).
        lte => "lte",
    }

    /// Equal to one of the values (`in`, a comma-separated list).
    pub fn any_of<V: FilterValue>(values: impl IntoIterator<Item = V>) -> Self {
        Filter::op("in", list(values))
    }

    /// Equal to none of the values (`nin`, a comma-separated list).
    pub fn none_of<V: FilterValue>(values: impl IntoIterator<Item = V>) -> Self {
        Filter::op("nin", list(values))
    }

    /// Between two values, both included (`between`).
    pub fn between(low: impl FilterValue, high: impl FilterValue) -> Self {
        Filter::op(
            "between",
            format!("{},{}", low.to_filter_value(), high.to_filter_value()),
        )
    }

    /// Both this filter's operators and `other`'s.
    pub fn and(mut self, other: Filter) -> Self {
        self.ops.extend(other.ops);
        self
    }
}

impl Serialize for Filter {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.ops.len()))?;
        for (op, value) in &self.ops {
            map.serialize_entry(op, value)?;
        }
        map.end()
    }
}

/// The cursor parameters of paginated lists: `page[size]`, `page[before]`, `page[after]`.
///
/// Cursors come from the `_links` of a [`Page`](crate::Page); following those links (with
/// [`Page::next`](crate::Page::next) or [`Page::into_stream`](crate::Page::into_stream)) is
/// usually simpler than setting them by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PageParams {
    /// How many items a page holds (the API allows 1 to 100).
    pub size: Option<u32>,
    /// Items before this cursor.
    pub before: Option<String>,
    /// Items after this cursor.
    pub after: Option<String>,
}

impl PageParams {
    /// Pages of `size` items.
    pub fn size(size: u32) -> Self {
        PageParams {
            size: Some(size),
            ..Self::default()
        }
    }
}

impl Serialize for PageParams {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        let mut page = serializer.serialize_struct("PageParams", 3)?;
        page.serialize_field("size", &self.size)?;
        page.serialize_field("before", &self.before)?;
        page.serialize_field("after", &self.after)?;
        page.end()
    }
}

/// The `sort` parameter: a field name, descending when written with a leading `-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sort(String);

impl Sort {
    /// Ascending by `field`.
    pub fn asc(field: &str) -> Self {
        Sort(field.to_owned())
    }

    /// Descending by `field`.
    pub fn desc(field: &str) -> Self {
        Sort(format!("-{field}"))
    }
}

impl Display for Sort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Sort {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    struct Everything {
        plain: &'static str,
        spaced: Option<&'static str>,
        skipped: Option<u32>,
        flag: bool,
        page: PageParams,
        filter: BTreeMap<&'static str, Filter>,
        tags: Vec<u32>,
        sort: Sort,
    }

    #[test]
    fn encodes_deep_objects_arrays_and_skips_none() {
        let mut filter = BTreeMap::new();
        filter.insert("name", Filter::eq("a b&c=d"));
        filter.insert("updated_at", Filter::between(1, 2).and(Filter::ne("x")));
        let query = Everything {
            plain: "x/y?z",
            spaced: Some("a+b"),
            skipped: None,
            flag: true,
            page: PageParams::size(10),
            filter,
            tags: vec![1, 2],
            sort: Sort::desc("updated_at"),
        };
        assert_eq!(
            to_query_string(&query).unwrap(),
            "plain=x%2Fy%3Fz&spaced=a%2Bb&flag=true&page[size]=10\
             &filter[name][eq]=a%20b%26c%3Dd&filter[updated_at][between]=1,2\
             &filter[updated_at][ne]=x&tags[]=1&tags[]=2&sort=-updated_at"
        );
    }

    #[test]
    fn renamed_fields_keep_their_brackets() {
        #[derive(Serialize)]
        struct Q {
            #[serde(rename = "page[after]")]
            after: Option<String>,
        }
        let q = Q {
            after: Some("cur sor".into()),
        };
        assert_eq!(to_query_string(&q).unwrap(), "page[after]=cur%20sor");
    }

    #[test]
    fn values_without_a_place_in_a_query_are_refused() {
        let err = to_query_string(&vec![1, 2]).unwrap_err();
        assert!(err.is_invalid_input(), "{err}");
        let err = to_query_string(&7).unwrap_err();
        assert!(err.to_string().contains("query"), "{err}");
    }

    #[test]
    fn dates_are_sent_in_rfc_3339() {
        let at = DateTime::parse_from_rfc3339("2024-01-02T03:04:05Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            Filter::gt(at),
            Filter {
                ops: vec![("gt", "2024-01-02T03:04:05Z".into())]
            }
        );
    }
}
