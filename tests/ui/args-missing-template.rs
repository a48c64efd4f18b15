trait Users: upsun::Api {
    #[upsun::endpoint(GET)]
    async fn list_users(&self) -> upsun::Result<()>;
}

fn main() {}
