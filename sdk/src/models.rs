//! The models every area shares: typed IDs, links, pages, and the building blocks area models
//! are written with ([`string_enum!`](enums), [`request!`](request), the field checks).
//!
//! Nothing here belongs to one API area; an area's own models live in `api/<area>/models.rs`.

mod access;
mod address;
pub(crate) mod checks;
pub(crate) mod enums;
mod ids;
mod links;
mod page;
pub(crate) mod request;
mod secret;
mod ssh_key;

pub use self::access::{InvitationOwner, InvitationState, ProjectPermission};
pub use self::address::{Address, AddressMetadata, UpdateAddress};
pub use self::ids::{
    AccessId, ApiTokenId, EnvironmentId, InvitationId, OrganizationId, ProjectId, ProviderId,
    TeamId, UserId,
};
pub use self::links::{Link, Links};
pub use self::page::{InItems, ListKey, Page};
pub use self::secret::Secret;
pub use self::ssh_key::{SshKey, SshKeyId};

pub(crate) use self::checks::{country_code, email_address, http_uri, not_blank};
pub(crate) use self::enums::string_enum;
pub(crate) use self::request::request;
