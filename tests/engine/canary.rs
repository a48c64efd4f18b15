//! A canary per declared endpoint: for each path parameter, a value holding every reserved
//! character (and the other troublemakers: `%`, a space, non-ASCII, a dot segment) gives a
//! request whose path has exactly the template's segments, the literal ones unchanged, and whose
//! parameter segment decodes back to the value.
//!
//! The endpoints are the constants `#[endpoint]` writes beside each method
//! (`<Client as UsersApi>::__UPSUN_ENDPOINT_UPDATE_USER`), so what is checked is the macro's own
//! description of each endpoint, sent through the real send path to a recording server. A test
//! below checks that the list names every `#[endpoint]` in the sdk's source, so a new endpoint
//! cannot go without its canary.

use std::collections::BTreeSet;
use std::path::Path;

use upsun::__private::{Call, Endpoint, send};
use upsun::Client;
use upsun::prelude::*;
use upsun_tests::{Recorder, Reply};

/// Every reserved character of RFC 3986 (gen-delims and sub-delims), then `%`, a space, a
/// non-ASCII letter and a dot segment, in one value.
const NASTY: &str = ":/?#[]@!$&'()*+,;= %25 é ../.. {default} https://{default}/";

macro_rules! canary {
    ($api:ident, $method:ident, $constant:ident) => {
        (
            stringify!($api),
            stringify!($method),
            <Client as $api>::$constant,
        )
    };
}

/// `(trait, method, endpoint)` for every endpoint the sdk declares.
fn endpoints() -> Vec<(&'static str, &'static str, &'static Endpoint)> {
    vec![
        canary!(
            EnvironmentVariablesApi,
            list_projects_environments_variables,
            __UPSUN_ENDPOINT_LIST_PROJECTS_ENVIRONMENTS_VARIABLES
        ),
        canary!(
            EnvironmentVariablesApi,
            create_projects_environments_variables,
            __UPSUN_ENDPOINT_CREATE_PROJECTS_ENVIRONMENTS_VARIABLES
        ),
        canary!(
            EnvironmentVariablesApi,
            delete_projects_environments_variables,
            __UPSUN_ENDPOINT_DELETE_PROJECTS_ENVIRONMENTS_VARIABLES
        ),
        canary!(
            EnvironmentVariablesApi,
            get_projects_environments_variables,
            __UPSUN_ENDPOINT_GET_PROJECTS_ENVIRONMENTS_VARIABLES
        ),
        canary!(
            EnvironmentVariablesApi,
            update_projects_environments_variables,
            __UPSUN_ENDPOINT_UPDATE_PROJECTS_ENVIRONMENTS_VARIABLES
        ),
        canary!(
            ProjectVariablesApi,
            list_projects_variables,
            __UPSUN_ENDPOINT_LIST_PROJECTS_VARIABLES
        ),
        canary!(
            ProjectVariablesApi,
            create_projects_variables,
            __UPSUN_ENDPOINT_CREATE_PROJECTS_VARIABLES
        ),
        canary!(
            ProjectVariablesApi,
            delete_projects_variables,
            __UPSUN_ENDPOINT_DELETE_PROJECTS_VARIABLES
        ),
        canary!(
            ProjectVariablesApi,
            get_projects_variables,
            __UPSUN_ENDPOINT_GET_PROJECTS_VARIABLES
        ),
        canary!(
            ProjectVariablesApi,
            update_projects_variables,
            __UPSUN_ENDPOINT_UPDATE_PROJECTS_VARIABLES
        ),
        canary!(
            EnvironmentBackupsApi,
            backup_environment,
            __UPSUN_ENDPOINT_BACKUP_ENVIRONMENT
        ),
        canary!(
            EnvironmentBackupsApi,
            list_projects_environments_backups,
            __UPSUN_ENDPOINT_LIST_PROJECTS_ENVIRONMENTS_BACKUPS
        ),
        canary!(
            EnvironmentBackupsApi,
            delete_projects_environments_backups,
            __UPSUN_ENDPOINT_DELETE_PROJECTS_ENVIRONMENTS_BACKUPS
        ),
        canary!(
            EnvironmentBackupsApi,
            get_projects_environments_backups,
            __UPSUN_ENDPOINT_GET_PROJECTS_ENVIRONMENTS_BACKUPS
        ),
        canary!(
            EnvironmentBackupsApi,
            restore_backup,
            __UPSUN_ENDPOINT_RESTORE_BACKUP
        ),
        canary!(
            EnvironmentTypesApi,
            list_projects_environment_types,
            __UPSUN_ENDPOINT_LIST_PROJECTS_ENVIRONMENT_TYPES
        ),
        canary!(
            EnvironmentTypesApi,
            get_environment_type,
            __UPSUN_ENDPOINT_GET_ENVIRONMENT_TYPE
        ),
        canary!(
            RoutingApi,
            list_projects_environments_routes,
            __UPSUN_ENDPOINT_LIST_PROJECTS_ENVIRONMENTS_ROUTES
        ),
        canary!(
            RoutingApi,
            get_projects_environments_routes,
            __UPSUN_ENDPOINT_GET_PROJECTS_ENVIRONMENTS_ROUTES
        ),
        canary!(
            ProjectActivityApi,
            list_projects_activities,
            __UPSUN_ENDPOINT_LIST_PROJECTS_ACTIVITIES
        ),
        canary!(
            ProjectActivityApi,
            get_projects_activities,
            __UPSUN_ENDPOINT_GET_PROJECTS_ACTIVITIES
        ),
        canary!(
            ProjectActivityApi,
            action_projects_activities_cancel,
            __UPSUN_ENDPOINT_ACTION_PROJECTS_ACTIVITIES_CANCEL
        ),
        canary!(
            EnvironmentActivityApi,
            list_projects_environments_activities,
            __UPSUN_ENDPOINT_LIST_PROJECTS_ENVIRONMENTS_ACTIVITIES
        ),
        canary!(
            EnvironmentActivityApi,
            get_projects_environments_activities,
            __UPSUN_ENDPOINT_GET_PROJECTS_ENVIRONMENTS_ACTIVITIES
        ),
        canary!(
            EnvironmentActivityApi,
            action_projects_environments_activities_cancel,
            __UPSUN_ENDPOINT_ACTION_PROJECTS_ENVIRONMENTS_ACTIVITIES_CANCEL
        ),
        canary!(ProjectsApi, get_project, __UPSUN_ENDPOINT_GET_PROJECT),
        canary!(
            ProjectsApi,
            get_project_capabilities,
            __UPSUN_ENDPOINT_GET_PROJECT_CAPABILITIES
        ),
        canary!(
            ProjectsApi,
            action_projects_clear_build_cache,
            __UPSUN_ENDPOINT_ACTION_PROJECTS_CLEAR_BUILD_CACHE
        ),
        canary!(
            ProjectsApi,
            maintenance_redeploy_project,
            __UPSUN_ENDPOINT_MAINTENANCE_REDEPLOY_PROJECT
        ),
        canary!(
            EnvironmentsApi,
            list_environments,
            __UPSUN_ENDPOINT_LIST_ENVIRONMENTS
        ),
        canary!(
            EnvironmentsApi,
            get_environment,
            __UPSUN_ENDPOINT_GET_ENVIRONMENT
        ),
        canary!(
            EnvironmentsApi,
            update_environment,
            __UPSUN_ENDPOINT_UPDATE_ENVIRONMENT
        ),
        canary!(
            EnvironmentsApi,
            delete_environment,
            __UPSUN_ENDPOINT_DELETE_ENVIRONMENT
        ),
        canary!(
            EnvironmentsApi,
            activate_environment,
            __UPSUN_ENDPOINT_ACTIVATE_ENVIRONMENT
        ),
        canary!(
            EnvironmentsApi,
            branch_environment,
            __UPSUN_ENDPOINT_BRANCH_ENVIRONMENT
        ),
        canary!(
            EnvironmentsApi,
            deactivate_environment,
            __UPSUN_ENDPOINT_DEACTIVATE_ENVIRONMENT
        ),
        canary!(
            EnvironmentsApi,
            deploy_environment,
            __UPSUN_ENDPOINT_DEPLOY_ENVIRONMENT
        ),
        canary!(
            EnvironmentsApi,
            initialize_environment,
            __UPSUN_ENDPOINT_INITIALIZE_ENVIRONMENT
        ),
        canary!(
            EnvironmentsApi,
            maintenance_redeploy_environment,
            __UPSUN_ENDPOINT_MAINTENANCE_REDEPLOY_ENVIRONMENT
        ),
        canary!(
            EnvironmentsApi,
            merge_environment,
            __UPSUN_ENDPOINT_MERGE_ENVIRONMENT
        ),
        canary!(
            EnvironmentsApi,
            pause_environment,
            __UPSUN_ENDPOINT_PAUSE_ENVIRONMENT
        ),
        canary!(
            EnvironmentsApi,
            redeploy_environment,
            __UPSUN_ENDPOINT_REDEPLOY_ENVIRONMENT
        ),
        canary!(
            EnvironmentsApi,
            resume_environment,
            __UPSUN_ENDPOINT_RESUME_ENVIRONMENT
        ),
        canary!(
            EnvironmentsApi,
            synchronize_environment,
            __UPSUN_ENDPOINT_SYNCHRONIZE_ENVIRONMENT
        ),
        canary!(
            ApiTokensApi,
            list_api_tokens,
            __UPSUN_ENDPOINT_LIST_API_TOKENS
        ),
        canary!(
            ApiTokensApi,
            create_api_token,
            __UPSUN_ENDPOINT_CREATE_API_TOKEN
        ),
        canary!(ApiTokensApi, get_api_token, __UPSUN_ENDPOINT_GET_API_TOKEN),
        canary!(
            ApiTokensApi,
            delete_api_token,
            __UPSUN_ENDPOINT_DELETE_API_TOKEN
        ),
        canary!(
            ConnectionsApi,
            list_login_connections,
            __UPSUN_ENDPOINT_LIST_LOGIN_CONNECTIONS
        ),
        canary!(
            ConnectionsApi,
            get_login_connection,
            __UPSUN_ENDPOINT_GET_LOGIN_CONNECTION
        ),
        canary!(
            ConnectionsApi,
            delete_login_connection,
            __UPSUN_ENDPOINT_DELETE_LOGIN_CONNECTION
        ),
        canary!(
            MfaApi,
            get_totp_enrollment,
            __UPSUN_ENDPOINT_GET_TOTP_ENROLLMENT
        ),
        canary!(
            MfaApi,
            confirm_totp_enrollment,
            __UPSUN_ENDPOINT_CONFIRM_TOTP_ENROLLMENT
        ),
        canary!(
            MfaApi,
            withdraw_totp_enrollment,
            __UPSUN_ENDPOINT_WITHDRAW_TOTP_ENROLLMENT
        ),
        canary!(
            MfaApi,
            recreate_recovery_codes,
            __UPSUN_ENDPOINT_RECREATE_RECOVERY_CODES
        ),
        canary!(
            MfaApi,
            get_org_mfa_enforcement,
            __UPSUN_ENDPOINT_GET_ORG_MFA_ENFORCEMENT
        ),
        canary!(
            MfaApi,
            enable_org_mfa_enforcement,
            __UPSUN_ENDPOINT_ENABLE_ORG_MFA_ENFORCEMENT
        ),
        canary!(
            MfaApi,
            disable_org_mfa_enforcement,
            __UPSUN_ENDPOINT_DISABLE_ORG_MFA_ENFORCEMENT
        ),
        canary!(
            MfaApi,
            send_org_mfa_reminders,
            __UPSUN_ENDPOINT_SEND_ORG_MFA_REMINDERS
        ),
        canary!(
            OrgProfilesApi,
            get_org_profile,
            __UPSUN_ENDPOINT_GET_ORG_PROFILE
        ),
        canary!(
            OrgProfilesApi,
            update_org_profile,
            __UPSUN_ENDPOINT_UPDATE_ORG_PROFILE
        ),
        canary!(
            OrgProfilesApi,
            get_org_address,
            __UPSUN_ENDPOINT_GET_ORG_ADDRESS
        ),
        canary!(
            OrgProfilesApi,
            update_org_address,
            __UPSUN_ENDPOINT_UPDATE_ORG_ADDRESS
        ),
        canary!(
            OrganizationsApi,
            list_organizations,
            __UPSUN_ENDPOINT_LIST_ORGANIZATIONS
        ),
        canary!(
            OrganizationsApi,
            create_organization,
            __UPSUN_ENDPOINT_CREATE_ORGANIZATION
        ),
        canary!(
            OrganizationsApi,
            get_organization,
            __UPSUN_ENDPOINT_GET_ORGANIZATION
        ),
        canary!(
            OrganizationsApi,
            update_organization,
            __UPSUN_ENDPOINT_UPDATE_ORGANIZATION
        ),
        canary!(
            OrganizationsApi,
            delete_organization,
            __UPSUN_ENDPOINT_DELETE_ORGANIZATION
        ),
        canary!(
            OrganizationsApi,
            list_user_organizations,
            __UPSUN_ENDPOINT_LIST_USER_ORGANIZATIONS
        ),
        canary!(
            PhoneNumbersApi,
            verify_phone_number,
            __UPSUN_ENDPOINT_VERIFY_PHONE_NUMBER
        ),
        canary!(
            PhoneNumbersApi,
            confirm_phone_number,
            __UPSUN_ENDPOINT_CONFIRM_PHONE_NUMBER
        ),
        canary!(ProfilesApi, list_profiles, __UPSUN_ENDPOINT_LIST_PROFILES),
        canary!(ProfilesApi, get_profile, __UPSUN_ENDPOINT_GET_PROFILE),
        canary!(ProfilesApi, update_profile, __UPSUN_ENDPOINT_UPDATE_PROFILE),
        canary!(ProfilesApi, get_address, __UPSUN_ENDPOINT_GET_ADDRESS),
        canary!(ProfilesApi, update_address, __UPSUN_ENDPOINT_UPDATE_ADDRESS),
        canary!(
            ProfilesApi,
            upload_profile_picture,
            __UPSUN_ENDPOINT_UPLOAD_PROFILE_PICTURE
        ),
        canary!(
            ProfilesApi,
            delete_profile_picture,
            __UPSUN_ENDPOINT_DELETE_PROFILE_PICTURE
        ),
        canary!(UsersApi, current_user, __UPSUN_ENDPOINT_CURRENT_USER),
        canary!(UsersApi, get_user, __UPSUN_ENDPOINT_GET_USER),
        canary!(
            UsersApi,
            get_user_by_email,
            __UPSUN_ENDPOINT_GET_USER_BY_EMAIL
        ),
        canary!(
            UsersApi,
            get_user_by_username,
            __UPSUN_ENDPOINT_GET_USER_BY_USERNAME
        ),
        canary!(UsersApi, update_user, __UPSUN_ENDPOINT_UPDATE_USER),
        canary!(
            UsersApi,
            reset_email_address,
            __UPSUN_ENDPOINT_RESET_EMAIL_ADDRESS
        ),
        canary!(UsersApi, reset_password, __UPSUN_ENDPOINT_RESET_PASSWORD),
        canary!(
            UsersApi,
            check_phone_verification,
            __UPSUN_ENDPOINT_CHECK_PHONE_VERIFICATION
        ),
        canary!(
            UsersApi,
            check_verification,
            __UPSUN_ENDPOINT_CHECK_VERIFICATION
        ),
        canary!(
            UsersApi,
            current_user_info,
            __UPSUN_ENDPOINT_CURRENT_USER_INFO
        ),
        canary!(
            OrganizationInvitationsApi,
            list_org_invites,
            __UPSUN_ENDPOINT_LIST_ORG_INVITES
        ),
        canary!(
            OrganizationInvitationsApi,
            create_org_invite,
            __UPSUN_ENDPOINT_CREATE_ORG_INVITE
        ),
        canary!(
            OrganizationInvitationsApi,
            cancel_org_invite,
            __UPSUN_ENDPOINT_CANCEL_ORG_INVITE
        ),
        canary!(TeamsApi, list_teams, __UPSUN_ENDPOINT_LIST_TEAMS),
        canary!(TeamsApi, create_team, __UPSUN_ENDPOINT_CREATE_TEAM),
        canary!(TeamsApi, get_team, __UPSUN_ENDPOINT_GET_TEAM),
        canary!(TeamsApi, update_team, __UPSUN_ENDPOINT_UPDATE_TEAM),
        canary!(TeamsApi, delete_team, __UPSUN_ENDPOINT_DELETE_TEAM),
        canary!(
            TeamsApi,
            list_team_members,
            __UPSUN_ENDPOINT_LIST_TEAM_MEMBERS
        ),
        canary!(
            TeamsApi,
            create_team_member,
            __UPSUN_ENDPOINT_CREATE_TEAM_MEMBER
        ),
        canary!(
            TeamsApi,
            delete_team_member,
            __UPSUN_ENDPOINT_DELETE_TEAM_MEMBER
        ),
        canary!(TeamsApi, get_team_member, __UPSUN_ENDPOINT_GET_TEAM_MEMBER),
        canary!(TeamsApi, list_user_teams, __UPSUN_ENDPOINT_LIST_USER_TEAMS),
        canary!(
            TeamAccessApi,
            list_project_team_access,
            __UPSUN_ENDPOINT_LIST_PROJECT_TEAM_ACCESS
        ),
        canary!(
            TeamAccessApi,
            grant_project_team_access,
            __UPSUN_ENDPOINT_GRANT_PROJECT_TEAM_ACCESS
        ),
        canary!(
            TeamAccessApi,
            remove_project_team_access,
            __UPSUN_ENDPOINT_REMOVE_PROJECT_TEAM_ACCESS
        ),
        canary!(
            TeamAccessApi,
            get_project_team_access,
            __UPSUN_ENDPOINT_GET_PROJECT_TEAM_ACCESS
        ),
        canary!(
            TeamAccessApi,
            list_team_project_access,
            __UPSUN_ENDPOINT_LIST_TEAM_PROJECT_ACCESS
        ),
        canary!(
            TeamAccessApi,
            grant_team_project_access,
            __UPSUN_ENDPOINT_GRANT_TEAM_PROJECT_ACCESS
        ),
        canary!(
            TeamAccessApi,
            remove_team_project_access,
            __UPSUN_ENDPOINT_REMOVE_TEAM_PROJECT_ACCESS
        ),
        canary!(
            TeamAccessApi,
            get_team_project_access,
            __UPSUN_ENDPOINT_GET_TEAM_PROJECT_ACCESS
        ),
        canary!(
            OrganizationMembersApi,
            list_org_members,
            __UPSUN_ENDPOINT_LIST_ORG_MEMBERS
        ),
        canary!(
            OrganizationMembersApi,
            create_org_member,
            __UPSUN_ENDPOINT_CREATE_ORG_MEMBER
        ),
        canary!(
            OrganizationMembersApi,
            delete_org_member,
            __UPSUN_ENDPOINT_DELETE_ORG_MEMBER
        ),
        canary!(
            OrganizationMembersApi,
            get_org_member,
            __UPSUN_ENDPOINT_GET_ORG_MEMBER
        ),
        canary!(
            OrganizationMembersApi,
            update_org_member,
            __UPSUN_ENDPOINT_UPDATE_ORG_MEMBER
        ),
        canary!(SshKeysApi, create_ssh_key, __UPSUN_ENDPOINT_CREATE_SSH_KEY),
        canary!(SshKeysApi, delete_ssh_key, __UPSUN_ENDPOINT_DELETE_SSH_KEY),
        canary!(SshKeysApi, get_ssh_key, __UPSUN_ENDPOINT_GET_SSH_KEY),
        canary!(
            UserAccessApi,
            list_project_user_access,
            __UPSUN_ENDPOINT_LIST_PROJECT_USER_ACCESS
        ),
        canary!(
            UserAccessApi,
            grant_project_user_access,
            __UPSUN_ENDPOINT_GRANT_PROJECT_USER_ACCESS
        ),
        canary!(
            UserAccessApi,
            remove_project_user_access,
            __UPSUN_ENDPOINT_REMOVE_PROJECT_USER_ACCESS
        ),
        canary!(
            UserAccessApi,
            get_project_user_access,
            __UPSUN_ENDPOINT_GET_PROJECT_USER_ACCESS
        ),
        canary!(
            UserAccessApi,
            update_project_user_access,
            __UPSUN_ENDPOINT_UPDATE_PROJECT_USER_ACCESS
        ),
        canary!(
            UserAccessApi,
            list_user_project_access,
            __UPSUN_ENDPOINT_LIST_USER_PROJECT_ACCESS
        ),
        canary!(
            UserAccessApi,
            grant_user_project_access,
            __UPSUN_ENDPOINT_GRANT_USER_PROJECT_ACCESS
        ),
        canary!(
            UserAccessApi,
            remove_user_project_access,
            __UPSUN_ENDPOINT_REMOVE_USER_PROJECT_ACCESS
        ),
        canary!(
            UserAccessApi,
            get_user_project_access,
            __UPSUN_ENDPOINT_GET_USER_PROJECT_ACCESS
        ),
        canary!(
            UserAccessApi,
            update_user_project_access,
            __UPSUN_ENDPOINT_UPDATE_USER_PROJECT_ACCESS
        ),
        canary!(
            ProjectInvitationsApi,
            list_project_invites,
            __UPSUN_ENDPOINT_LIST_PROJECT_INVITES
        ),
        canary!(
            ProjectInvitationsApi,
            create_project_invite,
            __UPSUN_ENDPOINT_CREATE_PROJECT_INVITE
        ),
        canary!(
            ProjectInvitationsApi,
            cancel_project_invite,
            __UPSUN_ENDPOINT_CANCEL_PROJECT_INVITE
        ),
        canary!(
            GrantsApi,
            get_access_document,
            __UPSUN_ENDPOINT_GET_ACCESS_DOCUMENT
        ),
        canary!(
            GrantsApi,
            list_user_extended_access,
            __UPSUN_ENDPOINT_LIST_USER_EXTENDED_ACCESS
        ),
        canary!(
            ReferencesApi,
            list_referenced_orgs,
            __UPSUN_ENDPOINT_LIST_REFERENCED_ORGS
        ),
        canary!(
            ReferencesApi,
            list_referenced_projects,
            __UPSUN_ENDPOINT_LIST_REFERENCED_PROJECTS
        ),
        canary!(
            ReferencesApi,
            list_referenced_regions,
            __UPSUN_ENDPOINT_LIST_REFERENCED_REGIONS
        ),
        canary!(
            ReferencesApi,
            list_referenced_teams,
            __UPSUN_ENDPOINT_LIST_REFERENCED_TEAMS
        ),
        canary!(
            ReferencesApi,
            list_referenced_users,
            __UPSUN_ENDPOINT_LIST_REFERENCED_USERS
        ),
    ]
}

/// Percent-decodes one path segment.
fn decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[tokio::test]
async fn every_path_parameter_is_exactly_one_segment_that_decodes_back() {
    let server = Recorder::start().await;
    let client = Client::builder()
        .base_url(server.base_url())
        .access_token("t")
        .retry(upsun::RetryPolicy::none())
        .build()
        .unwrap();
    let mut checked = 0;
    for (api, method, endpoint) in endpoints() {
        let template: Vec<&str> = endpoint.template.split('/').collect();
        for (nasty, param) in endpoint.params.iter().enumerate() {
            let values: Vec<String> = (0..endpoint.params.len())
                .map(|i| {
                    if i == nasty {
                        NASTY.to_owned()
                    } else {
                        format!("v{i}")
                    }
                })
                .collect();
            let args: Vec<&(dyn std::fmt::Display + Sync)> = values
                .iter()
                .map(|v| v as &(dyn std::fmt::Display + Sync))
                .collect();
            server.reply(Reply::json(200, &serde_json::json!({})));
            let call = Call::new(endpoint, &args);
            send::<_, serde_json::Value>(&client, call)
                .await
                .unwrap_or_else(|e| panic!("{api}::{method} with {param} = {NASTY:?}: {e}"));
            let sent = server.requests().pop().unwrap();
            assert_eq!(sent.method, endpoint.method.as_str(), "{api}::{method}");
            let path = sent.target.split('?').next().unwrap().to_owned();
            assert!(
                !sent.target.contains('#'),
                "{api}::{method}: {}",
                sent.target
            );
            let segments: Vec<&str> = path.split('/').collect();
            assert_eq!(
                segments.len(),
                template.len(),
                "{api}::{method}: {path} does not have the segments of {}",
                endpoint.template
            );
            for (sent, expected) in segments.iter().zip(&template) {
                match expected.find('{') {
                    None => assert_eq!(sent, expected, "{api}::{method}: literal segment"),
                    Some(open) => {
                        let close = expected.rfind('}').unwrap();
                        let (prefix, suffix) = (&expected[..open], &expected[close + 1..]);
                        let name = &expected[open + 1..close];
                        assert!(
                            sent.starts_with(prefix) && sent.ends_with(suffix),
                            "{api}::{method}: {sent}"
                        );
                        let value = decode(&sent[prefix.len()..sent.len() - suffix.len()]);
                        let index = endpoint.params.iter().position(|p| *p == name).unwrap();
                        assert_eq!(value, values[index], "{api}::{method}: `{name}` in {path}");
                    }
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} parameters checked");
}

#[test]
fn every_declared_endpoint_has_its_canary() {
    let listed: BTreeSet<(String, String)> = endpoints()
        .into_iter()
        .map(|(api, method, _)| (api.to_owned(), method.to_owned()))
        .collect();
    let mut declared = BTreeSet::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../sdk/src/api");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        let api = source
            .split("pub trait ")
            .nth(1)
            .and_then(|rest| {
                rest.split(|c: char| !c.is_alphanumeric() && c != '_')
                    .next()
            })
            .unwrap()
            .to_owned();
        for chunk in source.split("#[endpoint(").skip(1) {
            let method = chunk
                .split("async fn ")
                .nth(1)
                .and_then(|rest| rest.split('(').next())
                .unwrap();
            declared.insert((api.clone(), method.trim().to_owned()));
        }
    }
    assert_eq!(
        listed, declared,
        "the canary list and the sdk's declarations differ"
    );
}

#[test]
fn endpoints_whose_answers_hold_secrets_are_declared_so() {
    let secret: BTreeSet<&str> = endpoints()
        .into_iter()
        .filter(|(_, _, endpoint)| endpoint.secret)
        .map(|(_, method, _)| method)
        .collect();
    let expected = BTreeSet::from([
        "create_api_token",
        "get_totp_enrollment",
        "confirm_totp_enrollment",
        "recreate_recovery_codes",
    ]);
    assert!(secret.is_superset(&expected), "{secret:?}");
}
