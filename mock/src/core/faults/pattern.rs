//! Route patterns for fault scripts: `/users/me`, `/users/{id}`, `/users/email={email}`,
//! `/{*rest}`.

use std::borrow::Cow;

use percent_encoding::percent_decode_str;

/// One `/`-separated piece of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    /// Text with at most one `{param}` inside it: `me`, `{id}`, `email={email}`.
    /// A segment without a parameter has an empty suffix and `param == false`.
    Piece {
        prefix: String,
        param: bool,
        suffix: String,
    },
    /// `{*name}` as the last segment: any number of remaining segments, even none.
    Rest,
}

/// A parsed route pattern. Matching is per segment; a path matches when every segment matches,
/// either as sent (percent-encoded) or percent-decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RoutePattern {
    source: String,
    segments: Vec<Segment>,
}

impl RoutePattern {
    /// Parses a pattern. Never fails: text that is not a well-formed `{param}` is literal.
    pub(crate) fn parse(source: &str) -> Self {
        let body = source.split('?').next().unwrap_or_default();
        let pieces: Vec<&str> = body.split('/').collect();
        let last = pieces.len().saturating_sub(1);
        let segments = pieces
            .iter()
            .enumerate()
            .map(|(index, piece)| parse_segment(piece, index == last))
            .collect();
        RoutePattern {
            source: source.to_owned(),
            segments,
        }
    }

    /// The pattern as written.
    pub(crate) fn source(&self) -> &str {
        &self.source
    }

    /// Whether a request path (without its query) matches.
    pub(crate) fn matches(&self, path: &str) -> bool {
        let mut parts = path.split('/');
        for segment in &self.segments {
            match segment {
                Segment::Rest => return true,
                Segment::Piece {
                    prefix,
                    param,
                    suffix,
                } => {
                    let Some(raw) = parts.next() else {
                        return false;
                    };
                    let decoded: Cow<'_, str> = percent_decode_str(raw).decode_utf8_lossy();
                    if !piece_matches(prefix, *param, suffix, raw)
                        && !piece_matches(prefix, *param, suffix, &decoded)
                    {
                        return false;
                    }
                }
            }
        }
        parts.next().is_none()
    }
}

fn parse_segment(piece: &str, last: bool) -> Segment {
    if last && piece.starts_with("{*") && piece.ends_with('}') {
        return Segment::Rest;
    }
    let braces = piece
        .find('{')
        .and_then(|open| Some((open, open + piece[open..].find('}')?)));
    if let Some((open, close)) = braces.filter(|(open, close)| *close > open + 1) {
        return Segment::Piece {
            prefix: piece[..open].to_owned(),
            param: true,
            suffix: piece[close + 1..].to_owned(),
        };
    }
    Segment::Piece {
        prefix: piece.to_owned(),
        param: false,
        suffix: String::new(),
    }
}

fn piece_matches(prefix: &str, param: bool, suffix: &str, text: &str) -> bool {
    if !param {
        return text == prefix;
    }
    text.len() > prefix.len() + suffix.len() && text.starts_with(prefix) && text.ends_with(suffix)
}

#[cfg(test)]
mod tests {
    use super::RoutePattern;

    fn matches(pattern: &str, path: &str) -> bool {
        RoutePattern::parse(pattern).matches(path)
    }

    #[test]
    fn literal_paths_match_exactly() {
        assert!(matches("/users/me", "/users/me"));
        assert!(!matches("/users/me", "/users/me/"));
        assert!(!matches("/users/me", "/users"));
        assert!(!matches("/users/me", "/users/me/x"));
    }

    #[test]
    fn a_param_matches_one_non_empty_segment() {
        assert!(matches("/users/{id}", "/users/d81c8ee2"));
        assert!(matches("/users/{id}", "/users/me"));
        assert!(!matches("/users/{id}", "/users/"));
        assert!(!matches("/users/{id}", "/users/a/b"));
    }

    #[test]
    fn a_param_may_share_its_segment_with_text() {
        assert!(matches(
            "/users/email={email}",
            "/users/email=ada%40example.com"
        ));
        assert!(!matches("/users/email={email}", "/users/email="));
        assert!(!matches("/users/email={email}", "/users/username=ada"));
    }

    #[test]
    fn literals_match_encoded_or_decoded() {
        assert!(matches(
            "/users/email=ada@example.com",
            "/users/email=ada%40example.com"
        ));
        assert!(matches(
            "/users/email=ada%40example.com",
            "/users/email=ada%40example.com"
        ));
    }

    #[test]
    fn rest_matches_the_remainder() {
        assert!(matches("/{*any}", "/users/me"));
        assert!(matches("/users/{*rest}", "/users/a/b/c"));
        assert!(!matches("/users/{*rest}", "/organizations/a"));
    }

    #[test]
    fn a_query_in_the_pattern_is_ignored() {
        assert!(matches("/users/me?x=1", "/users/me"));
    }
}
