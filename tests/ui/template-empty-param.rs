trait Users: upsun::Api {
    #[upsun::endpoint(GET, "/users/<>")]
    async fn get_user(&self) -> upsun::Result<()>;
}

fn main() {}
