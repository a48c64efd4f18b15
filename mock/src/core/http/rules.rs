//! The rules the API states for common string fields: URIs, email addresses, country codes.
//!
//! Each rule answers `Err` with what is wrong, without the field's name (`must be an absolute
//! http(s) URI, got "x"`); the caller prefixes it (`` `website` must be ... ``).

/// Not empty once trimmed.
pub(crate) fn not_blank_rule(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        Err("must not be empty".to_owned())
    } else {
        Ok(())
    }
}

/// An absolute `http(s)` URI; see [`is_absolute_http_uri`].
pub(crate) fn http_uri_rule(text: &str) -> Result<(), String> {
    if is_absolute_http_uri(text) {
        Ok(())
    } else {
        Err(format!("must be an absolute http(s) URI, got {text:?}"))
    }
}

/// Exactly two ASCII letters (ISO 3166-1 alpha-2), either case.
pub(crate) fn country_rule(text: &str) -> Result<(), String> {
    if text.len() == 2 && text.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(())
    } else {
        Err(format!(
            "must be a 2-letter country code (ISO 3166-1 alpha-2), got {text:?}"
        ))
    }
}

/// An email address; see [`is_email_address`].
pub(crate) fn email_rule(text: &str) -> Result<(), String> {
    if is_email_address(text) {
        Ok(())
    } else {
        Err(format!("must be an email address, got {text:?}"))
    }
}

/// `http://host...` or `https://host...` with a non-empty host and no whitespace or characters
/// that a URI never contains unescaped.
pub(crate) fn is_absolute_http_uri(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    !host.is_empty()
        && !text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"<>\\^`{|}".contains(c))
}

/// `local@domain` with one `@`, both parts non-empty, and no whitespace or control characters:
/// the API's `format: email`, checked cheaply.
pub(crate) fn is_email_address(text: &str) -> bool {
    let shaped = text.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && !domain.is_empty() && !domain.contains('@')
    });
    shaped && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_shape() {
        assert!(is_absolute_http_uri("https://example.com/a.png"));
        assert!(is_absolute_http_uri("HTTP://user@example.com:8080/?q#f"));
        assert!(!is_absolute_http_uri("example.com"));
        assert!(!is_absolute_http_uri("https://"));
        assert!(!is_absolute_http_uri("https:///path"));
        assert!(!is_absolute_http_uri("https://exa mple.com"));
        assert!(!is_absolute_http_uri("/relative"));
        assert!(http_uri_rule("example.com").is_err());
    }

    #[test]
    fn email_shape() {
        assert!(is_email_address("ada+x@example.com"));
        for bad in [
            "",
            "ada",
            "@example.com",
            "ada@",
            "a da@example.com",
            "a@b@",
        ] {
            assert!(!is_email_address(bad), "{bad:?}");
        }
    }

    #[test]
    fn country_and_blank_rules() {
        assert!(country_rule("fr").is_ok());
        assert!(country_rule("FRA").is_err());
        assert!(not_blank_rule(" ").is_err());
    }
}
