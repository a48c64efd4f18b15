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

/// Checks a country code: exactly two letters, counted as characters as JSON Schema counts
/// lengths (code points, not bytes). ISO 3166-1 alpha-2 codes and the document's own example
/// `EU` pass; digits and punctuation do not.
pub(crate) fn country_code(value: &String) -> Result<(), String> {
    match value.chars().count() {
        2 if value.chars().all(char::is_alphabetic) => Ok(()),
        _ => Err(format!(
            "must be a 2-letter country code (ISO 3166-1 alpha-2), got {value:?}"
        )),
    }
}

/// Checks an organization's country code: at most two letters, as the document allows (its
/// schema has only `maxLength: 2`).
pub(crate) fn org_country_code(value: &String) -> Result<(), String> {
    match value.chars().count() {
        0..=2 if value.chars().all(char::is_alphabetic) => Ok(()),
        _ => Err(format!(
            "must be a country code of at most 2 letters (ISO 3166-1 alpha-2), got {value:?}"
        )),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(check: fn(&String) -> Result<(), String>, value: &str) -> bool {
        check(&value.to_owned()).is_ok()
    }

    #[test]
    fn country_codes_have_the_documents_lengths_in_characters() {
        for good in ["FR", "EU", "ÉU"] {
            assert!(ok(country_code, good), "{good}");
        }
        for bad in ["", "F", "FRA", "É", "G1", "1A"] {
            assert!(!ok(country_code, bad), "{bad}");
        }
        for good in ["", "F", "FR", "ÉU"] {
            assert!(ok(org_country_code, good), "{good}");
        }
        assert!(!ok(org_country_code, "FRA"));
        assert!(!ok(org_country_code, "F1"));
    }

    #[test]
    fn uris_must_be_absolute_http() {
        assert!(ok(http_uri, "https://example.com/a.png"));
        assert!(ok(http_uri, "http://127.0.0.1:8080/x"));
        for bad in [
            "not a uri",
            "http://exa mple.com",
            "/img.png",
            "ftp://example.com/a",
            "mailto:a@b.c",
            "",
        ] {
            assert!(!ok(http_uri, bad), "{bad}");
        }
    }

    #[test]
    fn email_addresses_are_shaped_like_one() {
        assert!(ok(email_address, "ada@example.com"));
        for bad in [
            "",
            "ada",
            "@example.com",
            "ada@",
            "a@b@c",
            "ada @example.com",
        ] {
            assert!(!ok(email_address, bad), "{bad}");
        }
    }
}
