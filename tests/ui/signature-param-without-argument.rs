trait Orgs: upsun::Api {
    #[upsun::endpoint(GET, "/orgs/<org_id>/members")]
    async fn list_members(&self) -> upsun::Result<()>;
}

fn main() {}
