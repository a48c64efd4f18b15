//! The attribute's own arguments: `VERB, "template"` and options (`idempotent`, `secret`).
//!
//! Syntax errors come from `Lookahead1`, so they list what was expected at that point.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::ext::IdentExt as _;
use syn::parse::{Parse, ParseStream};
use syn::{Error, Ident, LitStr, Result, Token};

mod kw {
    syn::custom_keyword!(GET);
    syn::custom_keyword!(POST);
    syn::custom_keyword!(PUT);
    syn::custom_keyword!(PATCH);
    syn::custom_keyword!(DELETE);
    syn::custom_keyword!(idempotent);
    syn::custom_keyword!(secret);
}

/// `#[endpoint(PATCH, "/users/<user_id>", idempotent)]`, with the original tokens.
pub struct Args {
    pub verb: Verb,
    /// The verb as written, for spans.
    pub verb_ident: Ident,
    pub template: LitStr,
    /// The `idempotent` option, if given.
    pub idempotent: Option<Span>,
    /// The `secret` option (the answers hold secrets), if given.
    pub secret: Option<Span>,
}

/// The HTTP methods an endpoint may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

const VERBS: &str = "`GET`, `POST`, `PUT`, `PATCH` or `DELETE`";

impl Verb {
    fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "GET" => Self::Get,
            "POST" => Self::Post,
            "PUT" => Self::Put,
            "PATCH" => Self::Patch,
            "DELETE" => Self::Delete,
            _ => return None,
        })
    }

    /// The name of the `http::Method` constant.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }

    /// GET, PUT and DELETE may be repeated by definition (RFC 9110, 9.2.2).
    pub fn is_idempotent(self) -> bool {
        matches!(self, Self::Get | Self::Put | Self::Delete)
    }

    /// GET and DELETE requests carry no body.
    pub fn allows_body(self) -> bool {
        !matches!(self, Self::Get | Self::Delete)
    }
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> Result<Self> {
        if input.is_empty() {
            return Err(Error::new(
                Span::call_site(),
                "`#[endpoint]` needs an HTTP method and a path template, as in \
                 `#[endpoint(GET, \"/users/<user_id>\")]`",
            ));
        }
        let (verb, verb_ident) = parse_verb(input)?;
        let template = parse_template(input, &verb_ident)?;
        let (idempotent, secret) = parse_options(input)?;
        Ok(Args {
            verb,
            verb_ident,
            template,
            idempotent,
            secret,
        })
    }
}

/// `GET`, `POST`, `PUT`, `PATCH` or `DELETE`; any other identifier is named in the error.
fn parse_verb(input: ParseStream<'_>) -> Result<(Verb, Ident)> {
    let lookahead = input.lookahead1();
    let known = lookahead.peek(kw::GET)
        || lookahead.peek(kw::POST)
        || lookahead.peek(kw::PUT)
        || lookahead.peek(kw::PATCH)
        || lookahead.peek(kw::DELETE);
    if !known && !input.peek(Ident::peek_any) {
        return Err(lookahead.error());
    }
    let ident = Ident::parse_any(input)?;
    let name = ident.to_string();
    match Verb::from_name(&name) {
        Some(verb) => Ok((verb, ident)),
        None => {
            let upper = name.to_ascii_uppercase();
            let message = match Verb::from_name(&upper) {
                Some(_) => format!("HTTP methods are written in uppercase; write `{upper}`"),
                None => format!("unknown HTTP method `{name}`; expected {VERBS}"),
            };
            Err(Error::new(ident.span(), message))
        }
    }
}

/// `, "template"`: the template must be there, and be a string literal.
fn parse_template(input: ParseStream<'_>, verb: &Ident) -> Result<LitStr> {
    let missing = || {
        Error::new(
            verb.span(),
            format!("missing path template after `{verb}`; write `#[endpoint({verb}, \"/path\")]`"),
        )
    };
    if input.is_empty() {
        return Err(missing());
    }
    let lookahead = input.lookahead1();
    if !lookahead.peek(Token![,]) {
        return Err(lookahead.error());
    }
    input.parse::<Token![,]>()?;
    if input.is_empty() {
        return Err(missing());
    }
    if input.peek(LitStr) {
        return input.parse();
    }
    // Underline everything up to the next comma: `/users` is two tokens.
    let mut written = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        written.extend([input.parse::<TokenTree>()?]);
    }
    Err(Error::new_spanned(
        written,
        "the path template must be a string literal, as in `\"/users/<user_id>\"`",
    ))
}

/// `, idempotent`, `, secret`, each option at most once, in any order; a trailing comma is fine.
fn parse_options(input: ParseStream<'_>) -> Result<(Option<Span>, Option<Span>)> {
    let (mut idempotent, mut secret) = (None, None);
    while !input.is_empty() {
        let lookahead = input.lookahead1();
        if !lookahead.peek(Token![,]) {
            return Err(lookahead.error());
        }
        input.parse::<Token![,]>()?;
        if input.is_empty() {
            break;
        }
        let lookahead = input.lookahead1();
        let (slot, name, span) = if lookahead.peek(kw::idempotent) {
            let option = input.parse::<kw::idempotent>()?;
            (&mut idempotent, "idempotent", option.span)
        } else if lookahead.peek(kw::secret) {
            let option = input.parse::<kw::secret>()?;
            (&mut secret, "secret", option.span)
        } else if input.peek(Ident::peek_any) {
            let ident = Ident::parse_any(input)?;
            return Err(Error::new(
                ident.span(),
                format!("unknown option `{ident}`; the options are `idempotent` and `secret`"),
            ));
        } else {
            return Err(lookahead.error());
        };
        if slot.is_some() {
            return Err(Error::new(
                span,
                format!("`{name}` is given twice; remove one"),
            ));
        }
        *slot = Some(span);
    }
    Ok((idempotent, secret))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(tokens: &str) -> Result<Args> {
        syn::parse_str::<Args>(tokens)
    }

    fn error(tokens: &str) -> String {
        match parse(tokens) {
            Ok(_) => panic!("`{tokens}` parsed"),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn verbs_and_options() -> Result<()> {
        let args = parse(r#"PATCH, "/users/<id>""#)?;
        assert_eq!(args.verb, Verb::Patch);
        assert_eq!(args.template.value(), "/users/<id>");
        assert!(args.idempotent.is_none());
        let args = parse(r#"POST, "/x", idempotent,"#)?;
        assert_eq!(args.verb, Verb::Post);
        assert!(args.idempotent.is_some());
        for verb in ["GET", "POST", "PUT", "PATCH", "DELETE"] {
            assert_eq!(parse(&format!("{verb}, \"/\""))?.verb.as_str(), verb);
        }
        Ok(())
    }

    #[test]
    fn errors_say_what_was_expected() {
        assert_eq!(
            error(r#"FETCH, "/""#),
            "unknown HTTP method `FETCH`; expected `GET`, `POST`, `PUT`, `PATCH` or `DELETE`"
        );
        assert_eq!(
            error(r#"get, "/""#),
            "HTTP methods are written in uppercase; write `GET`"
        );
        assert_eq!(
            error(r#""/users""#),
            "expected one of: `GET`, `POST`, `PUT`, `PATCH`, `DELETE`"
        );
        assert!(error("GET").starts_with("missing path template after `GET`"));
        assert!(error("GET,").starts_with("missing path template"));
        assert!(error("GET, users").starts_with("the path template must be a string literal"));
        assert_eq!(error(r#"GET "/""#), "expected `,`");
        assert_eq!(
            error(r#"POST, "/", retry"#),
            "unknown option `retry`; the options are `idempotent` and `secret`"
        );
        assert_eq!(
            error(r#"POST, "/", 1"#),
            "expected `idempotent` or `secret`"
        );
        assert!(error(r#"GET, "/", secret, secret"#).contains("`secret` is given twice"));
        let args = parse(r#"POST, "/x", secret, idempotent"#).unwrap();
        assert!(args.secret.is_some() && args.idempotent.is_some());
        assert!(error(r#"POST, "/", idempotent, idempotent"#).contains("twice"));
    }
}
