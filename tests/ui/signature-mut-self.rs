trait Users: upsun::Api {
    #[upsun::endpoint(GET, "/users/<user_id>")]
    async fn get_user(&mut self, user_id: uuid::Uuid) -> upsun::Result<()>;
}

fn main() {}
