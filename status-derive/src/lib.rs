//! The `#[derive(ApiError)]` macro of the [`status`](https://docs.rs/status) crate.
//!
//! Use it through `status`, which re-exports it beside the trait it implements; the
//! attribute grammar and the rules it checks are documented there.

#![warn(missing_docs)]
#![allow(
    clippy::needless_pass_by_value,
    clippy::too_many_lines,
    clippy::similar_names,
    clippy::large_enum_variant
)]

mod ast;
mod attr;
mod ctxt;
mod expand;
mod fallback;
mod fast;
mod fnv;
mod names;
mod template;
mod text;
mod valid;

#[cfg(test)]
mod diagnostics;
#[cfg(test)]
mod proptests;

use proc_macro::TokenStream;
use syn::DeriveInput;

/// Derives `status::ApiError` from `#[status(...)]` attributes. See the `status` crate.
#[proc_macro_derive(ApiError, attributes(status))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    expand_tokens(input.into()).into()
}

/// The whole expansion over `proc_macro2` tokens, as the macro, the property tests and the
/// fuzz target drive it: the fast reader first (see `fast`), then syn's, whose parse errors
/// come back as `compile_error!` like `parse_macro_input!` does.
pub(crate) fn expand_tokens(input: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    if let Some(out) = expand::derive_fast(input.clone()) {
        return out;
    }
    expand_syn(input)
}

/// The expansion through syn's reading alone.
pub(crate) fn expand_syn(input: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    match syn::parse2::<DeriveInput>(input) {
        Ok(input) => expand::derive(&input),
        Err(err) => err.into_compile_error(),
    }
}
