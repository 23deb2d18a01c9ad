//! What is emitted whether the attribute is right or not: the framework impls, and beside
//! errors a stub `ApiError` impl, so that one mistake in the attribute does not cascade into
//! "the trait `ApiError` is not implemented" wherever the type is used.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Input;
use crate::generics::{predicates, where_clause};

pub fn expand(input: &Input) -> TokenStream {
    let p = input.private();
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let predicates = predicates(input, &p, Vec::new());
    let where_clause = where_clause(&predicates);
    let str = quote!(#p::core::primitive::str);
    let frameworks = frameworks(input, &predicates, &quote!(fields [] inner []));
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

/// The framework impls, through the macros `status` defines per feature (the user's crate
/// needs no features of its own); beside the fallback impl too.
pub fn frameworks(input: &Input, predicates: &[TokenStream], types: &TokenStream) -> TokenStream {
    let p = input.private();
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    quote! {
        #p::__impl_adapters! {
            impl [#impl_generics] [#ident #ty_generics] where [#(#predicates,)*]
        }

        #p::__impl_openapi! {
            impl [#impl_generics] [#ident #ty_generics] where [#(#predicates,)*] #types
        }
    }
}
