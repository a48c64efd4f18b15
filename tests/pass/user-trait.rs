// A user's own endpoint trait, implemented for the client; the futures are `Send`.

use serde::Deserialize;

#[derive(Deserialize)]
pub struct Organization {
    pub id: String,
    pub label: String,
}

/// Organization calls this crate needs and the SDK does not have yet.
pub trait MyApi: upsun::Api {
    /// Gets an organization.
    #[upsun::endpoint(GET, "/organizations/<organization_id>")]
    async fn organization(&self, organization_id: &str) -> upsun::Result<Organization>;

    /// Lists the organizations.
    #[upsun::endpoint(GET, "/organizations")]
    async fn organizations(&self) -> upsun::Result<Vec<Organization>>;
}

impl MyApi for upsun::Client {}

fn assert_send<T: Send>(_: T) {}

#[allow(dead_code)]
fn futures_are_send(client: &upsun::Client) {
    assert_send(client.organization("org"));
    assert_send(client.organizations());
    let id = String::from("org");
    assert_send(client.organization(&id));
}

#[allow(dead_code)]
async fn awaits(client: upsun::Client) -> upsun::Result<String> {
    let org = client.organization("org").await?;
    Ok(org.label)
}

fn main() {}
