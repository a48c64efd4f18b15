//! The `#[endpoint]` attribute macro of the `upsun` SDK.
//!
//! Use it through the SDK, as `upsun::endpoint`: the code it generates calls into
//! `upsun::__private`, so this crate is of no use on its own.
//!
//! The macro works in three stages: `args`, `template` and `signature` parse the attribute and
//! the method into typed models that keep the original tokens; `validate` reports every problem
//! at once (into `diagnostics`) and builds the validated `model`; `expand` writes the method from
//! that model alone (see the before/after at the top of `expand.rs`). Imports go one way:
//! `diagnostics` <- parsers <- `validate` -> `model` <- `expand`, with no cycle.

mod args;
mod diagnostics;
mod expand;
mod model;
mod signature;
mod template;
mod validate;

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as TokenStream2};
use quote::quote;
use syn::TraitItemFn;

/// Declares an Upsun API endpoint as a trait method: the macro writes the method's body.
///
/// ```text
/// #[endpoint(VERB, "template")]
/// #[endpoint(VERB, "template", idempotent, secret)]
/// async fn name(&self, args...) -> upsun::Result<T>;
/// ```
///
/// Put it on a method **without a body** in a trait whose supertrait is `upsun::Api`. The
/// method becomes a provided method that sends the request through the client and decodes the
/// JSON response as `T`, so implementing the trait for `upsun::Client` is one empty `impl`:
///
/// ```ignore
/// use serde::{Deserialize, Serialize};
/// use upsun::{endpoint, Api, Client, Result};
/// use uuid::Uuid;
///
/// pub trait UsersApi: Api {
///     /// Get a user.
///     #[endpoint(GET, "/users/<user_id>")]
///     async fn get_user(&self, user_id: Uuid) -> Result<User>;
///
///     /// Update a user.
///     #[endpoint(PATCH, "/users/<user_id>")]
///     async fn update_user(&self, user_id: Uuid, #[body] update: &UpdateUser) -> Result<User>;
///
///     /// List a user's API tokens, one page at a time.
///     #[endpoint(GET, "/users/<user_id>/api-tokens")]
///     async fn list_api_tokens(
///         &self,
///         user_id: Uuid,
///         #[query] page: &Page,
///         #[header("X-Request-Id")] request_id: &str,
///     ) -> Result<Vec<ApiToken>>;
///
///     /// Find a user by email: a parameter may share a segment with literal text.
///     #[endpoint(GET, "/users/email=<email>")]
///     async fn get_user_by_email(&self, email: &str) -> Result<User>;
///
///     /// Delete a user; the response has no content.
///     #[endpoint(DELETE, "/users/<user_id>")]
///     async fn delete_user(&self, user_id: Uuid) -> Result<()>;
/// }
///
/// impl UsersApi for Client {}
///
/// # async fn run(client: Client, id: Uuid) -> Result<()> {
/// let user = client.get_user(id).await?;
/// # Ok(()) }
/// ```
///
/// # The method
///
/// `VERB` is one of `GET`, `POST`, `PUT`, `PATCH` and `DELETE`.
///
/// The template is a string literal starting with `/`. Each `<name>` in it is filled with the
/// argument called `name`, which may be of any type that is `Display + Sync` (`Uuid`, `&str`,
/// `u64`, your own ids). Each value becomes exactly one path segment, or part of one:
/// it is percent-encoded, so `a/b` stays inside its segment, and an empty value, `.` or `..`
/// is refused before anything is sent. A template has no query string; take a `#[query]`
/// argument instead.
///
/// Every other argument says where it goes with one attribute:
///
/// | attribute              | the argument                         | sent as                           |
/// |------------------------|--------------------------------------|-----------------------------------|
/// | `#[body]`              | any `Serialize` type; at most one    | the JSON body (not on GET/DELETE) |
/// | `#[query]`             | a `Serialize` struct; any number     | query parameters, `None` left out |
/// | `#[multipart]`         | a `&upsun::Multipart`; one body at most | a `multipart/form-data` body |
/// | `#[header("Name")]`    | any `Display` value                  | the header `Name`                 |
///
/// The method takes `&self`, is `async`, and returns `Result<T>` (`upsun::Result`, whatever
/// path it is written with), where `T` is any `DeserializeOwned` type, or `()` for an empty
/// response. Generic parameters are allowed. The generated method returns
/// `impl Future<Output = Result<T>> + Send`, so it can be awaited from any runtime and spawned.
///
/// # Retries and `idempotent`
///
/// GET, PUT and DELETE requests are idempotent: the client may send them again after a failure
/// that might have reached the server. POST and PATCH are not, unless the endpoint is declared
/// with the `idempotent` option (`#[endpoint(POST, "/orgs/<id>/refresh", idempotent)]`).
/// The option is accepted, and changes nothing, on a verb that is idempotent already.
///
/// # Answers that hold secrets: `secret`
///
/// An endpoint whose answer carries a secret (a new API token, an MFA seed, recovery codes)
/// is declared with the `secret` option (`#[endpoint(POST, "/users/<user_id>/api-tokens",
/// secret)]`). When such an answer cannot be decoded, the error says where decoding failed but
/// quotes nothing of the body; its model should hold the secret in a `secrecy` type. Options
/// may come in any order, each once.
///
/// # Documentation
///
/// The method keeps its docs and attributes; the macro appends the route in OpenAPI form
/// (``` `PATCH /users/{user_id}` ```) as a last paragraph.
///
/// # Errors
///
/// Mistakes are compile errors that point at the token at fault, all reported in one compile:
/// an unknown verb, a template that does not start with `/`, an unclosed or empty `<>`, a
/// parameter without an argument (or an argument without a parameter or role), two bodies, a
/// body on GET or DELETE, an invalid header name, a missing `&self`, a missing `async`, a
/// body already written, a return type that is not `Result<T>`. For example:
///
/// ```text
/// error: argument `limit` is not used by the template; mark it `#[query]`, `#[body]` or
///        `#[header("...")]`, or add `<limit>` to the template
///   |
///   |     async fn list_users(&self, limit: u32) -> upsun::Result<Vec<User>>;
///   |                                ^^^^^
/// ```
#[proc_macro_attribute]
pub fn endpoint(attr: TokenStream, item: TokenStream) -> TokenStream {
    run(attr.into(), item.into()).into()
}

/// Parse, then validate, then expand (or emit every error with a stub method).
fn run(attr: TokenStream2, item: TokenStream2) -> TokenStream2 {
    let Ok(method) = syn::parse2::<TraitItemFn>(item.clone()) else {
        let message = "`#[endpoint]` goes on a trait method declaration, \
                       as in `async fn get_user(&self, user_id: Uuid) -> upsun::Result<User>;`";
        let error = syn::Error::new(Span::call_site(), message).to_compile_error();
        return quote!(#error #item);
    };
    let args = syn::parse2::<args::Args>(attr);
    let mut diag = diagnostics::Diagnostics::default();
    let method = signature::Method::from_item(method, &mut diag);
    match validate::validate(args, &method, diag) {
        Ok(endpoint) => expand::expand(endpoint),
        Err(errors) => expand::fallback(errors, &method),
    }
}
