//! The validated model: what `validate` hands to `expand`.
//!
//! Imports go one way: `args`, `template` and `signature` parse; `validate` checks them and
//! builds this model; `expand` reads only this model (and the parsed method it borrows).

use proc_macro2::Span;
use syn::{Ident, Type};

use crate::args::Verb;
use crate::signature::{Method, RoleKind};
use crate::template::Template;

/// A method that passed validation, with everything the expansion needs.
pub struct Endpoint<'m> {
    /// Attributes and signature (role attributes already taken off the arguments).
    pub method: &'m Method,
    /// The receiver's `self`, with the user's span.
    pub self_token: syn::Token![self],
    /// `upsun::Result<T>` as written.
    pub output: &'m Type,
    /// `T`.
    pub response: &'m Type,
    pub verb: Verb,
    pub verb_span: Span,
    pub idempotent: bool,
    /// The answers hold secrets: errors must not quote them.
    pub secret: bool,
    pub template: Template,
    /// The argument bound by each template param, in template order.
    pub path_args: Vec<&'m Ident>,
    /// The other arguments and their roles, in declaration order.
    pub roles: Vec<(&'m Ident, &'m RoleKind)>,
}
