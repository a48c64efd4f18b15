//! Organizations: the accounts that own projects, billing and members.
//!
//! Organization IDs are opaque strings (ULIDs). The calls that read an organization also take
//! `name=<name>` in place of the ID to find it by its machine name.
//!
//! ```no_run
//! use futures_util::TryStreamExt;
//! use upsun::organizations::{CreateOrganization, ListOrganizations, OrganizationsApi};
//! use upsun::query::{Filter, Sort};
//!
//! # async fn run(client: upsun::Client) -> upsun::Result<()> {
//! let created = client
//!     .create_organization(&CreateOrganization::new("Acme Corp").name("acme"))
//!     .await?;
//! let query = ListOrganizations::new()
//!     .name(Filter::starts_with("ac"))
//!     .sort(Sort::desc("updated_at"))
//!     .page_size(50);
//! let first = client.list_organizations(&query).await?;
//! let all: Vec<_> = first.into_stream(&client).try_collect().await?;
//! # let _ = (created, all);
//! # Ok(())
//! # }
//! ```

mod models;
mod queries;

use crate::{OrganizationId, UserId, endpoint};

pub use self::models::{
    AiAgentSettings, CreateOrganization, Organization, OrganizationStatus, OrganizationType,
    UpdateOrganization,
};
pub use self::queries::{
    ListOrganizations, ListUserOrganizations, OrganizationFilters, UserOrganizationFilters,
};

/// The calls of the Organizations area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them: `use upsun::organizations::OrganizationsApi;`.
pub trait OrganizationsApi: crate::Api {
    /// Lists the organizations the token's user can see, one page at a time.
    ///
    /// Users see the organizations they are members of. Unless the query filters on `status`,
    /// deleted organizations are left out. Follow the page's links with
    /// [`Page::next`](crate::Page::next) or [`Page::into_stream`](crate::Page::into_stream).
    ///
    /// ```no_run
    /// # use upsun::organizations::{ListOrganizations, OrganizationsApi};
    /// use upsun::query::Filter;
    ///
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let query = ListOrganizations::new().label(Filter::contains("Acme")).page_size(20);
    /// let page = client.list_organizations(&query).await?;
    /// for org in &page.items {
    ///     println!("{} ({})", org.label, org.name);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/organizations")]
    async fn list_organizations(
        &self,
        #[query] query: &ListOrganizations,
    ) -> crate::Result<crate::Page<Organization>>;

    /// Creates an organization; only its label is required.
    ///
    /// The request is checked before sending (`country` is two letters, `security_contact`
    /// looks like an email address); a bad value is an
    /// [`Error::InvalidInput`](crate::Error) naming the field. A name that is already taken is
    /// an [`Error::Conflict`](crate::Error).
    ///
    /// ```no_run
    /// # use upsun::organizations::{CreateOrganization, OrganizationType, OrganizationsApi};
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let org = client
    ///     .create_organization(
    ///         &CreateOrganization::new("Acme Corp")
    ///             .name("acme")
    ///             .r#type(OrganizationType::Flexible)
    ///             .country("FR"),
    ///     )
    ///     .await?;
    /// println!("created {}", org.id);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/organizations")]
    async fn create_organization(
        &self,
        #[body] organization: &CreateOrganization,
    ) -> crate::Result<Organization>;

    /// Gets an organization by ID, or by name when written `name=<name>`.
    ///
    /// ```no_run
    /// # use upsun::organizations::OrganizationsApi;
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let by_id = client.get_organization(&"01H2X9Z4CQJ5K7M8N9P0QRSTVW".into()).await?;
    /// let by_name = client.get_organization(&"name=acme".into()).await?;
    /// assert_eq!(by_id.id, by_name.id);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/organizations/<organization_id>")]
    async fn get_organization(
        &self,
        organization_id: &OrganizationId,
    ) -> crate::Result<Organization>;

    /// Updates an organization: only the fields set in `update` change.
    ///
    /// Checked before sending like [`create_organization`](Self::create_organization). Setting
    /// a billing profile on an organization that already has another one is an
    /// [`Error::Conflict`](crate::Error).
    ///
    /// ```no_run
    /// # use upsun::organizations::{OrganizationsApi, UpdateOrganization};
    /// # async fn run(client: upsun::Client, id: &upsun::OrganizationId) -> upsun::Result<()> {
    /// let org = client
    ///     .update_organization(id, &UpdateOrganization::new().label("Acme Inc."))
    ///     .await?;
    /// assert_eq!(org.label, "Acme Inc.");
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(PATCH, "/organizations/<organization_id>")]
    async fn update_organization(
        &self,
        organization_id: &OrganizationId,
        #[body] update: &UpdateOrganization,
    ) -> crate::Result<Organization>;

    /// Deletes an organization.
    ///
    /// ```no_run
    /// # use upsun::organizations::OrganizationsApi;
    /// # async fn run(client: upsun::Client, id: &upsun::OrganizationId) -> upsun::Result<()> {
    /// client.delete_organization(id).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/organizations/<organization_id>")]
    async fn delete_organization(&self, organization_id: &OrganizationId) -> crate::Result<()>;

    /// Lists the organizations a user is a member of, one page at a time.
    ///
    /// ```no_run
    /// # use upsun::organizations::{ListUserOrganizations, OrganizationsApi};
    /// # use upsun::users::UsersApi;
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let me = client.current_user().await?;
    /// let page = client
    ///     .list_user_organizations(me.id, &ListUserOrganizations::new())
    ///     .await?;
    /// println!("member of {} organizations on this page", page.items.len());
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/<user_id>/organizations")]
    async fn list_user_organizations(
        &self,
        user_id: UserId,
        #[query] query: &ListUserOrganizations,
    ) -> crate::Result<crate::Page<Organization>>;
}

impl OrganizationsApi for crate::Client {}
