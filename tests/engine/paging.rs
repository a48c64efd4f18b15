//! Page streams always end: a `next` link already followed, a page with no items but a `next`
//! link, and the cap on pages followed each end the stream with `Error::Pagination` after the
//! items already read, and nothing more is requested.

use futures_util::{StreamExt, TryStreamExt};
use serde_json::{Value, json};
use upsun::{Client, Error, Page};
use upsun_tests::{Recorder, Reply};

trait Things: upsun::Api {
    #[upsun::endpoint(GET, "/things")]
    async fn list_things(&self) -> upsun::Result<Page<Value>>;
}

impl Things for Client {}

fn client(server: &Recorder) -> Client {
    Client::builder()
        .base_url(server.base_url())
        .access_token("t")
        .build()
        .unwrap()
}

fn page(items: Value, next: Option<&str>) -> Reply {
    let links = match next {
        Some(href) => json!({"self": {"href": "/things"}, "next": {"href": href}}),
        None => json!({"self": {"href": "/things"}}),
    };
    Reply::json(200, &json!({"items": items, "count": 9, "_links": links}))
}

/// The stream's outcomes until it ends, bounded so a stream that never ends fails the test.
async fn drain(
    stream: impl futures_util::Stream<Item = upsun::Result<Value>>,
) -> Vec<Result<Value, String>> {
    stream
        .take(50)
        .map(|item| {
            item.map_err(|e| match e {
                Error::Pagination(why) => format!("pagination: {why}"),
                other => format!("other: {other}"),
            })
        })
        .collect()
        .await
}

#[tokio::test]
async fn a_next_link_back_to_a_page_already_read_ends_the_stream() {
    let server = Recorder::start().await;
    server
        .reply(page(json!([1, 2]), Some("/things?page=2")))
        .reply(page(json!([3]), Some("/things?page=2")));
    let client = client(&server);
    let first = client.list_things().await.unwrap();
    let out = drain(first.into_stream(&client).limit(1000)).await;
    assert_eq!(out[..3], [Ok(json!(1)), Ok(json!(2)), Ok(json!(3))]);
    assert_eq!(out.len(), 4, "{out:?}");
    let end = out[3].as_ref().unwrap_err();
    assert!(
        end.starts_with("pagination") && end.contains("already read"),
        "{end}"
    );
    assert_eq!(server.requests().len(), 2, "page 2 was not fetched again");
}

#[tokio::test]
async fn collecting_a_looping_list_fails_instead_of_growing() {
    let server = Recorder::start().await;
    server
        .reply(page(json!([1]), Some("/things?page=2")))
        .reply(page(json!([2]), Some("/things?page=2")));
    let client = client(&server);
    let first = client.list_things().await.unwrap();
    let err = first
        .into_stream(&client)
        .try_collect::<Vec<Value>>()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Pagination(_)), "{err:?}");
}

#[tokio::test]
async fn an_empty_page_with_a_next_link_ends_the_stream() {
    let server = Recorder::start().await;
    server.reply(page(json!([]), Some("/things?page=2")));
    let client = client(&server);
    let first = client.list_things().await.unwrap();
    let out = drain(first.into_stream(&client)).await;
    assert_eq!(out.len(), 1, "{out:?}");
    let end = out[0].as_ref().unwrap_err();
    assert!(end.contains("no items"), "{end}");
    assert_eq!(
        server.requests().len(),
        1,
        "the next page was not requested"
    );
}

#[tokio::test]
async fn the_cap_on_pages_followed_ends_a_list_that_goes_on() {
    let server = Recorder::start().await;
    server
        .reply(page(json!([1]), Some("/things?page=2")))
        .reply(page(json!([2]), Some("/things?page=3")))
        .reply(page(json!([3]), Some("/things?page=4")));
    let client = client(&server);
    let first = client.list_things().await.unwrap();
    let out = drain(first.into_stream(&client).max_pages(2)).await;
    assert_eq!(out[..3], [Ok(json!(1)), Ok(json!(2)), Ok(json!(3))]);
    let end = out[3].as_ref().unwrap_err();
    assert!(end.contains("max_pages"), "{end}");
    assert_eq!(out.len(), 4, "the stream ended after the error: {out:?}");
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn a_list_without_a_next_link_ends_cleanly() {
    let server = Recorder::start().await;
    server
        .reply(page(json!([1]), Some("/things?page=2")))
        .reply(page(json!([2]), None));
    let client = client(&server);
    let first = client.list_things().await.unwrap();
    let all: Vec<Value> = first.into_stream(&client).try_collect().await.unwrap();
    assert_eq!(all, [json!(1), json!(2)]);
}
