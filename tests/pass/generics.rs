// Generic methods, `impl Trait` arguments and named lifetimes pass through unchanged.

use std::fmt::Display;

trait Things: upsun::Api {
    #[upsun::endpoint(GET, "/things/<id>")]
    async fn get_thing<I: Display + Sync>(&self, id: I) -> upsun::Result<String>;

    #[upsun::endpoint(GET, "/things/<id>/parts")]
    async fn get_parts(&self, id: impl Display + Sync) -> upsun::Result<Vec<String>>;

    #[upsun::endpoint(POST, "/things")]
    async fn create_thing<'a, B>(&'a self, #[body] thing: &'a B) -> upsun::Result<u64>
    where
        B: serde::Serialize + Sync;
}

impl Things for upsun::Client {}

fn main() {}
