//! A crate outside `upsun` extends the SDK with its own trait of `#[upsun::endpoint]` methods:
//! mixed segments, every role, path encoding, and input refused before sending.

use serde::{Deserialize, Serialize};
use serde_json::json;
use upsun::Client;
use upsun_tests::{Recorder, Reply};

#[derive(Debug, Deserialize, PartialEq)]
struct Found {
    id: String,
}

#[derive(Serialize)]
struct Page {
    limit: Option<u32>,
    sort: Option<&'static str>,
}

#[derive(Serialize)]
struct Note<'a> {
    text: &'a str,
}

trait Extras: upsun::Api {
    /// Finds a user by e-mail address.
    #[upsun::endpoint(GET, "/users/email=<email>")]
    async fn user_by_email(&self, email: &str) -> upsun::Result<Found>;

    /// Reads a branch of a project.
    #[upsun::endpoint(GET, "/projects/<project>/branches/<branch>")]
    async fn branch(&self, project: String, branch: &str) -> upsun::Result<Found>;

    /// Lists things, one page at a time.
    #[upsun::endpoint(GET, "/things")]
    async fn things(&self, #[query] page: &Page) -> upsun::Result<Vec<Found>>;

    /// Posts a note with a request ID.
    #[upsun::endpoint(POST, "/notes/<n>")]
    async fn post_note(
        &self,
        n: u64,
        #[body] note: &Note<'_>,
        #[header("X-Request-Id")] request_id: &str,
    ) -> upsun::Result<Found>;

    /// Deletes a thing; the API answers 204.
    #[upsun::endpoint(DELETE, "/things/<id>")]
    async fn delete_thing(&self, id: &str) -> upsun::Result<()>;
}

impl Extras for Client {}

/// A wrapper type can carry endpoints too, through `upsun::Api`.
struct Wrapper {
    inner: Client,
}

impl upsun::Api for Wrapper {
    fn client(&self) -> &Client {
        &self.inner
    }
}

impl Extras for Wrapper {}

fn client(server: &Recorder) -> Client {
    Client::builder()
        .base_url(server.base_url())
        .access_token("t")
        .build()
        .unwrap()
}

fn found() -> Reply {
    Reply::json(200, &json!({"id": "x"}))
}

#[tokio::test]
async fn a_mixed_segment_encodes_the_value_as_one_segment() {
    let server = Recorder::start().await;
    server.reply(found());
    let got = client(&server).user_by_email("a+b/c@x.io").await.unwrap();
    assert_eq!(got, Found { id: "x".into() });
    assert_eq!(
        server.only_request().target,
        "/users/email=a%2Bb%2Fc%40x.io"
    );
}

#[tokio::test]
async fn reserved_characters_never_change_the_path() {
    let server = Recorder::start().await;
    let client = client(&server);
    let cases = [
        ("feature/login", "feature%2Flogin"),
        ("a/../b", "a%2F..%2Fb"),
        ("x?y#z", "x%3Fy%23z"),
        ("a b", "a%20b"),
        ("100%", "100%25"),
        ("café", "caf%C3%A9"),
        ("line\r\nbreak", "line%0D%0Abreak"),
        ("...", "..."),
    ];
    for (branch, _) in cases {
        server.reply(found());
        client.branch("p 1".to_owned(), branch).await.unwrap();
    }
    let targets: Vec<_> = server.requests().into_iter().map(|r| r.target).collect();
    let expected: Vec<_> = cases
        .iter()
        .map(|(_, encoded)| format!("/projects/p%201/branches/{encoded}"))
        .collect();
    assert_eq!(targets, expected);
}

#[tokio::test]
async fn empty_and_dot_segments_are_refused_with_nothing_sent() {
    let server = Recorder::start().await;
    let client = client(&server);
    for bad in ["", ".", ".."] {
        let err = client.branch("p".into(), bad).await.unwrap_err();
        assert!(err.is_invalid_input(), "{bad:?}: {err:?}");
        assert!(err.to_string().contains("`branch`"), "{err}");
        let err = client.delete_thing(bad).await.unwrap_err();
        assert!(err.to_string().contains("`id`"), "{err}");
    }
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn query_fields_that_are_none_are_left_out() {
    let server = Recorder::start().await;
    server.reply(Reply::json(200, &json!([])));
    server.reply(Reply::json(200, &json!([{"id": "a"}])));
    let client = client(&server);
    let none = client
        .things(&Page {
            limit: None,
            sort: None,
        })
        .await
        .unwrap();
    assert!(none.is_empty());
    let some = client
        .things(&Page {
            limit: Some(5),
            sort: Some("name asc"),
        })
        .await
        .unwrap();
    assert_eq!(some.len(), 1);
    let targets: Vec<_> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(targets, ["/things", "/things?limit=5&sort=name%20asc"]);
}

#[tokio::test]
async fn body_and_header_arguments_reach_the_wire() {
    let server = Recorder::start().await;
    server.reply(found().header("Content-Type", "application/json"));
    let wrapper = Wrapper {
        inner: client(&server),
    };
    wrapper
        .post_note(7, &Note { text: "hi" }, "req-42")
        .await
        .unwrap();
    let request = server.only_request();
    assert_eq!(
        (request.method.as_str(), request.target.as_str()),
        ("POST", "/notes/7")
    );
    assert_eq!(request.header("x-request-id"), Some("req-42"));
    assert_eq!(request.json(), json!({"text": "hi"}));
}

#[tokio::test]
async fn header_values_with_line_breaks_are_refused_before_sending() {
    let server = Recorder::start().await;
    let client = client(&server);
    for bad in ["a\r\nX-Injected: 1", "a\nb", "a\rb"] {
        let err = client
            .post_note(1, &Note { text: "x" }, bad)
            .await
            .unwrap_err();
        assert!(err.is_invalid_input(), "{err:?}");
        assert!(
            err.to_string()
                .to_ascii_lowercase()
                .contains("x-request-id"),
            "{err}"
        );
    }
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn unit_results_accept_an_empty_204() {
    let server = Recorder::start().await;
    server.reply(Reply::empty(204));
    server.reply(Reply::json(200, &json!({"deleted": true})));
    let client = client(&server);
    client.delete_thing("a").await.unwrap();
    client.delete_thing("b").await.unwrap();
    assert_eq!(server.requests().len(), 2);
}
