//! The Routing area against upsun-mock: routes as one enum, and an ID that is a URL.

use upsun::ProjectId;
use upsun::routing::{Route, RoutingApi};
use upsun_mock::NewProject;
use upsun_tests::{connect, mock};

#[tokio::test]
async fn routes_are_read_as_their_kind_and_by_their_url() {
    let mock = mock().await;
    mock.projects().add(NewProject::new("p1"));
    let client = connect(&mock);
    let project = ProjectId::from("p1");
    let routes = client
        .list_projects_environments_routes(&project, &"main".into())
        .await
        .unwrap();
    let [Route::Upstream(app), Route::Redirect(www)] = &routes[..] else {
        panic!("{routes:?}")
    };
    assert_eq!(app.upstream.as_deref(), Some("app:http"));
    assert_eq!(www.to.as_deref(), Some("https://{default}/"));

    let one = client
        .get_projects_environments_routes(
            &project,
            &"main".into(),
            &"https://www.{default}/".into(),
        )
        .await
        .unwrap();
    assert!(matches!(one, Route::Redirect(_)));
    assert_eq!(
        mock.requests().pop().unwrap().path,
        "/projects/p1/environments/main/routes/https%3A%2F%2Fwww.%7Bdefault%7D%2F"
    );
}
