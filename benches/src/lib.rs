//! What the benches share: a fixed-answer server on 127.0.0.1, `update_user` written by hand
//! with reqwest, a counting allocator, the interleaved A/B rounds and the micro bench's timing
//! loop.
//!
//! Not published, not tested: `cargo bench -p upsun-benches` is the only thing that builds it
//! into a program. BENCHMARKS.md at the workspace root has the commands and the figures.

pub mod alloc;
pub mod hand;
pub mod rounds;
pub mod server;
pub mod timing;

use upsun::users::UpdateUser;
use uuid::Uuid;

/// The user every `PATCH /users/{id}` is answered with.
pub const USER_ID: Uuid = Uuid::from_u128(0xd81c8ee2_44b3_429f_b944_a33ad7437690);

/// The access token the fixed server hands out, and that the hand-written client sends.
pub const ACCESS_TOKEN: &str = "x";

/// The answer to `PATCH /users/{id}`: a whole user, as the API sends it (about 500 bytes).
pub const USER_JSON: &str = r#"{"id":"d81c8ee2-44b3-429f-b944-a33ad7437690","deactivated":false,"namespace":"upsun","username":"ada","email":"ada@example.com","email_verified":true,"first_name":"Ada","last_name":"Lovelace","picture":"https://example.com/ada.png","company":"Analytical Engines","website":"https://example.com","country":"GB","created_at":"2023-11-07T05:31:56Z","updated_at":"2023-11-08T05:31:56Z","consented_at":"2023-11-07T05:31:56Z","consent_method":"opt-in"}"#;

/// The answer to `POST /oauth2/token`: valid for 15 minutes, far longer than a bench run.
pub const TOKEN_JSON: &str = r#"{"access_token":"x","expires_in":900,"token_type":"bearer"}"#;

/// The update both variants send: three fields, two of them checked before sending.
pub fn update() -> UpdateUser {
    UpdateUser::new()
        .first_name("Ada")
        .company("Analytical Engines")
        .country("GB")
}
