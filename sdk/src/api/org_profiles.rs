//! Organization profiles: the company and billing details of an organization, and its postal
//! address.
//!
//! ```no_run
//! use upsun::org_profiles::{OrgProfilesApi, UpdateAddress, UpdateOrgProfile};
//!
//! # async fn run(client: upsun::Client, org_id: &upsun::OrganizationId) -> upsun::Result<()> {
//! client
//!     .update_org_profile(org_id, &UpdateOrgProfile::new().company_name("Acme SAS"))
//!     .await?;
//! let address = client
//!     .update_org_address(org_id, &UpdateAddress::new().country("FR").locality("Paris"))
//!     .await?;
//! assert_eq!(address.locality.as_deref(), Some("Paris"));
//! # Ok(())
//! # }
//! ```

mod models;

use crate::{OrganizationId, endpoint};

pub use self::models::{CustomerType, OrgProfile, UpdateOrgProfile};
pub use crate::models::{Address, AddressMetadata, UpdateAddress};
/// Whose profile it is: the schema, and so this type, is shared with user profiles.
pub use crate::profiles::ProfileType;

/// The calls of the Profiles area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them: `use upsun::org_profiles::OrgProfilesApi;`.
pub trait OrgProfilesApi: crate::Api {
    /// Gets an organization's profile; the organization may be given as `name=<name>`.
    ///
    /// ```no_run
    /// # use upsun::org_profiles::OrgProfilesApi;
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let profile = client.get_org_profile(&"name=acme".into()).await?;
    /// println!("billed in {:?}", profile.currency);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/organizations/<organization_id>/profile")]
    async fn get_org_profile(&self, organization_id: &OrganizationId) -> crate::Result<OrgProfile>;

    /// Updates an organization's profile: only the fields set in `update` change.
    ///
    /// The update is checked before sending (`billing_contact` looks like an email address,
    /// `project_options_url` is an absolute http(s) URI); a bad value is an
    /// [`Error::InvalidInput`](crate::Error) naming the field.
    ///
    /// ```no_run
    /// # use upsun::org_profiles::{CustomerType, OrgProfilesApi, UpdateOrgProfile};
    /// # async fn run(client: upsun::Client, org_id: &upsun::OrganizationId) -> upsun::Result<()> {
    /// let update = UpdateOrgProfile::new()
    ///     .customer_type(CustomerType::Corporation)
    ///     .billing_contact("billing@acme.example");
    /// let profile = client.update_org_profile(org_id, &update).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(PATCH, "/organizations/<organization_id>/profile")]
    async fn update_org_profile(
        &self,
        organization_id: &OrganizationId,
        #[body] update: &UpdateOrgProfile,
    ) -> crate::Result<OrgProfile>;

    /// Gets an organization's address; the organization may be given as `name=<name>`.
    ///
    /// ```no_run
    /// # use upsun::org_profiles::OrgProfilesApi;
    /// # async fn run(client: upsun::Client, org_id: &upsun::OrganizationId) -> upsun::Result<()> {
    /// let address = client.get_org_address(org_id).await?;
    /// println!("{:?}", address.country);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/organizations/<organization_id>/address")]
    async fn get_org_address(&self, organization_id: &OrganizationId) -> crate::Result<Address>;

    /// Updates an organization's address: only the fields set in `update` change.
    ///
    /// `country` is checked before sending (two ASCII letters).
    ///
    /// ```no_run
    /// # use upsun::org_profiles::{OrgProfilesApi, UpdateAddress};
    /// # async fn run(client: upsun::Client, org_id: &upsun::OrganizationId) -> upsun::Result<()> {
    /// let update = UpdateAddress::new()
    ///     .thoroughfare("1 rue de Rivoli")
    ///     .postal_code("75001")
    ///     .locality("Paris")
    ///     .country("FR");
    /// client.update_org_address(org_id, &update).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(PATCH, "/organizations/<organization_id>/address")]
    async fn update_org_address(
        &self,
        organization_id: &OrganizationId,
        #[body] update: &UpdateAddress,
    ) -> crate::Result<Address>;
}

impl OrgProfilesApi for crate::Client {}
