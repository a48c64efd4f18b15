#[derive(serde::Serialize)]
struct Filter {
    name: String,
}

trait Users: upsun::Api {
    #[upsun::endpoint(POST, "/users/search")]
    async fn search_users(
        &self,
        #[body]
        #[query]
        filter: &Filter,
    ) -> upsun::Result<()>;
}

fn main() {}
