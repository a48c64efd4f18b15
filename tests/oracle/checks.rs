//! The validating layer itself: it finds the right operation, accepts what the document
//! allows and refuses the rest with a message that says where and why.

use serde_json::json;
use upsun_tests::oracle::{Oracle, Violation};

const JSON: Option<&str> = Some("application/json");
const ADA: &str = "0f7b5c3e-8a51-4b6b-9d43-2f5e7c1a9b01";

fn id_of(method: &str, path: &str) -> Option<&'static str> {
    Oracle::get()
        .operation(method, path)
        .map(|op| op.operation_id.as_str())
}

fn user() -> serde_json::Value {
    json!({
        "id": ADA, "deactivated": false, "namespace": "platformsh", "username": "ada",
        "email": "ada@example.com", "email_verified": true, "first_name": "Ada",
        "last_name": "Lovelace", "picture": "https://example.com/ada.png", "company": "",
        "website": "", "country": "GB", "created_at": "2024-01-01T00:00:00Z",
        "updated_at": "2024-01-01T00:00:00Z"
    })
}

#[allow(clippy::result_large_err)] // a violation is a failed test's message
fn response(path: &str, status: u16, body: &serde_json::Value) -> Result<(), Violation> {
    let bytes = body.to_string();
    Oracle::get().check_response("GET", path, status, JSON, bytes.as_bytes())
}

#[test]
fn requests_find_their_operation_literal_segments_first() {
    assert_eq!(id_of("GET", "/users/me"), Some("get-current-user"));
    assert_eq!(id_of("get", &format!("/users/{ADA}")), Some("get-user"));
    assert_eq!(
        id_of("GET", "/users/email=ada%40example.com"),
        Some("get-user-by-email-address")
    );
    assert_eq!(
        id_of("GET", "/users/username=ada"),
        Some("get-user-by-username")
    );
    assert_eq!(
        id_of("PATCH", "/organizations/01H2X9Z4CQ/profile"),
        Some("update-org-profile")
    );
    assert_eq!(
        id_of("GET", "/organizations?page[size]=2"),
        Some("list-orgs")
    );
    assert_eq!(id_of("GET", "/no/such/route"), None);
    assert_eq!(id_of("PUT", "/users/me"), None);
    assert_eq!(id_of("GET", "/users/me/extra/segments"), None);
}

#[test]
fn every_operation_is_found_from_its_own_template() {
    let oracle = Oracle::get();
    for op in oracle.operations() {
        // Every parameter filled with a value that is no literal segment anywhere.
        let path: String = op
            .segments
            .iter()
            .map(|s| match s {
                upsun_tests::oracle::Segment::Literal(text) => format!("/{text}"),
                upsun_tests::oracle::Segment::Param { prefix, suffix, .. } => {
                    format!("/{prefix}v4lue{suffix}")
                }
            })
            .collect();
        let found = oracle.operation(&op.method, &path).map(|o| &o.operation_id);
        assert_eq!(found, Some(&op.operation_id), "{} {path}", op.method);
    }
}

#[test]
fn an_answer_the_schema_allows_passes() {
    response("/users/me", 200, &user()).unwrap();
    let error = json!({"error": "forbidden"});
    response("/users/me", 403, &error).unwrap();
    // Documented without content: the API's error shape passes.
    response("/users/me", 404, &error).unwrap();
    // Not documented, as any call can get it: still an error of the API's shape.
    response("/users/me", 401, &error).unwrap();
    response("/users/me", 503, &error).unwrap();
    Oracle::get()
        .check_response("GET", "/users/me", 500, None, b"")
        .unwrap();
    let v = response("/users/me", 404, &json!({"message": "gone"})).unwrap_err();
    assert!(
        v.rule.contains("`required`") && v.rule.contains("error"),
        "{v}"
    );
    let v = response("/users/me", 429, &json!({"error": 42})).unwrap_err();
    assert_eq!(v.pointer, "/error");
}

#[test]
fn a_missing_required_member_is_named_with_its_pointer_and_rule() {
    let mut body = user();
    body.as_object_mut().unwrap().remove("email");
    let v = response("/users/me", 200, &body).unwrap_err();
    assert_eq!(v.operation_id, "get-current-user");
    assert_eq!(v.status, Some(200));
    assert_eq!(v.pointer, "");
    assert!(
        v.rule.contains("`required`") && v.rule.contains("email"),
        "{v}"
    );
    let shown = v.to_string();
    assert!(shown.contains("get-current-user") && shown.contains("GET /users/me"));
    assert!(shown.contains("status 200") && shown.contains("\"company\":\"\""));
}

#[test]
fn a_wrong_type_is_named_at_its_place_in_the_body() {
    let mut body = user();
    body["deactivated"] = json!("no");
    let v = response(&format!("/users/{ADA}"), 200, &body).unwrap_err();
    assert_eq!(v.operation_id, "get-user");
    assert_eq!(v.pointer, "/deactivated");
    assert!(v.rule.contains("`type`"), "{v}");
}

#[test]
fn nullable_members_take_null_and_the_rest_do_not() {
    let oracle = Oracle::get();
    let path = format!("/users/{ADA}/api-tokens/{ADA}");
    let token = json!({"id": ADA, "name": "ci", "last_used_at": null});
    let bytes = token.to_string();
    oracle
        .check_response("GET", &path, 200, JSON, bytes.as_bytes())
        .unwrap();
    let bad = json!({"id": ADA, "name": null}).to_string();
    let v = oracle
        .check_response("GET", &path, 200, JSON, bad.as_bytes())
        .unwrap_err();
    assert_eq!(v.pointer, "/name");
}

#[test]
fn the_deviations_apply_to_answers_and_requests() {
    let oracle = Oracle::get();
    // The SDK requires an organization's ID; the document alone does not.
    let v = oracle
        .check_response(
            "GET",
            "/organizations/01H",
            200,
            JSON,
            br#"{"label": "Acme"}"#,
        )
        .unwrap_err();
    assert!(v.rule.contains("id"), "{v}");
    let path = "/organizations/01H/profile";
    for word in ["individual", "company", "government", "corporation"] {
        let body = json!({ "customer_type": word }).to_string();
        oracle
            .check_request("PATCH", path, JSON, body.as_bytes())
            .unwrap();
    }
    let body = br#"{"customer_type": "indvidual"}"#;
    let v = oracle.check_request("PATCH", path, JSON, body).unwrap_err();
    assert_eq!((v.what, v.pointer.as_str()), ("request", "/customer_type"));
}

#[test]
fn bodies_are_refused_where_the_document_has_none_and_required_where_it_has() {
    let oracle = Oracle::get();
    let delete = format!("/users/{ADA}/api-tokens/{ADA}");
    oracle
        .check_response("DELETE", &delete, 204, None, b"")
        .unwrap();
    let v = oracle
        .check_response("DELETE", &delete, 204, JSON, b"{}")
        .unwrap_err();
    assert!(v.rule.contains("no body"), "{v}");
    let v = oracle
        .check_response("GET", "/users/me", 200, JSON, b"")
        .unwrap_err();
    assert!(v.rule.contains("none came"), "{v}");
    let v = oracle
        .check_response("GET", "/users/me", 200, JSON, b"{not json")
        .unwrap_err();
    assert!(v.rule.contains("not JSON"), "{v}");
    let v = oracle
        .check_response("GET", "/users/me", 201, JSON, b"{}")
        .unwrap_err();
    assert!(v.rule.contains("not documented"), "{v}");
    let v = oracle
        .check_response("GET", "/users/me", 200, Some("text/html"), b"<html>")
        .unwrap_err();
    assert!(v.rule.contains("text/html"), "{v}");
}

#[test]
fn request_bodies_are_checked_against_the_request_schema() {
    let oracle = Oracle::get();
    let path = format!("/users/{ADA}");
    oracle
        .check_request("PATCH", &path, JSON, br#"{"first_name": "Ada"}"#)
        .unwrap();
    let v = oracle
        .check_request("PATCH", &path, JSON, br#"{"first_name": 7}"#)
        .unwrap_err();
    assert_eq!(v.pointer, "/first_name");
    assert_eq!(v.operation_id, "update-user");
    // No request body in the document: none may be sent.
    oracle.check_request("GET", "/users/me", None, b"").unwrap();
    let v = oracle
        .check_request("GET", "/users/me", JSON, b"{}")
        .unwrap_err();
    assert!(v.rule.contains("no request body"), "{v}");
    // Multipart bodies are not looked into, but must be what the operation takes.
    let picture = format!("/profile/{ADA}/picture");
    let form = Some("multipart/form-data; boundary=x");
    oracle
        .check_request("POST", &picture, form, b"--x--")
        .unwrap();
    oracle
        .check_request("POST", &picture, JSON, b"{}")
        .unwrap_err();
}
