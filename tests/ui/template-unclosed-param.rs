trait Users: upsun::Api {
    #[upsun::endpoint(GET, "/users/<user_id/keys")]
    async fn list_keys(&self, user_id: uuid::Uuid) -> upsun::Result<()>;
}

fn main() {}
