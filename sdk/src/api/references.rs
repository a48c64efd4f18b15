//! References: short records of users, teams, organizations, projects and regions, by ID, for
//! a trusted service's links.
//!
//! These calls do not take IDs the caller chooses: a trusted Upsun service hands out the
//! comma-separated list of IDs (`in`) together with its signature (`sig`), and the API answers
//! only for that exact pair. Pass both on unchanged in a [`ReferenceQuery`]. Each answer maps
//! every ID asked for to its record, or to `None` when it no longer exists.
//!
//! ```no_run
//! use upsun::references::{ReferenceQuery, ReferencesApi};
//!
//! # async fn run(client: upsun::Client, ids: String, signature: String) -> upsun::Result<()> {
//! // `ids` and `signature` come from a trusted service, as they are.
//! let users = client.list_referenced_users(&ReferenceQuery::new(ids, signature)).await?;
//! for (id, user) in &users {
//!     match user {
//!         Some(user) => println!("{id}: {:?}", user.username),
//!         None => println!("{id}: gone"),
//!     }
//! }
//! # Ok(())
//! # }
//! ```

mod models;

use std::collections::BTreeMap;

use crate::endpoint;

pub use self::models::{
    OrganizationReference, ProjectReference, ProjectStatus, ProjectType, ReferenceQuery,
    RegionCompliance, RegionDatacenter, RegionEnvImpact, RegionProvider, RegionReference,
    TeamReference, TeamReferenceCounts, UserReference,
};

/// The calls of the References area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them: `use upsun::references::ReferencesApi;`.
pub trait ReferencesApi: crate::Api {
    /// The organizations of a signed list of IDs, by ID (`None` for one that no longer
    /// exists).
    ///
    /// ```no_run
    /// # use upsun::references::{ReferenceQuery, ReferencesApi};
    /// # async fn run(client: upsun::Client, query: ReferenceQuery) -> upsun::Result<()> {
    /// let orgs = client.list_referenced_orgs(&query).await?;
    /// # let _ = orgs;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/ref/organizations")]
    async fn list_referenced_orgs(
        &self,
        #[query] query: &ReferenceQuery,
    ) -> crate::Result<BTreeMap<String, Option<OrganizationReference>>>;

    /// The projects of a signed list of IDs, by ID.
    ///
    /// ```no_run
    /// # use upsun::references::{ReferenceQuery, ReferencesApi};
    /// # async fn run(client: upsun::Client, query: ReferenceQuery) -> upsun::Result<()> {
    /// let projects = client.list_referenced_projects(&query).await?;
    /// # let _ = projects;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/ref/projects")]
    async fn list_referenced_projects(
        &self,
        #[query] query: &ReferenceQuery,
    ) -> crate::Result<BTreeMap<String, Option<ProjectReference>>>;

    /// The regions of a signed list of IDs, by ID.
    ///
    /// ```no_run
    /// # use upsun::references::{ReferenceQuery, ReferencesApi};
    /// # async fn run(client: upsun::Client, query: ReferenceQuery) -> upsun::Result<()> {
    /// let regions = client.list_referenced_regions(&query).await?;
    /// # let _ = regions;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/ref/regions")]
    async fn list_referenced_regions(
        &self,
        #[query] query: &ReferenceQuery,
    ) -> crate::Result<BTreeMap<String, Option<RegionReference>>>;

    /// The teams of a signed list of IDs, by ID.
    ///
    /// ```no_run
    /// # use upsun::references::{ReferenceQuery, ReferencesApi};
    /// # async fn run(client: upsun::Client, query: ReferenceQuery) -> upsun::Result<()> {
    /// let teams = client.list_referenced_teams(&query).await?;
    /// # let _ = teams;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/ref/teams")]
    async fn list_referenced_teams(
        &self,
        #[query] query: &ReferenceQuery,
    ) -> crate::Result<BTreeMap<String, Option<TeamReference>>>;

    /// The users of a signed list of IDs, by ID.
    ///
    /// ```no_run
    /// # use upsun::references::{ReferenceQuery, ReferencesApi};
    /// # async fn run(client: upsun::Client, query: ReferenceQuery) -> upsun::Result<()> {
    /// let users = client.list_referenced_users(&query).await?;
    /// # let _ = users;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/ref/users")]
    async fn list_referenced_users(
        &self,
        #[query] query: &ReferenceQuery,
    ) -> crate::Result<BTreeMap<String, Option<UserReference>>>;
}

impl ReferencesApi for crate::Client {}
