// A `multipart/form-data` upload through `#[multipart]`.

#[derive(serde::Deserialize)]
pub struct Uploaded {
    pub url: String,
}

trait Pictures: upsun::Api {
    /// Uploads a picture.
    #[upsun::endpoint(POST, "/profile/<user_id>/picture")]
    async fn upload(&self, user_id: uuid::Uuid, #[multipart] form: &upsun::Multipart) -> upsun::Result<Uploaded>;
}

impl Pictures for upsun::Client {}

fn main() {}
