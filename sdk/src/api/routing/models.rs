//! The Routing area's models: a route, as one enum over its kinds.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::RouteId;

/// A route of an environment: where requests for a URL go.
///
/// The kind is in `type`: a route to an application (`upstream`), a redirect, or a proxy. A
/// kind this version of the SDK does not know, or a route it cannot read as its kind, is kept
/// whole as [`Route::Unknown`]; anything but an object is refused.
///
/// ```
/// use upsun::routing::Route;
///
/// let route: Route = serde_json::from_value(serde_json::json!({
///     "id": "https://www.{default}/", "type": "redirect", "to": "https://{default}/",
///     "attributes": {}, "tls": {"strict_transport_security": {}, "client_certificate_authorities": []}
/// }))?;
/// let Route::Redirect(redirect) = &route else { panic!() };
/// assert_eq!(redirect.to.as_deref(), Some("https://{default}/"));
/// let odd: Route = serde_json::from_value(serde_json::json!({"type": "teleport"}))?;
/// assert!(matches!(odd, Route::Unknown(_)));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Route {
    /// Requests go to an application (`upstream`).
    Upstream(RouteDetails),
    /// Requests are redirected (`to`).
    Redirect(RouteDetails),
    /// Requests are proxied to another URL (`to`).
    Proxy(RouteDetails),
    /// A kind this version of the SDK does not know, kept as sent.
    Unknown(serde_json::Value),
}

impl Route {
    /// The route's details, unless its kind is unknown.
    pub fn details(&self) -> Option<&RouteDetails> {
        match self {
            Route::Upstream(d) | Route::Redirect(d) | Route::Proxy(d) => Some(d),
            Route::Unknown(_) => None,
        }
    }
}

/// What every kind of route has.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RouteDetails {
    /// Its ID (its URL pattern), when the API gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<RouteId>,
    /// Whether it is the primary route.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary: Option<bool>,
    /// Its URL in production.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub production_url: Option<String>,
    /// Arbitrary attributes attached to it.
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    /// Its kind, as written (`upstream`, `redirect`, `proxy`).
    #[serde(rename = "type")]
    pub kind: String,
    /// Its TLS settings.
    #[serde(default)]
    pub tls: Tls,
    /// Where a redirect or proxy goes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Redirect rules by path (free-form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirects: Option<serde_json::Value>,
    /// The HTTP cache settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache: Option<Cache>,
    /// Server-side includes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ssi: Option<Toggle>,
    /// The application (and endpoint) an upstream route goes to: `app:http`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstream: Option<String>,
    /// Sticky sessions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sticky: Option<Toggle>,
}

/// A route's TLS settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Tls {
    /// The `Strict-Transport-Security` settings.
    #[serde(default)]
    pub strict_transport_security: StrictTransportSecurity,
    /// The lowest TLS version accepted (`TLSv1.2`).
    #[serde(default)]
    pub min_version: Option<String>,
    /// Whether clients must authenticate (`request`, `require`).
    #[serde(default)]
    pub client_authentication: Option<String>,
    /// The certificate authorities client certificates are checked against.
    #[serde(default)]
    pub client_certificate_authorities: Vec<String>,
}

/// A route's `Strict-Transport-Security` settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StrictTransportSecurity {
    /// Whether it is sent.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Whether it covers subdomains.
    #[serde(default)]
    pub include_subdomains: Option<bool>,
    /// Whether browsers are asked to preload it.
    #[serde(default)]
    pub preload: Option<bool>,
}

/// A route's HTTP cache settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cache {
    /// Whether the cache is on.
    #[serde(default)]
    pub enabled: bool,
    /// The default time to live, in seconds.
    #[serde(default)]
    pub default_ttl: i64,
    /// The cookies that vary the cache.
    #[serde(default)]
    pub cookies: Vec<String>,
    /// The headers that vary the cache.
    #[serde(default)]
    pub headers: Vec<String>,
}

/// A setting that is on or off.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Toggle {
    /// Whether it is on.
    #[serde(default)]
    pub enabled: bool,
}

impl<'de> Deserialize<'de> for Route {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let value = serde_json::Value::deserialize(deserializer)?;
        if !value.is_object() {
            return Err(D::Error::custom(format!(
                "a route is an object, not {value}"
            )));
        }
        let kind = value
            .get("type")
            .and_then(|t| t.as_str())
            .unwrap_or_default();
        let variant: fn(RouteDetails) -> Route = match kind {
            "upstream" => Route::Upstream,
            "redirect" => Route::Redirect,
            "proxy" => Route::Proxy,
            _ => return Ok(Route::Unknown(value)),
        };
        match RouteDetails::deserialize(&value) {
            Ok(details) => Ok(variant(details)),
            Err(_) => Ok(Route::Unknown(value)),
        }
    }
}

impl Serialize for Route {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Route::Upstream(d) | Route::Redirect(d) | Route::Proxy(d) => d.serialize(serializer),
            Route::Unknown(value) => value.serialize(serializer),
        }
    }
}
