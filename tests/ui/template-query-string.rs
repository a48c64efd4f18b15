trait Users: upsun::Api {
    #[upsun::endpoint(GET, "/users?limit=10")]
    async fn list_users(&self) -> upsun::Result<()>;
}

fn main() {}
