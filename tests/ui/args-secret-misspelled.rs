trait Vault: upsun::Api {
    #[upsun::endpoint(POST, "/vaults/keys", secrets)]
    async fn create_key(&self) -> upsun::Result<()>;
}

fn main() {}
