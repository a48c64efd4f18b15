//! The type each declared operation answers, as a decoder: the decode-width test (`width.rs`)
//! feeds it every answer the document allows.
//!
//! The type name is the return type's text in the method's declaration, without `Result<…>`
//! (`Page<Organization>`); the test checks that the two agree, and that every declared
//! operation with a body in its answer is here.

use serde::de::DeserializeOwned;
use upsun::{ListKey, Page};

/// Decodes a body as the SDK's type, or says why it cannot.
pub type Decode = fn(&[u8]) -> Result<(), String>;

/// Decodes the body as `T`.
fn de<T: DeserializeOwned>(body: &[u8]) -> Result<(), String> {
    serde_json::from_slice::<T>(body)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Decodes the body as a page of `T` under `K`, and checks that no item was lost: a page
/// reading another member than the one the answer holds its items in would decode, empty. The
/// items sent are those of every list at the top of the body.
fn page<T: DeserializeOwned, K: ListKey>(body: &[u8]) -> Result<(), String> {
    let page: Page<T, K> = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    let lists: Vec<(&String, usize)> = value
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(name, v)| Some((name, v.as_array()?.len())))
        .collect();
    let sent: usize = lists.iter().map(|(_, n)| n).sum();
    if page.items.len() == sent {
        Ok(())
    } else {
        Err(format!(
            "the page read {} item(s) from `{}`; the answer's lists hold {sent}: {lists:?}",
            page.items.len(),
            K::KEY
        ))
    }
}

/// `(operation ID, type name, decoder)` for every declared operation whose answer has a body.
pub const DECODERS: &[(&str, &str, Decode)] = &[
    // Users
    ("get-current-user", "User", de::<upsun::users::User>),
    ("get-user", "User", de::<upsun::users::User>),
    (
        "get-user-by-email-address",
        "User",
        de::<upsun::users::User>,
    ),
    ("get-user-by-username", "User", de::<upsun::users::User>),
    ("update-user", "User", de::<upsun::users::User>),
    (
        "get-current-user-verification-status",
        "PhoneVerificationStatus",
        de::<upsun::users::PhoneVerificationStatus>,
    ),
    (
        "get-current-user-verification-status-full",
        "VerificationStatus",
        de::<upsun::users::VerificationStatus>,
    ),
    (
        "get-current-user-deprecated",
        "CurrentUser",
        de::<upsun::users::CurrentUser>,
    ),
    // Api Tokens
    (
        "list-api-tokens",
        "Vec<ApiToken>",
        de::<Vec<upsun::api_tokens::ApiToken>>,
    ),
    (
        "create-api-token",
        "ApiToken",
        de::<upsun::api_tokens::ApiToken>,
    ),
    (
        "get-api-token",
        "ApiToken",
        de::<upsun::api_tokens::ApiToken>,
    ),
    // Connections
    (
        "list-login-connections",
        "Vec<Connection>",
        de::<Vec<upsun::connections::Connection>>,
    ),
    (
        "get-login-connection",
        "Connection",
        de::<upsun::connections::Connection>,
    ),
    // Mfa
    (
        "get-totp-enrollment",
        "TotpEnrollment",
        de::<upsun::mfa::TotpEnrollment>,
    ),
    (
        "confirm-totp-enrollment",
        "RecoveryCodes",
        de::<upsun::mfa::RecoveryCodes>,
    ),
    (
        "recreate-recovery-codes",
        "RecoveryCodes",
        de::<upsun::mfa::RecoveryCodes>,
    ),
    (
        "get-org-mfa-enforcement",
        "MfaEnforcement",
        de::<upsun::mfa::MfaEnforcement>,
    ),
    (
        "send-org-mfa-reminders",
        "MfaReminders",
        de::<upsun::mfa::MfaReminders>,
    ),
    // Organizations
    (
        "list-orgs",
        "Page<Organization>",
        page::<upsun::organizations::Organization, upsun::InItems>,
    ),
    (
        "create-org",
        "Organization",
        de::<upsun::organizations::Organization>,
    ),
    (
        "get-org",
        "Organization",
        de::<upsun::organizations::Organization>,
    ),
    (
        "update-org",
        "Organization",
        de::<upsun::organizations::Organization>,
    ),
    (
        "list-user-orgs",
        "Page<Organization>",
        page::<upsun::organizations::Organization, upsun::InItems>,
    ),
    // PhoneNumber
    (
        "verify-phone-number",
        "PhoneVerification",
        de::<upsun::phone_numbers::PhoneVerification>,
    ),
    // Profiles (an organization's)
    (
        "get-org-profile",
        "OrgProfile",
        de::<upsun::org_profiles::OrgProfile>,
    ),
    (
        "update-org-profile",
        "OrgProfile",
        de::<upsun::org_profiles::OrgProfile>,
    ),
    (
        "get-org-address",
        "Address",
        de::<upsun::org_profiles::Address>,
    ),
    (
        "update-org-address",
        "Address",
        de::<upsun::org_profiles::Address>,
    ),
    // User Profiles
    (
        "list-profiles",
        "Page<Profile, InProfiles>",
        page::<upsun::profiles::Profile, upsun::profiles::InProfiles>,
    ),
    ("get-profile", "Profile", de::<upsun::profiles::Profile>),
    ("update-profile", "Profile", de::<upsun::profiles::Profile>),
    ("get-address", "Address", de::<upsun::profiles::Address>),
    ("update-address", "Address", de::<upsun::profiles::Address>),
    (
        "create-profile-picture",
        "ProfilePicture",
        de::<upsun::profiles::ProfilePicture>,
    ),
    // Project
    ("get-projects", "Project", de::<upsun::projects::Project>),
    (
        "get-projects-capabilities",
        "ProjectCapabilities",
        de::<upsun::projects::ProjectCapabilities>,
    ),
    // Environment
    (
        "list-projects-environments",
        "Vec<Environment>",
        de::<Vec<upsun::environments::Environment>>,
    ),
    (
        "get-environment",
        "Environment",
        de::<upsun::environments::Environment>,
    ),
    // Accepted answers (Project, Environment)
    (
        "action-projects-clear-build-cache",
        "Accepted",
        de::<upsun::Accepted>,
    ),
    (
        "maintenance-redeploy-project",
        "Accepted",
        de::<upsun::Accepted>,
    ),
    ("update-environment", "Accepted", de::<upsun::Accepted>),
    ("delete-environment", "Accepted", de::<upsun::Accepted>),
    ("activate-environment", "Accepted", de::<upsun::Accepted>),
    ("branch-environment", "Accepted", de::<upsun::Accepted>),
    ("deactivate-environment", "Accepted", de::<upsun::Accepted>),
    ("deploy-environment", "Accepted", de::<upsun::Accepted>),
    ("initialize-environment", "Accepted", de::<upsun::Accepted>),
    (
        "maintenance-redeploy-environment",
        "Accepted",
        de::<upsun::Accepted>,
    ),
    ("merge-environment", "Accepted", de::<upsun::Accepted>),
    ("pause-environment", "Accepted", de::<upsun::Accepted>),
    ("redeploy-environment", "Accepted", de::<upsun::Accepted>),
    ("resume-environment", "Accepted", de::<upsun::Accepted>),
    ("synchronize-environment", "Accepted", de::<upsun::Accepted>),
    // Project Activity, Environment Activity
    (
        "list-projects-activities",
        "Vec<Activity>",
        de::<Vec<upsun::Activity>>,
    ),
    ("get-projects-activities", "Activity", de::<upsun::Activity>),
    (
        "action-projects-activities-cancel",
        "Accepted",
        de::<upsun::Accepted>,
    ),
    (
        "list-projects-environments-activities",
        "Vec<Activity>",
        de::<Vec<upsun::Activity>>,
    ),
    (
        "get-projects-environments-activities",
        "Activity",
        de::<upsun::Activity>,
    ),
    (
        "action-projects-environments-activities-cancel",
        "Accepted",
        de::<upsun::Accepted>,
    ),
    // Variables, Backups, Environment Type, Routing
    (
        "list-projects-environments-variables",
        "Vec<EnvironmentVariable>",
        de::<Vec<upsun::environment_variables::EnvironmentVariable>>,
    ),
    (
        "get-projects-environments-variables",
        "EnvironmentVariable",
        de::<upsun::environment_variables::EnvironmentVariable>,
    ),
    (
        "list-projects-variables",
        "Vec<ProjectVariable>",
        de::<Vec<upsun::project_variables::ProjectVariable>>,
    ),
    (
        "get-projects-variables",
        "ProjectVariable",
        de::<upsun::project_variables::ProjectVariable>,
    ),
    (
        "list-projects-environments-backups",
        "Vec<Backup>",
        de::<Vec<upsun::environment_backups::Backup>>,
    ),
    (
        "get-projects-environments-backups",
        "Backup",
        de::<upsun::environment_backups::Backup>,
    ),
    (
        "list-projects-environment-types",
        "Vec<EnvironmentType>",
        de::<Vec<upsun::environment_types::EnvironmentType>>,
    ),
    (
        "get-environment-type",
        "EnvironmentType",
        de::<upsun::environment_types::EnvironmentType>,
    ),
    (
        "list-projects-environments-routes",
        "Vec<Route>",
        de::<Vec<upsun::routing::Route>>,
    ),
    (
        "get-projects-environments-routes",
        "Route",
        de::<upsun::routing::Route>,
    ),
    (
        "create-projects-environments-variables",
        "Accepted",
        de::<upsun::Accepted>,
    ),
    (
        "delete-projects-environments-variables",
        "Accepted",
        de::<upsun::Accepted>,
    ),
    (
        "update-projects-environments-variables",
        "Accepted",
        de::<upsun::Accepted>,
    ),
    (
        "create-projects-variables",
        "Accepted",
        de::<upsun::Accepted>,
    ),
    (
        "delete-projects-variables",
        "Accepted",
        de::<upsun::Accepted>,
    ),
    (
        "update-projects-variables",
        "Accepted",
        de::<upsun::Accepted>,
    ),
    ("backup-environment", "Accepted", de::<upsun::Accepted>),
    (
        "delete-projects-environments-backups",
        "Accepted",
        de::<upsun::Accepted>,
    ),
    ("restore-backup", "Accepted", de::<upsun::Accepted>),
    // Organization Invitations
    (
        "list-org-invites",
        "Vec<OrganizationInvitation>",
        de::<Vec<upsun::organization_invitations::OrganizationInvitation>>,
    ),
    (
        "create-org-invite",
        "OrganizationInvitation",
        de::<upsun::organization_invitations::OrganizationInvitation>,
    ),
    // Organization Members
    (
        "list-org-members",
        "Page<OrganizationMember>",
        page::<upsun::organization_members::OrganizationMember, upsun::InItems>,
    ),
    (
        "create-org-member",
        "OrganizationMember",
        de::<upsun::organization_members::OrganizationMember>,
    ),
    (
        "get-org-member",
        "OrganizationMember",
        de::<upsun::organization_members::OrganizationMember>,
    ),
    (
        "update-org-member",
        "OrganizationMember",
        de::<upsun::organization_members::OrganizationMember>,
    ),
    // Project Invitations
    (
        "list-project-invites",
        "Vec<ProjectInvitation>",
        de::<Vec<upsun::project_invitations::ProjectInvitation>>,
    ),
    (
        "create-project-invite",
        "ProjectInvitation",
        de::<upsun::project_invitations::ProjectInvitation>,
    ),
    // Ssh Keys
    ("create-ssh-key", "SshKey", de::<upsun::SshKey>),
    ("get-ssh-key", "SshKey", de::<upsun::SshKey>),
    // Teams
    (
        "list-teams",
        "Page<Team>",
        page::<upsun::teams::Team, upsun::InItems>,
    ),
    ("create-team", "Team", de::<upsun::teams::Team>),
    ("get-team", "Team", de::<upsun::teams::Team>),
    ("update-team", "Team", de::<upsun::teams::Team>),
    (
        "list-team-members",
        "Page<TeamMember>",
        page::<upsun::teams::TeamMember, upsun::InItems>,
    ),
    (
        "create-team-member",
        "TeamMember",
        de::<upsun::teams::TeamMember>,
    ),
    (
        "get-team-member",
        "TeamMember",
        de::<upsun::teams::TeamMember>,
    ),
    (
        "list-user-teams",
        "Page<Team>",
        page::<upsun::teams::Team, upsun::InItems>,
    ),
    // Team Access
    (
        "list-project-team-access",
        "Page<TeamProjectAccess>",
        page::<upsun::team_access::TeamProjectAccess, upsun::InItems>,
    ),
    (
        "get-project-team-access",
        "TeamProjectAccess",
        de::<upsun::team_access::TeamProjectAccess>,
    ),
    (
        "list-team-project-access",
        "Page<TeamProjectAccess>",
        page::<upsun::team_access::TeamProjectAccess, upsun::InItems>,
    ),
    (
        "get-team-project-access",
        "TeamProjectAccess",
        de::<upsun::team_access::TeamProjectAccess>,
    ),
    // User Access
    (
        "list-project-user-access",
        "Page<UserProjectAccess>",
        page::<upsun::user_access::UserProjectAccess, upsun::InItems>,
    ),
    (
        "get-project-user-access",
        "UserProjectAccess",
        de::<upsun::user_access::UserProjectAccess>,
    ),
    (
        "list-user-project-access",
        "Page<UserProjectAccess>",
        page::<upsun::user_access::UserProjectAccess, upsun::InItems>,
    ),
    (
        "get-user-project-access",
        "UserProjectAccess",
        de::<upsun::user_access::UserProjectAccess>,
    ),
    // Grants
    (
        "get-access-document",
        "serde_json::Map<String, serde_json::Value>",
        de::<serde_json::Map<String, serde_json::Value>>,
    ),
    (
        "list-user-extended-access",
        "Page<ExtendedAccess>",
        page::<upsun::grants::ExtendedAccess, upsun::InItems>,
    ),
    // References
    (
        "list-referenced-orgs",
        "BTreeMap<String, Option<OrganizationReference>>",
        de::<std::collections::BTreeMap<String, Option<upsun::references::OrganizationReference>>>,
    ),
    (
        "list-referenced-projects",
        "BTreeMap<String, Option<ProjectReference>>",
        de::<std::collections::BTreeMap<String, Option<upsun::references::ProjectReference>>>,
    ),
    (
        "list-referenced-regions",
        "BTreeMap<String, Option<RegionReference>>",
        de::<std::collections::BTreeMap<String, Option<upsun::references::RegionReference>>>,
    ),
    (
        "list-referenced-teams",
        "BTreeMap<String, Option<TeamReference>>",
        de::<std::collections::BTreeMap<String, Option<upsun::references::TeamReference>>>,
    ),
    (
        "list-referenced-users",
        "BTreeMap<String, Option<UserReference>>",
        de::<std::collections::BTreeMap<String, Option<upsun::references::UserReference>>>,
    ),
];
