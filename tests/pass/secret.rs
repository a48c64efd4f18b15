// The `secret` option, alone, with `idempotent` in either order, and with a trailing comma.

trait Vault: upsun::Api {
    #[upsun::endpoint(POST, "/vaults/<vault_id>/keys", secret)]
    async fn create_key(&self, vault_id: u64) -> upsun::Result<serde_json::Value>;

    #[upsun::endpoint(GET, "/vaults/<vault_id>/seed", secret, idempotent)]
    async fn seed(&self, vault_id: u64) -> upsun::Result<serde_json::Value>;

    #[upsun::endpoint(POST, "/vaults/<vault_id>/codes", idempotent, secret,)]
    async fn codes(&self, vault_id: u64) -> upsun::Result<serde_json::Value>;
}

impl Vault for upsun::Client {}

fn main() {}
