//! Routing: the routes of an environment, as one [`Route`] enum over their kinds.
//!
//! A route's ID is its URL pattern (`https://{default}/`): it is sent as one encoded path
//! segment.
//!
//! ```no_run
//! use upsun::routing::{Route, RoutingApi};
//!
//! # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
//! for route in client.list_projects_environments_routes(&project, &"main".into()).await? {
//!     match route {
//!         Route::Upstream(r) => println!("-> {:?}", r.upstream),
//!         Route::Redirect(r) => println!("redirect to {:?}", r.to),
//!         other => println!("{other:?}"),
//!     }
//! }
//! # Ok(())
//! # }
//! ```

mod models;

use crate::{EnvironmentId, ProjectId, RouteId, endpoint};

pub use self::models::{Cache, Route, RouteDetails, StrictTransportSecurity, Tls, Toggle};

/// The calls of the Routing area, implemented for [`Client`](crate::Client).
pub trait RoutingApi: crate::Api {
    /// Lists an environment's routes.
    ///
    /// ```no_run
    /// # use upsun::routing::RoutingApi;
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// let routes = client.list_projects_environments_routes(&project, &"main".into()).await?;
    /// # let _ = routes;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/projects/<project_id>/environments/<environment_id>/routes")]
    async fn list_projects_environments_routes(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
    ) -> crate::Result<Vec<Route>>;

    /// Gets a route by its ID (its URL pattern).
    ///
    /// ```no_run
    /// # use upsun::routing::RoutingApi;
    /// # async fn run(client: upsun::Client, project: upsun::ProjectId) -> upsun::Result<()> {
    /// let route = client
    ///     .get_projects_environments_routes(&project, &"main".into(), &"https://{default}/".into())
    ///     .await?;
    /// # let _ = route;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(
        GET,
        "/projects/<project_id>/environments/<environment_id>/routes/<route_id>"
    )]
    async fn get_projects_environments_routes(
        &self,
        project_id: &ProjectId,
        environment_id: &EnvironmentId,
        route_id: &RouteId,
    ) -> crate::Result<Route>;
}

impl RoutingApi for crate::Client {}
