//! Code generation, from the checked model only.

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned};
use syn::{DeriveInput, Member, WherePredicate};

use crate::ast::{Field, Input, Shape, Variant};
use crate::attr::Format;
use crate::ctxt::Ctxt;
use crate::fallback;
use crate::valid::{self, HeaderValue, Kind, Mapping, Message, Own};

/// The whole expansion: the impl, or the errors beside a fallback impl.
pub fn derive(node: &DeriveInput) -> TokenStream {
    let cx = Ctxt::default();
    let input = Input::from_syn(&cx, node);
    let mappings = valid::check(&cx, &input);
    let (errors, warnings) = cx.finish();
    match errors {
        // A union gets no impl: it cannot be an error type, and an impl would only add
        // "Error is not implemented" to the one message that matters.
        Some(errors) if matches!(input.shape, Shape::Union) => errors,
        Some(errors) => {
            let fallback = fallback::expand(&input);
            quote! { #errors #fallback }
        }
        None => {
            let imp = impl_api_error(&input, &mappings);
            quote! { #imp #warnings }
        }
    }
}

/// The path generated code names: `::status::__private` unless `crate = "..."`.
pub fn private(input: &Input) -> TokenStream {
    match &input.container.krate {
        Some(path) => quote!(#path::__private),
        None => quote!(::status::__private),
    }
}

/// The predicates of [`where_clause`], for the adapter macros to extend.
fn predicates(input: &Input, extra: &[WherePredicate]) -> Vec<TokenStream> {
    let p = private(input);
    let mut predicates: Vec<TokenStream> = input
        .generics
        .where_clause
        .as_ref()
        .map(|w| w.predicates.iter().map(|pred| quote!(#pred)).collect())
        .unwrap_or_default();
    if !input.generics.params.is_empty() {
        predicates.push(quote!(Self: #p::core::error::Error));
    }
    predicates.extend(extra.iter().map(|pred| quote!(#pred)));
    predicates
}

/// `where` predicates: the user's own, `Self: Error` for a generic type (the trait's
/// supertrait must hold under the impl's bounds), and one bound per field type that
/// mentions a type parameter and is used.
pub fn where_clause(input: &Input, extra: Vec<WherePredicate>) -> TokenStream {
    let predicates = predicates(input, &extra);
    if predicates.is_empty() {
        TokenStream::new()
    } else {
        quote!(where #(#predicates,)*)
    }
}

fn impl_api_error(input: &Input, mappings: &[Mapping]) -> TokenStream {
    let p = private(input);
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let bounds = bounds(input, mappings, &p);
    let predicates = predicates(input, &bounds);
    let where_clause = where_clause(input, bounds);
    let status = arms(
        mappings,
        &|own| {
            let code = own.status;
            (vec![], quote!(#p::status(#code)))
        },
        &|inner| quote!(#p::ApiError::status(#inner)),
    );
    let code = arms(
        mappings,
        &|own| {
            let code = &own.code;
            (vec![], quote!(#code))
        },
        &|inner| quote!(#p::ApiError::code(#inner)),
    );
    let reason = arms(
        mappings,
        &|own| {
            let reason = &own.reason;
            (vec![], quote!(#reason))
        },
        &|inner| quote!(#p::ApiError::reason(#inner)),
    );
    let message = arms(
        mappings,
        &|own| {
            let body = match &own.message {
                Message::Display => quote!(#p::Message::Display(self)),
                Message::Reason => {
                    let reason = &own.reason;
                    quote!(#p::Message::Static(#reason))
                }
                Message::Fixed(text) => quote!(#p::Message::Static(#text)),
            };
            (vec![], body)
        },
        &|inner| quote!(#p::ApiError::message(#inner)),
    );
    let headers = arms(
        mappings,
        &|own| {
            let mut fields = Vec::new();
            let calls: Vec<TokenStream> = own
                .headers
                .iter()
                .map(|header| {
                    let name = &header.name;
                    match &header.value {
                        HeaderValue::Static(value) => quote!(__visit(#name, #p::HeaderValue::Static(#value));),
                        HeaderValue::Field(field) => {
                            let binding = binding(field);
                            fields.push(*field);
                            quote_spanned!(field.span=> __visit(#name, #p::HeaderValue::Display(#binding));)
                        }
                    }
                })
                .collect();
            (fields, quote!(#(#calls)*))
        },
        &|inner| quote!(#p::ApiError::headers(#inner, __visit)),
    );
    let serialize_fields = arms(
        mappings,
        &|own| {
            let fields: Vec<&Field> = own.exposed.iter().map(|(_, field)| *field).collect();
            let entries = own.exposed.iter().map(|(name, field)| {
                let binding = binding(field);
                quote_spanned!(field.span=> #p::SerializeMap::serialize_entry(__map, #name, #binding)?;)
            });
            (
                fields,
                quote!(#(#entries)* #p::core::result::Result::Ok(())),
            )
        },
        &|inner| quote!(#p::ApiError::serialize_fields(#inner, __map)),
    );

    let catalog = mappings.iter().map(|mapping| catalog_entry(&p, mapping));
    let format = match input.container.format {
        Some(Format::Problem) => quote!(#p::Format::Problem),
        _ => quote!(#p::Format::Plain),
    };
    let problem_type = match &input.container.problem_type {
        Some(base) => quote!(#p::core::option::Option::Some(#base)),
        None => quote!(#p::core::option::Option::None),
    };
    let uses_headers = mappings.iter().any(|m| match &m.kind {
        Kind::Own(own) => !own.headers.is_empty(),
        Kind::Transparent(_) => true,
    });
    let uses_fields = mappings.iter().any(|m| match &m.kind {
        Kind::Own(own) => !own.exposed.is_empty(),
        Kind::Transparent(_) => true,
    });
    let headers_fn = uses_headers.then(|| {
        quote! {
            fn headers(&self, __visit: &mut dyn #p::core::ops::FnMut(&'static str, #p::HeaderValue<'_>)) {
                #headers
            }
        }
    });
    let fields_fn = uses_fields.then(|| {
        quote! {
            fn serialize_fields<__M: #p::SerializeMap>(&self, __map: &mut __M) -> #p::core::result::Result<(), __M::Error> {
                #serialize_fields
            }
        }
    });

    quote! {
        #[automatically_derived]
        impl #impl_generics #p::ApiError for #ident #ty_generics #where_clause {
            const CATALOG: &'static [#p::Entry] = &[#(#catalog),*];
            const FORMAT: #p::Format = #format;
            const PROBLEM_TYPE: #p::core::option::Option<&'static str> = #problem_type;

            #[inline]
            fn status(&self) -> #p::Status {
                #status
            }

            #[inline]
            fn code(&self) -> &'static str {
                #code
            }

            fn message(&self) -> #p::Message<'_> {
                #message
            }

            fn reason(&self) -> &'static str {
                #reason
            }

            #headers_fn
            #fields_fn
        }

        #p::__impl_adapters! {
            impl [#impl_generics] [#ident #ty_generics] where [#(#predicates,)*]
        }
    }
}

/// A `match self` with one arm per variant: `own` gives the fields an arm binds and its
/// body; `transparent` the body of a transparent arm, given the inner field's binding.
fn arms<'a>(
    mappings: &[Mapping<'a>],
    own: &dyn Fn(&Own<'a>) -> (Vec<&'a Field<'a>>, TokenStream),
    transparent: &dyn Fn(&TokenStream) -> TokenStream,
) -> TokenStream {
    if mappings.is_empty() {
        return quote!(match *self {});
    }
    let arms = mappings.iter().map(|mapping| {
        let (fields, body) = match &mapping.kind {
            Kind::Own(own_mapping) => own(own_mapping),
            Kind::Transparent(field) => {
                let inner = Ident::new("__inner", field.span);
                (vec![*field], transparent(&quote!(#inner)))
            }
        };
        let pat = pattern(
            mapping.variant,
            &fields,
            matches!(mapping.kind, Kind::Transparent(_)),
        );
        quote!(#pat => { #body })
    });
    quote!(match self { #(#arms)* })
}

fn catalog_entry(p: &TokenStream, mapping: &Mapping) -> TokenStream {
    let name = mapping.variant.ident.to_string();
    match &mapping.kind {
        Kind::Own(own) => {
            let status = own.status;
            let code = &own.code;
            let reason = &own.reason;
            let message = match &own.message {
                Message::Display => quote!(#p::MessageSource::Display),
                Message::Reason => quote!(#p::MessageSource::Reason),
                Message::Fixed(text) => quote!(#p::MessageSource::Fixed(#text)),
            };
            let fields = own.exposed.iter().map(|(name, _)| name);
            let headers = own.headers.iter().map(|header| &header.name);
            quote! {
                #p::Entry::Variant(
                    #p::VariantInfo::new(#name, #p::status(#status), #code)
                        .reason(#reason)
                        .message(#message)
                        .fields(&[#(#fields),*])
                        .headers(&[#(#headers),*])
                )
            }
        }
        Kind::Transparent(field) => {
            let ty = field.ty;
            let api_error = quote_spanned!(field.span=> ApiError);
            quote! {
                #p::Entry::Transparent { name: #name, inner: <#ty as #p::#api_error>::CATALOG }
            }
        }
    }
}

/// The name a field is bound to in a pattern, spanned on the field so that a missing
/// `Serialize` or `Display` is reported there.
fn binding(field: &Field) -> Ident {
    let name = match &field.member {
        Member::Named(ident) => format!("__field_{}", ident.to_string().trim_start_matches("r#")),
        Member::Unnamed(index) => format!("__field{}", index.index),
    };
    Ident::new(&name, field.span)
}

/// `Self::Variant { a: __field_a, .. }`, binding only `fields`.
fn pattern(variant: &Variant, fields: &[&Field], transparent: bool) -> TokenStream {
    let path = match variant.path {
        Some(ident) => quote!(Self::#ident),
        None => quote!(Self),
    };
    let bindings = fields.iter().map(|field| {
        let member = match &field.member {
            Member::Named(ident) => quote!(#ident),
            Member::Unnamed(index) => {
                let index = syn::Index {
                    index: index.index,
                    span: Span::call_site(),
                };
                quote!(#index)
            }
        };
        let binding = if transparent {
            Ident::new("__inner", field.span)
        } else {
            binding(field)
        };
        quote!(#member: #binding)
    });
    quote!(#path { #(#bindings,)* .. })
}

fn bounds(input: &Input, mappings: &[Mapping], p: &TokenStream) -> Vec<WherePredicate> {
    let params: Vec<&Ident> = input
        .generics
        .type_params()
        .map(|param| &param.ident)
        .collect();
    if params.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<WherePredicate> = Vec::new();
    let mut add = |field: &Field, bound: TokenStream| {
        if mentions(quote::ToTokens::to_token_stream(field.ty), &params) {
            let ty = field.ty;
            if let Ok(pred) = syn::parse2::<WherePredicate>(quote!(#ty: #bound)) {
                out.push(pred);
            }
        }
    };
    for mapping in mappings {
        match &mapping.kind {
            Kind::Transparent(field) => add(field, quote!(#p::ApiError)),
            Kind::Own(own) => {
                for (_, field) in &own.exposed {
                    add(field, quote!(#p::serde::Serialize));
                }
                for header in &own.headers {
                    if let HeaderValue::Field(field) = &header.value {
                        add(field, quote!(#p::core::fmt::Display));
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
