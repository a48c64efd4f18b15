//! [`Collection`]: the items of one resource kept by ID, in creation order.

use std::borrow::Borrow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::Hash;

/// Items by key, iterated in the order they were first inserted: what a list route answers
/// before any sort, and the tie-breaker of every sort.
///
/// Lookups by key are O(1); insertions and removals O(log n).
pub(crate) struct Collection<K, T> {
    /// Each item under its insertion number.
    items: BTreeMap<u64, (K, T)>,
    /// Each key's insertion number.
    index: HashMap<K, u64>,
    next: u64,
}

impl<K, T> Default for Collection<K, T> {
    fn default() -> Self {
        Collection {
            items: BTreeMap::new(),
            index: HashMap::new(),
            next: 0,
        }
    }
}

impl<K: fmt::Debug, T: fmt::Debug> fmt::Debug for Collection<K, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.items.values().map(|(key, item)| (key, item)))
            .finish()
    }
}

impl<K: Clone + Eq + Hash, T> Collection<K, T> {
    /// How many items there are.
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    /// Adds `item` under `key`, last in order; an item already under `key` is replaced in its
    /// place and returned.
    pub(crate) fn insert(&mut self, key: K, item: T) -> Option<T> {
        if let Some(slot) = self.index.get(&key).and_then(|seq| self.items.get_mut(seq)) {
            return Some(std::mem::replace(&mut slot.1, item));
        }
        let seq = self.next;
        self.next += 1;
        self.index.insert(key.clone(), seq);
        self.items.insert(seq, (key, item));
        None
    }

    /// The item under `key`.
    pub(crate) fn get<Q>(&self, key: &Q) -> Option<&T>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let seq = self.index.get(key)?;
        self.items.get(seq).map(|(_, item)| item)
    }

    /// The item under `key`, to change it.
    pub(crate) fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut T>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let seq = self.index.get(key)?;
        self.items.get_mut(seq).map(|(_, item)| item)
    }

    /// Takes the item under `key` out.
    pub(crate) fn remove<Q>(&mut self, key: &Q) -> Option<T>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let seq = self.index.remove(key)?;
        self.items.remove(&seq).map(|(_, item)| item)
    }

    /// Every key and item, in creation order.
    pub(crate) fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &T)> {
        self.items.values().map(|(key, item)| (key, item))
    }

    /// Every item, in creation order.
    pub(crate) fn values(&self) -> impl DoubleEndedIterator<Item = &T> {
        self.items.values().map(|(_, item)| item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_creation_order_through_replacements_and_removals() {
        let mut items = Collection::default();
        assert_eq!(items.len(), 0);
        for (key, value) in [("b", 1), ("a", 2), ("c", 3)] {
            assert_eq!(items.insert(key.to_owned(), value), None);
        }
        assert_eq!(items.insert("a".to_owned(), 20), Some(2));
        assert_eq!(items.remove("b"), Some(1));
        assert_eq!(items.remove("b"), None);
        items.insert("b".to_owned(), 4);
        let order: Vec<(&str, i32)> = items.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(order, [("a", 20), ("c", 3), ("b", 4)]);
        assert_eq!(items.len(), 3);
        assert_eq!(items.get("c"), Some(&3));
        if let Some(c) = items.get_mut("c") {
            *c = 30;
        }
        assert_eq!(items.get("z"), None);
        let values: Vec<i32> = items.values().copied().collect();
        assert_eq!(values, [20, 30, 4]);
        assert_eq!(items.values().next_back(), Some(&4));
    }
}
