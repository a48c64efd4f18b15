trait Pictures: upsun::Api {
    #[upsun::endpoint(POST, "/profile/<user_id>/picture")]
    async fn upload(
        &self,
        user_id: uuid::Uuid,
        #[body] meta: &serde_json::Value,
        #[multipart] form: &upsun::Multipart,
    ) -> upsun::Result<()>;
}

fn main() {}
