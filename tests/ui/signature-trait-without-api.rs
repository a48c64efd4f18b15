trait Users {
    #[upsun::endpoint(GET, "/users/<user_id>")]
    async fn get_user(&self, user_id: u64) -> upsun::Result<()>;
}

fn main() {}
