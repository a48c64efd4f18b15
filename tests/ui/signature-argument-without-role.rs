trait Users: upsun::Api {
    #[upsun::endpoint(GET, "/users")]
    async fn list_users(&self, limit: u32) -> upsun::Result<()>;
}

fn main() {}
