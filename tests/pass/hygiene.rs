// Names a user may define do not change what the expansion refers to.
#![allow(dead_code, non_camel_case_types)]

mod core {}
mod upsun_private {}

struct Endpoint;
struct Call;
struct Method;
type Result<T> = ::core::result::Result<T, ()>;
type Option = ();
type String = ();
fn send() {}

#[allow(non_upper_case_globals)]
static __UPSUN_ENDPOINT: u8 = 0;

trait Names: upsun::Api {
    #[upsun::endpoint(GET, "/names/<name>")]
    async fn get_name(
        &self,
        name: &str,
        #[query] __upsun_call: &[(&str, u8)],
    ) -> upsun::Result<u64>;
}

impl Names for upsun::Client {}

fn main() {}
