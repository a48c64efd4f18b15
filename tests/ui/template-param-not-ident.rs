trait Users: upsun::Api {
    #[upsun::endpoint(GET, "/users/<user-id>")]
    async fn get_user(&self, user_id: uuid::Uuid) -> upsun::Result<()>;
}

fn main() {}
