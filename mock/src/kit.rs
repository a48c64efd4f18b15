//! Generic resources every area reuses: a [`Collection`](collection::Collection) of items by ID
//! in creation order, the [activity engine](activities) every accepted operation uses, [cursor pagination](cursor), [list queries](filters) (filters, sort, page) and HAL [`_links`](links).
//!
//! The kit builds on `core` (its error answers) and knows no area.

pub(crate) mod activities;
pub(crate) mod collection;
pub(crate) mod cursor;
pub(crate) mod filters;
pub(crate) mod links;
