struct NewUser {
    email: String,
}

trait Users: upsun::Api {
    #[upsun::endpoint(POST, "/users")]
    async fn create_user(&self, #[body] user: &NewUser) -> upsun::Result<()>;
}

fn main() {}
