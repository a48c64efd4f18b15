trait Users: upsun::Api {
    #[upsun::endpoint(GET, "/users")]
    async unsafe fn list_users(&self) -> upsun::Result<()>;
}

fn main() {}
