trait Users: upsun::Api {
    #[upsun::endpoint(get, "/users")]
    async fn list_users(&self) -> upsun::Result<()>;
}

fn main() {}
