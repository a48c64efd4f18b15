trait Users: upsun::Api {
    #[upsun::endpoint(GET, "/users/<user_id>")]
    async fn get_user(&self, (user_id, _): (uuid::Uuid, u8)) -> upsun::Result<()>;
}

fn main() {}
