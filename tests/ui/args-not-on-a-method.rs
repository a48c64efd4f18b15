#[upsun::endpoint(GET, "/users")]
struct Users;

fn main() {}
