trait Users: upsun::Api {
    #[upsun::endpoint(FETCH, "/users")]
    async fn list_users(&self) -> upsun::Result<()>;
}

fn main() {}
