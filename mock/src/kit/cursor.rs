//! Cursor pagination as the API's list routes do it: `page[size]` items per page (from 1 to a
//! maximum), and the opaque cursors `page[after]` and `page[before]` that a page's `next` and
//! `previous` links carry ([`links::list`](super::links::list) builds them).
//!
//! A cursor is the hex of the ID of the item a page follows or precedes, so it stays valid
//! while items are added or removed elsewhere in the list.

use crate::core::error::ApiError;

/// The query key of the page size.
pub(crate) const SIZE: &str = "page[size]";
/// The query key of the cursor of the page after an item.
pub(crate) const AFTER: &str = "page[after]";
/// The query key of the cursor of the page before an item.
pub(crate) const BEFORE: &str = "page[before]";

/// The paging part of a list query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageQuery {
    size: usize,
    max_size: usize,
    after: Option<String>,
    before: Option<String>,
}

/// One page cut out of a list.
#[derive(Debug)]
pub(crate) struct Page<'a, T> {
    /// The items of this page, in list order.
    pub(crate) items: Vec<&'a T>,
    /// How many items the whole list has.
    pub(crate) total: usize,
    /// The cursor for `page[before]` if there is a page before this one.
    pub(crate) previous: Option<String>,
    /// The cursor for `page[after]` if there is a page after this one.
    pub(crate) next: Option<String>,
}

impl PageQuery {
    /// No cursor and `size` items per page (when `page[size]` is not given), at most
    /// `max_size`.
    pub(crate) fn new(size: usize, max_size: usize) -> Self {
        PageQuery {
            size,
            max_size,
            after: None,
            before: None,
        }
    }

    /// Reads one query pair if it is `page[size]`, `page[after]` or `page[before]` (answering
    /// `true`), or leaves it to the caller (`false`): 400 for a bad value.
    pub(crate) fn take(&mut self, key: &str, value: &str) -> Result<bool, ApiError> {
        match key {
            SIZE => self.size = self.page_size(value)?,
            AFTER => self.after = Some(decode(key, value)?),
            BEFORE => self.before = Some(decode(key, value)?),
            _ => return Ok(false),
        }
        if self.after.is_some() && self.before.is_some() {
            return Err(ApiError::bad_request(format!(
                "give only one of `{AFTER}` and `{BEFORE}`"
            )));
        }
        Ok(true)
    }

    /// The page of `items` (the whole list, in order) that the query asks for; `id` says each
    /// item's ID, which cursors name. 400 for a cursor that names no item of the list.
    pub(crate) fn cut<'a, T>(
        &self,
        items: Vec<&'a T>,
        id: impl Fn(&T) -> &str,
    ) -> Result<Page<'a, T>, ApiError> {
        let position = |key: &str, wanted: &str| {
            items
                .iter()
                .position(|item| id(item) == wanted)
                .ok_or_else(|| {
                    ApiError::bad_request(format!("`{key}` is not a valid cursor for this list"))
                })
        };
        let (start, end) = match (&self.after, &self.before) {
            (Some(after), _) => {
                let start = position(AFTER, after)? + 1;
                (start, start.saturating_add(self.size).min(items.len()))
            }
            (None, Some(before)) => {
                let end = position(BEFORE, before)?;
                (end.saturating_sub(self.size), end)
            }
            (None, None) => (0, self.size.min(items.len())),
        };
        let total = items.len();
        let page: Vec<&T> = items[start..end].to_vec();
        let previous = page
            .first()
            .filter(|_| start > 0)
            .map(|first| encode(id(first)));
        let next = page
            .last()
            .filter(|_| end < total)
            .map(|last| encode(id(last)));
        Ok(Page {
            items: page,
            total,
            previous,
            next,
        })
    }

    fn page_size(&self, value: &str) -> Result<usize, ApiError> {
        value
            .parse::<usize>()
            .ok()
            .filter(|size| (1..=self.max_size).contains(size))
            .ok_or_else(|| {
                ApiError::bad_request(format!(
                    "`{SIZE}` must be an integer from 1 to {}, got {value:?}",
                    self.max_size
                ))
            })
    }
}

/// The cursor of the item with this ID: its hex, opaque to clients.
pub(crate) fn encode(id: &str) -> String {
    id.bytes().map(|b| format!("{b:02x}")).collect()
}

/// The ID a cursor (the value of `key`) names: 400 if it is not one of ours.
fn decode(key: &str, cursor: &str) -> Result<String, ApiError> {
    let invalid = || ApiError::bad_request(format!("`{key}` is not a valid cursor"));
    if cursor.len() % 2 != 0 {
        return Err(invalid());
    }
    let bytes = (0..cursor.len())
        .step_by(2)
        .map(|i| {
            cursor
                .get(i..i + 2)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        })
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(invalid)?;
    String::from_utf8(bytes).map_err(|_| invalid())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> Result<PageQuery, ApiError> {
        let mut query = PageQuery::new(2, 5);
        for (key, value) in pairs {
            query.take(key, value)?;
        }
        Ok(query)
    }

    fn ids<'a>(page: &Page<'a, String>) -> Vec<&'a str> {
        page.items.iter().map(|s| s.as_str()).collect()
    }

    #[test]
    fn pages_forward_and_back() {
        let list: Vec<String> = ["a", "b", "c", "d", "e"].map(String::from).to_vec();
        let all = || list.iter().collect::<Vec<_>>();
        let first = query(&[]).unwrap().cut(all(), |s| s).unwrap();
        assert_eq!((ids(&first), first.total), (vec!["a", "b"], 5));
        assert_eq!(first.previous, None);
        let next = first.next.unwrap();
        let second = query(&[(AFTER, &next)]).unwrap().cut(all(), |s| s).unwrap();
        assert_eq!(ids(&second), ["c", "d"]);
        let back = second.previous.unwrap();
        let again = query(&[(BEFORE, &back)])
            .unwrap()
            .cut(all(), |s| s)
            .unwrap();
        assert_eq!(ids(&again), ["a", "b"]);
        let last = query(&[(SIZE, "5"), (AFTER, &encode("b"))])
            .unwrap()
            .cut(all(), |s| s)
            .unwrap();
        assert_eq!((ids(&last), last.next), (vec!["c", "d", "e"], None));
    }

    #[test]
    fn refuses_bad_sizes_and_cursors() {
        let problem = |pairs: &[(&str, &str)]| format!("{:?}", query(pairs).unwrap_err());
        assert!(problem(&[(SIZE, "0")]).contains("`page[size]`"));
        assert!(problem(&[(SIZE, "6")]).contains("from 1 to 5"));
        assert!(problem(&[(AFTER, "zz")]).contains("not a valid cursor"));
        assert!(problem(&[(AFTER, "61"), (BEFORE, "61")]).contains("only one of"));
        let list = ["a".to_owned()];
        let unknown = query(&[(AFTER, &encode("x"))])
            .unwrap()
            .cut(list.iter().collect(), |s| s)
            .unwrap_err();
        assert!(format!("{unknown:?}").contains("not a valid cursor for this list"));
    }

    #[test]
    fn cursors_round_trip() {
        let cursor = encode("01HF00ABC");
        assert_eq!(decode(AFTER, &cursor).ok().as_deref(), Some("01HF00ABC"));
    }
}
