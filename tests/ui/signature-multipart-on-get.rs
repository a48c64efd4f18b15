trait Pictures: upsun::Api {
    #[upsun::endpoint(GET, "/profile/<user_id>/picture")]
    async fn picture(&self, user_id: uuid::Uuid, #[multipart] form: &upsun::Multipart) -> upsun::Result<()>;
}

fn main() {}
