//! The impl emitted beside errors, so that one mistake in the attribute does not cascade
//! into "the trait `ApiError` is not implemented" wherever the type is used.

use proc_macro2::TokenStream;
use quote::ToTokens;

use crate::ast::Input;
use crate::expand::{frameworks, predicates, private, where_clause};
use crate::template::{append, fill};

pub fn expand(input: &Input) -> TokenStream {
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let mut out = fill(
        "#[automatically_derived]
        impl $impl_generics $p::ApiError for $ident $ty_generics $where_clause {
            const CATALOG: &'static [$p::Entry] = &[];

            fn status(&self) -> $p::Status {
                $p::Status::INTERNAL_SERVER_ERROR
            }

            fn code(&self) -> &'static str {
                \"INTERNAL_SERVER_ERROR\"
            }

            fn message(&self) -> $p::Message<'_> {
                $p::Message::Static(\"Internal Server Error\")
            }
        }",
        &[
            ("p", &private(input)),
            ("impl_generics", &impl_generics.to_token_stream()),
            ("ident", &input.ident.to_token_stream()),
            ("ty_generics", &ty_generics.to_token_stream()),
            ("where_clause", &where_clause(input, Vec::new())),
        ],
    );
    append(
        &mut out,
        frameworks(input, &predicates(input, &[]), &TokenStream::new()),
    );
    out
}
