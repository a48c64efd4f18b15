trait Users: upsun::Api {
    #[upsun::endpoint(GET "/users")]
    async fn list_users(&self) -> upsun::Result<()>;
}

fn main() {}
