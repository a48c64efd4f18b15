struct UserId(u64);

trait Users: upsun::Api {
    #[upsun::endpoint(GET, "/users/<user_id>")]
    async fn get_user(&self, user_id: UserId) -> upsun::Result<()>;
}

fn main() {}
