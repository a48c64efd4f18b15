//! The API areas: one module per OpenAPI tag (or a few close tags), each with the same shape:
//!
//! ```text
//! api/<area>.rs            the `<Area>Api` trait: only #[endpoint] methods, with docs
//! api/<area>/models.rs     the area's answers and request types
//! api/<area>/queries.rs    the typed query of each list, only for areas with lists
//! ```
//!
//! An area uses the engine (`crate::Api`, `crate::Result`, `crate::Page`, `crate::query`) and
//! the shared models (`crate::models`); no area imports another area's module except to name a
//! model the API really shares.

pub mod api_tokens;
pub mod connections;
pub mod environment_activity;
pub mod environment_backups;
pub mod environment_types;
pub mod environment_variables;
pub mod environments;
pub mod grants;
pub mod mfa;
pub mod org_profiles;
pub mod organization_invitations;
pub mod organization_members;
pub mod organizations;
pub mod phone_numbers;
pub mod profiles;
pub mod project_activity;
pub mod project_invitations;
pub mod project_variables;
pub mod projects;
pub mod references;
pub mod routing;
pub mod ssh_keys;
pub mod team_access;
pub mod teams;
pub mod user_access;
pub mod users;

/// Every area trait, re-exported by `upsun::prelude`.
pub(crate) mod prelude {
    pub use super::api_tokens::ApiTokensApi;
    pub use super::connections::ConnectionsApi;
    pub use super::environment_activity::EnvironmentActivityApi;
    pub use super::environment_backups::EnvironmentBackupsApi;
    pub use super::environment_types::EnvironmentTypesApi;
    pub use super::environment_variables::EnvironmentVariablesApi;
    pub use super::environments::EnvironmentsApi;
    pub use super::grants::GrantsApi;
    pub use super::mfa::MfaApi;
    pub use super::org_profiles::OrgProfilesApi;
    pub use super::organization_invitations::OrganizationInvitationsApi;
    pub use super::organization_members::OrganizationMembersApi;
    pub use super::organizations::OrganizationsApi;
    pub use super::phone_numbers::PhoneNumbersApi;
    pub use super::profiles::ProfilesApi;
    pub use super::project_activity::ProjectActivityApi;
    pub use super::project_invitations::ProjectInvitationsApi;
    pub use super::project_variables::ProjectVariablesApi;
    pub use super::projects::ProjectsApi;
    pub use super::references::ReferencesApi;
    pub use super::routing::RoutingApi;
    pub use super::ssh_keys::SshKeysApi;
    pub use super::team_access::TeamAccessApi;
    pub use super::teams::TeamsApi;
    pub use super::user_access::UserAccessApi;
    pub use super::users::UsersApi;
}
