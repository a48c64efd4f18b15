//! Hypermedia links: the `_links` member many answers carry (`self`, `next`, `update`, `log`, ...).
//!
//! Decoding is forgiving: a member that is not a link object is skipped, never fatal, and a link
//! without an `href` is kept with `href: None`, as the document allows. Links from the network
//! are hints: the SDK follows one only after checking it stays on the client's own origin.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

/// One hypermedia link.
///
/// ```
/// use upsun::Link;
///
/// let link: Link = serde_json::from_str(r#"{"href": "/organizations?page[after]=x"}"#).unwrap();
/// assert_eq!(link.href.as_deref(), Some("/organizations?page[after]=x"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Link {
    /// Where it points: absolute, or relative to the API's base URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    /// What it is called, when the API says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The HTTP method to use, for links to actions (`PATCH`, `DELETE`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
}

impl Link {
    /// A link to `href`.
    ///
    /// ```
    /// assert_eq!(upsun::Link::new("/x").href.as_deref(), Some("/x"));
    /// ```
    pub fn new(href: impl Into<String>) -> Self {
        Link {
            href: Some(href.into()),
            ..Link::default()
        }
    }
}

/// The `_links` of an answer, by name.
///
/// ```
/// use upsun::Links;
///
/// let links: Links = serde_json::from_str(r#"{
///     "self": {"href": "/organizations"},
///     "next": {"href": "/organizations?page[after]=01H"},
///     "odd": "not a link"
/// }"#).unwrap();
/// assert_eq!(links.next().and_then(|l| l.href.as_deref()), Some("/organizations?page[after]=01H"));
/// assert!(links.get("odd").is_none()); // skipped, not fatal
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Links(BTreeMap<String, Link>);

impl Links {
    /// The link called `name`.
    pub fn get(&self, name: &str) -> Option<&Link> {
        self.0.get(name)
    }

    /// The `href` of the link called `name`, when it has one.
    pub fn href(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(|link| link.href.as_deref())
    }

    /// The link to this resource or page (`self`).
    pub fn this(&self) -> Option<&Link> {
        self.get("self")
    }

    /// The link to the next page (`next`).
    pub fn next(&self) -> Option<&Link> {
        self.get("next")
    }

    /// The link to the previous page (`previous`).
    pub fn previous(&self) -> Option<&Link> {
        self.get("previous")
    }

    /// Every link, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Link)> {
        self.0.iter().map(|(name, link)| (name.as_str(), link))
    }

    /// Whether there is no link at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds or replaces the link called `name`.
    pub fn insert(&mut self, name: impl Into<String>, link: Link) {
        self.0.insert(name.into(), link);
    }
}

impl<'de> Deserialize<'de> for Links {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LinksVisitor;

        impl<'de> Visitor<'de> for LinksVisitor {
            type Value = Links;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of links")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Links, A::Error> {
                let mut links = BTreeMap::new();
                while let Some(name) = map.next_key::<String>()? {
                    // Anything that is not a link object (a string, an array of links, a link
                    // whose `href` is not text) is skipped rather than failing the answer.
                    let value: serde_json::Value = map.next_value()?;
                    if let Ok(link) = serde_json::from_value::<Link>(value) {
                        links.insert(name, link);
                    }
                }
                Ok(Links(links))
            }

            // `_links: null` or `_links: []` (an empty PHP array) mean no links.
            fn visit_unit<E>(self) -> Result<Links, E> {
                Ok(Links::default())
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Links, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Links::default())
            }
        }

        deserializer.deserialize_any(LinksVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_members_are_skipped_and_href_is_optional() {
        let links: Links = serde_json::from_str(
            r#"{"self": {"title": "me"}, "next": {"href": 7}, "up": [1], "log": {"href": "/l", "method": "GET"}}"#,
        )
        .unwrap();
        assert_eq!(links.this().unwrap().href, None);
        assert!(links.next().is_none());
        assert!(links.get("up").is_none());
        assert_eq!(links.href("log"), Some("/l"));
        for empty in ["null", "[]", "{}"] {
            assert!(
                serde_json::from_str::<Links>(empty).unwrap().is_empty(),
                "{empty}"
            );
        }
    }
}
