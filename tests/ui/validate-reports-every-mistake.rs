// Independent mistakes are all reported in one compile: the `<org_id>` without an argument,
// the stray `limit`, the `&mut self` and the missing `async`.
trait Orgs: upsun::Api {
    #[upsun::endpoint(GET, "/orgs/<org_id>/members")]
    fn list_members(&mut self, limit: u32) -> upsun::Result<()>;
}

fn main() {}
