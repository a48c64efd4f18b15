//! Following a [`Page`]'s `next` links: page by page, or as a lazy stream of items.
//!
//! Links from the network are hostile until checked: a link is followed only on the client's own
//! origin, a stream never reads the same page twice nor follows an empty page onwards, and it
//! stops after a settable number of pages.

use std::collections::{HashSet, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use serde::de::DeserializeOwned;

use crate::__private::{Call, Endpoint, Method};
use crate::models::{ListKey, Page};
use crate::{Api, Client, Error, Result};

static NEXT_PAGE: Endpoint = Endpoint::new(Method::GET, "(next page link)", &[""], &[], true);

/// How many pages a stream follows unless told otherwise ([`Items::max_pages`]).
pub const DEFAULT_MAX_PAGES: usize = 10_000;

impl<T: DeserializeOwned + Send + 'static, K: ListKey> Page<T, K> {
    /// Fetches the next page, or `None` on the last page.
    ///
    /// The link must point to the client's own origin (scheme, host and port): the access token
    /// is never sent anywhere else, so a link elsewhere is an [`Error::InvalidLink`].
    pub async fn next<A: Api + ?Sized>(&self, api: &A) -> Result<Option<Page<T, K>>> {
        match self.links.href("next") {
            Some(href) => fetch(api.client(), href).await.map(Some),
            None => Ok(None),
        }
    }

    /// Every item of this page and the pages after it, fetched lazily as the stream is read.
    ///
    /// The stream ends with an [`Error::Pagination`] instead of looping when a `next` link
    /// leads to a page it already read, when a page with no items still has a `next` link, or
    /// after [`max_pages`](Items::max_pages) pages.
    ///
    /// ```no_run
    /// use futures_util::TryStreamExt;
    /// use upsun::organizations::{ListOrganizations, OrganizationsApi};
    ///
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let first = client.list_organizations(&ListOrganizations::new()).await?;
    /// let orgs: Vec<_> = first.into_stream(&client).limit(250).try_collect().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn into_stream<A: Api + ?Sized>(self, api: &A) -> Items<'_, T, K> {
        let client = api.client();
        let mut seen = HashSet::new();
        if let Some(href) = self.links.href("self") {
            if let Ok(url) = client.same_origin(href) {
                seen.insert(url);
            }
        }
        let mut items = Items {
            client,
            buffer: VecDeque::new(),
            next: None,
            in_flight: None,
            remaining: None,
            seen,
            pages_left: DEFAULT_MAX_PAGES,
            failed: None,
        };
        items.take_page(self);
        items
    }
}

async fn fetch<T: DeserializeOwned + 'static, K: ListKey>(
    client: &Client,
    href: &str,
) -> Result<Page<T, K>> {
    let url = client.same_origin(href)?;
    fetch_url(client, url).await
}

async fn fetch_url<T: DeserializeOwned + 'static, K: ListKey>(
    client: &Client,
    url: String,
) -> Result<Page<T, K>> {
    client.execute(Call::link(&NEXT_PAGE, url)).await?.decode()
}

type PageFuture<'a, T, K> = Pin<Box<dyn Future<Output = Result<Page<T, K>>> + Send + 'a>>;

/// A stream of the items of a list, following `next` links; made by [`Page::into_stream`].
///
/// Yields `Err` once and ends if a page cannot be fetched or the links would not end.
#[must_use = "streams do nothing unless polled"]
pub struct Items<'a, T, K: ListKey = crate::models::InItems> {
    client: &'a Client,
    buffer: VecDeque<T>,
    /// The next page to fetch, already resolved and checked.
    next: Option<String>,
    in_flight: Option<PageFuture<'a, T, K>>,
    remaining: Option<usize>,
    /// Every page URL read or about to be read.
    seen: HashSet<String>,
    pages_left: usize,
    /// An error to yield once the buffered items are out.
    failed: Option<Error>,
}

impl<T, K: ListKey> Items<'_, T, K> {
    /// Ends the stream after `max` items, fetching no page beyond what they need.
    pub fn limit(mut self, max: usize) -> Self {
        self.remaining = Some(max);
        self
    }

    /// Follows at most `max` more pages (default [`DEFAULT_MAX_PAGES`]); the stream then ends
    /// with an [`Error::Pagination`] if the list goes on.
    pub fn max_pages(mut self, max: usize) -> Self {
        self.pages_left = max;
        self
    }

    /// Takes a page's items and decides where to go next.
    fn take_page(&mut self, page: Page<T, K>) {
        let had_items = !page.items.is_empty();
        self.buffer = page.items.into();
        let Some(href) = page.links.href("next") else {
            return;
        };
        let url = match self.client.same_origin(href) {
            Ok(url) => url,
            Err(err) => return self.failed = Some(err),
        };
        if !had_items {
            self.failed = Some(Error::Pagination(format!(
                "a page with no items links to a next page (`{url}`); stopped instead of looping"
            )));
        } else if !self.seen.insert(url.clone()) {
            self.failed = Some(Error::Pagination(format!(
                "the next link `{url}` leads to a page already read; stopped instead of looping"
            )));
        } else {
            self.next = Some(url);
        }
    }
}

// The items are moved out of the buffer, never pinned in place, and the page future is boxed.
impl<T, K: ListKey> Unpin for Items<'_, T, K> {}

impl<T, K: ListKey> std::fmt::Debug for Items<'_, T, K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Items")
            .field("buffered", &self.buffer.len())
            .field("next", &self.next)
            .field("remaining", &self.remaining)
            .field("pages_left", &self.pages_left)
            .finish()
    }
}

impl<'a, T: DeserializeOwned + Send + 'static, K: ListKey> Stream for Items<'a, T, K> {
    type Item = Result<T>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if this.remaining == Some(0) {
                return Poll::Ready(None);
            }
            if let Some(item) = this.buffer.pop_front() {
                if let Some(left) = &mut this.remaining {
                    *left = left.saturating_sub(1);
                }
                return Poll::Ready(Some(Ok(item)));
            }
            if let Some(err) = this.failed.take() {
                this.next = None;
                return Poll::Ready(Some(Err(err)));
            }
            if this.in_flight.is_none() {
                let Some(url) = this.next.take() else {
                    return Poll::Ready(None);
                };
                if this.pages_left == 0 {
                    return Poll::Ready(Some(Err(Error::Pagination(format!(
                        "the cap on pages followed was reached before `{url}`; raise it with `max_pages`"
                    )))));
                }
                this.pages_left -= 1;
                let client = this.client;
                this.in_flight = Some(Box::pin(fetch_url(client, url)));
            }
            let Some(in_flight) = this.in_flight.as_mut() else {
                return Poll::Ready(None);
            };
            match in_flight.as_mut().poll(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(result) => {
                    this.in_flight = None;
                    match result {
                        Ok(page) => this.take_page(page),
                        Err(err) => {
                            this.next = None;
                            return Poll::Ready(Some(Err(err)));
                        }
                    }
                }
            }
        }
    }
}

impl Client {
    /// Resolves a link from an answer against the base URL and checks it stays on its origin.
    pub(crate) fn same_origin(&self, href: &str) -> Result<String> {
        let base = &self.inner.base_url;
        let url = base
            .join(href)
            .map_err(|e| Error::InvalidLink(format!("`{href}` is not a URL: {e}")))?;
        if url.origin() != base.origin() {
            return Err(Error::InvalidLink(format!(
                "`{}` is not on the client's origin `{}`; not followed, so the token stays home",
                url.origin().ascii_serialization(),
                base.origin().ascii_serialization()
            )));
        }
        Ok(url.into())
    }
}
