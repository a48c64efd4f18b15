//! [`Page`]: one page of a list, with its count and links. Following the links is the engine's
//! work (`paging.rs`); this is only the shape.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Links;

/// Which member of a list answer holds the items: `items` for most lists ([`InItems`]); an area
/// whose list names it otherwise declares its own marker.
///
/// ```
/// use upsun::{ListKey, Page};
///
/// /// The items of `GET /widgets` are under `widgets`.
/// #[derive(Debug)]
/// struct InWidgets;
///
/// impl ListKey for InWidgets {
///     const KEY: &'static str = "widgets";
/// }
///
/// let page: Page<u32, InWidgets> = serde_json::from_str(r#"{"widgets": [1, 2], "count": 2}"#).unwrap();
/// assert_eq!(page.items, [1, 2]);
/// ```
pub trait ListKey: Send + Sync + 'static {
    /// The member name.
    const KEY: &'static str;
}

/// The items are under `items`: the default of [`Page`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct InItems;

impl ListKey for InItems {
    const KEY: &'static str = "items";
}

/// One page of a list, with the links to its neighbours.
///
/// Read it page by page with [`Page::next`], or as a stream of items with
/// [`Page::into_stream`].
///
/// ```no_run
/// use upsun::organizations::{ListOrganizations, OrganizationsApi};
///
/// # async fn run(client: upsun::Client) -> upsun::Result<()> {
/// let mut page = client.list_organizations(&ListOrganizations::new()).await?;
/// loop {
///     for org in &page.items {
///         println!("{}", org.name);
///     }
///     match page.next(&client).await? {
///         Some(next) => page = next,
///         None => break,
///     }
/// }
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
pub struct Page<T, K: ListKey = InItems> {
    /// The items of this page.
    pub items: Vec<T>,
    /// The number of items across all pages, when the API tells.
    pub count: Option<i64>,
    /// Links to this page and its neighbours.
    pub links: Links,
    key: PhantomData<fn() -> K>,
}

impl<T, K: ListKey> Page<T, K> {
    /// A page of these items, with no count and no links (for tests and adapters).
    ///
    /// ```
    /// let page: upsun::Page<u32> = upsun::Page::new(vec![1, 2]);
    /// assert!(!page.has_next());
    /// ```
    pub fn new(items: Vec<T>) -> Self {
        Page {
            items,
            count: None,
            links: Links::default(),
            key: PhantomData,
        }
    }

    /// Whether there is a page after this one.
    pub fn has_next(&self) -> bool {
        self.links.href("next").is_some()
    }
}

impl<T: fmt::Debug, K: ListKey> fmt::Debug for Page<T, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Page")
            .field("items", &self.items)
            .field("count", &self.count)
            .field("links", &self.links)
            .finish()
    }
}

impl<T: Clone, K: ListKey> Clone for Page<T, K> {
    fn clone(&self) -> Self {
        Page {
            items: self.items.clone(),
            count: self.count,
            links: self.links.clone(),
            key: PhantomData,
        }
    }
}

impl<T: PartialEq, K: ListKey> PartialEq for Page<T, K> {
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items && self.count == other.count && self.links == other.links
    }
}

impl<T: Serialize, K: ListKey> Serialize for Page<T, K> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(K::KEY, &self.items)?;
        if let Some(count) = self.count {
            map.serialize_entry("count", &count)?;
        }
        map.serialize_entry("_links", &self.links)?;
        map.end()
    }
}

impl<'de, T: DeserializeOwned, K: ListKey> Deserialize<'de> for Page<T, K> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PageVisitor<T, K>(PhantomData<fn() -> (T, K)>);

        impl<'de, T: DeserializeOwned, K: ListKey> Visitor<'de> for PageVisitor<T, K> {
            type Value = Page<T, K>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a list object with `{}`", K::KEY)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut page = Page::new(Vec::new());
                while let Some(name) = map.next_key::<String>()? {
                    if name == K::KEY {
                        page.items = map.next_value::<Option<Vec<T>>>()?.unwrap_or_default();
                    } else if name == "count" {
                        page.count = map.next_value()?;
                    } else if name == "_links" {
                        page.links = map.next_value()?;
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                Ok(page)
            }
        }

        deserializer.deserialize_map(PageVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_reads_its_own_key_and_skips_the_rest() {
        let page: Page<u8> = serde_json::from_str(
            r#"{"items": [1], "count": -1, "other": [9], "_links": {"next": {"href": "/n"}}}"#,
        )
        .unwrap();
        assert_eq!(page.items, [1]);
        assert_eq!(page.count, Some(-1));
        assert!(page.has_next());
        let empty: Page<u8> = serde_json::from_str("{}").unwrap();
        assert!(empty.items.is_empty() && !empty.has_next());
        let back = serde_json::to_value(&page).unwrap();
        assert_eq!(back["items"], serde_json::json!([1]));
    }
}
