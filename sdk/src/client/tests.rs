use super::*;

#[test]
fn debug_never_shows_a_token() {
    for builder in [
        Client::builder().access_token("canary-token-1234"),
        Client::builder().api_token("canary-token-1234"),
    ] {
        assert!(!format!("{builder:?}").contains("canary-token-1234"));
        let client = builder.build().unwrap();
        assert!(!format!("{client:?}").contains("canary-token-1234"));
    }
}

#[test]
fn extreme_settings_fail_at_build_not_at_call_time() {
    let err = Client::builder()
        .timeout(Duration::ZERO)
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("timeout"), "{err}");
    let client = Client::builder()
        .timeout(Duration::MAX)
        .connect_timeout(Duration::MAX)
        .call_timeout(Duration::MAX)
        .build()
        .unwrap();
    assert!(client.inner.call_timeout <= Some(settings::MAX_TIMEOUT));
    let err = Client::builder()
        .base_url("http://api.upsun.com")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
}

#[test]
fn clear_text_urls_from_the_environment_are_refused_too() {
    let vars = |api: &'static str, auth: &'static str| {
        move |name: &str| match name {
            "UPSUN_CLI_TOKEN" => Some("canary-token".to_owned()),
            "UPSUN_CLI_API_URL" => Some(api.to_owned()),
            "UPSUN_CLI_AUTH_URL" => Some(auth.to_owned()),
            _ => None,
        }
    };
    for (api, auth) in [
        ("http://api.example.com", "https://auth.example.com"),
        ("https://api.example.com", "http://auth.example.com"),
    ] {
        let err = Client::builder_from_vars(vars(api, auth))
            .unwrap()
            .build()
            .unwrap_err();
        assert!(err.to_string().contains("clear text"), "{err}");
        assert!(!err.to_string().contains("canary-token"), "{err}");
    }
    let local = Client::builder_from_vars(vars("http://127.0.0.1:9", "http://localhost:9"));
    assert_eq!(
        local.unwrap().build().unwrap().base_url(),
        "http://127.0.0.1:9"
    );
}

#[test]
fn both_kinds_of_token_at_once_are_refused() {
    let err = Client::builder()
        .access_token("a")
        .api_token("b")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
}
