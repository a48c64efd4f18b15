//! Paginated lists: a [`Page`] of items with `_links`, read page by page or as a stream.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::__private::{Call, Endpoint, Method};
use crate::{Api, Client, Error, Result};

/// One page of a list, with the links to its neighbours.
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Page<T> {
    /// The items of this page.
    #[serde(alias = "profiles", default = "Vec::new")]
    pub items: Vec<T>,
    /// The number of items across all pages, when the API tells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// Links to this page and its neighbours.
    #[serde(rename = "_links", default)]
    pub links: Links,
}

/// The `_links` of a list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Links {
    /// This page.
    #[serde(rename = "self", default, skip_serializing_if = "Option::is_none")]
    pub this: Option<Link>,
    /// The page before, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Link>,
    /// The page after, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<Link>,
}

/// A hypermedia link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Link {
    /// Where it points.
    pub href: String,
    /// What it is called, if the API says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

static NEXT_PAGE: Endpoint = Endpoint::new(Method::GET, "(next page link)", &[""], &[], true);

impl<T: DeserializeOwned + Send + 'static> Page<T> {
    /// Whether there is a page after this one.
    pub fn has_next(&self) -> bool {
        self.links.next.is_some()
    }

    /// Fetches the next page, or `None` on the last page.
    ///
    /// The link must point to the client's own origin (scheme, host and port): the access token
    /// is never sent anywhere else, so a link elsewhere is an [`Error::InvalidLink`].
    pub async fn next<A: Api + ?Sized>(&self, api: &A) -> Result<Option<Page<T>>> {
        match &self.links.next {
            Some(link) => fetch(api.client(), &link.href).await.map(Some),
            None => Ok(None),
        }
    }

    /// Every item of this page and the pages after it, fetched lazily as the stream is read.
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
    pub fn into_stream<A: Api + ?Sized>(self, api: &A) -> Items<'_, T> {
        Items {
            client: api.client(),
            buffer: self.items.into(),
            next: self.links.next.map(|l| l.href),
            in_flight: None,
            remaining: None,
        }
    }
}

async fn fetch<T: DeserializeOwned + 'static>(client: &Client, href: &str) -> Result<Page<T>> {
    let url = client.same_origin(href)?;
    let call = Call::link(&NEXT_PAGE, url);
    client.execute(call).await?.decode()
}

type PageFuture<'a, T> = Pin<Box<dyn Future<Output = Result<Page<T>>> + Send + 'a>>;

/// A stream of the items of a list, following `next` links; made by [`Page::into_stream`].
///
/// Yields `Err` once and ends if a page cannot be fetched.
#[must_use = "streams do nothing unless polled"]
pub struct Items<'a, T> {
    client: &'a Client,
    buffer: VecDeque<T>,
    next: Option<String>,
    in_flight: Option<PageFuture<'a, T>>,
    remaining: Option<usize>,
}

impl<T> Items<'_, T> {
    /// Ends the stream after `max` items, fetching no page beyond what they need.
    pub fn limit(mut self, max: usize) -> Self {
        self.remaining = Some(max);
        self
    }
}

// The items are moved out of the buffer, never pinned in place, and the page future is boxed.
impl<T> Unpin for Items<'_, T> {}

impl<T> std::fmt::Debug for Items<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Items")
            .field("buffered", &self.buffer.len())
            .field("next", &self.next)
            .field("remaining", &self.remaining)
            .finish()
    }
}

impl<'a, T: DeserializeOwned + Send + 'static> Stream for Items<'a, T> {
    type Item = Result<T>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if this.remaining == Some(0) {
                return Poll::Ready(None);
            }
            if let Some(item) = this.buffer.pop_front() {
                if let Some(left) = &mut this.remaining {
                    *left -= 1;
                }
                return Poll::Ready(Some(Ok(item)));
            }
            if this.in_flight.is_none() {
                let Some(href) = this.next.take() else {
                    return Poll::Ready(None);
                };
                let client = this.client;
                this.in_flight = Some(Box::pin(async move { fetch(client, &href).await }));
            }
            let Some(in_flight) = this.in_flight.as_mut() else {
                return Poll::Ready(None);
            };
            match in_flight.as_mut().poll(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(result) => {
                    this.in_flight = None;
                    match result {
                        Ok(page) => {
                            this.buffer = page.items.into();
                            this.next = page.links.next.map(|l| l.href);
                        }
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
