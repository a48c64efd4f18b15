#[derive(serde::Serialize)]
struct Filter {
    name: String,
}

trait Users: upsun::Api {
    #[upsun::endpoint(GET, "/users")]
    async fn list_users(&self, #[body] filter: &Filter) -> upsun::Result<()>;
}

fn main() {}
