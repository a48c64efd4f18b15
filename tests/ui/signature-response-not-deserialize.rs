struct User {
    id: u64,
}

trait Users: upsun::Api {
    #[upsun::endpoint(GET, "/users/<user_id>")]
    async fn get_user(&self, user_id: u64) -> upsun::Result<User>;
}

fn main() {}
