trait Users: upsun::Api {
    #[upsun::endpoint(GET, "/users")]
    async fn list_users(
        &self,
        #[header("X-Request-Id")] request_id: &str,
        #[header("x-request-id")] again: &str,
    ) -> upsun::Result<()>;
}

fn main() {}
