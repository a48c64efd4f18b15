//! The models every area shares: typed IDs, links, pages, and the building blocks area models
//! are written with ([`string_enum!`](enums), [`request!`](request), the field checks).
//!
//! Nothing here belongs to one API area; an area's own models live in `api/<area>/models.rs`.

mod accepted;
mod access;
mod activity;
mod activity_query;
mod address;
pub(crate) mod checks;
pub(crate) mod enums;
mod ids;
mod links;
mod page;
pub(crate) mod request;
mod resources;
mod secret;
mod ssh_key;

pub use self::accepted::Accepted;
pub use self::access::{InvitationOwner, InvitationState, ProjectPermission};
pub use self::activity::{
    Activity, ActivityCommand, ActivityResult, ActivityState, FailureReason, Payload,
};
pub use self::activity_query::ListActivities;
pub use self::address::{Address, AddressMetadata, UpdateAddress};
pub use self::ids::{
    AccessId, ActivityId, ApiTokenId, BackupId, EnvironmentId, EnvironmentTypeId, InvitationId,
    OrganizationId, ProjectId, ProviderId, RouteId, TeamId, UserId, VariableId,
};
pub use self::links::{Link, Links};
pub use self::page::{InItems, ListKey, Page};
pub use self::resources::Resources;
pub use self::secret::Secret;
pub use self::ssh_key::{SshKey, SshKeyId};

pub(crate) use self::checks::{country_code, email_address, http_uri, not_blank, org_country_code};
pub(crate) use self::enums::string_enum;
pub(crate) use self::request::request;
