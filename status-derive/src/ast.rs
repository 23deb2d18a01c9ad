//! The input as a model that borrows from `syn`, so every later error can point at the
//! user's own tokens.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::{Data, DeriveInput, Fields, Generics, Ident, Member, Type};

use crate::attr::{self, Attrs, Place};
use crate::ctxt::Ctxt;

pub struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    /// The enum's attribute; a struct's is its one variant's, see [`Input::container`].
    container: Attrs,
    pub shape: Shape<'a>,
}

pub enum Shape<'a> {
    Enum(Vec<Variant<'a>>),
    Struct(Box<Variant<'a>>),
    Union,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    /// `ident` without `r#`, for the catalog and messages.
    pub name: String,
    /// `None` for a struct, whose pattern is the type alone: `Type { .. }`.
    pub path: Option<&'a Ident>,
    pub attrs: Attrs,
    pub fields: Vec<Field<'a>>,
    /// The text of a constant `#[error("...")]` (thiserror's), which then is the variant's
    /// `Display`: the bodies can write it without formatting.
    pub display: Option<String>,
}

pub struct Field<'a> {
    pub member: Member,
    pub ty: &'a Type,
    pub attrs: Attrs,
    /// The field's name, or its type for a tuple field.
    pub span: Span,
}

impl<'a> Input<'a> {
    /// The path generated code names: `::status::__private` unless `crate = "..."`.
    pub fn private(&self) -> TokenStream {
        match &self.container().krate {
            Some(path) => quote::quote!(#path::__private),
            None => quote::quote!(::status::__private),
        }
    }

    pub fn from_syn(cx: &Ctxt, node: &'a DeriveInput) -> Self {
        let (container, shape) = match &node.data {
            Data::Enum(data) => {
                let container = attr::parse(cx, &node.attrs, Place::Enum);
                let variants = data
                    .variants
                    .iter()
                    .map(|variant| Variant {
                        ident: &variant.ident,
                        name: unraw(&variant.ident),
                        path: Some(&variant.ident),
                        attrs: attr::parse(cx, &variant.attrs, Place::Variant),
                        fields: fields(cx, &variant.fields),
                        display: constant_display(&variant.attrs),
                    })
                    .collect();
                (container, Shape::Enum(variants))
            }
            Data::Struct(data) => {
                let attrs = attr::parse(cx, &node.attrs, Place::Struct);
                let variant = Variant {
                    ident: &node.ident,
                    name: unraw(&node.ident),
                    path: None,
                    attrs,
                    fields: fields(cx, &data.fields),
                    display: constant_display(&node.attrs),
                };
                (Attrs::default(), Shape::Struct(Box::new(variant)))
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
            generics: &node.generics,
            container,
            shape,
        }
    }

    pub fn variants(&self) -> &[Variant<'a>] {
        match &self.shape {
            Shape::Enum(variants) => variants,
            Shape::Struct(variant) => std::slice::from_ref(&**variant),
            Shape::Union => &[],
        }
    }

    /// The type's own attribute: the enum's, or the struct's, which is also its one
    /// variant's (one `Attrs`, not a copy).
    pub fn container(&self) -> &Attrs {
        match &self.shape {
            Shape::Struct(variant) => &variant.attrs,
            _ => &self.container,
        }
    }

    pub fn is_enum(&self) -> bool {
        matches!(self.shape, Shape::Enum(_))
    }
}

/// `Some(text)` for `#[error("text")]` with one string literal and no `{` or `}`: thiserror
/// then displays exactly `text`. Anything else (arguments, `transparent`, another derive's
/// attribute) is left to `Display`.
fn constant_display(attrs: &[syn::Attribute]) -> Option<String> {
    let attr = attrs.iter().find(|attr| attr.path().is_ident("error"))?;
    let syn::Meta::List(list) = &attr.meta else {
        return None;
    };
    // One literal token, read without a parse buffer (a third of the macro's run went to
    // buffers here); anything else, e.g. a literal in an invisible group, through syn.
    let mut tokens = list.tokens.clone().into_iter();
    let text = match (tokens.next(), tokens.next()) {
        (Some(TokenTree::Literal(token)), None) => match crate::names::plain_string(&token) {
            Some(text) => text,
            None => match syn::Lit::new(token) {
                syn::Lit::Str(string) => string.value(),
                _ => return None,
            },
        },
        _ => list.parse_args::<syn::LitStr>().ok()?.value(),
    };
    (!crate::names::has_any(&text, b"{}")).then_some(text)
}

/// The identifier's text without `r#`.
pub fn unraw(ident: &Ident) -> String {
    let text = ident.to_string();
    match text.strip_prefix("r#") {
        Some(name) => name.to_owned(),
        None => text,
    }
}

/// A field's name as the user writes it in a template: `sku` (without `r#`), or `0`.
pub fn member_name(member: &Member) -> String {
    match member {
        Member::Named(ident) => unraw(ident),
        Member::Unnamed(index) => index.index.to_string(),
    }
}

fn fields<'a>(cx: &Ctxt, fields: &'a Fields) -> Vec<Field<'a>> {
    fields
        .iter()
        .enumerate()
        .map(|(i, field)| Field {
            member: match &field.ident {
                Some(ident) => Member::Named(ident.clone()),
                None => Member::Unnamed(syn::Index::from(i)),
            },
            ty: &field.ty,
            attrs: attr::parse(cx, &field.attrs, Place::Field),
            span: match &field.ident {
                Some(ident) => ident.span(),
                None => first_span(&field.ty),
            },
        })
        .collect()
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
