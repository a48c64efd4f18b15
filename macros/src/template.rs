//! The path template: `"/users/email=<email>/keys"`.
//!
//! A pure parser over the literal's value. It returns the literal `pieces` around the `<param>`s
//! (always one more piece than params) and every problem it finds, each with its byte range in
//! the template, so one compile reports them all.

use std::fmt;
use std::ops::Range;

use syn::ext::IdentExt as _;
use syn::parse::Parser as _;

/// A parsed template. Parameters that had a problem are left out of `params`.
#[derive(Debug, PartialEq)]
pub struct Template {
    /// The literal text around the parameters: `params.len() + 1` pieces.
    pub pieces: Vec<String>,
    /// The parameters, in template order.
    pub params: Vec<Param>,
}

/// One `<name>` parameter.
#[derive(Debug, PartialEq)]
pub struct Param {
    /// The name between the angle brackets (unraw: `<r#type>` is `type`).
    pub name: String,
    /// Where `<name>` sits in the template, brackets included.
    pub range: Range<usize>,
}

/// Something wrong with the template, and where.
#[derive(Debug, PartialEq)]
pub struct Problem {
    pub kind: ProblemKind,
    pub range: Range<usize>,
}

/// What is wrong. Each kind keeps the text it names, as spans cannot point inside a literal.
#[derive(Debug, PartialEq)]
pub enum ProblemKind {
    /// `""`
    Empty,
    /// `"users/<id>"`
    NoLeadingSlash { template: String },
    /// `"/users/<id"`
    Unclosed { text: String },
    /// `"/users/id>"`
    StrayClose { segment: String },
    /// `"/users/<>"`
    EmptyParam { segment: String },
    /// `"/users/<user-id>"`
    NotIdent { name: String },
    /// `"/a/<id>/b/<id>"`
    Duplicate { name: String },
    /// `"/users/{id}"`
    Braces { name: String },
    /// `"/users/{"`
    StrayBrace { segment: String },
    /// `"/users?page=1"`
    Query { query: String },
    /// `"/users#top"`
    Fragment { fragment: String },
}

impl Template {
    /// The template in OpenAPI form: `/users/{user_id}`.
    pub fn openapi(&self) -> String {
        let mut out = String::new();
        for (i, piece) in self.pieces.iter().enumerate() {
            out.push_str(piece);
            if let Some(param) = self.params.get(i) {
                out.push('{');
                out.push_str(&param.name);
                out.push('}');
            }
        }
        out
    }
}

/// Parses `src`, collecting every problem instead of stopping at the first.
pub fn parse(src: &str) -> (Template, Vec<Problem>) {
    let mut template = Template {
        pieces: Vec::new(),
        params: Vec::new(),
    };
    let mut problems = Vec::new();
    let mut report = |kind, range| problems.push(Problem { kind, range });
    if src.is_empty() {
        report(ProblemKind::Empty, 0..0);
    } else if !src.starts_with('/') {
        let template = src.to_owned();
        report(ProblemKind::NoLeadingSlash { template }, 0..src.len());
    }

    let mut piece = String::new();
    let mut i = 0;
    while let Some(c) = src[i..].chars().next() {
        let next = i + c.len_utf8();
        match c {
            '<' => {
                // A name ends at `>`; a `<`, `/` or `?` before it means the `<` was never closed.
                let after = &src[next..];
                let stop = after.find(['>', '<', '/', '?']).unwrap_or(after.len());
                if !after[stop..].starts_with('>') {
                    let text = src[i..next + stop].to_owned();
                    report(ProblemKind::Unclosed { text }, i..next + stop);
                    i = next + stop;
                    continue;
                }
                let range = i..next + stop + 1;
                let name = &after[..stop];
                match param_name(name) {
                    _ if name.is_empty() => {
                        let segment = segment_at(src, i).to_owned();
                        report(ProblemKind::EmptyParam { segment }, range.clone());
                    }
                    None => {
                        let name = name.to_owned();
                        report(ProblemKind::NotIdent { name }, range.clone());
                    }
                    Some(name) if template.params.iter().any(|p| p.name == name) => {
                        report(ProblemKind::Duplicate { name }, range.clone());
                    }
                    Some(name) => {
                        template.pieces.push(std::mem::take(&mut piece));
                        template.params.push(Param {
                            name,
                            range: range.clone(),
                        });
                    }
                }
                i = range.end;
            }
            '{' => {
                let after = &src[next..];
                let stop = after.find(['}', '/', '<', '{']).unwrap_or(after.len());
                if after[stop..].starts_with('}') {
                    let name = after[..stop].to_owned();
                    report(ProblemKind::Braces { name }, i..next + stop + 1);
                    i = next + stop + 1;
                } else {
                    let segment = segment_at(src, i).to_owned();
                    report(ProblemKind::StrayBrace { segment }, i..next);
                    i = next;
                }
            }
            '}' => {
                let segment = segment_at(src, i).to_owned();
                report(ProblemKind::StrayBrace { segment }, i..next);
                i = next;
            }
            '>' => {
                let segment = segment_at(src, i).to_owned();
                report(ProblemKind::StrayClose { segment }, i..next);
                i = next;
            }
            '?' => {
                let query = src[i..].to_owned();
                report(ProblemKind::Query { query }, i..src.len());
                break;
            }
            '#' => {
                let fragment = src[i..].to_owned();
                report(ProblemKind::Fragment { fragment }, i..src.len());
                break;
            }
            c => {
                piece.push(c);
                i = next;
            }
        }
    }
    template.pieces.push(piece);
    (template, problems)
}

/// The name inside `<...>` if it can name an argument, unrawed: `<r#type>` and `<type>` are
/// both `type`, bound by an argument `r#type`.
fn param_name(name: &str) -> Option<String> {
    let ident = syn::Ident::parse_any.parse_str(name).ok()?;
    // `parse_str` skips surrounding whitespace; `< id>` is not a parameter name.
    let exact = ident == name;
    let name = ident.unraw().to_string();
    let nameable = !matches!(name.as_str(), "_" | "self" | "Self" | "super" | "crate");
    (exact && nameable).then_some(name)
}

/// The `/`-separated segment of `src` that contains byte `at`: `segment_at("/a/b>c", 4) == "b>c"`.
fn segment_at(src: &str, at: usize) -> &str {
    let start = src[..at].rfind('/').map_or(0, |slash| slash + 1);
    let end = src[at..].find('/').map_or(src.len(), |slash| at + slash);
    &src[start..end]
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(
                f,
                "the path template is empty; write a path such as `\"/users\"`"
            ),
            Self::NoLeadingSlash { template } => write!(
                f,
                "the path template `{template}` does not start with `/`; write `\"/{template}\"`"
            ),
            Self::Unclosed { text } => {
                write!(f, "`{text}` is not closed; write parameters as `{text}>`")
            }
            Self::StrayClose { segment } => write!(
                f,
                "`>` without a matching `<` in `{segment}`; write parameters as `<name>`"
            ),
            Self::EmptyParam { segment } if segment == "<>" => write!(
                f,
                "`<>` has no name; name the argument it binds, as in `<user_id>`"
            ),
            Self::EmptyParam { segment } => write!(
                f,
                "`<>` in `{segment}` has no name; name the argument it binds, as in `<user_id>`"
            ),
            Self::NotIdent { name } => write!(
                f,
                "`<{name}>` is not a Rust identifier; name it like the argument it binds, as in `<user_id>`"
            ),
            Self::Duplicate { name } => write!(
                f,
                "`<{name}>` appears twice in the template; each parameter binds one argument, so rename one"
            ),
            Self::Braces { name } => write!(
                f,
                "`{{{name}}}` is OpenAPI syntax; write template parameters as `<{name}>`"
            ),
            Self::StrayBrace { segment } => write!(
                f,
                "unexpected brace in `{segment}`; write template parameters as `<name>`"
            ),
            Self::Query { query } => write!(
                f,
                "the template has a query string `{query}`; remove it and take a `#[query]` argument instead"
            ),
            Self::Fragment { fragment } => write!(
                f,
                "the template has a fragment `{fragment}`; fragments are never sent to the server, remove it"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(src: &str) -> Template {
        let (template, problems) = parse(src);
        assert_eq!(problems, [], "{src}");
        template
    }

    fn kinds(src: &str) -> Vec<ProblemKind> {
        parse(src).1.into_iter().map(|p| p.kind).collect()
    }

    fn names(template: &Template) -> Vec<&str> {
        template.params.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn literal_only() {
        let t = ok("/users");
        assert_eq!(t.pieces, ["/users"]);
        assert!(t.params.is_empty());
        assert_eq!(t.openapi(), "/users");
        assert_eq!(ok("/").pieces, ["/"]);
    }

    #[test]
    fn params_split_pieces() {
        let t = ok("/orgs/<org_id>/members/<user_id>");
        assert_eq!(t.pieces, ["/orgs/", "/members/", ""]);
        assert_eq!(names(&t), ["org_id", "user_id"]);
        assert_eq!(t.params[0].range, 6..14);
        assert_eq!(t.params[1].range, 23..32);
        assert_eq!(t.openapi(), "/orgs/{org_id}/members/{user_id}");
    }

    #[test]
    fn param_shares_a_segment_with_text() {
        let t = ok("/users/email=<email>/keys");
        assert_eq!(t.pieces, ["/users/email=", "/keys"]);
        assert_eq!(names(&t), ["email"]);
        assert_eq!(t.openapi(), "/users/email={email}/keys");
        let t = ok("/v<version>.json");
        assert_eq!(t.pieces, ["/v", ".json"]);
    }

    #[test]
    fn raw_and_unicode_names() {
        assert_eq!(names(&ok("/x/<r#type>")), ["type"]);
        assert_eq!(names(&ok("/x/<type>")), ["type"]);
        assert_eq!(names(&ok("/x/<café>")), ["café"]);
        assert_eq!(ok("/é/<id>").pieces, ["/é/", ""]);
    }

    #[test]
    fn leading_slash() {
        assert_eq!(kinds(""), [ProblemKind::Empty]);
        assert_eq!(
            kinds("users/<id>"),
            [ProblemKind::NoLeadingSlash {
                template: "users/<id>".into()
            }]
        );
    }

    #[test]
    fn unclosed_and_stray() {
        let (_, problems) = parse("/users/<id");
        assert_eq!(
            problems,
            [Problem {
                kind: ProblemKind::Unclosed { text: "<id".into() },
                range: 7..10
            }]
        );
        assert_eq!(
            kinds("/users/<id/keys"),
            [ProblemKind::Unclosed { text: "<id".into() }]
        );
        assert_eq!(
            kinds("/a/<b<c>"),
            [ProblemKind::Unclosed { text: "<b".into() }]
        );
        assert_eq!(
            kinds("/users/id>/x"),
            [ProblemKind::StrayClose {
                segment: "id>".into()
            }]
        );
    }

    #[test]
    fn bad_names() {
        assert_eq!(
            kinds("/users/<>"),
            [ProblemKind::EmptyParam {
                segment: "<>".into()
            }]
        );
        for bad in [
            "user-id", "1st", "_", " id", "a b", "a::b", "self", "r#crate", "'a",
        ] {
            assert_eq!(
                kinds(&format!("/users/<{bad}>")),
                [ProblemKind::NotIdent { name: bad.into() }],
                "{bad}"
            );
        }
    }

    #[test]
    fn duplicates_are_reported_once_each() {
        let (t, problems) = parse("/a/<id>/b/<id>/c/<id>");
        assert_eq!(names(&t), ["id"]);
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].range, 10..14);
        assert_eq!(
            problems[0].kind,
            ProblemKind::Duplicate { name: "id".into() }
        );
    }

    #[test]
    fn braces_suggest_angle_brackets() {
        let (_, problems) = parse("/users/{user_id}/keys");
        assert_eq!(
            problems,
            [Problem {
                kind: ProblemKind::Braces {
                    name: "user_id".into()
                },
                range: 7..16
            }]
        );
        assert_eq!(
            kinds("/a/{/b}"),
            [
                ProblemKind::StrayBrace {
                    segment: "{".into()
                },
                ProblemKind::StrayBrace {
                    segment: "b}".into()
                }
            ]
        );
    }

    #[test]
    fn query_and_fragment() {
        assert_eq!(
            kinds("/users?page=<page>"),
            [ProblemKind::Query {
                query: "?page=<page>".into()
            }]
        );
        assert_eq!(
            kinds("/users#top"),
            [ProblemKind::Fragment {
                fragment: "#top".into()
            }]
        );
    }

    #[test]
    fn every_problem_is_reported() {
        let problems = kinds("users/<>/<a-b>/{c}?x");
        assert_eq!(problems.len(), 5, "{problems:?}");
    }

    #[test]
    fn messages_name_the_segment() {
        let msg = |src: &str| parse(src).1[0].kind.to_string();
        assert_eq!(
            msg("/users/{user_id}"),
            "`{user_id}` is OpenAPI syntax; write template parameters as `<user_id>`"
        );
        assert_eq!(
            msg("users"),
            "the path template `users` does not start with `/`; write `\"/users\"`"
        );
        assert_eq!(
            msg("/users/<id"),
            "`<id` is not closed; write parameters as `<id>`"
        );
    }
}
