//! Checks that request fields run before anything is sent; each returns why a value is refused.

/// Checks that a text is not empty or only whitespace.
pub(crate) fn not_blank<T: AsRef<str> + ?Sized>(value: &T) -> Result<(), String> {
    if value.as_ref().trim().is_empty() {
        Err("must not be empty".to_owned())
    } else {
        Ok(())
    }
}

/// Checks that a value is an absolute `http` or `https` URI.
pub(crate) fn http_uri(value: &String) -> Result<(), String> {
    match reqwest::Url::parse(value) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.has_host() => Ok(()),
        _ => Err(format!("must be an absolute http(s) URI, got {value:?}")),
    }
}

/// Checks an ISO 3166-1 alpha-2 country code: exactly two ASCII letters.
pub(crate) fn country_code(value: &String) -> Result<(), String> {
    if value.len() == 2 && value.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(())
    } else {
        Err(format!(
            "must be exactly 2 ASCII letters (ISO 3166-1 alpha-2), got {value:?}"
        ))
    }
}

/// Checks the shape of an email address, cheaply and not by RFC 5322: `local@domain` with one
/// `@`, both parts non-empty, and no whitespace or control characters.
pub(crate) fn email_address(value: &String) -> Result<(), String> {
    let shaped = value.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && !domain.is_empty() && !domain.contains('@')
    });
    if shaped && !value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Ok(())
    } else {
        Err(format!(
            "must be an email address (`local@domain`), got {value:?}"
        ))
    }
}
