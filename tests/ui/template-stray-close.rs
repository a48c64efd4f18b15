trait Users: upsun::Api {
    #[upsun::endpoint(GET, "/users/user_id>")]
    async fn get_user(&self) -> upsun::Result<()>;
}

fn main() {}
