//! Code generation, from the checked model only: one function per generated item.
//!
//! The impl is table-driven: the catalog ([`catalog`](crate::catalog)) holds one entry per
//! variant, one `match` (`__index`) gives a variant's position in it, and `status`, `code`,
//! `reason` and `message` read that entry. Only headers and exposed fields, which borrow the
//! variant's fields, need arms of their own; transparent variants delegate.

use proc_macro2::{Delimiter, Group, Ident, Span, TokenStream};
use quote::{TokenStreamExt as _, quote, quote_spanned};
use syn::{DeriveInput, Member, Token};

use crate::ast::{Field, Input, Shape, Variant};
use crate::attr::Format;
use crate::catalog::catalog;
use crate::ctxt::Ctxt;
use crate::fallback::{self, frameworks};
use crate::generics::{bounds, fresh, predicates, where_clause};
use crate::valid::{self, HeaderValue, Kind, Mapping, Message, Own, Piece};

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
            quote!(#errors #fallback)
        }
        None => {
            let imp = impl_api_error(&input, &mappings);
            quote!(#imp #warnings)
        }
    }
}

fn impl_api_error(input: &Input, mappings: &[Mapping]) -> TokenStream {
    let p = &input.private();
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let predicates = predicates(input, p, bounds(input, mappings, p));
    let where_clause = where_clause(&predicates);
    let catalog = catalog(p, mappings);
    let format = match input.container().format {
        Some(Format::Problem) => quote!(#p::Format::Problem),
        _ => quote!(#p::Format::Plain),
    };
    let problem_type = match &input.container().problem_type {
        Some(base) => {
            let base = &base.value;
            quote!(#p::core::option::Option::Some(#base))
        }
        None => quote!(#p::core::option::Option::None),
    };
    let str = quote!(#p::core::primitive::str);
    let index_fn = index_fn(input, mappings, p);
    let status = read(input, mappings, p, "status", &quote!(__i.status));
    let code = read(input, mappings, p, "code", &quote!(__i.code));
    let templates = format_message(input, mappings, p, &where_clause);
    let message = match templates {
        Some(_) => quote!(#p::message_format(__i, self, self)),
        None => quote!(#p::message(__i, self)),
    };
    let message = read(input, mappings, p, "message", &message);
    let max_header_bytes = input
        .container()
        .max_header_bytes
        .map(|bytes| quote!(const MAX_HEADER_BYTES: #p::core::primitive::usize = #bytes;));
    let reason = read(input, mappings, p, "reason", &quote!(__i.reason));
    let headers = headers_fn(input, mappings, p);
    let fields = serialize_fields_fn(input, mappings, p);
    let (unique_item, unique_inline) = unique_codes(input, mappings, p);
    let frameworks = frameworks(input, &predicates, &openapi_types(mappings));
    quote! {
        const _: () = {
            #index_fn

            #[automatically_derived]
            impl #impl_generics #p::ApiError for #ident #ty_generics #where_clause {
                const CATALOG: &'static [#p::Entry] = #catalog;
                const FORMAT: #p::Format = #format;
                const PROBLEM_TYPE: #p::core::option::Option<&'static #str> = #problem_type;
                #max_header_bytes

                #[inline]
                fn status(&self) -> #p::Status {
                    #status
                }

                #[inline]
                fn code(&self) -> &'static #str {
                    #unique_inline
                    #code
                }

                #[inline]
                fn message(&self) -> #p::Message<'_> {
                    #message
                }

                #[inline]
                fn reason(&self) -> &'static #str {
                    #reason
                }

                #headers
                #fields
            }

            #unique_item
        };
        #templates
        #frameworks
    }
}

/// `FormatMessage` for a type with a `message = "...{field}..."`: each such variant writes
/// its template with its fields' `Display`, as `#[error]` does. `None` without templates.
fn format_message(
    input: &Input,
    mappings: &[Mapping],
    p: &TokenStream,
    where_clause: &TokenStream,
) -> Option<TokenStream> {
    let arms: Vec<TokenStream> = mappings
        .iter()
        .filter_map(|m| match &m.kind {
            Kind::Own(Own {
                message: Message::Template(_, pieces),
                ..
            }) => Some((m, pieces)),
            _ => None,
        })
        .map(|(m, pieces)| {
            let mut format = String::new();
            let mut fields: Vec<&Field> = Vec::new();
            let mut args = Vec::new();
            for piece in pieces {
                match piece {
                    Piece::Text(text) => {
                        format.push_str(&text.replace('{', "{{").replace('}', "}}"));
                    }
                    Piece::Field(field) => {
                        format.push_str("{}");
                        args.push(binding(field));
                        if !fields.iter().any(|f| f.member == field.member) {
                            fields.push(field);
                        }
                    }
                }
            }
            let body = quote!(#p::core::write!(__formatter, #format, #(#args),*));
            arm(input, m.variant, &bound(&fields), &body)
        })
        .collect();
    if arms.is_empty() {
        return None;
    }
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    Some(quote! {
        #[automatically_derived]
        impl #impl_generics #p::FormatMessage for #ident #ty_generics #where_clause {
            fn fmt_message(
                &self,
                __formatter: &mut #p::core::fmt::Formatter<'_>,
            ) -> #p::core::fmt::Result {
                #[allow(unreachable_patterns)]
                match self {
                    #(#arms)*
                    _ => #p::core::result::Result::Ok(()),
                }
            }
        }
    })
}

/// An arm, `Type::Variant { member: binding, .. } => { body }` (`Type { .. }` for a struct),
/// in one `quote!`: each stream joined into another costs a call across the bridge.
fn arm(
    input: &Input,
    variant: &Variant,
    bound: &[(&Member, Ident)],
    body: &TokenStream,
) -> TokenStream {
    let (ident, path) = (input.ident, variant.path);
    let colons = path.map(|_| Token![::](Span::call_site()));
    let members = bound.iter().map(|(member, _)| member);
    let bindings = bound.iter().map(|(_, binding)| binding);
    quote!(#ident #colons #path { #(#members: #bindings,)* .. } => { #body })
}

/// The name a field is bound to in a pattern, `__field_a` for `a` (or `r#a`), `__field0` for
/// `.0`, spanned on the field so that a missing `Serialize` or `Display` is reported there.
/// The pattern and its uses take this one identifier, so they agree in hygiene even when a
/// `macro_rules!` wrote the field's name.
fn binding(field: &Field) -> Ident {
    let name = match &field.member {
        Member::Named(ident) => format!("__field_{}", crate::ast::unraw(ident)),
        Member::Unnamed(index) => format!("__field{}", index.index),
    };
    Ident::new(&name, field.span)
}

/// `fields`, each with its [`binding`], for an [`arm`].
fn bound<'a>(fields: &[&'a Field]) -> Vec<(&'a Member, Ident)> {
    fields
        .iter()
        .map(|field| (&field.member, binding(field)))
        .collect()
}

/// `__index(self)`: the variant's position in `CATALOG`. A free function, so the four
/// methods share one `match`; it needs no bound beyond the type's own.
fn index_fn(input: &Input, mappings: &[Mapping], p: &TokenStream) -> TokenStream {
    if !mappings.iter().any(|m| matches!(m.kind, Kind::Own(_))) {
        return TokenStream::new();
    }
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    // One `quote!` for every arm: a stream per arm would cost a bridge call each to join.
    let arms = if input.is_enum() {
        let indices = 0..mappings.len();
        let paths = mappings.iter().map(|m| m.variant.path);
        let rest = Group::new(Delimiter::Brace, quote!(..));
        quote!(#(#ident::#paths #rest => #indices,)*)
    } else {
        quote!(#ident { .. } => 0usize,)
    };
    quote! {
        #[inline]
        fn __index #impl_generics (__e: &#ident #ty_generics) -> #p::core::primitive::usize #where_clause {
            match __e { #arms }
        }
    }
}

/// The body of `status`, `code`, `message` or `reason`: transparent arms delegate, the rest
/// `read` the variant's catalog row (`__i`).
fn read(
    input: &Input,
    mappings: &[Mapping],
    p: &TokenStream,
    method: &str,
    read: &TokenStream,
) -> TokenStream {
    if mappings.is_empty() {
        return quote!(match *self {});
    }
    let row = quote!({
        let __i = #p::row(Self::CATALOG, __index(self));
        #read
    });
    let delegate = (method, TokenStream::new(), TokenStream::new());
    field_arms(input, mappings, p, delegate, &|_| None, &row).unwrap_or(row)
}

/// A `match self` with an arm for each variant that `body` has something for and for each
/// transparent one, and `default` for the rest; `None` without such arms. A transparent
/// arm calls `method` on `__inner` (spanned on the field, so that an inner type that is no
/// `ApiError` is reported there) with `args`, and `tail` after the call (`?;` to propagate).
fn field_arms<'a>(
    input: &Input,
    mappings: &'a [Mapping<'a>],
    p: &TokenStream,
    (method, args, tail): (&str, TokenStream, TokenStream),
    body: &dyn Fn(&'a Own<'a>) -> Option<(Vec<&'a Field<'a>>, TokenStream)>,
    default: &TokenStream,
) -> Option<TokenStream> {
    let method = Ident::new(method, Span::call_site());
    let mut arms = TokenStream::new();
    let mut covered = 0;
    for m in mappings {
        match &m.kind {
            Kind::Own(own) => {
                if let Some((fields, body)) = body(own) {
                    arms.extend(arm(input, m.variant, &bound(&fields), &body));
                    covered += 1;
                }
            }
            Kind::Transparent(field) => {
                let inner = Ident::new("__inner", field.span);
                let body = quote!(#p::ApiError::#method(#inner #args) #tail);
                arms.extend(arm(input, m.variant, &[(&field.member, inner)], &body));
                covered += 1;
            }
        }
    }
    if covered == 0 {
        return None;
    }
    if covered < mappings.len() {
        arms.extend(quote!(_ => #default,));
    }
    Some(quote!(match self { #arms }))
}

/// `headers`: a variant whose headers are all fixed by its attribute sends them from its
/// catalog row; one with a header from a field has an arm that visits each.
fn headers_fn(input: &Input, mappings: &[Mapping], p: &TokenStream) -> TokenStream {
    let is_static = |header: &valid::Header| matches!(header.value, HeaderValue::Static(_));
    let static_only = mappings.iter().any(|m| match &m.kind {
        Kind::Own(own) => !own.headers.is_empty() && own.headers.iter().all(is_static),
        Kind::Transparent(_) => false,
    });
    let default = if static_only {
        quote!(#p::static_headers(#p::row(Self::CATALOG, __index(self)), __visit))
    } else {
        quote!({})
    };
    let body = field_arms(
        input,
        mappings,
        p,
        ("headers", quote!(, __visit), TokenStream::new()),
        &|own| {
            if own.headers.iter().all(is_static) {
                return None;
            }
            let mut fields = Vec::new();
            let visits = own.headers.iter().map(|header| {
                let name = &header.name;
                let value = match &header.value {
                    HeaderValue::Static(value) => quote!(#p::HeaderValue::Static(#value)),
                    HeaderValue::Field(field) => {
                        fields.push(*field);
                        let binding = binding(field);
                        quote!(#p::HeaderValue::Display(#binding))
                    }
                };
                quote!(__visit(#name, #value);)
            });
            let body = visits.collect::<TokenStream>();
            Some((fields, body))
        },
        &default,
    );
    let body = match body {
        Some(body) => body,
        None if static_only => default,
        None => return TokenStream::new(),
    };
    let str = quote!(#p::core::primitive::str);
    quote! {
        fn headers(&self, __visit: &mut dyn #p::core::ops::FnMut(&'static #str, #p::HeaderValue<'_>)) {
            #body
        }
    }
}

/// `serialize_fields`: an arm per variant with exposed fields, serializing each, then one `Ok`.
fn serialize_fields_fn(input: &Input, mappings: &[Mapping], p: &TokenStream) -> TokenStream {
    let body = field_arms(
        input,
        mappings,
        p,
        ("serialize_fields", quote!(, __map), quote!(?;)),
        &|own| {
            if own.exposed.is_empty() {
                return None;
            }
            let fields = own.exposed.iter().map(|(_, field)| *field).collect();
            let names = own.exposed.iter().map(|(name, _)| name);
            let bindings = own.exposed.iter().map(|(_, field)| binding(field));
            let body = quote!(#(#p::SerializeMap::serialize_entry(__map, #names, #bindings)?;)*);
            Some((fields, body))
        },
        &quote!({}),
    );
    let Some(body) = body else {
        return TokenStream::new();
    };
    let m = fresh(input, "__M");
    quote! {
        fn serialize_fields<#m: #p::SerializeMap>(&self, __map: &mut #m) -> #p::core::result::Result<(), #m::Error> {
            #body
            #p::core::result::Result::Ok(())
        }
    }
}

/// The types the OpenAPI document needs, as `__impl_openapi!` takes them:
/// `fields [("Variant", "name", Type)…] inner [("Variant", Inner)…]`.
fn openapi_types(mappings: &[Mapping]) -> TokenStream {
    // Each entry is appended as a group, a stream per entry would cost calls across the
    // bridge to join.
    let mut fields = TokenStream::new();
    let mut inner = TokenStream::new();
    for m in mappings {
        let variant = &m.variant.name;
        match &m.kind {
            Kind::Own(own) => {
                for (name, field) in &own.exposed {
                    let ty = field.ty;
                    fields.append(Group::new(
                        Delimiter::Parenthesis,
                        quote!(#variant, #name, #ty),
                    ));
                }
            }
            Kind::Transparent(field) => {
                let ty = field.ty;
                inner.append(Group::new(Delimiter::Parenthesis, quote!(#variant, #ty)));
            }
        }
    }
    quote!(fields [#fields] inner [#inner])
}

/// The check, in `const` evaluation, that no two variants under the type share a code
/// through `transparent` nesting (inner types are out of `valid`'s sight): a `const _` item,
/// or for a generic type, which such an item cannot name, a `const` block in `code()`,
/// evaluated per instantiation that is built.
fn unique_codes(
    input: &Input,
    mappings: &[Mapping],
    p: &TokenStream,
) -> (TokenStream, TokenStream) {
    if !mappings
        .iter()
        .any(|m| matches!(m.kind, Kind::Transparent(_)))
    {
        return (TokenStream::new(), TokenStream::new());
    }
    let span = input.ident.span();
    let name = input.ident.to_string();
    let check = |ty: TokenStream| {
        quote_spanned! {span=>
            if let #p::core::option::Option::Some(__message) =
                &#p::duplicate_code(<#ty as #p::ApiError>::CATALOG, #name)
            {
                #p::core::panic!("{}", __message.as_str());
            }
        }
    };
    if input.generics.params.is_empty() {
        let ident = input.ident;
        let check = check(quote!(#ident));
        (
            quote_spanned!(span=> const _: () = { #check };),
            TokenStream::new(),
        )
    } else {
        let check = check(quote!(Self));
        (TokenStream::new(), quote!(const { #check };))
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::diagnose;

    fn expand(source: &str) -> String {
        crate::expand_tokens(source.parse().expect("test input lexes")).to_string()
    }

    #[test]
    fn a_mistake_comes_with_a_fallback_impl_except_on_a_union() {
        // The impl and the framework impls stay, so the one error is the only one.
        let out = expand("enum E { #[status(200)] Ok }");
        assert!(out.contains("compile_error"), "{out}");
        assert!(out.contains(":: ApiError for E"), "{out}");
        assert!(out.contains("__impl_adapters"), "{out}");
        // A union cannot be an error: no impl, which would only add errors of its own.
        let out = expand("union U { a: u8 }");
        assert!(out.contains("compile_error"), "{out}");
        assert!(!out.contains("impl"), "{out}");
    }

    #[test]
    fn a_struct_has_its_headers_once() {
        let out = expand("#[status(429, retry_after = 5)] struct Limited;");
        assert!(!out.contains("compile_error"), "{out}");
        assert_eq!(out.matches("\"Retry-After\"").count(), 2, "{out}"); // the catalog's two lists
        // A struct's attribute is checked once, not also as an enum's default.
        let found = diagnose("#[derive(ApiError)] #[status(299)] struct Odd;");
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    /// A struct's attribute is the type's too: its format, problem type and header cap.
    #[test]
    fn a_struct_keeps_its_container_keys() {
        let out = expand(
            r#"#[status(404, format = "problem", problem_type = "https://e.example/", max_header_bytes = 64)] struct Missing;"#,
        );
        assert!(out.contains("const FORMAT : :: status :: __private :: Format = :: status :: __private :: Format :: Problem"), "{out}");
        assert!(
            out.contains(r#"Option :: Some ("https://e.example/")"#),
            "{out}"
        );
        assert!(out.contains("const MAX_HEADER_BYTES : :: status :: __private :: core :: primitive :: usize = 64usize"), "{out}");
    }

    /// The generated method's type parameter steps aside for the user's.
    #[test]
    fn generated_names_step_aside_for_type_parameters() {
        let out = expand("enum E<__M> { #[status(422)] Value(#[status(expose = \"v\")] __M) }");
        assert!(out.contains("fn serialize_fields < __M_ :"), "{out}");
        let out = expand(
            "enum E<const __M: usize> { #[status(422)] Value(#[status(expose = \"v\")] u8) }",
        );
        assert!(out.contains("fn serialize_fields < __M_ :"), "{out}");
        let out = expand("enum E<'__M> { #[status(422)] Value(#[status(expose = \"v\")] u8) }");
        assert!(out.contains("fn serialize_fields < __M :"), "{out}");
    }
}
