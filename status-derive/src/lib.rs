//! The `#[derive(ApiError)]` macro of the [`status`](https://docs.rs/status) crate.
//!
//! Use it through `status`, which re-exports it beside the trait it implements; the
//! attribute grammar and the rules it checks are documented there.
//!
//! The pipeline, one module each: `ast` reads the input (with `attr`, the grammar of
//! `#[status(...)]`), `valid` applies the rules, `expand` writes the impl (with `catalog`
//! and `generics`), or `fallback` a stub beside the errors.

#![warn(missing_docs)]

mod ast;
mod attr;
mod catalog;
mod ctxt;
mod expand;
mod fallback;
mod generics;
mod header;
mod names;
mod valid;

// Test harnesses that drive the expansion in process, kept beside the crate's integration
// tests: the diagnostics against `tests/ui/**/*.stderr`, and the property tests.
#[cfg(test)]
#[path = "../tests/support/diagnostics.rs"]
mod diagnostics;
#[cfg(test)]
#[path = "../tests/support/proptests.rs"]
mod proptests;

use proc_macro::TokenStream;

/// Derives `status::ApiError` from `#[status(...)]` attributes. See the `status` crate.
#[proc_macro_derive(ApiError, attributes(status))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    expand_tokens(input.into()).into()
}

/// The whole expansion over `proc_macro2` tokens, as the macro, the property tests and the
/// fuzz target drive it; a parse error comes back as `compile_error!`, as
/// `parse_macro_input!` does.
pub(crate) fn expand_tokens(input: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    match syn::parse2::<syn::DeriveInput>(input) {
        Ok(input) => expand::derive(&input),
        Err(err) => err.into_compile_error(),
    }
}
