//! Path templates (`/users/{user_id}`, `/users/email={email}`) and matching concrete,
//! percent-encoded request paths against them.

/// One segment of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Matches exactly this text.
    Literal(String),
    /// Matches any non-empty value between `prefix` and `suffix` (`email={email}` has the
    /// prefix `email=`; a plain `{user_id}` has neither).
    Param {
        /// The parameter's name.
        name: String,
        /// Literal text before the value.
        prefix: String,
        /// Literal text after the value.
        suffix: String,
    },
}

impl Segment {
    /// How specific the segment is: a literal beats a parameter with literal text, which beats
    /// a bare parameter.
    fn rank(&self) -> u8 {
        match self {
            Segment::Literal(_) => 2,
            Segment::Param { prefix, suffix, .. } if !prefix.is_empty() || !suffix.is_empty() => 1,
            Segment::Param { .. } => 0,
        }
    }

    /// Whether a decoded path segment fits.
    fn fits(&self, segment: &str) -> bool {
        match self {
            Segment::Literal(text) => text == segment,
            Segment::Param { prefix, suffix, .. } => {
                segment.len() > prefix.len() + suffix.len()
                    && segment.starts_with(prefix.as_str())
                    && segment.ends_with(suffix.as_str())
            }
        }
    }
}

/// Parses a template with `{name}` parameters (the document's style) or `<name>` (the SDK's).
pub fn parse(template: &str) -> Vec<Segment> {
    template
        .trim_start_matches('/')
        .split('/')
        .map(|segment| {
            let open = segment.find(['{', '<']);
            let close = segment.rfind(['}', '>']);
            match (open, close) {
                (Some(open), Some(close)) if open < close => Segment::Param {
                    name: segment[open + 1..close].to_owned(),
                    prefix: segment[..open].to_owned(),
                    suffix: segment[close + 1..].to_owned(),
                },
                _ => Segment::Literal(segment.to_owned()),
            }
        })
        .collect()
}

/// The template's shape: parameters replaced by `{}`, so `/users/{user_id}` and
/// `/users/<id>` compare equal.
pub fn shape(template: &str) -> String {
    let segments: Vec<String> = parse(template)
        .into_iter()
        .map(|segment| match segment {
            Segment::Literal(text) => text,
            Segment::Param { prefix, suffix, .. } => format!("{prefix}{{}}{suffix}"),
        })
        .collect();
    format!("/{}", segments.join("/"))
}

/// How well `path` (concrete, percent-encoded, without query) fits `template`: `None` when it
/// does not, else a score to compare candidates by (higher is more specific).
pub fn score(template: &[Segment], path: &str) -> Option<Vec<u8>> {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let segments: Vec<String> = path
        .trim_start_matches('/')
        .split('/')
        .map(decode)
        .collect();
    if segments.len() != template.len() {
        return None;
    }
    template
        .iter()
        .zip(&segments)
        .map(|(t, s)| t.fits(s).then(|| t.rank()))
        .collect()
}

/// Percent-decodes a path segment (`%40` to `@`); invalid escapes stay as they are.
pub fn decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| (*b as char).to_digit(16));
        let escaped = if bytes[i] == b'%' {
            hex(i + 1).zip(hex(i + 2))
        } else {
            None
        };
        if let Some((high, low)) = escaped {
            out.push((high * 16 + low) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
