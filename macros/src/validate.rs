//! Cross-checks between the attribute and the method, into one accumulator.
//!
//! Every independent problem is reported in the same compile (serde's `Ctxt`, Rocket's
//! `Diagnostics`). One rule is one `check_*` function; its comment states the rule.

use proc_macro2::Span;
use syn::ext::IdentExt as _;
use syn::{Error, Ident, LitStr, Type};

use crate::args::{Args, Verb};
use crate::diagnostics::Diagnostics;
use crate::model::Endpoint;
use crate::signature::{Arg, Method, Output, Receiver, RoleKind};
use crate::template::{self, Problem, Template};

/// Runs every check; returns the model `expand` needs, or all the errors found.
pub fn validate(
    args: syn::Result<Args>,
    method: &Method,
    mut diag: Diagnostics,
) -> syn::Result<Endpoint<'_>> {
    let args = diag.ok(args);
    check_qualifiers(method, &mut diag);
    check_async(method, &mut diag);
    check_no_body(method, &mut diag);
    let self_token = check_receiver(method, &mut diag);
    let output = check_output(method, &mut diag);
    check_plain_patterns(method, &mut diag);
    check_one_body(method, &mut diag);
    check_header_names(method, &mut diag);
    let checked = args.map(|args| {
        let (template, problems) = template::parse(&args.template.value());
        check_template(&args.template, &problems, &mut diag);
        check_body_allowed(args.verb, method, &mut diag);
        check_role_not_param(&template, method, &mut diag);
        if problems.is_empty() {
            // A broken template would make its arguments look unused.
            check_args_have_roles(&template, method, &mut diag);
        }
        let path_args = check_params_have_args(&args.template, &template, method, &mut diag);
        (args, template, path_args)
    });
    diag.finish()?;

    let (Some(self_token), Some((output, response)), Some((args, template, path_args))) =
        (self_token, output, checked)
    else {
        let bug = "internal error in `#[endpoint]`: no error and no model; please report this";
        return Err(Error::new(Span::call_site(), bug));
    };
    let roles = method
        .args
        .iter()
        .filter_map(|arg| Some((arg.ident.as_ref()?, &arg.role.as_ref()?.kind)))
        .collect();
    Ok(Endpoint {
        method,
        self_token,
        output,
        response,
        verb: args.verb,
        verb_span: args.verb_ident.span(),
        idempotent: args.verb.is_idempotent() || args.idempotent.is_some(),
        secret: args.secret.is_some(),
        template,
        path_args,
        roles,
    })
}

/// The name an argument is matched by: `r#type` is `type`.
fn name(ident: &Ident) -> String {
    ident.unraw().to_string()
}

/// The argument bound by template parameter `param`, if any.
fn arg_named<'m>(method: &'m Method, param: &str) -> Option<&'m Arg> {
    let named = |arg: &&Arg| arg.ident.as_ref().is_some_and(|ident| name(ident) == param);
    method.args.iter().find(named)
}

/// An endpoint is a plain method: no `const fn`, `unsafe fn`, `extern "C" fn` or `...`.
fn check_qualifiers(method: &Method, diag: &mut Diagnostics) {
    let sig = &method.sig;
    if let Some(token) = &sig.constness {
        diag.spanned(token, "endpoint methods cannot be `const`; remove `const`");
    }
    if let syn::Safety::Unsafe(token) = &sig.safety {
        diag.spanned(
            token,
            "endpoint methods cannot be `unsafe`; remove `unsafe`",
        );
    }
    if let Some(abi) = &sig.abi {
        diag.spanned(abi, "endpoint methods cannot be `extern`; remove the ABI");
    }
    if let Some(variadic) = &sig.variadic {
        diag.spanned(
            variadic,
            "endpoint methods cannot be variadic; remove `...`",
        );
    }
}

/// The method is declared `async`: `async fn get_user(..)`, not `fn get_user(..)`.
fn check_async(method: &Method, diag: &mut Diagnostics) {
    if method.sig.asyncness.is_none() {
        let fix = "endpoint methods are `async`; write `async fn`";
        diag.spanned(method.sig.fn_token, fix);
    }
}

/// The method has no body, the macro writes it: `async fn f(&self) -> Result<()>;`.
fn check_no_body(method: &Method, diag: &mut Diagnostics) {
    if let Some(body) = &method.body {
        let fix = "an endpoint method is declared without a body, the macro writes it; \
                   replace the block with `;`";
        diag.error(body.brace_token.span.join(), fix);
    }
}

/// The receiver is `&self`: not `self`, `&mut self`, `self: Box<Self>` or missing.
fn check_receiver(method: &Method, diag: &mut Diagnostics) -> Option<syn::Token![self]> {
    let (tokens, what) = match &method.receiver {
        Receiver::Shared(token) => return Some(*token),
        Receiver::ByValue(recv) => (recv, "`self` by value"),
        Receiver::Mutable(recv) => (recv, "`&mut self`"),
        Receiver::Typed(recv) => (recv, "a typed `self`"),
        Receiver::Missing => {
            let fix = "endpoint methods take `&self` first; add `&self` to the arguments";
            diag.error(method.sig.paren_token.span.join(), fix);
            return None;
        }
    };
    let fix = format!("endpoint methods take `&self`, not {what}; write `&self`");
    diag.spanned(tokens, fix);
    None
}

/// The return type is a `Result` with one type argument: `-> upsun::Result<User>`.
fn check_output<'m>(method: &'m Method, diag: &mut Diagnostics) -> Option<(&'m Type, &'m Type)> {
    let fix = "endpoint methods return `upsun::Result<T>`, `T` being the decoded response";
    match &method.output {
        Output::Result { ty, inner } => return Some((ty, inner)),
        Output::Other(ty) => {
            let fix = format!("{fix}; change the return type, as in `upsun::Result<User>`");
            diag.spanned(ty, fix);
        }
        Output::Missing => {
            let fix = format!("{fix}; add one, as in `-> upsun::Result<()>`");
            diag.spanned(&method.sig, fix);
        }
    }
    None
}

/// Each argument is a plain name, matched against the template: `user_id: Uuid`, not `(a, b): T`.
fn check_plain_patterns(method: &Method, diag: &mut Diagnostics) {
    for arg in method.args.iter().filter(|arg| arg.ident.is_none()) {
        let fix = "endpoint arguments are plain names, as in `user_id: Uuid`; name this argument";
        diag.spanned(&arg.pat, fix);
    }
}

/// At most one argument is the request body: `#[body] a: A, #[body] b: B` is refused, and so is
/// `#[body] a: A, #[multipart] f: &Multipart`.
fn check_one_body(method: &Method, diag: &mut Diagnostics) {
    let mut bodies = method.args.iter().filter_map(|arg| {
        let role = arg.role.as_ref()?;
        role.kind.is_body().then_some((arg, role))
    });
    let Some((first, _)) = bodies.next() else {
        return;
    };
    let first = first
        .ident
        .as_ref()
        .map_or_else(String::new, |i| format!(" `{i}`"));
    for (_, role) in bodies {
        let fix = format!(
            "a request has one body, and argument{first} already is it; \
             put the fields in one `#[body]` type"
        );
        diag.spanned(&role.attr, fix);
    }
}

/// `#[body]` only where the method carries one: `#[endpoint(GET, ..)]` with a `#[body]` is refused.
fn check_body_allowed(verb: Verb, method: &Method, diag: &mut Diagnostics) {
    if verb.allows_body() {
        return;
    }
    let verb = verb.as_str();
    for role in method.args.iter().filter_map(|arg| arg.role.as_ref()) {
        if role.kind.is_body() {
            let fix = format!(
                "`{verb}` requests carry no body; send this argument as `#[query]`, \
                 or use `POST`, `PUT` or `PATCH`"
            );
            diag.spanned(&role.attr, fix);
        }
    }
}

/// Header names are HTTP tokens (RFC 9110, 5.1): `#[header("X-Request-Id")]`, not `"X Request"`,
/// and each header is set by one argument.
fn check_header_names(method: &Method, diag: &mut Diagnostics) {
    let mut seen: Vec<String> = Vec::new();
    for role in method.args.iter().filter_map(|arg| arg.role.as_ref()) {
        let RoleKind::Header(lit) = &role.kind else {
            continue;
        };
        let name = lit.value();
        let tchar = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
        if name.is_empty() || !name.chars().all(tchar) {
            let fix = format!(
                "`{name}` is not a valid HTTP header name; use letters, digits and `-`, \
                 as in `\"X-Request-Id\"`"
            );
            diag.spanned(lit, fix);
        } else if seen.iter().any(|seen| seen.eq_ignore_ascii_case(&name)) {
            diag.spanned(
                lit,
                format!("header `{name}` is set twice; remove one argument"),
            );
        } else {
            seen.push(name);
        }
    }
}

/// The template parses: see `template::ProblemKind` for each rule (`"/users/<id>"`).
///
/// A span cannot point inside a literal on stable Rust, so each message names the segment.
fn check_template(lit: &LitStr, problems: &[Problem], diag: &mut Diagnostics) {
    for problem in problems {
        diag.error(lit.span(), &problem.kind);
    }
}

/// Every `<param>` has an argument of the same name: `"/orgs/<org_id>"` needs `org_id: Id`.
/// Returns the path arguments in template order.
fn check_params_have_args<'m>(
    lit: &LitStr,
    template: &Template,
    method: &'m Method,
    diag: &mut Diagnostics,
) -> Vec<&'m Ident> {
    let mut path_args = Vec::new();
    if method.args.iter().any(|arg| arg.ident.is_none()) {
        // A pattern argument was reported; it may be the one meant for a parameter.
        return path_args;
    }
    for param in &template.params {
        match arg_named(method, &param.name).and_then(|arg| arg.ident.as_ref()) {
            Some(ident) => path_args.push(ident),
            None => {
                let name = &param.name;
                let fix =
                    format!("`<{name}>` has no matching argument; add `{name}` to the arguments");
                diag.error(lit.span(), fix);
                let here = format!("expected an argument named `{name}` here");
                diag.error(method.sig.paren_token.span.join(), here);
            }
        }
    }
    path_args
}

/// An argument that is not a `<param>` has a role: `limit: u32` alone is refused,
/// `#[query] page: Page` is fine.
fn check_args_have_roles(template: &Template, method: &Method, diag: &mut Diagnostics) {
    // An argument whose attribute was unreadable has been reported already.
    for arg in method.args.iter().filter(|arg| !arg.unreadable) {
        let (Some(ident), None) = (&arg.ident, &arg.role) else {
            continue;
        };
        let name = name(ident);
        if !template.params.iter().any(|param| param.name == name) {
            let fix = format!(
                "argument `{name}` is not used by the template; mark it `#[query]`, `#[body]` \
                 or `#[header(\"...\")]`, or add `<{name}>` to the template"
            );
            diag.spanned(ident, fix);
        }
    }
}

/// A `<param>` argument has no role: `"/users/<id>"` with `#[query] id: Id` is refused.
fn check_role_not_param(template: &Template, method: &Method, diag: &mut Diagnostics) {
    for arg in &method.args {
        let (Some(ident), Some(role)) = (&arg.ident, &arg.role) else {
            continue;
        };
        let name = name(ident);
        if template.params.iter().any(|param| param.name == name) {
            let fix = format!(
                "`{name}` is bound by `<{name}>` in the template, so it cannot also be `{}`; \
                 remove the attribute or rename the argument",
                role.kind.attr()
            );
            diag.spanned(&role.attr, fix);
        }
    }
}
