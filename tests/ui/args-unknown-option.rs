trait Users: upsun::Api {
    #[upsun::endpoint(POST, "/users/refresh", retry)]
    async fn refresh_users(&self) -> upsun::Result<()>;
}

fn main() {}
