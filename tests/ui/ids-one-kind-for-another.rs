// Typed ids: an id of one kind cannot go where another kind belongs, though both are text.

use upsun::organizations::OrganizationsApi;
use upsun::{EnvironmentId, ProjectId};

fn project_only(_: &ProjectId) {}

async fn run(client: upsun::Client) {
    let project = ProjectId::from("abcdefgh1234");
    let _ = client.get_organization(&project).await;
    project_only(&EnvironmentId::from("main"));
}

fn main() {
    let _ = run;
}
