#[derive(serde::Serialize)]
struct Reason {
    text: String,
}

trait Users: upsun::Api {
    #[upsun::endpoint(DELETE, "/users/<user_id>")]
    async fn delete_user(&self, user_id: uuid::Uuid, #[body] reason: &Reason) -> upsun::Result<()>;
}

fn main() {}
