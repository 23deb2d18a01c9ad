//! The `where` clause of the generated impls: the user's predicates, `Self: Error` for a
//! generic type, and a bound for each field type that mentions a type parameter.

use proc_macro2::{TokenStream, TokenTree};
use quote::quote;
use syn::Ident;

use crate::ast::{Field, Input};
use crate::valid::{HeaderValue, Kind, Mapping, Message, Piece};

/// The predicates of the impls: the user's own, `Self: Error` for a generic type (the
/// trait's supertrait must hold under the impl's bounds), and `bounds`.
pub fn predicates(input: &Input, p: &TokenStream, bounds: Vec<TokenStream>) -> Vec<TokenStream> {
    let mut out: Vec<TokenStream> = Vec::new();
    if let Some(clause) = &input.generics.where_clause {
        out.extend(clause.predicates.iter().map(|predicate| quote!(#predicate)));
    }
    if !input.generics.params.is_empty() {
        out.push(quote!(Self: #p::core::error::Error));
    }
    out.extend(bounds);
    out
}

/// `where a, b,`, or nothing.
pub fn where_clause(predicates: &[TokenStream]) -> TokenStream {
    if predicates.is_empty() {
        TokenStream::new()
    } else {
        quote!(where #(#predicates,)*)
    }
}

/// One bound per field the expansion uses whose type mentions a type parameter: an inner
/// error is an `ApiError`, an exposed field `Expose` (serializable), a header field or a
/// field in a `message` template `Display`.
pub fn bounds(input: &Input, mappings: &[Mapping], p: &TokenStream) -> Vec<TokenStream> {
    let params: Vec<&Ident> = input
        .generics
        .type_params()
        .map(|param| &param.ident)
        .collect();
    if params.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut add = |field: &Field, bound: TokenStream| {
        let ty = field.ty;
        if mentions(quote!(#ty), &params) {
            out.push(quote!(#ty: #bound));
        }
    };
    for mapping in mappings {
        match &mapping.kind {
            Kind::Transparent(field) => add(field, quote!(#p::ApiError)),
            Kind::Own(own) => {
                for (_, field) in &own.exposed {
                    add(field, quote!(#p::Expose));
                }
                for header in &own.headers {
                    if let HeaderValue::Field(field) = &header.value {
                        add(field, quote!(#p::core::fmt::Display));
                    }
                }
                if let Message::Template(_, pieces) = &own.message {
                    for piece in pieces {
                        if let Piece::Field(field) = piece {
                            add(field, quote!(#p::core::fmt::Display));
                        }
                    }
                }
            }
        }
    }
    out
}

fn mentions(tokens: TokenStream, params: &[&Ident]) -> bool {
    tokens.into_iter().any(|tt| match tt {
        TokenTree::Ident(ident) => params.iter().any(|param| **param == ident),
        TokenTree::Group(group) => mentions(group.stream(), params),
        _ => false,
    })
}

/// A name for a generic parameter of a generated method, `base` unless the type has a
/// parameter of that name: `__M`, or `__M_` beside a user's `__M`.
pub fn fresh(input: &Input, base: &str) -> Ident {
    let mut name = base.to_owned();
    while input.generics.params.iter().any(|param| match param {
        syn::GenericParam::Type(param) => param.ident == name,
        syn::GenericParam::Const(param) => param.ident == name,
        syn::GenericParam::Lifetime(_) => false,
    }) {
        name.push('_');
    }
    Ident::new(&name, proc_macro2::Span::call_site())
}
