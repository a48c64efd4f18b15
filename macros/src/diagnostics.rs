//! The error accumulator every stage reports into, so one compile shows every mistake.
//!
//! A leaf: it imports no other stage, so parsing (`signature`) and `validate` both use it.

use std::fmt::Display;

use proc_macro2::Span;
use quote::ToTokens;
use syn::Error;

/// Collects errors; they are emitted together.
#[derive(Default)]
pub struct Diagnostics {
    errors: Option<Error>,
}

impl Diagnostics {
    pub fn push(&mut self, error: Error) {
        match &mut self.errors {
            Some(errors) => errors.combine(error),
            None => self.errors = Some(error),
        }
    }

    pub fn error(&mut self, span: Span, message: impl Display) {
        self.push(Error::new(span, message));
    }

    pub fn spanned(&mut self, tokens: impl ToTokens, message: impl Display) {
        self.push(Error::new_spanned(tokens, message));
    }

    pub fn ok<T>(&mut self, result: syn::Result<T>) -> Option<T> {
        result.map_err(|error| self.push(error)).ok()
    }

    pub fn finish(self) -> syn::Result<()> {
        self.errors.map_or(Ok(()), Err)
    }
}
