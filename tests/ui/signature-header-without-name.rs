trait Users: upsun::Api {
    #[upsun::endpoint(GET, "/users")]
    async fn list_users(&self, #[header] request_id: &str) -> upsun::Result<()>;
}

fn main() {}
