//! The registry: every API area, its state and routes, put together in one place.
//!
//! Each area module (`areas/<tag>.rs`) provides the same three things:
//!
//! - `Store`, its state (`Default`), kept in the registry behind a `Shared<Store>`;
//! - `routes()`, generic over the router state, whose `where` clause lists the state it takes
//!   through axum's `FromRef` (`Arc<Core>`, its own `Shared<Store>`, another area's);
//! - a test handle, built by `Handle::new(registry)` from whatever lends it the parts it reads
//!   (`Lend<Core>`, `Lend<Mutex<Store>>`).
//!
//! The one `registry!` list below turns each entry into a field of [`Areas`] (the router's
//! state), its `FromRef` and `Lend` impls, a `merge` of its routes, and the accessor of its
//! handle on [`MockServer`] (`mock.users()`, `mock.organizations()`, ...). Areas never name
//! this module's types, so they depend on `core` and `kit` (and on each other where an API
//! route does), never on the registry.
//!
//! Each resource has one owner: projects are the `projects` store's (`ProjectRecord`, with
//! its organization), which the access areas read; no other area keeps a list of projects.
//!
//! ## Lock order
//!
//! A route that holds several of these stores at once locks them in this one order:
//! `organizations`, `organization_members`, `teams`, `projects`, `user_access`. A route may
//! skip any of them, and never locks one while holding a later one (a lock taken out of order
//! is released before the next is taken, as Project Invitations does with `projects` then
//! `organizations`). The `projects` store is also the Environment and activity areas', which
//! lock it alone. The users directory (`Core::identity`) comes after all of them: the access
//! routes lock it last, for a moment, to check that a user exists, and no route holding it
//! locks one of these stores.

pub(crate) mod api_tokens;
pub(crate) mod connections;
pub(crate) mod environment_activity;
pub(crate) mod environment_backups;
pub(crate) mod environment_types;
pub(crate) mod environment_variables;
pub(crate) mod environments;
pub(crate) mod grants;
pub(crate) mod mfa;
pub(crate) mod org_profiles;
pub(crate) mod organization_invitations;
pub(crate) mod organization_members;
pub(crate) mod organizations;
pub(crate) mod phone_numbers;
pub(crate) mod profiles;
pub(crate) mod project_activity;
pub(crate) mod project_invitations;
pub(crate) mod project_variables;
pub(crate) mod projects;
pub(crate) mod references;
pub(crate) mod routing;
pub(crate) mod ssh_keys;
pub(crate) mod team_access;
pub(crate) mod teams;
pub(crate) mod user_access;
pub(crate) mod users;

use std::io;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::FromRef;

use crate::core::server::{MockServer, MockServerBuilder};
use crate::core::{Core, Lend, Shared, serve};

/// Declares the areas: for each `tag: Handle` entry, the registry's state, routes and handle
/// accessor (see the module documentation).
macro_rules! registry {
    ($($(#[$doc:meta])* $tag:ident: $handle:ident,)*) => {
        /// The state every route is served with: the core, and each area's store.
        #[derive(Debug, Clone)]
        pub(crate) struct Areas {
            core: Arc<Core>,
            $($tag: Shared<$tag::Store>,)*
        }

        impl Areas {
            fn new(core: Arc<Core>) -> Self {
                Areas {
                    core,
                    $($tag: Shared::default(),)*
                }
            }
        }

        $(
            impl FromRef<Areas> for Shared<$tag::Store> {
                fn from_ref(areas: &Areas) -> Self {
                    areas.$tag.clone()
                }
            }

            impl Lend<Mutex<$tag::Store>> for Areas {
                fn lend(&self) -> &Mutex<$tag::Store> {
                    &self.$tag
                }
            }
        )*

        /// Every area's routes.
        fn routes() -> Router<Areas> {
            Router::new()$(.merge($tag::routes()))*
        }

        impl MockServer {
            $(
                $(#[$doc])*
                pub fn $tag(&self) -> $tag::$handle<'_> {
                    $tag::$handle::new(self.registry())
                }
            )*
        }
    };
}

registry! {
    /// The users: add users and admins, read them back ([`UsersHandle`](crate::UsersHandle)).
    users: UsersHandle,
    /// The users' public SSH keys ([`SshKeysHandle`](crate::SshKeysHandle)).
    ssh_keys: SshKeysHandle,
    /// The API tokens created through `POST /users/{user_id}/api-tokens`
    /// ([`ApiTokensHandle`](crate::ApiTokensHandle)).
    api_tokens: ApiTokensHandle,
    /// The users' federated login connections
    /// ([`ConnectionsHandle`](crate::ConnectionsHandle)).
    connections: ConnectionsHandle,
    /// The users' confirmed phone numbers ([`PhoneNumbersHandle`](crate::PhoneNumbersHandle)).
    phone_numbers: PhoneNumbersHandle,
    /// TOTP enrollments, recovery codes, and organizations' MFA settings
    /// ([`MfaHandle`](crate::MfaHandle)).
    mfa: MfaHandle,
    /// The organizations: seed them, read them back
    /// ([`OrganizationsHandle`](crate::OrganizationsHandle)).
    organizations: OrganizationsHandle,
    /// The organizations' profiles and addresses
    /// ([`OrgProfilesHandle`](crate::OrgProfilesHandle)).
    org_profiles: OrgProfilesHandle,
    /// The users' profile pictures ([`ProfilesHandle`](crate::ProfilesHandle)).
    profiles: ProfilesHandle,
    /// The projects (the one registry of them: the access areas read it), their environment
    /// trees and their activities ([`ProjectsHandle`](crate::ProjectsHandle)).
    projects: ProjectsHandle,
    /// The environments of the projects ([`EnvironmentsHandle`](crate::EnvironmentsHandle)).
    environments: EnvironmentsHandle,
    /// The projects' activities ([`ProjectActivityHandle`](crate::ProjectActivityHandle)).
    project_activity: ProjectActivityHandle,
    /// The environments' activities
    /// ([`EnvironmentActivityHandle`](crate::EnvironmentActivityHandle)).
    environment_activity: EnvironmentActivityHandle,
    /// The environments' backups ([`EnvironmentBackupsHandle`](crate::EnvironmentBackupsHandle)).
    environment_backups: EnvironmentBackupsHandle,
    /// The environment types ([`EnvironmentTypesHandle`](crate::EnvironmentTypesHandle)).
    environment_types: EnvironmentTypesHandle,
    /// The environments' variables ([`EnvironmentVariablesHandle`](crate::EnvironmentVariablesHandle)).
    environment_variables: EnvironmentVariablesHandle,
    /// The projects' variables ([`ProjectVariablesHandle`](crate::ProjectVariablesHandle)).
    project_variables: ProjectVariablesHandle,
    /// The environments' routes ([`RoutingHandle`](crate::RoutingHandle)).
    routing: RoutingHandle,
    /// The teams, their members and their grants of projects
    /// ([`TeamsHandle`](crate::TeamsHandle)).
    teams: TeamsHandle,
    /// The invitations to organizations: read them, move them through their states
    /// ([`OrganizationInvitationsHandle`](crate::OrganizationInvitationsHandle)).
    organization_invitations: OrganizationInvitationsHandle,
    /// The members' permissions
    /// ([`OrganizationMembersHandle`](crate::OrganizationMembersHandle)).
    organization_members: OrganizationMembersHandle,
    /// Teams' access to projects; shorthands for projects of an organization
    /// ([`TeamAccessHandle`](crate::TeamAccessHandle)).
    team_access: TeamAccessHandle,
    /// The users' grants of projects ([`UserAccessHandle`](crate::UserAccessHandle)).
    user_access: UserAccessHandle,
    /// The invitations to projects
    /// ([`ProjectInvitationsHandle`](crate::ProjectInvitationsHandle)).
    project_invitations: ProjectInvitationsHandle,
    /// Extended access and access documents, read from the other access areas
    /// ([`GrantsHandle`](crate::GrantsHandle)).
    grants: GrantsHandle,
    /// The signatures of reference queries ([`ReferencesHandle`](crate::ReferencesHandle)).
    references: ReferencesHandle,
}

impl FromRef<Areas> for Arc<Core> {
    fn from_ref(areas: &Areas) -> Self {
        areas.core.clone()
    }
}

impl Lend<Core> for Areas {
    fn lend(&self) -> &Core {
        &self.core
    }
}

impl MockServerBuilder {
    /// Binds the address and starts serving every area on the current Tokio runtime.
    ///
    /// # Errors
    ///
    /// If the address cannot be bound (for a fixed port: it is in use).
    pub async fn start(self) -> io::Result<MockServer> {
        self.launch(|core| {
            let areas = Areas::new(core.clone());
            let app = serve::app(routes(), areas.clone());
            (app, Arc::new(areas))
        })
        .await
    }
}

impl MockServer {
    /// Starts a mock on 127.0.0.1 on a free port, with default options.
    ///
    /// # Panics
    ///
    /// If no loopback port can be bound, or outside a Tokio runtime. Use
    /// [`builder`](Self::builder) to get the error instead.
    pub async fn start() -> MockServer {
        match Self::builder().start().await {
            Ok(server) => server,
            Err(err) => panic!("upsun-mock: cannot listen on 127.0.0.1: {err}"),
        }
    }

    /// The registry's state this server was started with.
    fn registry(&self) -> &Areas {
        match self.areas::<Areas>() {
            Some(areas) => areas,
            None => unreachable!("every MockServer is started by the registry"),
        }
    }
}
