//! The access family over real HTTP on 127.0.0.1: who may do what. One module per area, named
//! as in the sdk and the mock, each against upsun-mock started through `upsun_tests::mock` (so
//! every answer and every body sent is checked against the OpenAPI document).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failure here is a failed test

mod grants;
mod organization_invitations;
mod organization_members;
mod project_invitations;
mod references;
mod ssh_keys;
mod team_access;
mod teams;
mod user_access;

use upsun_mock::{AddedUser, MockServer, NewOrganization, NewUser, Organization};

/// An organization owned by the seeded user ("ada"), with "grace" as a plain member (no admin
/// rights): returns both.
pub fn org_with_member(mock: &MockServer) -> (Organization, AddedUser) {
    let grace = mock
        .users()
        .add(NewUser::new("grace").email("grace@example.com"));
    let org = mock
        .organizations()
        .add(NewOrganization::new("acme").member(grace.user.id));
    (org, grace)
}
