//! A successful answer and how it becomes the caller's type: JSON only, with nothing of a
//! secret answer quoted when it does not decode.

use bytes::Bytes;
use reqwest::StatusCode;
use serde::de::DeserializeOwned;

use crate::error::{self, Error, Result};

/// A successful answer, read whole.
#[derive(Debug)]
pub(crate) struct Response {
    pub(crate) status: StatusCode,
    pub(crate) body: Bytes,
    /// The endpoint's answers hold secrets: a decode error must not quote them.
    pub(crate) secret: bool,
    /// The answer's `Content-Type`, when it had one that is not JSON (a proxy's HTML page).
    pub(crate) not_json: Option<String>,
}

/// Whether a media type is JSON: `application/json`, `text/json`, or any `+json` type
/// (`application/problem+json`, `application/hal+json`), parameters aside.
pub(super) fn is_json(media: &str) -> bool {
    let essence = media
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json" || essence == "text/json" || essence.ends_with("+json")
}

impl Response {
    /// Decodes the body as `T`; an empty body decodes as JSON `null`, so `()` and `Option<_>`
    /// accept a 204, and `()` ignores any body. For an endpoint whose answers hold secrets, a
    /// decode error says where decoding failed but quotes nothing of the body.
    pub(crate) fn decode<T: DeserializeOwned + 'static>(self) -> Result<T> {
        let unit = std::any::TypeId::of::<T>() == std::any::TypeId::of::<()>();
        if let Some(media) = &self.not_json {
            if !unit && !self.body.iter().all(u8::is_ascii_whitespace) {
                use serde::de::Error as _;
                let media = error::snippet(media.as_bytes());
                return Err(Error::Decode {
                    status: self.status,
                    expected: std::any::type_name::<T>(),
                    snippet: if self.secret {
                        "(withheld)".to_owned()
                    } else {
                        error::snippet(&self.body)
                    },
                    source: serde_json::Error::custom(format!(
                        "the answer is {media}, not JSON (a proxy or error page?); not parsed"
                    )),
                });
            }
        }
        let body: &[u8] = if self.body.iter().all(u8::is_ascii_whitespace)
            || std::any::TypeId::of::<T>() == std::any::TypeId::of::<()>()
        {
            b"null"
        } else {
            &self.body
        };
        serde_json::from_slice(body).map_err(|source| {
            if self.secret {
                use serde::de::Error as _;
                let where_ = format!(
                    "{:?} error at line {} column {} (details withheld: the answer holds secrets)",
                    source.classify(),
                    source.line(),
                    source.column()
                );
                Error::Decode {
                    status: self.status,
                    expected: std::any::type_name::<T>(),
                    snippet: "(withheld)".to_owned(),
                    source: serde_json::Error::custom(where_),
                }
            } else {
                Error::Decode {
                    status: self.status,
                    expected: std::any::type_name::<T>(),
                    snippet: error::snippet(&self.body),
                    source,
                }
            }
        })
    }
}
