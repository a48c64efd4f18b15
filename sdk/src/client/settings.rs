//! Checks of the builder's settings, so that nothing a user sets can fail or panic at call time.

use std::time::Duration;

use crate::error::{Error, Result};

/// Idle pooled connections are closed after this, below the 60 s that load balancers commonly
/// allow.
pub(super) const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(30);

/// No timeout is longer than this; a longer one (`Duration::MAX`) is taken as this.
pub(super) const MAX_TIMEOUT: Duration = Duration::from_secs(366 * 24 * 3600);

/// A timeout that is usable: zero is refused (every call would fail), too long is clamped.
pub(super) fn checked_timeout(what: &str, timeout: Duration) -> Result<Duration> {
    if timeout.is_zero() {
        return Err(Error::config(format!(
            "{what} is zero: every call would time out; give a positive duration"
        )));
    }
    Ok(timeout.min(MAX_TIMEOUT))
}

/// The URL without its trailing slash, after checking that it is an absolute `http(s)` URL
/// without query, fragment or credentials, and that `http://` goes to a loopback host unless
/// `insecure` allows any.
pub(super) fn normalize_url(what: &str, raw: &str, insecure: bool) -> Result<String> {
    let url = reqwest::Url::parse(raw.trim())
        .map_err(|e| Error::config(format!("{what} `{raw}` is not a URL: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::config(format!(
            "{what} `{raw}` must start with http:// or https://"
        )));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::config(format!(
            "{what} `{raw}` must not have a query or fragment"
        )));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::config(format!(
            "the {what} must not hold credentials; use `api_token` or `access_token`"
        )));
    }
    if url.scheme() == "http" && !insecure && !is_loopback(&url) {
        return Err(Error::config(format!(
            "{what} `{raw}` is http:// on a host that is not loopback: tokens would travel in \
             clear text; use https://, or call `allow_insecure_http()` on the builder"
        )));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

fn is_loopback(url: &reqwest::Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match bare.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => {
            let name = host.to_ascii_lowercase();
            name == "localhost" || name.ends_with(".localhost")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_keep_their_path_and_lose_the_trailing_slash() {
        assert_eq!(
            normalize_url("base URL", "http://127.0.0.1:9000/api/", false).unwrap(),
            "http://127.0.0.1:9000/api"
        );
        assert_eq!(
            normalize_url("base URL", "https://api.upsun.com", false).unwrap(),
            "https://api.upsun.com"
        );
        for bad in ["api.upsun.com", "ftp://x", "http://x/?a=1", "http://u:p@x/"] {
            assert!(
                matches!(normalize_url("base URL", bad, true), Err(Error::Config(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn clear_text_http_only_to_loopback_unless_allowed() {
        for local in [
            "http://127.0.0.1:1",
            "http://127.8.0.1",
            "http://[::1]:80",
            "http://localhost:3000",
            "http://mock.localhost",
        ] {
            assert!(normalize_url("base URL", local, false).is_ok(), "{local}");
        }
        for remote in [
            "http://api.upsun.com",
            "http://10.0.0.1",
            "http://[2001:db8::1]",
            "http://localhost.example.com",
        ] {
            let err = normalize_url("auth URL", remote, false).unwrap_err();
            assert!(err.to_string().contains("allow_insecure_http"), "{err}");
            assert!(normalize_url("auth URL", remote, true).is_ok(), "{remote}");
        }
    }

    #[test]
    fn idle_connections_close_before_load_balancers_close_them() {
        assert!(POOL_IDLE_TIMEOUT < Duration::from_secs(60));
        assert!(!POOL_IDLE_TIMEOUT.is_zero());
    }

    #[test]
    fn zero_timeouts_are_refused_and_huge_ones_clamped() {
        let err = checked_timeout("call_timeout", Duration::ZERO).unwrap_err();
        assert!(err.to_string().contains("call_timeout"), "{err}");
        assert_eq!(
            checked_timeout("timeout", Duration::MAX).unwrap(),
            MAX_TIMEOUT
        );
        assert_eq!(
            checked_timeout("timeout", Duration::from_secs(5)).unwrap(),
            Duration::from_secs(5)
        );
    }
}
