//! Builds the provided method from a validated model. Nothing here can fail.
//!
//! This is the macro's real specification. The declaration
//!
//! ```ignore
//! /// Update a user.
//! #[endpoint(PATCH, "/users/<user_id>")]
//! async fn update_user(
//!     &self,
//!     user_id: Uuid,
//!     #[body] update: &UpdateUser,
//!     #[query] q: &Q,
//!     #[header("X-Request-Id")] rid: &str,
//! ) -> upsun::Result<User>;
//! ```
//!
//! becomes
//!
//! ```ignore
//! /// Update a user.
//! ///
//! /// `PATCH /users/{user_id}`
//! fn update_user(&self, user_id: Uuid, update: &UpdateUser, q: &Q, rid: &str)
//!     -> impl ::core::future::Future<Output = upsun::Result<User>> + ::core::marker::Send
//! {
//!     static __UPSUN_ENDPOINT: ::upsun::__private::Endpoint = ::upsun::__private::Endpoint::new(
//!         ::upsun::__private::Method::PATCH,
//!         "/users/{user_id}",  // the OpenAPI form, for docs and logs
//!         &["/users/", ""],    // the literal pieces around the params: params + 1 of them
//!         &["user_id"],        // the params, in template order
//!         false,               // idempotent: GET, PUT, DELETE, or the `idempotent` option
//!     );                       // then `.secret()` with the `secret` option
//!     // One `&(dyn Display + Sync)` per param, in template order.
//!     let mut __upsun_call = ::upsun::__private::Call::new(&__UPSUN_ENDPOINT, &[&user_id]);
//!     // Then each role, in declaration order (`mut` only when there is one).
//!     __upsun_call.body(&update);
//!     __upsun_call.query(&q);
//!     __upsun_call.header("X-Request-Id", &rid);
//!     ::upsun::__private::send::<_, User>(self, __upsun_call)
//! }
//! ```
//!
//! The user's tokens (docs, attributes, argument names and types, `self`) keep their spans, so
//! rustc's own errors point at them: a path argument that is not `Display` or a body that is not
//! `Serialize` underlines that argument, a response type that is not `Deserialize` underlines
//! `T` in `Result<T>` (hence the turbofish), a trait without the `Api` supertrait underlines
//! `&self`, and the `impl Future` carries the span of the declared return type. Generated names
//! use `Span::mixed_site()` and the `__upsun_` prefix, so they cannot clash with arguments.
//! Nothing in the expansion trips rustc or clippy lints (pedantic and nursery included), so it
//! carries no `#[allow]`.
//!
//! When validation fails, [`fallback`] emits the errors with the method given a diverging body,
//! so the user sees our messages and not a cascade of follow-up errors.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::ext::IdentExt as _;
use syn::{Error, Ident};

use crate::model::Endpoint;
use crate::signature::{Method, Receiver, RoleKind};

/// The provided method: a static description of the endpoint and one call into the runtime.
pub fn expand(endpoint: Endpoint<'_>) -> TokenStream {
    let Endpoint {
        method,
        self_token,
        output,
        response,
        verb,
        verb_span,
        idempotent,
        secret,
        template,
        path_args,
        roles,
    } = endpoint;
    let attrs = &method.attrs;
    let sig = &method.sig;
    let (fn_token, ident, generics) = (&sig.fn_token, &sig.ident, &sig.generics);
    let where_clause = &generics.where_clause;
    let mut inputs = TokenStream::new();
    sig.paren_token
        .surround(&mut inputs, |tokens| sig.inputs.to_tokens(tokens));

    let openapi = template.openapi();
    let has_docs = attrs.iter().any(|attr| attr.path().is_ident("doc"));
    let blank_line = has_docs.then(|| quote!(#[doc = ""]));
    let route = format!(" `{} {openapi}`", verb.as_str());

    let mixed = Span::mixed_site();
    let static_name = Ident::new("__UPSUN_ENDPOINT", mixed);
    let call = Ident::new("__upsun_call", mixed);
    let verb = Ident::new(verb.as_str(), verb_span);
    let pieces = &template.pieces;
    let params = template.params.iter().map(|param| &param.name);
    // `&arg` spanned on the argument, so an unmet bound underlines the user's argument.
    let borrow = |ident: &Ident| quote_spanned!(ident.span()=> &#ident);
    let path_args = path_args.into_iter().map(borrow);
    let steps = roles.iter().map(|&(ident, kind)| {
        let value = borrow(ident);
        match kind {
            RoleKind::Body => quote!(#call.body(#value);),
            RoleKind::Multipart => quote!(#call.multipart(#value);),
            RoleKind::Query => quote!(#call.query(#value);),
            RoleKind::Header(name) => quote!(#call.header(#name, #value);),
        }
    });
    let mutability = (!roles.is_empty()).then(|| quote!(mut));
    let secret = secret.then(|| quote!(.secret()));
    // `T` is named so that a response type that is not `Deserialize` underlines `T`, and the
    // call is spanned on `self` so that a trait without `Api` underlines `&self`.
    let send = quote_spanned! {self_token.span=>
        ::upsun::__private::send::<_, #response>(#self_token, #call)
    };
    // The `impl Future` spans exactly the declared return type: rustc reports the bounds of the
    // hidden type there rather than on the attribute.
    let (first, last) = first_and_last(output);
    let future =
        quote_spanned!(first=> impl ::core::future::Future<Output = #output> + ::core::marker::);
    let send_bound = quote_spanned!(last=> Send);

    // The same description as an associated constant, for tools and tests that look at every
    // endpoint of a trait (`<Client as UsersApi>::__UPSUN_ENDPOINT_UPDATE_USER`). The method keeps
    // its own static, so that two traits with the same method name never make it ambiguous.
    let const_name = Ident::new(
        &format!(
            "__UPSUN_ENDPOINT_{}",
            ident.unraw().to_string().to_uppercase()
        ),
        Span::call_site(),
    );
    let description = quote! {
        ::upsun::__private::Endpoint::new(
            ::upsun::__private::Method::#verb,
            #openapi,
            &[#(#pieces),*],
            &[#(#params),*],
            #idempotent,
        )#secret
    };

    quote! {
        #[doc(hidden)]
        const #const_name: &'static ::upsun::__private::Endpoint = &#description;

        #(#attrs)*
        #blank_line
        #[doc = #route]
        #fn_token #ident #generics #inputs
            -> #future #send_bound
            #where_clause
        {
            static #static_name: ::upsun::__private::Endpoint = #description;
            let #mutability #call = ::upsun::__private::Call::new(&#static_name, &[#(#path_args),*]);
            #(#steps)*
            #send
        }
    }
}

/// The spans of the first and last tokens of `tokens`; rustc joins them when they are the
/// user's, where `Span::join` is not available to a proc macro on stable.
fn first_and_last(tokens: &impl ToTokens) -> (Span, Span) {
    let mut trees = tokens.to_token_stream().into_iter();
    let first = trees
        .next()
        .map_or_else(Span::call_site, |tree| tree.span());
    let last = trees.last().map_or(first, |tree| tree.span());
    (first, last)
}

/// The errors, plus the method with a diverging body so nothing else fails because of it.
pub fn fallback(errors: Error, method: &Method) -> TokenStream {
    let errors = errors.to_compile_error();
    let attrs = &method.attrs;
    let mut sig = method.sig.clone();
    // Refused qualifiers could make the stub itself invalid (`const async fn`).
    sig.constness = None;
    sig.abi = None;
    sig.variadic = None;
    // `self` by value needs `Self: Sized` once the method has a body.
    if matches!(method.receiver, Receiver::ByValue(_) | Receiver::Typed(_)) {
        let sized = syn::parse2(quote!(Self: ::core::marker::Sized));
        if let Ok(predicate) = sized {
            sig.generics.make_where_clause().predicates.push(predicate);
        }
    }
    quote! {
        #errors
        #(#attrs)*
        #[allow(unused_variables, async_fn_in_trait)]
        #sig { ::core::unreachable!() }
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    /// The expansion as one string with single spaces, for `contains` checks.
    fn expand(attr: proc_macro2::TokenStream, item: proc_macro2::TokenStream) -> String {
        crate::run(attr, item).to_string()
    }

    #[test]
    fn describes_the_endpoint_once() {
        let out = expand(
            quote!(PATCH, "/users/<user_id>/email=<email>"),
            quote! {
                /// Update.
                async fn update(&self, email: &str, user_id: u64, #[body] b: &B) -> upsun::Result<U>;
            },
        );
        let endpoint = "Endpoint :: new (:: upsun :: __private :: Method :: PATCH , \
            \"/users/{user_id}/email={email}\" , & [\"/users/\" , \"/email=\" , \"\"] , \
            & [\"user_id\" , \"email\"] , false ,)";
        assert!(out.contains(endpoint), "{out}");
        // Path arguments follow the template, not the declaration.
        assert!(out.contains("& [& user_id , & email]"), "{out}");
        assert!(out.contains("__upsun_call . body (& b) ;"), "{out}");
        assert!(
            out.contains("# [doc = \"\"] # [doc = \" `PATCH /users/{user_id}/email={email}`\"]")
        );
        assert!(!out.contains("async"), "{out}");
        assert!(!out.contains("compile_error"), "{out}");
    }

    #[test]
    fn idempotent_follows_the_verb_or_the_option() {
        let flag = |attr| {
            let out = expand(
                attr,
                quote!(
                    async fn f(&self) -> upsun::Result<()>;
                ),
            );
            out.contains(", true ,)")
        };
        assert!(flag(quote!(GET, "/")));
        assert!(flag(quote!(PUT, "/")));
        assert!(flag(quote!(DELETE, "/")));
        assert!(!flag(quote!(POST, "/")));
        assert!(!flag(quote!(PATCH, "/")));
        assert!(flag(quote!(POST, "/", idempotent)));
        assert!(flag(quote!(PATCH, "/", idempotent)));
        assert!(flag(quote!(GET, "/", idempotent)));
    }

    #[test]
    fn no_mut_without_roles_and_no_blank_line_without_docs() {
        let out = expand(
            quote!(GET, "/me"),
            quote!(
                async fn me(&self) -> upsun::Result<()>;
            ),
        );
        assert!(out.contains("let __upsun_call ="), "{out}");
        let method = out
            .split_once("; # [doc")
            .map(|(_, rest)| rest)
            .unwrap_or_default();
        assert!(method.starts_with(" = \" `GET /me`\"]"), "{out}");
        assert!(
            out.starts_with("# [doc (hidden)] const __UPSUN_ENDPOINT_ME :"),
            "{out}"
        );
    }

    #[test]
    fn errors_come_with_a_stub_method() {
        let out = expand(
            quote!(GET, "/orgs/<org_id>"),
            quote!(
                async fn f(&self, #[bogus] x: u8) -> upsun::Result<()>;
            ),
        );
        assert_eq!(out.matches("compile_error").count(), 3, "{out}");
        assert!(out.contains("async fn f (& self , x : u8)"), "{out}");
        assert!(out.contains("{ :: core :: unreachable ! () }"), "{out}");
    }
}
