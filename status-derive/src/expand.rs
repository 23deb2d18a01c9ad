//! Code generation, from the checked model only.

use std::fmt::Write as _;
use std::hash::BuildHasherDefault;

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, TokenStream, TokenTree};
use quote::ToTokens;
use syn::{DeriveInput, Member, WherePredicate};

use crate::ast::{Field, Input, Shape, Variant};
use crate::attr::Format;
use crate::ctxt::Ctxt;
use crate::fast::Batch;
use crate::fnv::Map;
use crate::template::{append, fill, fill_at, lex, lex_str};
use crate::text::Text;
use crate::valid::{self, Header, HeaderValue, Kind, Mapping, Message, Own};
use crate::{fallback, fast};

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
        Some(mut errors) => {
            append(&mut errors, fallback::expand(&input));
            errors
        }
        None => {
            let mut imp = impl_api_error(&input, &mappings);
            append(&mut imp, warnings);
            imp
        }
    }
}

/// The expansion through the fast reader (see `crate::fast`): `None` when it declines the
/// input, or when any rule reports an error or a warning, so that syn's reading reports
/// it with the user's spans.
pub fn derive_fast(tokens: TokenStream) -> Option<TokenStream> {
    let node = fast::parse(tokens)?;
    let cx = Ctxt::default();
    let input = Input::from_fast(&cx, &node)?;
    let mappings = valid::check(&cx, &input);
    let (errors, warnings) = cx.finish();
    (errors.is_none() && warnings.is_empty()).then(|| impl_api_error(&input, &mappings))
}

/// The path generated code names: `::status::__private` unless `crate = "..."`.
pub fn private(input: &Input) -> TokenStream {
    match &input.container.krate {
        Some(path) => fill("$path::__private", &[("path", &path.to_token_stream())]),
        None => lex_str("::status::__private"),
    }
}

/// The predicates of [`where_clause`], for the adapter macros to extend.
pub fn predicates(input: &Input, extra: &[WherePredicate]) -> Vec<TokenStream> {
    let mut predicates: Vec<TokenStream> = Vec::new();
    if let Some(clause) = &input.generics.where_clause {
        for predicate in &clause.predicates {
            predicates.push(predicate.to_token_stream());
        }
    }
    if !input.generics.params.is_empty() {
        let p = private(input);
        predicates.push(fill("Self: $p::core::error::Error", &[("p", &p)]));
    }
    for predicate in extra {
        predicates.push(predicate.to_token_stream());
    }
    predicates
}

/// `a, b, `: predicates as `#(#predicates,)*` writes them.
fn comma_terminated(items: &[TokenStream]) -> TokenStream {
    let mut out = TokenStream::new();
    for item in items {
        append(&mut out, item.clone());
        out.extend([TokenTree::Punct(Punct::new(',', Spacing::Alone))]);
    }
    out
}

/// `where` predicates: the user's own, `Self: Error` for a generic type (the trait's
/// supertrait must hold under the impl's bounds), and one bound per field type that
/// mentions a type parameter and is used.
pub fn where_clause(input: &Input, extra: Vec<WherePredicate>) -> TokenStream {
    let predicates = predicates(input, &extra);
    if predicates.is_empty() {
        TokenStream::new()
    } else {
        fill(
            "where $predicates",
            &[("predicates", &comma_terminated(&predicates))],
        )
    }
}

/// The impl, table-driven: the catalog holds one `VariantInfo` per variant with a mapping of
/// its own, one `match` (`__index`) gives a variant's position in it, and `status`, `code`,
/// `reason` and `message` read that entry. Only headers and exposed fields, which borrow the
/// variant's fields, need arms of their own; transparent variants delegate.
///
/// The shape is chosen for compile time, measured on generated 300- and 1,000-variant enums:
/// one `match` instead of one per method, and the catalog as four literals decoded in
/// `const` evaluation ([`packed_catalog`]) or, with a transparent variant, one literal per
/// variant ([`info_literal`]) rather than `const fn` builder chains. The skeleton is a
/// [`template`](crate::template), not `quote!`, for the macro's own build time.
fn impl_api_error(input: &Input, mappings: &[Mapping<'_>]) -> TokenStream {
    let root = private(input);
    let ident = input.ident.to_token_stream();
    let (impl_generics, ty_generics, user_where) = input.generics.split_for_impl();
    let (impl_generics, ty_generics) = (
        impl_generics.to_token_stream(),
        ty_generics.to_token_stream(),
    );
    let bounds = bounds(input, mappings, &root);
    let predicates = predicates(input, &bounds);
    let where_clause = where_clause(input, bounds);

    let has_own = mappings.iter().any(|m| matches!(m.kind, Kind::Own(_)));
    let mut transparent: Vec<(&Mapping, &Field)> = Vec::new();
    for m in mappings {
        if let Kind::Transparent(field) = &m.kind {
            transparent.push((m, *field));
        }
    }

    // The catalog: packed into four literals when every variant has a mapping of its own
    // (see `packed_catalog`), else one literal row per variant, written as Rust text and
    // lexed in one call per run of rows: a row is the same forty-odd tokens for every
    // variant, and each token built one by one is a round trip to the compiler, where
    // lexing text is one.
    let packed = transparent
        .is_empty()
        .then(|| packed_catalog(mappings))
        .flatten();
    // The literal rows name `VariantInfo` and its parts by the short aliases.
    let row_aliases = if has_own && packed.is_none() {
        lex_str(ROW_ALIASES)
    } else {
        TokenStream::new()
    };
    let catalog = match packed {
        Some(text) => lex_str(&text),
        None => {
            let mut entries = TokenStream::new();
            let mut rows = String::new();
            for m in mappings {
                match &m.kind {
                    Kind::Own(own) => info_literal(&mut rows, m.variant, own),
                    Kind::Transparent(field) => {
                        append(&mut entries, lex_str(&rows));
                        rows.clear();
                        let name = Literal::string(&m.variant.name).to_token_stream();
                        let api_error = Ident::new("ApiError", field.span).to_token_stream();
                        append(
                            &mut entries,
                            fill(
                                "__s::Entry::Transparent { name: $name, inner: <$ty as __s::$api_error>::CATALOG },",
                                &[
                                    ("name", &name),
                                    ("ty", &field.ty.to_token_stream()),
                                    ("api_error", &api_error),
                                ],
                            ),
                        );
                    }
                }
            }
            append(&mut entries, lex_str(&rows));
            fill("&[$entries]", &[("entries", &entries)])
        }
    };

    // `__index(self)`: the variant's position in `CATALOG`. A free function, so the four
    // methods share one `match`; it needs no bound beyond the type's own. The arms carry
    // no field bindings, so they too are text.
    let mut index_arms = Text::with_capacity(mappings.len() * (input.text.len() + 24));
    for (index, m) in mappings.iter().enumerate() {
        text_pattern(&mut index_arms, input, m.variant, &[]);
        index_arms.str(" => ");
        index_arms.number(index);
        index_arms.byte(b',');
    }
    let index_fn = if has_own {
        fill(
            "#[inline]
            fn __index<$params>(__e: &$ident $ty_generics) -> usize $user_where {
                match __e { $arms }
            }",
            &[
                ("params", &input.generics.params.to_token_stream()),
                ("ident", &ident),
                ("ty_generics", &ty_generics),
                ("user_where", &user_where.to_token_stream()),
                ("arms", &lex(&mut index_arms)),
            ],
        )
    } else {
        TokenStream::new()
    };

    // A method: transparent arms delegate (`__s::ApiError::<method>(__inner<args>)`), the
    // rest read the row.
    let method = |method: &str, read: &str| -> TokenStream {
        if mappings.is_empty() {
            return lex_str("match *self {}");
        }
        let row = "let __i = __s::row(Self::CATALOG, __index(self));";
        if transparent.is_empty() {
            return lex_str(&format!("{{ {row} {read} }}"));
        }
        let mut arms = TokenStream::new();
        for (m, field) in &transparent {
            append(
                &mut arms,
                transparent_arm(input, m.variant, field, method, ""),
            );
        }
        if has_own {
            append(&mut arms, lex_str(&format!("_ => {{ {row} {read} }}")));
        }
        fill("match self { $arms }", &[("arms", &arms)])
    };
    let status = method("status", "__i.status");
    let code = method("code", "__i.code");
    let reason = method("reason", "__i.reason");
    let message = method("message", "__s::message(__i, self)");

    // Headers and exposed fields borrow the variant's fields: arms only where there are some.
    // A variant whose headers are all static has none: its catalog row holds them, and the
    // rest of the `match` sends them from there.
    let static_only = mappings.iter().any(|m| match &m.kind {
        Kind::Own(own) => !own.headers.is_empty() && own.headers.iter().all(is_static),
        Kind::Transparent(_) => false,
    });
    let static_headers = if static_only {
        lex_str("__s::static_headers(__s::row(Self::CATALOG, __index(self)), __visit)")
    } else {
        lex_str("{}")
    };
    let headers = field_arms(
        input,
        mappings,
        &|own| {
            if own.headers.iter().all(is_static) {
                return None;
            }
            if let [header] = own.headers.as_slice()
                && let HeaderValue::Field(field) = &header.value
            {
                return Some(ArmBody::Call(Call {
                    field,
                    callee: VISIT,
                    args: field_header_args,
                    name: &header.name,
                }));
            }
            let mut fields = Vec::new();
            let mut body = Spliced::default();
            for header in &own.headers {
                match &header.value {
                    HeaderValue::Static(value) => {
                        static_header_call(&mut body.text, &header.name, value);
                    }
                    HeaderValue::Field(field) => {
                        fields.push(*field);
                        body.text.str(VISIT);
                        body.group(Delimiter::Parenthesis, field_header_args(&header.name, field));
                    }
                }
                body.text.byte(b';');
            }
            Some(ArmBody::Tokens(fields, body.braced()))
        },
        ("headers", ", __visit"),
        static_headers.clone(),
    )
    .or_else(|| static_only.then_some(static_headers))
    .map(|body| {
        fill(
            "fn headers(&self, __visit: &mut dyn __s::core::ops::FnMut(&'static str, __s::HeaderValue<'_>)) {
                $body
            }",
            &[("body", &body)],
        )
    });
    let fields = field_arms(
        input,
        mappings,
        &|own| {
            if own.exposed.is_empty() {
                return None;
            }
            if let [(name, field)] = own.exposed.as_slice() {
                return Some(ArmBody::Call(Call {
                    field,
                    callee: SERIALIZE_ENTRY,
                    args: entry_args,
                    name,
                }));
            }
            let mut fields: Vec<&Field> = Vec::with_capacity(own.exposed.len());
            for (_, field) in &own.exposed {
                fields.push(*field);
            }
            let mut body = Spliced::default();
            for (name, field) in &own.exposed {
                body.text.str(SERIALIZE_ENTRY);
                body.group(Delimiter::Parenthesis, entry_args(name, field));
                body.text.str("?;");
            }
            body.text.str("__s::core::result::Result::Ok(())");
            Some(ArmBody::Tokens(fields, body.braced()))
        },
        ("serialize_fields", ", __map"),
        lex_str("__s::core::result::Result::Ok(())"),
    )
    .map(|body| {
        fill(
            "fn serialize_fields<__M: __s::SerializeMap>(&self, __map: &mut __M) -> __s::core::result::Result<(), __M::Error> {
                $body
            }",
            &[("body", &body)],
        )
    });

    let format = match input.container.format {
        Some(Format::Problem) => lex_str("__s::Format::Problem"),
        _ => lex_str("__s::Format::Plain"),
    };
    let problem_type = match &input.container.problem_type {
        Some(base) => fill(
            "__s::core::option::Option::Some($base)",
            &[("base", &Literal::string(&base.value).to_token_stream())],
        ),
        None => lex_str("__s::core::option::Option::None"),
    };
    let (unique_item, unique_inline) = unique_codes(input, mappings);
    let mut out = fill(
        "const _: () = {
            use $root as __s;
            $row_aliases

            $index_fn

            #[automatically_derived]
            impl $impl_generics __s::ApiError for $ident $ty_generics $where_clause {
                const CATALOG: &'static [__s::Entry] = $catalog;
                const FORMAT: __s::Format = $format;
                const PROBLEM_TYPE: __s::core::option::Option<&'static str> = $problem_type;

                #[inline]
                fn status(&self) -> __s::Status {
                    $status
                }

                #[inline]
                fn code(&self) -> &'static str {
                    $unique_inline
                    $code
                }

                #[inline]
                fn message(&self) -> __s::Message<'_> {
                    $message
                }

                #[inline]
                fn reason(&self) -> &'static str {
                    $reason
                }

                $headers
                $fields
            }

            $unique_item
        };",
        &[
            ("root", &root),
            ("row_aliases", &row_aliases),
            ("index_fn", &index_fn),
            ("impl_generics", &impl_generics),
            ("ident", &ident),
            ("ty_generics", &ty_generics),
            ("where_clause", &where_clause),
            ("catalog", &catalog),
            ("format", &format),
            ("problem_type", &problem_type),
            ("status", &status),
            ("unique_inline", &unique_inline),
            ("code", &code),
            ("message", &message),
            ("reason", &reason),
            ("headers", &headers.unwrap_or_default()),
            ("fields", &fields.unwrap_or_default()),
            ("unique_item", &unique_item),
        ],
    );
    append(
        &mut out,
        frameworks(input, &predicates, &openapi_types(mappings)),
    );
    out
}

/// What the OpenAPI document needs from the types of the variants: each exposed field's type
/// by variant and exposed name, and each transparent variant's inner type, as the lists
/// `fields [("Variant", "name", Type)…] inner [("Variant", Inner)…]` of `__impl_openapi!`.
fn openapi_types(mappings: &[Mapping<'_>]) -> TokenStream {
    let mut fields = TokenStream::new();
    let mut inner = TokenStream::new();
    for m in mappings {
        let variant = &m.variant.name;
        match &m.kind {
            Kind::Own(own) => {
                for (name, field) in &own.exposed {
                    let ty = field.ty;
                    fields.extend(quote::quote!((#variant, #name, #ty)));
                }
            }
            Kind::Transparent(field) => {
                let ty = field.ty;
                inner.extend(quote::quote!((#variant, #ty)));
            }
        }
    }
    quote::quote!(fields [#fields] inner [#inner])
}

/// The framework impls (`IntoResponse`, `ResponseError`, `IntoResponses`), through the
/// macros `status` defines per feature: the user's crate needs no features of its own.
/// Emitted beside the fallback impl too, so a mistake in the attribute does not also report
/// "`IntoResponse` is not implemented" wherever the type is returned.
pub fn frameworks(input: &Input, predicates: &[TokenStream], types: &TokenStream) -> TokenStream {
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    fill(
        "$root::__impl_adapters! {
            impl [$impl_generics] [$ident $ty_generics] where [$predicates]
        }

        $root::__impl_openapi! {
            impl [$impl_generics] [$ident $ty_generics] where [$predicates] $types
        }",
        &[
            ("root", &private(input)),
            ("impl_generics", &impl_generics.to_token_stream()),
            ("ident", &input.ident.to_token_stream()),
            ("ty_generics", &ty_generics.to_token_stream()),
            ("predicates", &comma_terminated(predicates)),
            ("types", types),
        ],
    )
}

/// An arm's body: the fields it binds and its tokens, where each use of a field keeps the
/// field's span. A body that is one call on one field (one exposed field, one header from
/// a field) is a [`Call`]: its path is lexed with the pattern, and variants whose calls are
/// the same share one arm (see [`field_arms`]).
enum ArmBody<'a> {
    Tokens(Vec<&'a Field<'a>>, TokenStream),
    Call(Call<'a>),
}

/// `callee(args(name, field))`: the arguments are built only for the arm that is emitted.
struct Call<'a> {
    field: &'a Field<'a>,
    callee: &'static str,
    args: fn(&str, &Field) -> Spliced,
    /// What the arguments hold besides the field: an exposed field's name, a header's.
    name: &'a str,
}

/// The callee of a header's arm: the `headers` method's visitor.
const VISIT: &str = "__visit";

/// The callee of an exposed field's arm.
const SERIALIZE_ENTRY: &str = "__s::SerializeMap::serialize_entry";

/// `__visit("Name", __s::HeaderValue::Static("value"))`, as text: a header that borrows nothing.
fn static_header_call(out: &mut Text, name: &str, value: &str) {
    out.str(VISIT);
    out.byte(b'(');
    out.string_literal(name);
    out.str(", __s::HeaderValue::Static(");
    out.string_literal(value);
    out.str("))");
}

fn is_static(header: &Header) -> bool {
    matches!(header.value, HeaderValue::Static(_))
}

/// `"Name", __s::HeaderValue::Display(__field_f)`: the arguments of [`VISIT`] for a header
/// taken from a field, the binding spanned on the field.
fn field_header_args(name: &str, field: &Field) -> Spliced {
    let mut args = Spliced::default();
    args.text.string_literal(name);
    args.text.str(", __s::HeaderValue::Display");
    args.group(Delimiter::Parenthesis, Spliced::ident(binding(field)));
    args
}

/// `__map, "name", __field_f`: the arguments of [`SERIALIZE_ENTRY`] for an exposed field,
/// the binding spanned on the field.
fn entry_args(name: &str, field: &Field) -> Spliced {
    let mut args = Spliced::default();
    args.text.str("__map, ");
    args.text.string_literal(name);
    args.text.str(", ");
    args.push(binding(field));
    args
}

/// A `match self` with arms only for the variants `own_body` has something for, the
/// transparent ones delegating, and `default` for the rest.
///
/// Variants whose arm is the same [`Call`] on a field of the same name and type share one
/// arm, their patterns joined: `E::A { id: __field_id, .. } | E::B { id: __field_id, .. } =>
/// serialize_entry(__map, "id", __field_id),`. An or-pattern binds each name once, at one
/// type, so the types must be the same text, which in one enum's definition is the same
/// type; a type with a macro in it could expand to two, and keeps its own arm. The shared
/// arm sits where its first variant's would, and its call keeps the first field's span,
/// which rustc's errors about the type point at.
///
/// Why: each arm left out is a call the compiler lexes, parses and type checks on every
/// check, 15 tokens fewer. On the bench's 1,000-variant enum, 250 variants exposing an
/// `id: u64`, shared arms of at most 32 variants take 7.9 M instructions off a touched
/// check's 839.6 M, where one arm of all 250 took 1.5 M: rustc's lowering of an or-pattern
/// grows faster than its alternatives, hence [`SHARED_ARM`] (16 took 7.7 M, 64 took 7.2 M).
fn field_arms<'a>(
    input: &Input,
    mappings: &'a [Mapping<'a>],
    own_body: &dyn Fn(&'a Own<'a>) -> Option<ArmBody<'a>>,
    (method, method_args): (&str, &str),
    default: TokenStream,
) -> Option<TokenStream> {
    let mut bodies: Vec<Option<ArmBody<'a>>> = Vec::with_capacity(mappings.len());
    for m in mappings {
        bodies.push(match &m.kind {
            Kind::Own(own) => own_body(own),
            Kind::Transparent(_) => None,
        });
    }
    let shared = shared_arms(&bodies);

    // The arms appended as they come, each as one stream (see `template::append`).
    let mut arms = TokenStream::new();
    let mut text = Text::with_capacity(0);
    let mut covered = 0;
    let mut i = 0;
    while i < mappings.len() {
        let m = &mappings[i];
        match (&m.kind, bodies[i].take()) {
            (Kind::Own(_), Some(ArmBody::Tokens(fields, body))) => {
                text_pattern(&mut text, input, m.variant, &fields);
                text.str(" => ");
                append(&mut arms, lex(&mut text));
                append(&mut arms, body);
                covered += 1;
            }
            (Kind::Own(_), Some(ArmBody::Call(call))) => {
                covered += 1;
                if shared.lead[i] != i {
                    i += 1;
                    continue;
                }
                text_pattern(&mut text, input, m.variant, &[call.field]);
                let mut other = shared.next[i];
                while other != NONE {
                    if let Some(ArmBody::Call(twin)) = &bodies[other] {
                        text.str(" | ");
                        text_pattern(&mut text, input, mappings[other].variant, &[twin.field]);
                    }
                    other = shared.next[other];
                }
                text.str(" => ");
                text.str(call.callee);
                append(&mut arms, lex(&mut text));
                let args = (call.args)(call.name, call.field).finish();
                let args = Group::new(Delimiter::Parenthesis, args);
                append(&mut arms, TokenTree::Group(args).into());
                text.byte(b',');
            }
            (Kind::Own(_), None) => {}
            (Kind::Transparent(field), _) => {
                append(&mut arms, lex(&mut text));
                append(
                    &mut arms,
                    transparent_arm(input, m.variant, field, method, method_args),
                );
                covered += 1;
            }
        }
        i += 1;
    }
    if covered == 0 {
        return None;
    }
    append(&mut arms, lex(&mut text));
    if covered < mappings.len() {
        append(&mut arms, fill("_ => $default,", &[("default", &default)]));
    }
    Some(fill("match self { $arms }", &[("arms", &arms)]))
}

/// The most variants one shared arm of [`field_arms`] takes.
const SHARED_ARM: usize = 32;

/// No index: the end of a list in [`Arms`].
const NONE: usize = usize::MAX;

/// Which calls share an arm (see [`field_arms`]), as lists through indices of the bodies:
/// `lead[i]` is the call whose arm call `i` is in (`i` itself for an arm's first call,
/// [`NONE`] for a body that is no call), and `next[i]` the arm's call after `i`.
///
/// Vectors of `usize` and slices throughout, no `Vec<Vec<_>>` or tuples: each new type of
/// vector is a dozen generic instances in the macro's own build (LLVM compiles each), and
/// `Vec<usize>` and the map's `get` and `insert` are ones the macro already has.
struct Arms {
    lead: Vec<usize>,
    next: Vec<usize>,
}

fn shared_arms(bodies: &[Option<ArmBody>]) -> Arms {
    let n = bodies.len();
    let mut arms = Arms {
        lead: vec![NONE; n],
        next: vec![NONE; n],
    };
    // Per call: the first call of its class (same binding and name; one method's calls
    // have one callee), the class's next call, and (for a first) its last call and size.
    let mut class: Vec<usize> = vec![NONE; n];
    let mut class_next: Vec<usize> = vec![NONE; n];
    let mut class_last: Vec<usize> = vec![NONE; n];
    let mut class_size: Vec<usize> = vec![0; n];
    let (lead, next) = (&mut arms.lead[..], &mut arms.next[..]);
    let (class, class_next) = (&mut class[..], &mut class_next[..]);
    let (class_last, class_size) = (&mut class_last[..], &mut class_size[..]);
    let mut by_key: Map<String, usize> =
        Map::with_capacity_and_hasher(0, BuildHasherDefault::default());
    let mut twins = false;
    let mut i = 0;
    while i < n {
        if let Some(ArmBody::Call(call)) = &bodies[i] {
            lead[i] = i;
            let mut key = binding_name(call.field);
            key.push('\0');
            key.push_str(call.name);
            if let Some(&first) = by_key.get(key.as_str()) {
                class[i] = first;
                class_next[class_last[first]] = i;
                class_last[first] = i;
                class_size[first] += 1;
                twins = true;
            } else {
                by_key.insert(key, i);
                class[i] = i;
                class_last[i] = i;
                class_size[i] = 1;
            }
        }
        i += 1;
    }
    if !twins {
        return arms;
    }
    // The types of the calls in classes of two or more, printed in one call to the compiler.
    let mut batch = Batch::default();
    let mut type_of: Vec<usize> = vec![NONE; n];
    let type_of = &mut type_of[..];
    let mut typed = 0;
    let mut i = 0;
    while i < n {
        if let Some(ArmBody::Call(call)) = &bodies[i]
            && class_size[class[i]] > 1
        {
            batch.push(Group::new(
                Delimiter::Bracket,
                call.field.ty.to_token_stream(),
            ));
            type_of[i] = typed;
            typed += 1;
        }
        i += 1;
    }
    // A type with a lifetime or a char in it does not cut: each printed alone.
    let types = match batch.texts() {
        Some(types) => types,
        None => {
            let mut types = Vec::new();
            let mut i = 0;
            while i < n {
                if let Some(ArmBody::Call(call)) = &bodies[i]
                    && type_of[i] != NONE
                {
                    types.push(call.field.ty.to_token_stream().to_string());
                }
                i += 1;
            }
            types
        }
    };
    // Each call joins the first arm of its class of the same type that has room, up to
    // `SHARED_ARM` calls: the class's earlier calls that lead an arm, searched in order (a
    // class rarely holds more than one type).
    let mut arm_size: Vec<usize> = vec![1; n];
    let arm_size = &mut arm_size[..];
    let mut arm_last: Vec<usize> = vec![NONE; n];
    let arm_last = &mut arm_last[..];
    let mut i = 0;
    while i < n {
        if type_of[i] != NONE && !has_macro(&types[type_of[i]]) {
            arm_last[i] = i;
            let mut j = class[i];
            while j != i {
                if lead[j] == j
                    && arm_size[j] < SHARED_ARM
                    && type_of[j] != NONE
                    && types[type_of[j]] == types[type_of[i]]
                {
                    lead[i] = j;
                    next[arm_last[j]] = i;
                    arm_last[j] = i;
                    arm_size[j] += 1;
                    break;
                }
                j = class_next[j];
            }
        }
        i += 1;
    }
    arms
}

/// Whether a type's printed text has a macro in it (a `!`).
fn has_macro(ty: &str) -> bool {
    let bytes = ty.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'!' {
            return true;
        }
        i += 1;
    }
    false
}

/// Rust text with, here and there, an identifier that keeps a user's span: a field's
/// binding, so that rustc's errors about the field (not `Serialize`, not `Display`) point
/// at it. The text between is lexed in one call, as [`lex`] does; a group is built around
/// its contents, since text with an open delimiter does not lex.
struct Spliced {
    out: TokenStream,
    text: Text,
}

impl Default for Spliced {
    fn default() -> Self {
        Spliced {
            out: TokenStream::new(),
            text: Text::with_capacity(0),
        }
    }
}

impl Spliced {
    fn ident(ident: Ident) -> Self {
        let mut out = Spliced::default();
        out.push(ident);
        out
    }

    fn push(&mut self, ident: Ident) {
        self.flush();
        self.out.extend([TokenTree::Ident(ident)]);
    }

    fn group(&mut self, delimiter: Delimiter, inner: Spliced) {
        self.flush();
        let group = Group::new(delimiter, inner.finish());
        self.out.extend([TokenTree::Group(group)]);
    }

    fn flush(&mut self) {
        if !self.text.is_empty() {
            append(&mut self.out, lex(&mut self.text));
        }
    }

    fn finish(mut self) -> TokenStream {
        self.flush();
        self.out
    }

    /// The whole, in braces.
    fn braced(self) -> TokenStream {
        TokenTree::Group(Group::new(Delimiter::Brace, self.finish())).into()
    }
}

/// `Type::Variant { a: __field_a, 0: __field0, .. }` as text, binding `fields` (none:
/// `Type::Variant { .. }`, or `Type::Variant` for a unit variant). The bindings' uses carry
/// the fields' spans, not the pattern.
///
/// A unit variant's pattern is the path alone: three tokens fewer, and each token of the
/// output costs about 1,700 instructions of a check (lexed, parsed, lowered and hashed);
/// at 1,000 variants, half of them unit, 2.5 M. A struct keeps `{ .. }`: its path is one
/// identifier, which as a pattern would bind anything it failed to name.
fn text_pattern(out: &mut Text, input: &Input, variant: &Variant, fields: &[&Field]) {
    out.str(&input.text);
    if variant.path.is_some() {
        out.str("::");
        out.str(&variant.text);
        if variant.unit {
            return;
        }
    }
    if fields.is_empty() {
        out.str(" { .. }");
        return;
    }
    out.str(" { ");
    for field in fields {
        match &field.member {
            Member::Named(ident) => out.str(&ident.to_string()),
            Member::Unnamed(index) => out.number(index.index as usize),
        }
        out.str(": ");
        out.str(&binding_name(field));
        out.str(", ");
    }
    out.str(".. }");
}

/// The catalog as one call to `status_core`'s `packed` decoder, as Rust text: the distinct
/// strings in one array, the distinct lists of field and header names in another, the
/// distinct lists of static headers (name, value) in a third, and per variant its status,
/// message source and indices into them in one byte string (see `packed` for the layout).
/// `None` when a variant delegates (`transparent`: its entry names the inner type's
/// catalog) or an index does not fit its byte.
///
/// Why: the compiler lowers, type checks, hashes and caches each of a struct literal's
/// dozen-odd expressions on every check. Measured with `benches/compile/instructions.sh` on
/// a 300-variant enum, literal rows cost 60 M of a touched `cargo check`'s 352 M
/// instructions; see the README for what this layout costs.
fn packed_catalog<'a>(mappings: &'a [Mapping<'a>]) -> Option<String> {
    // Names and codes are unique within a type (Rust's rule and `valid`'s), and a constant
    // text rarely repeats, so only reason phrases are shared, found by status. Indexing and
    // plain loops throughout: the macro's build is unoptimized, where each iterator
    // adapter, map lookup and `push_str` is a call (see `text`).
    // 14 bytes a variant: `status_core`'s `PACKED_ROW`, which the decoder reads by.
    const ROW: usize = 14;
    let mut layout: Vec<u8> = vec![0; mappings.len() * ROW];
    // A slice, since indexing a `Vec` is a call where indexing a slice is not.
    let row: &mut [u8] = &mut layout;
    let mut strings: Vec<&str> = Vec::with_capacity(mappings.len() * 3 + 1);
    strings.push("");
    let mut reasons = [0u16; 600];
    let mut lists: Vec<Vec<&str>> = vec![Vec::new()];
    let mut pairs: Vec<Vec<(&str, &str)>> = vec![Vec::new()];
    let mut at = 0;
    for m in mappings {
        let Kind::Own(own) = &m.kind else { return None };
        let known = match &own.message {
            Message::Display => m.variant.display.as_deref(),
            Message::Reason => None,
            Message::Fixed(text) => Some(text.as_str()),
        };
        let [low, high] = own.status.to_le_bytes();
        row[at] = low;
        row[at + 1] = high;
        row[at + 2] = match (&own.message, known) {
            (Message::Display, None) => 0,
            (Message::Reason, _) => 1,
            (Message::Fixed(_), _) => 2,
            (Message::Display, Some(_)) => 3,
        };
        let name = push_string(&mut strings, m.variant.name.as_str())?;
        let status = usize::from(own.status);
        let reason = match reasons.get(status) {
            Some(&seen) if seen != 0 && strings[usize::from(seen)] == own.reason => seen,
            _ => {
                let index = push_string(&mut strings, own.reason.as_str())?;
                if let Some(slot) = reasons.get_mut(status) {
                    *slot = index;
                }
                index
            }
        };
        let code = push_string(&mut strings, own.code.as_str())?;
        let known = match known {
            Some(text) => push_string(&mut strings, text)?,
            None => 0,
        };
        let mut field = at + 3;
        for index in [name, reason, code, known] {
            let [low, high] = index.to_le_bytes();
            row[field] = low;
            row[field + 1] = high;
            field += 2;
        }
        let mut exposed = Vec::new();
        for (name, _) in &own.exposed {
            exposed.push(name.as_str());
        }
        let mut headers = Vec::new();
        let mut values = Vec::new();
        for header in &own.headers {
            headers.push(header.name.as_str());
            if let HeaderValue::Static(value) = &header.value {
                values.push((header.name.as_str(), value.as_str()));
            }
        }
        row[at + 11] = list_index(&mut lists, exposed)?;
        row[at + 12] = list_index(&mut lists, headers)?;
        row[at + 13] = list_index(&mut pairs, values)?;
        at += ROW;
    }
    let mut out = Text::with_capacity(layout.len() * 4 + strings.len() * 24 + 64);
    out.str("&__s::packed::<");
    out.number(mappings.len());
    out.str(">(b\"");
    out.byte_string_body(&layout);
    out.str("\", &[");
    for string in strings {
        out.string_literal(string);
        out.byte(b',');
    }
    out.str("], &[");
    for list in lists {
        out.str("&[");
        for name in list {
            out.string_literal(name);
            out.byte(b',');
        }
        out.str("],");
    }
    out.str("], &[");
    for list in pairs {
        out.str("&[");
        for (name, value) in list {
            out.byte(b'(');
            out.string_literal(name);
            out.byte(b',');
            out.string_literal(value);
            out.str("),");
        }
        out.str("],");
    }
    out.str("], &[])");
    out.finish()
}

/// Appends `string` to the catalog's strings: its index, or `None` past `u16`.
fn push_string<'a>(strings: &mut Vec<&'a str>, string: &'a str) -> Option<u16> {
    strings.push(string);
    u16::try_from(strings.len() - 1).ok()
}

/// The index in `lists` of `list` (added when new), or `None` past `u8`. List 0 is the
/// empty one, which most variants have. A plain loop, not `position` with a closure: this is
/// per variant in the macro's unoptimized build, and each instance of a generic is code the
/// macro's own (cold) build compiles.
fn list_index<T: PartialEq>(lists: &mut Vec<T>, list: T) -> Option<u8> {
    let mut index = 0;
    while index < lists.len() {
        if lists[index] == list {
            return u8::try_from(index).ok();
        }
        index += 1;
    }
    lists.push(list);
    u8::try_from(lists.len() - 1).ok()
}

/// Appends a variant's row to `out`, as Rust text: a literal, not
/// `VariantInfo::new(..).reason(..)…`, since each `const fn` call costs the compiler time
/// (about 0.4 ms a variant, measured on a 300-variant enum). The short names come from
/// [`row_aliases`]; strings are written with `{:?}`, whose escapes are Rust's.
fn info_literal(out: &mut String, variant: &Variant, own: &Own) {
    let _ = write!(out, "__V(__I {{ name: {:?}, status: ", variant.name);
    match status_core::registry::registered(own.status) {
        Some(row) => {
            let _ = write!(out, "__S::{}", row.name);
        }
        None => {
            let _ = write!(out, "__s::status({})", own.status);
        }
    }
    let _ = write!(
        out,
        ", reason: {:?}, code: {:?}, message: ",
        own.reason, own.code
    );
    let text = match &own.message {
        Message::Display => {
            out.push_str("__D");
            variant.display.as_deref()
        }
        Message::Reason => {
            out.push_str("__R");
            Some(own.reason.as_str())
        }
        Message::Fixed(text) => {
            let _ = write!(out, "__F({text:?})");
            Some(text.as_str())
        }
    };
    out.push_str(", fields: &[");
    for (name, _) in &own.exposed {
        let _ = write!(out, "{name:?},");
    }
    out.push_str("], headers: &[");
    for header in &own.headers {
        let _ = write!(out, "{:?},", header.name);
    }
    out.push_str("], static_headers: &[");
    for header in &own.headers {
        if let HeaderValue::Static(value) = &header.value {
            let _ = write!(out, "({:?}, {value:?}),", header.name);
        }
    }
    out.push_str("], text: ");
    match text {
        Some(text) => {
            let _ = write!(out, "__Y({text:?})");
        }
        None => out.push_str("__N"),
    }
    out.push_str(" }),");
}

/// The aliases the rows use, inside the expansion's `const _` block.
const ROW_ALIASES: &str = "
    #[allow(unused_imports)]
    use __s::{
        Entry::Variant as __V, MessageSource::{Display as __D, Fixed as __F, Reason as __R},
        Status as __S, VariantInfo as __I,
        core::option::Option::{None as __N, Some as __Y},
    };";

/// The name a field is bound to in a pattern, spanned on the field so that a missing
/// `Serialize` or `Display` is reported there.
fn binding(field: &Field) -> Ident {
    Ident::new(&binding_name(field), field.span)
}

/// `__field_a` for `a` (or `r#a`), `__field0` for `.0`.
fn binding_name(field: &Field) -> String {
    match &field.member {
        Member::Named(ident) => format!("__field_{}", ident.to_string().trim_start_matches("r#")),
        Member::Unnamed(index) => format!("__field{}", index.index),
    }
}

/// A transparent variant's arm: `Type::Variant { field: __inner, .. } =>
/// __s::ApiError::method(__inner, args),`, with `__inner` spanned on the field so that an
/// inner type that is no `ApiError` is reported there.
fn transparent_arm(
    input: &Input,
    variant: &Variant,
    field: &Field,
    method: &str,
    args: &str,
) -> TokenStream {
    let path = match variant.path {
        Some(variant) => fill(
            "$ty::$variant",
            &[
                ("ty", &input.ident.to_token_stream()),
                ("variant", &variant.to_token_stream()),
            ],
        ),
        None => input.ident.to_token_stream(),
    };
    let member = match &field.member {
        Member::Named(ident) => ident.to_token_stream(),
        Member::Unnamed(index) => Literal::u32_unsuffixed(index.index).to_token_stream(),
    };
    let template =
        format!("$path {{ $member: $inner, .. }} => __s::ApiError::{method}($inner{args}),");
    fill(
        &template,
        &[
            ("path", &path),
            ("member", &member),
            (
                "inner",
                &Ident::new("__inner", field.span).to_token_stream(),
            ),
        ],
    )
}

fn bounds(input: &Input, mappings: &[Mapping], p: &TokenStream) -> Vec<WherePredicate> {
    let mut params: Vec<&Ident> = Vec::new();
    for param in input.generics.type_params() {
        params.push(&param.ident);
    }
    if params.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<WherePredicate> = Vec::new();
    let mut add = |field: &Field, bound: &str| {
        let ty = field.ty.to_token_stream();
        if mentions(ty.clone(), &params) {
            let predicate = fill(bound, &[("ty", &ty), ("p", p)]);
            if let Ok(pred) = syn::parse2::<WherePredicate>(predicate) {
                out.push(pred);
            }
        }
    };
    for mapping in mappings {
        match &mapping.kind {
            Kind::Transparent(field) => add(field, "$ty: $p::ApiError"),
            Kind::Own(own) => {
                for (_, field) in &own.exposed {
                    add(field, "$ty: $p::Expose");
                }
                for header in &own.headers {
                    if let HeaderValue::Field(field) = &header.value {
                        add(field, "$ty: $p::core::fmt::Display");
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

/// The check that no two variants under the type share a code, through `transparent`
/// nesting. `valid` checks the type's own variants; the codes of inner types, other crates'
/// among them, are out of the macro's sight, so the whole catalog is checked in `const`
/// evaluation, failing the build with a message that names the code and both variants.
///
/// A type without generics gets a `const _` item, which `cargo check` evaluates. A `const`
/// item cannot name generic parameters, so a generic type gets an inline `const` block in
/// `code()`, evaluated for each instantiation that is compiled (`cargo build`, not `cargo
/// check`). Without a `transparent` variant there is nothing `valid` has not checked.
fn unique_codes(input: &Input, mappings: &[Mapping]) -> (TokenStream, TokenStream) {
    if !mappings
        .iter()
        .any(|mapping| matches!(mapping.kind, Kind::Transparent(_)))
    {
        return (TokenStream::new(), TokenStream::new());
    }
    let span = input.ident.span();
    let check = |ty: TokenStream| {
        fill_at(
            span,
            "if let $p::core::option::Option::Some(__message) =
                &$p::duplicate_code(<$ty as $p::ApiError>::CATALOG, $name)
            {
                $p::core::panic!(\"{}\", __message.as_str());
            }",
            &[
                ("p", &lex_str("__s")),
                ("ty", &ty),
                (
                    "name",
                    &Literal::string(&input.ident.to_string()).to_token_stream(),
                ),
            ],
        )
    };
    if input.generics.params.is_empty() {
        let check = check(input.ident.to_token_stream());
        let item = fill_at(span, "const _: () = { $check };", &[("check", &check)]);
        (item, TokenStream::new())
    } else {
        let check = check(lex_str("Self"));
        (
            TokenStream::new(),
            fill("const { $check };", &[("check", &check)]),
        )
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

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
    fn the_catalog_is_packed_unless_a_variant_delegates_or_an_index_does_not_fit() {
        let packed = expand("enum E { #[error(\"gone\")] #[status(410)] Gone }");
        assert!(packed.contains("__s :: packed ::< 1 > (b\""), "{packed}");
        assert!(!packed.contains("__V"), "{packed}");
        // A transparent entry names the inner type's catalog: one literal per variant.
        let nested = expand("enum E { #[status(410)] Gone, #[status(transparent)] Inner(Other) }");
        assert!(nested.contains("__V (__I"), "{nested}");
        assert!(!nested.contains("packed"), "{nested}");
        // A variant's lists are one byte each: up to 256 distinct lists of field and
        // header names (the headers' empty one among them), then the literal rows.
        let lists = |distinct: usize| {
            let mut input = String::from("enum E {");
            for i in 0..distinct {
                let _ = write!(
                    input,
                    "#[status(422)] V{i} {{ #[status(expose)] f{i}: u8 }},"
                );
            }
            input.push('}');
            expand(&input)
        };
        let most = lists(255);
        assert!(most.contains("packed"), "{}", &most[..200]);
        let too_many = lists(256);
        assert!(too_many.contains("__V (__I"), "{}", &too_many[..200]);
        assert!(!too_many.contains("packed"), "{}", &too_many[..200]);
        // ... with the aliases the rows are written with.
        assert!(
            too_many.contains("Entry :: Variant as __V"),
            "{}",
            &too_many[..400]
        );
        assert!(!most.contains("__V"), "{}", &most[..400]);
    }

    #[test]
    fn a_struct_has_its_headers_once() {
        let out = expand("#[status(429, retry_after = 5)] struct Limited;");
        assert!(!out.contains("compile_error"), "{out}");
        assert_eq!(out.matches("\"Retry-After\"").count(), 2, "{out}"); // the row and the arm
        // A struct's attribute is checked once, not also as an enum's default.
        let found = diagnose("#[derive(ApiError)] #[status(299)] struct Odd;");
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    /// The `match` of `serialize_fields`, up to the framework impls.
    fn fields_match(out: &str) -> &str {
        let start = out.find("fn serialize_fields").expect("an exposed field");
        let start = start + out[start..].find("match self").expect("a match");
        let end = start + out[start..].find(" } } } ;").expect("the impl's end");
        &out[start..end]
    }

    #[test]
    fn calls_on_a_field_of_one_name_and_type_share_an_arm() {
        let out = expand(
            r#"enum E {
                #[status(422)] Aa { #[status(expose)] id: u64 },
                #[status(422)] Bb { x: u8, #[status(expose)] id: u64 },
                #[status(422)] Cc { #[status(expose)] id: String },
                #[status(422)] Dd(#[status(expose = "id")] u64),
                #[status(422)] Ee { #[status(expose)] id: u64 },
                #[status(422)] Ff { #[status(expose)] id: Id!() },
                #[status(422)] Gg { #[status(expose)] id: Id!() },
                #[status(422)] Hh { #[status(expose = "n")] id: u64 },
            }"#,
        );
        let entry = |binding: &str, name: &str| {
            format!("=> __s :: SerializeMap :: serialize_entry (__map , \"{name}\" , {binding}) ,")
        };
        // An arm: its patterns, then the call on `binding` under the exposed `name`.
        let arm = |patterns: &str, binding: &str, name: &str| {
            format!("{patterns} {}", entry(binding, name))
        };
        let (id, zero) = ("__field_id", "__field0");
        assert_eq!(
            fields_match(&out),
            [
                "match self {".to_owned(),
                arm(
                    "E :: Aa { id : __field_id , .. } | E :: Bb { id : __field_id , .. } | \
                     E :: Ee { id : __field_id , .. }",
                    id,
                    "id",
                ),
                // Another type, another member, a type with a macro, another name.
                arm("E :: Cc { id : __field_id , .. }", id, "id"),
                arm("E :: Dd { 0 : __field0 , .. }", zero, "id"),
                arm("E :: Ff { id : __field_id , .. }", id, "id"),
                arm("E :: Gg { id : __field_id , .. }", id, "id"),
                arm("E :: Hh { id : __field_id , .. }", id, "n"),
                "}".to_owned(),
            ]
            .join(" ")
        );
        // A field header's arm is shared the same way.
        let out = expand(
            r#"enum E {
                #[status(409)] Aa { #[status(header = "X-Left")] left: u32 },
                #[status(409)] Bb { #[status(header = "X-Left")] left: u32 },
            }"#,
        );
        assert!(
            out.contains(
                "E :: Aa { left : __field_left , .. } | E :: Bb { left : __field_left , .. } => \
                 __visit (\"X-Left\" , __s :: HeaderValue :: Display (__field_left)) ,"
            ),
            "{out}"
        );
        // Types the one printed text does not cut (a lifetime) are printed one by one.
        let out = expand(
            r"enum E {
                #[status(422)] Aa { #[status(expose)] id: &'static str },
                #[status(422)] Bb { #[status(expose)] id: &'static str },
            }",
        );
        assert_eq!(
            fields_match(&out),
            format!(
                "match self {{ E :: Aa {{ id : __field_id , .. }} | E :: Bb {{ id : __field_id , .. }} {} }}",
                entry(id, "id")
            )
        );
    }

    #[test]
    fn a_shared_arm_takes_at_most_32_variants() {
        let mut input = String::from("enum E {");
        for i in 0..70 {
            let _ = write!(
                input,
                "#[status(422)] V{i} {{ #[status(expose)] id: u64 }},"
            );
        }
        input.push('}');
        let out = expand(&input);
        let arms: Vec<&str> = fields_match(&out)
            .trim_start_matches("match self {")
            .split(" => __s :: SerializeMap :: serialize_entry (__map , \"id\" , __field_id) ,")
            .collect();
        let alternatives: Vec<usize> = arms
            .iter()
            .map(|arm| arm.matches("E :: V").count())
            .collect();
        assert_eq!(alternatives, [32, 32, 6, 0], "{out}");
        assert!(
            arms[1].trim_start().starts_with("E :: V32 {"),
            "{}",
            arms[1]
        );
        assert!(
            arms[2]
                .trim_end()
                .ends_with("E :: V69 { id : __field_id , .. }"),
            "{}",
            arms[2]
        );
    }
}
