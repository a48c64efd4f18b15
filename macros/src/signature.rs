//! A typed model of the annotated trait method: receiver, arguments with their roles, output.
//!
//! Building the model reads the argument attributes (`#[body]`, `#[query]`, `#[header("...")]`)
//! and reports the ones it cannot read; everything else is judged in `validate.rs`. The model
//! keeps the user's tokens so every error can point back at them.

use syn::{
    Attribute, Block, Error, FnArg, GenericArgument, Ident, LitStr, Meta, Pat, PathArguments,
    ReturnType, Signature, TraitItemFn, Type,
};

use crate::diagnostics::Diagnostics;

/// The annotated method.
pub struct Method {
    /// The method's own attributes (docs, `#[deprecated]`, ...).
    pub attrs: Vec<Attribute>,
    /// The signature, with the role attributes taken off its arguments.
    pub sig: Signature,
    /// A body written by the user (there must be none).
    pub body: Option<Block>,
    pub receiver: Receiver,
    /// The arguments after the receiver, in declaration order.
    pub args: Vec<Arg>,
    pub output: Output,
}

/// How the method takes `self`.
pub enum Receiver {
    /// `&self` or `&'a self`: the only accepted form.
    Shared(syn::Token![self]),
    /// `self` or `mut self`.
    ByValue(syn::Receiver),
    /// `&mut self`.
    Mutable(syn::Receiver),
    /// `self: Box<Self>` and other typed receivers.
    Typed(syn::Receiver),
    /// An associated function: no `self` at all.
    Missing,
}

/// One argument after the receiver.
pub struct Arg {
    /// The argument's name when its pattern is a plain identifier (`mut` allowed).
    pub ident: Option<Ident>,
    /// The pattern as written, for errors.
    pub pat: Pat,
    /// `#[body]`, `#[query]` or `#[header("...")]`; `None` for a template parameter.
    pub role: Option<Role>,
    /// An attribute on this argument was reported as unreadable, so its role is unknown.
    pub unreadable: bool,
}

/// An argument's role attribute.
pub struct Role {
    pub kind: RoleKind,
    /// The attribute as written, for errors.
    pub attr: Attribute,
}

/// Where an argument goes in the request.
#[derive(Clone)]
pub enum RoleKind {
    Body,
    /// A `multipart/form-data` body (`upsun::Multipart`): a body like `#[body]`.
    Multipart,
    Query,
    Header(LitStr),
}

/// The declared return type.
pub enum Output {
    /// `upsun::Result<T>` (any path whose last segment is `Result` with one type argument).
    Result { ty: Box<Type>, inner: Box<Type> },
    /// Any other type.
    Other(Box<Type>),
    /// No `->` at all.
    Missing,
}

impl RoleKind {
    /// Whether the argument is the request body (JSON or multipart).
    pub fn is_body(&self) -> bool {
        matches!(self, Self::Body | Self::Multipart)
    }

    /// The attribute as written, for messages: `#[body]`.
    pub fn attr(&self) -> &'static str {
        match self {
            Self::Body => "#[body]",
            Self::Multipart => "#[multipart]",
            Self::Query => "#[query]",
            Self::Header(_) => "#[header(\"...\")]",
        }
    }
}

impl Method {
    /// Builds the model. Attributes that cannot be read are reported and left out.
    pub fn from_item(item: TraitItemFn, diag: &mut Diagnostics) -> Self {
        let TraitItemFn {
            attrs,
            mut sig,
            default,
            ..
        } = item;
        let mut receiver = Receiver::Missing;
        let mut args = Vec::new();
        for input in &mut sig.inputs {
            match input {
                FnArg::Receiver(recv) => receiver = Receiver::from_syn(recv),
                FnArg::Typed(typed) => {
                    let (role, unreadable) = take_role(&mut typed.attrs, diag);
                    let ident = match &*typed.pat {
                        Pat::Ident(pat) if pat.by_ref.is_none() && pat.subpat.is_none() => {
                            Some(pat.ident.clone())
                        }
                        _ => None,
                    };
                    args.push(Arg {
                        ident,
                        pat: (*typed.pat).clone(),
                        role,
                        unreadable,
                    });
                }
            }
        }
        let output = Output::from_syn(&sig.output);
        Method {
            attrs,
            sig,
            body: default,
            receiver,
            args,
            output,
        }
    }
}

impl Receiver {
    fn from_syn(recv: &syn::Receiver) -> Self {
        match &recv.kind {
            syn::ReceiverKind::Reference(_, _, None) => Self::Shared(recv.self_token),
            syn::ReceiverKind::Reference(_, _, Some(_)) => Self::Mutable(recv.clone()),
            syn::ReceiverKind::Value => Self::ByValue(recv.clone()),
            // `self: Box<Self>`, and any receiver form a later syn learns.
            _ => Self::Typed(recv.clone()),
        }
    }
}

impl Output {
    fn from_syn(output: &ReturnType) -> Self {
        let ReturnType::Type(_, ty) = output else {
            return Self::Missing;
        };
        match result_inner(ty) {
            Some(inner) => Self::Result {
                ty: ty.clone(),
                inner: Box::new(inner.clone()),
            },
            None => Self::Other(ty.clone()),
        }
    }
}

/// `T` in `a::b::Result<T>`; `None` for any other type.
fn result_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    let PathArguments::AngleBracketed(generics) = &last.arguments else {
        return None;
    };
    match (
        last.ident == "Result",
        generics.args.len(),
        generics.args.first(),
    ) {
        (true, 1, Some(GenericArgument::Type(inner))) => Some(inner),
        _ => None,
    }
}

/// Lint attributes rustc accepts on arguments; they are kept as they are.
const LINT_ATTRS: [&str; 5] = ["allow", "warn", "deny", "forbid", "expect"];

/// Removes the role attributes (and unknown ones, after reporting them) from one argument.
/// Returns the role, and whether an attribute could not be read.
fn take_role(attrs: &mut Vec<Attribute>, diag: &mut Diagnostics) -> (Option<Role>, bool) {
    let mut role: Option<Role> = None;
    let mut unreadable = false;
    attrs.retain(|attr| {
        let path = attr.path();
        if LINT_ATTRS.iter().any(|lint| path.is_ident(lint)) {
            return true;
        }
        let Some(kind) = read_role(attr, diag) else {
            unreadable = true;
            return false;
        };
        match &role {
            // Rule: one role per argument. `#[query] #[body] x: X` is refused.
            Some(first) => diag.push(Error::new_spanned(
                attr,
                format!(
                    "an argument has one role, and this one is already `{}`; remove one attribute",
                    first.kind.attr()
                ),
            )),
            None => {
                role = Some(Role {
                    kind,
                    attr: attr.clone(),
                })
            }
        }
        false
    });
    (role, unreadable)
}

/// Reads `#[body]`, `#[query]`, `#[header("Name")]` or `#[multipart]`; reports anything else.
fn read_role(attr: &Attribute, diag: &mut Diagnostics) -> Option<RoleKind> {
    let path = attr.path();
    let mut word = |kind: RoleKind, name: &str| match &attr.meta {
        Meta::Path(_) => Some(kind),
        _ => {
            diag.push(Error::new_spanned(
                attr,
                format!("`#[{name}]` takes no arguments; write `#[{name}]`"),
            ));
            None
        }
    };
    if path.is_ident("body") {
        word(RoleKind::Body, "body")
    } else if path.is_ident("multipart") {
        word(RoleKind::Multipart, "multipart")
    } else if path.is_ident("query") {
        word(RoleKind::Query, "query")
    } else if path.is_ident("header") {
        let Meta::List(_) = &attr.meta else {
            diag.push(Error::new_spanned(
                attr,
                "`#[header]` needs the header name; write `#[header(\"X-Request-Id\")]`",
            ));
            return None;
        };
        match attr.parse_args::<LitStr>() {
            Ok(name) => Some(RoleKind::Header(name)),
            Err(_) => {
                diag.push(Error::new_spanned(
                    attr,
                    "the header name must be one string literal, as in `#[header(\"X-Request-Id\")]`",
                ));
                None
            }
        }
    } else {
        let name = path
            .segments
            .iter()
            .map(|segment| segment.ident.to_string())
            .collect::<Vec<_>>()
            .join("::");
        diag.push(Error::new_spanned(
            attr,
            format!(
                "unknown attribute `#[{name}]` on an endpoint argument; \
                 expected `#[body]`, `#[query]`, `#[header(\"...\")]` or `#[multipart]`"
            ),
        ));
        None
    }
}
