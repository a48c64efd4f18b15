trait Orgs: upsun::Api {
    #[upsun::endpoint(GET, "/orgs/<id>/members/<id>")]
    async fn get_member(&self, id: uuid::Uuid) -> upsun::Result<()>;
}

fn main() {}
