//! The impl emitted beside errors, so that one mistake in the attribute does not cascade
//! into "the trait `ApiError` is not implemented" wherever the type is used.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Input;
use crate::expand::{frameworks, private};
use crate::generics::{predicates, where_clause};

pub fn expand(input: &Input) -> TokenStream {
    let p = private(input);
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let predicates = predicates(input, &p, Vec::new());
    let where_clause = where_clause(&predicates);
    let str = quote!(#p::core::primitive::str);
    let frameworks = frameworks(input, &predicates, &TokenStream::new());
    quote! {
        #[automatically_derived]
        impl #impl_generics #p::ApiError for #ident #ty_generics #where_clause {
            const CATALOG: &'static [#p::Entry] = &[];

            fn status(&self) -> #p::Status {
                #p::Status::INTERNAL_SERVER_ERROR
            }

            fn code(&self) -> &'static #str {
                "INTERNAL_SERVER_ERROR"
            }

            fn message(&self) -> #p::Message<'_> {
                #p::Message::Static("Internal Server Error")
            }
        }
        #frameworks
    }
}
