trait Users: upsun::Api {
    #[upsun::endpoint]
    async fn list_users(&self) -> upsun::Result<()>;
}

fn main() {}
