//! The input as a model that borrows from `syn`, so every later error can point at the
//! user's own tokens.

use proc_macro2::Span;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Member};

use crate::attr::{self, Attrs, Place};
use crate::ctxt::Ctxt;
use crate::fast::{self, Node};

pub struct Input<'a> {
    pub ident: &'a Ident,
    /// `ident` as the user wrote it (`r#` kept), for generated text.
    pub text: String,
    pub generics: &'a Generics,
    /// The enum's attribute, or the struct's (which is also its one variant's).
    pub container: Attrs,
    pub shape: Shape<'a>,
}

pub enum Shape<'a> {
    Enum(Vec<Variant<'a>>),
    Struct(Variant<'a>),
    Union,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    /// `ident` as text without `r#`, made once: every `to_string` of a token is a round
    /// trip to the compiler.
    pub name: String,
    /// `ident` as the user wrote it (`r#` kept), for generated text.
    pub text: String,
    /// `None` for a struct: the pattern is `Self { .. }`.
    pub path: Option<&'a Ident>,
    pub attrs: Attrs,
    pub fields: Vec<Field<'a>>,
    /// A unit variant, matched on its path alone (`expand::text_pattern`). Never set for a
    /// struct, whose pattern keeps `{ .. }`.
    pub unit: bool,
    /// The text of a constant `#[error("...")]` (thiserror's), which then is the variant's
    /// `Display`: the bodies can write it without formatting.
    pub display: Option<String>,
}

pub struct Field<'a> {
    pub member: Member,
    /// syn's `Type`, or the type's tokens as the fast reader took them.
    pub ty: &'a dyn quote::ToTokens,
    pub attrs: Attrs,
    /// The field's name, or its type for a tuple field.
    pub span: Span,
}

impl<'a> Variant<'a> {
    /// A variant, or a struct (no `path`), from what either reader took.
    fn new(
        ident: &'a Ident,
        path: Option<&'a Ident>,
        attrs: Attrs,
        fields: Vec<Field<'a>>,
        unit: bool,
        display: Option<String>,
    ) -> Self {
        let (name, text) = name_and_text(ident);
        Variant {
            ident,
            name,
            text,
            path,
            attrs,
            fields,
            unit,
            display,
        }
    }
}

impl<'a> Input<'a> {
    pub fn from_syn(cx: &Ctxt, node: &'a DeriveInput) -> Self {
        let (container, shape) = match &node.data {
            Data::Enum(data) => {
                let container = attr::parse(cx, &node.attrs, Place::Enum);
                let mut variants = Vec::with_capacity(data.variants.len());
                for variant in &data.variants {
                    variants.push(Variant::new(
                        &variant.ident,
                        Some(&variant.ident),
                        attr::parse(cx, &variant.attrs, Place::Variant),
                        fields(cx, &variant.fields),
                        matches!(variant.fields, syn::Fields::Unit),
                        constant_display(&variant.attrs),
                    ));
                }
                (container, Shape::Enum(variants))
            }
            Data::Struct(data) => {
                let attrs = attr::parse(cx, &node.attrs, Place::Struct);
                let variant = Variant::new(
                    &node.ident,
                    None,
                    attrs.clone(),
                    fields(cx, &data.fields),
                    false,
                    constant_display(&node.attrs),
                );
                (attrs, Shape::Struct(variant))
            }
            Data::Union(data) => {
                cx.error(
                    data.union_token.span,
                    "#[derive(ApiError)] works on enums and structs, not unions: a union cannot tell which of its fields holds the error; use an enum with one variant per error",
                );
                (Attrs::default(), Shape::Union)
            }
        };
        Input {
            ident: &node.ident,
            text: node.ident.to_string(),
            generics: &node.generics,
            container,
            shape,
        }
    }

    /// The model of what the fast reader took; `None` where an attribute leaves its
    /// grammar (see `crate::fast`).
    pub fn from_fast(cx: &Ctxt, node: &'a Node) -> Option<Self> {
        let (container, shape) = match &node.data {
            fast::Data::Enum(variants) => {
                let container = attr::parse_text(cx, &node.attrs, Place::Enum)?;
                // Loops, not `map` and `collect`, in both readers: each closure is a chain of
                // generic instances the macro's own (cold) build compiles.
                let mut out = Vec::with_capacity(variants.len());
                for variant in variants {
                    out.push(Variant::new(
                        &variant.ident,
                        Some(&variant.ident),
                        attr::parse_text(cx, &variant.attrs, Place::Variant)?,
                        fast_fields(cx, &variant.fields)?,
                        variant.unit,
                        fast::display(&variant.attrs)?,
                    ));
                }
                (container, Shape::Enum(out))
            }
            fast::Data::Struct(fields) => {
                let attrs = attr::parse_text(cx, &node.attrs, Place::Struct)?;
                let variant = Variant::new(
                    &node.ident,
                    None,
                    attrs.clone(),
                    fast_fields(cx, fields)?,
                    false,
                    fast::display(&node.attrs)?,
                );
                (attrs, Shape::Struct(variant))
            }
        };
        Some(Input {
            ident: &node.ident,
            text: node.ident.to_string(),
            generics: &node.generics,
            container,
            shape,
        })
    }

    pub fn variants(&self) -> &[Variant<'a>] {
        match &self.shape {
            Shape::Enum(variants) => variants,
            Shape::Struct(variant) => std::slice::from_ref(variant),
            Shape::Union => &[],
        }
    }

    pub fn is_enum(&self) -> bool {
        matches!(self.shape, Shape::Enum(_))
    }
}

/// `Some(text)` for `#[error("text")]` with one string literal and no `{` or `}`: thiserror
/// then displays exactly `text`. Anything else (arguments, `transparent`, another derive's
/// attribute) is left to `Display`. The common input takes `fast::display`, which reads the
/// same from the attribute's text.
fn constant_display(attrs: &[syn::Attribute]) -> Option<String> {
    let attr = attrs.iter().find(|attr| attr.path().is_ident("error"))?;
    let syn::Meta::List(list) = &attr.meta else {
        return None;
    };
    constant_text(list.parse_args::<syn::LitStr>().ok()?.value())
}

/// A message literal's text, if thiserror displays it as it is: no `{` or `}` (one `memchr`
/// each, where `str::contains` with a set of chars walks the text char by char in the
/// macro's unoptimized build).
pub fn constant_text(text: String) -> Option<String> {
    let bytes = text.as_bytes();
    (!bytes.contains(&b'{') && !bytes.contains(&b'}')).then_some(text)
}

/// The identifier's text without `r#`, and as written, from one `to_string` (syn's
/// `unraw().to_string()` and a second `to_string` would be two round trips to the compiler).
fn name_and_text(ident: &Ident) -> (String, String) {
    let text = ident.to_string();
    let name = text.strip_prefix("r#").unwrap_or(&text).to_owned();
    (name, text)
}

/// The `i`th field's member: its name, or its index in a tuple.
fn member(ident: Option<&Ident>, i: usize) -> Member {
    match ident {
        Some(ident) => Member::Named(ident.clone()),
        None => Member::Unnamed(syn::Index {
            index: u32::try_from(i).unwrap_or(u32::MAX),
            span: Span::call_site(),
        }),
    }
}

fn fields<'a>(cx: &Ctxt, fields: &'a Fields) -> Vec<Field<'a>> {
    let mut out = Vec::with_capacity(fields.len());
    for (i, field) in fields.iter().enumerate() {
        out.push(Field {
            member: member(field.ident.as_ref(), i),
            ty: &field.ty,
            attrs: attr::parse(cx, &field.attrs, Place::Field),
            span: match &field.ident {
                Some(ident) => ident.span(),
                None => first_span(&field.ty),
            },
        });
    }
    out
}

fn fast_fields<'a>(cx: &Ctxt, fields: &'a [fast::Field]) -> Option<Vec<Field<'a>>> {
    let mut out = Vec::with_capacity(fields.len());
    for (i, field) in fields.iter().enumerate() {
        out.push(Field {
            member: member(field.ident.as_ref(), i),
            ty: &field.ty,
            attrs: attr::parse_text(cx, &field.attrs, Place::Field)?,
            span: match &field.ident {
                Some(ident) => ident.span(),
                None => field.ty_span,
            },
        });
    }
    Some(out)
}

fn first_span(tokens: &impl quote::ToTokens) -> Span {
    tokens
        .to_token_stream()
        .into_iter()
        .next()
        .map_or_else(Span::call_site, |tt| tt.span())
}

#[cfg(test)]
mod tests {
    use super::constant_display;

    fn display(attr: &str) -> Option<String> {
        let item: syn::DeriveInput = syn::parse_str(&format!("{attr} struct E;")).unwrap();
        constant_display(&item.attrs)
    }

    #[test]
    fn a_constant_message_is_its_own_text() {
        assert_eq!(
            display(r#"#[error("User not found")]"#).as_deref(),
            Some("User not found")
        );
        assert_eq!(
            display(r#"#[doc = "x"] #[error("é ü")]"#).as_deref(),
            Some("é ü")
        );
        assert_eq!(display(r#"#[error("")]"#).as_deref(), Some(""));
    }

    #[test]
    fn escapes_and_raw_strings_are_read_by_value() {
        assert_eq!(
            display(r#"#[error("say \"hi\"\n")]"#).as_deref(),
            Some("say \"hi\"\n")
        );
        assert_eq!(
            display(r##"#[error(r#"a "b" c"#)]"##).as_deref(),
            Some("a \"b\" c")
        );
        assert_eq!(
            display(r#"#[error("tab\tend")]"#).as_deref(),
            Some("tab\tend")
        );
    }

    #[test]
    fn formatted_or_other_messages_are_left_to_display() {
        assert_eq!(display(r#"#[error("user {id} not found")]"#), None);
        assert_eq!(display(r#"#[error("{0}")]"#), None);
        assert_eq!(display(r#"#[error("brace \u{7b}")]"#), None);
        assert_eq!(display(r#"#[error("x", y)]"#), None);
        assert_eq!(display("#[error(transparent)]"), None);
        assert_eq!(display(r#"#[error = "x"]"#), None);
        assert_eq!(display(r#"#[error(b"x")]"#), None);
        assert_eq!(display("#[status(404)]"), None);
    }
}
