// Every verb, with and without path parameters.

use upsun::Result;

#[derive(serde::Deserialize)]
pub struct Project {
    pub id: String,
}

#[derive(serde::Serialize)]
pub struct NewProject {
    pub title: String,
}

trait Projects: upsun::Api {
    #[upsun::endpoint(GET, "/projects/<project_id>")]
    async fn get_project(&self, project_id: &str) -> Result<Project>;

    #[upsun::endpoint(POST, "/projects")]
    async fn create_project(&self, #[body] project: &NewProject) -> Result<Project>;

    #[upsun::endpoint(PUT, "/projects/<project_id>")]
    async fn replace_project(
        &self,
        project_id: &str,
        #[body] project: NewProject,
    ) -> Result<Project>;

    #[upsun::endpoint(PATCH, "/projects/<project_id>")]
    async fn update_project(
        &self,
        project_id: &str,
        #[body] project: &NewProject,
    ) -> Result<Project>;

    #[upsun::endpoint(DELETE, "/projects/<project_id>")]
    async fn delete_project(&self, project_id: &str) -> Result<()>;

    #[upsun::endpoint(POST, "/projects/<project_id>/refresh")]
    async fn refresh_project(&self, project_id: &str) -> Result<()>;
}

impl Projects for upsun::Client {}

fn main() {}
