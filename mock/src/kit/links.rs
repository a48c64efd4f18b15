//! HAL `_links`: a resource's links (`self`, `update`, ...) and a list page's `self`,
//! `previous` and `next`, always as absolute URLs built from the request's `Host`
//! ([`base_url`](crate::core::http::base_url)).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Map, Value, json};

use super::cursor::{AFTER, BEFORE, Page};

/// Bytes kept as they are in a key of a link's query: the unreserved set and the brackets.
const KEY: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'[')
    .remove(b']');
/// Bytes kept as they are in a value of a link's query: the unreserved set and the comma.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b',');

/// The `_links` of one resource, built link by link.
#[derive(Debug, Default)]
pub(crate) struct Links(Map<String, Value>);

impl Links {
    /// `rel: {"href": href}`.
    #[must_use]
    pub(crate) fn with(mut self, rel: &str, href: impl Into<String>) -> Self {
        self.0
            .insert(rel.to_owned(), json!({ "href": href.into() }));
        self
    }

    /// `rel: {"href": href, "method": method}`, for a link that is an action.
    #[must_use]
    pub(crate) fn with_method(mut self, rel: &str, href: impl Into<String>, method: &str) -> Self {
        self.0.insert(
            rel.to_owned(),
            json!({ "href": href.into(), "method": method }),
        );
        self
    }

    /// The `_links` object.
    pub(crate) fn into_value(self) -> Value {
        Value::Object(self.0)
    }
}

/// A list page's `_links` under `base` (`http://host/path`): `self` with the query as
/// received (`pairs`, decoded), and `previous` / `next`, when there are such pages, with that
/// query's cursor replaced.
pub(crate) fn list<T>(base: &str, pairs: &[(String, String)], page: &Page<'_, T>) -> Value {
    let mut links = Links::default().with("self", href(base, pairs, None));
    if let Some(cursor) = &page.previous {
        links = links.with("previous", href(base, pairs, Some((BEFORE, cursor))));
    }
    if let Some(cursor) = &page.next {
        links = links.with("next", href(base, pairs, Some((AFTER, cursor))));
    }
    links.into_value()
}

/// `base?query`: `pairs` re-encoded, any cursor in them replaced by `cursor` if given.
fn href(base: &str, pairs: &[(String, String)], cursor: Option<(&str, &str)>) -> String {
    let kept = pairs
        .iter()
        .filter(|(key, _)| cursor.is_none() || (key != AFTER && key != BEFORE))
        .map(|(key, value)| (key.as_str(), value.as_str()));
    let mut query = String::new();
    for (key, value) in kept.chain(cursor) {
        query.push(if query.is_empty() { '?' } else { '&' });
        query.extend(utf8_percent_encode(key, KEY));
        query.push('=');
        query.extend(utf8_percent_encode(value, VALUE));
    }
    format!("{base}{query}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kit::cursor::PageQuery;

    #[test]
    fn list_links_keep_the_query_and_swap_the_cursor() {
        let items: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let mut query = PageQuery::new(1, 10);
        let after_a = crate::kit::cursor::encode("a");
        let pairs = vec![
            ("filter[name][in]".to_owned(), "a,b c".to_owned()),
            (AFTER.to_owned(), after_a.clone()),
        ];
        for (key, value) in &pairs {
            query.take(key, value).unwrap();
        }
        let page = query.cut(items.iter().collect(), |s| s).unwrap();
        let links = list("http://h/x", &pairs, &page);
        assert_eq!(
            links["self"]["href"],
            format!("http://h/x?filter[name][in]=a,b%20c&page[after]={after_a}")
        );
        let b = crate::kit::cursor::encode("b");
        assert_eq!(
            links["next"]["href"],
            format!("http://h/x?filter[name][in]=a,b%20c&page[after]={b}")
        );
        assert_eq!(
            links["previous"]["href"],
            format!("http://h/x?filter[name][in]=a,b%20c&page[before]={b}")
        );
    }

    #[test]
    fn resource_links() {
        let links = Links::default()
            .with("self", "http://h/o/1")
            .with_method("delete", "http://h/o/1", "DELETE")
            .into_value();
        assert_eq!(
            links,
            json!({"self": {"href": "http://h/o/1"}, "delete": {"href": "http://h/o/1", "method": "DELETE"}})
        );
    }
}
