trait Vault: upsun::Api {
    #[upsun::endpoint(POST, "/vaults/keys", secret, idempotent, secret)]
    async fn create_key(&self) -> upsun::Result<()>;
}

fn main() {}
