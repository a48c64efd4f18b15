// `Result<()>` written every way a user may write it.

trait Tokens: upsun::Api {
    #[upsun::endpoint(DELETE, "/tokens/<token_id>")]
    async fn delete_token(&self, token_id: u64) -> upsun::Result<()>;

    #[upsun::endpoint(DELETE, "/tokens/<token_id>/a")]
    async fn delete_token_absolute(&self, token_id: u64) -> ::upsun::Result<()>;

    #[upsun::endpoint(DELETE, "/tokens/<token_id>/b")]
    async fn delete_token_imported(&self, token_id: u64) -> Result<()>;
}

use upsun::Result;

impl Tokens for upsun::Client {}

fn main() {}
