#[derive(serde::Serialize)]
struct Name {
    first: String,
}

#[derive(serde::Serialize)]
struct Address {
    country: String,
}

trait Users: upsun::Api {
    #[upsun::endpoint(PATCH, "/users/<user_id>")]
    async fn update_user(
        &self,
        user_id: uuid::Uuid,
        #[body] name: &Name,
        #[body] address: &Address,
    ) -> upsun::Result<()>;
}

fn main() {}
