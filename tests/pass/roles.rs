// Every argument role, together and alone, and a parameter sharing a segment with text.

use uuid::Uuid;

#[derive(serde::Deserialize)]
pub struct Key {
    pub id: String,
}

#[derive(serde::Serialize)]
pub struct NewKey {
    pub value: String,
}

#[derive(serde::Serialize)]
pub struct Page {
    pub limit: Option<u32>,
}

#[derive(serde::Serialize)]
pub struct Sort {
    pub order: &'static str,
}

trait Keys: upsun::Api {
    /// Everything at once: path, body, two queries and two headers.
    #[upsun::endpoint(POST, "/users/<user_id>/keys")]
    async fn create_key(
        &self,
        user_id: Uuid,
        #[query] page: &Page,
        #[body] key: &NewKey,
        #[header("X-Request-Id")] request_id: &str,
        #[query] sort: Sort,
        #[header("If-Match")] etag: String,
    ) -> upsun::Result<Key>;

    #[upsun::endpoint(GET, "/keys")]
    async fn list_keys(&self, #[query] page: &Page) -> upsun::Result<Vec<Key>>;

    #[upsun::endpoint(GET, "/keys")]
    async fn list_keys_traced(
        &self,
        #[header("X-Request-Id")] request_id: u64,
    ) -> upsun::Result<Vec<Key>>;

    #[upsun::endpoint(PUT, "/keys/default")]
    async fn set_default_key(&self, #[body] key: &NewKey) -> upsun::Result<()>;

    /// A parameter may share a segment with literal text.
    #[upsun::endpoint(GET, "/users/email=<email>/keys/<key_id>.pub")]
    async fn get_key_by_email(&self, email: &str, key_id: u32) -> upsun::Result<String>;
}

impl Keys for upsun::Client {}

fn main() {}
