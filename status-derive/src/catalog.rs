//! The catalog, for every type: one call to `status_core`'s `packed` decoder, which turns a
//! few literals into the entries in `const` evaluation.
//!
//! Why packed: the compiler lowers, type checks, hashes and caches each expression of a
//! literal on every check, about 140,000 instructions per variant as a struct literal; here
//! a variant is 14 bytes and indices into shared tables (see `packed` for the layout).

use std::collections::HashMap;

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};

use crate::valid::{HeaderValue, Kind, Mapping, Message};

/// The bytes of one variant: `status_core`'s `packed::ROW`.
const ROW: usize = 14;

/// The kind byte of a transparent variant's row.
const TRANSPARENT: u8 = 4;

/// `&[Entry; N]` for `CATALOG`. The indices into the tables are a `u16` for strings and a
/// `u8` for lists: a catalog whose tables outgrow them is written as two halves, joined in
/// `const` evaluation.
pub fn catalog(p: &TokenStream, mappings: &[Mapping]) -> TokenStream {
    let array = array(p, mappings);
    quote!(&#array)
}

/// An expression of type `[Entry; mappings.len()]`.
fn array(p: &TokenStream, mappings: &[Mapping]) -> TokenStream {
    if let Some(packed) = packed(p, mappings) {
        return packed;
    }
    let (left, right) = mappings.split_at(mappings.len() / 2);
    let (left, right, n, split) = (array(p, left), array(p, right), mappings.len(), left.len());
    quote! {{
        let __left = #left;
        let __right = #right;
        let mut __out = [__left[0]; #n];
        let mut __i = 0;
        while __i < #n {
            __out[__i] = if __i < #split { __left[__i] } else { __right[__i - #split] };
            __i += 1;
        }
        __out
    }}
}

/// The tables of one `packed` call.
struct Tables<'a> {
    layout: Vec<u8>,
    strings: Vec<&'a str>,
    /// Each string's index in `strings` (keyed by `String`, as `valid`'s map of codes is: one
    /// `HashMap` to compile).
    seen: HashMap<String, usize>,
    lists: Vec<Vec<&'a str>>,
    pairs: Vec<Vec<(&'a str, &'a str)>>,
    inners: Vec<TokenStream>,
}

impl<'a> Tables<'a> {
    /// The index of `string` in `strings` (added when new), or `None` past `u16`.
    fn string(&mut self, string: &'a str) -> Option<u16> {
        let next = self.strings.len();
        let index = *self.seen.entry(string.to_owned()).or_insert(next);
        if index == next {
            self.strings.push(string);
        }
        u16::try_from(index).ok()
    }

    /// Appends a string that is unique in the type (a name, a code): its index, or `None`
    /// past `u16`.
    fn unique(&mut self, string: &'a str) -> Option<u16> {
        self.strings.push(string);
        u16::try_from(self.strings.len() - 1).ok()
    }

    fn u16(&mut self, value: u16) {
        self.layout.extend_from_slice(&value.to_le_bytes());
    }
}

/// The index of `list` in `lists` (added when new), or `None` past `u8`.
fn list_index<T: PartialEq>(lists: &mut Vec<T>, list: T) -> Option<u8> {
    let index = match lists.iter().position(|l| *l == list) {
        Some(index) => index,
        None => {
            lists.push(list);
            lists.len() - 1
        }
    };
    u8::try_from(index).ok()
}

/// `packed::<N>(layout, strings, lists, pairs, inners)`, or `None` when an index does not
/// fit its byte.
fn packed(p: &TokenStream, mappings: &[Mapping]) -> Option<TokenStream> {
    let mut t = Tables {
        layout: Vec::with_capacity(mappings.len() * ROW),
        strings: Vec::new(),
        seen: HashMap::new(),
        lists: vec![Vec::new()],
        pairs: vec![Vec::new()],
        inners: Vec::new(),
    };
    t.string("");
    for m in mappings {
        let name = t.unique(&m.variant.name)?;
        let own = match &m.kind {
            Kind::Own(own) => own,
            Kind::Transparent(field) => {
                let ty = field.ty;
                let api_error = quote_spanned!(field.span=> ApiError);
                t.inners.push(quote!(<#ty as #p::#api_error>::CATALOG));
                t.u16(u16::try_from(t.inners.len() - 1).ok()?);
                t.layout.push(TRANSPARENT);
                t.u16(name);
                t.layout.extend_from_slice(&[0; ROW - 5]);
                continue;
            }
        };
        let known = match &own.message {
            Message::Display => m.variant.display.as_deref(),
            Message::Reason => None,
            Message::Fixed(text) | Message::Template(text, _) => Some(text.as_str()),
        };
        t.u16(own.status);
        t.layout.push(match (&own.message, known) {
            (Message::Display, None) => 0,
            (Message::Reason, _) => 1,
            (Message::Fixed(_), _) => 2,
            (Message::Display, Some(_)) => 3,
            (Message::Template(..), _) => 5,
        });
        let reason = t.string(&own.reason)?;
        let code = t.unique(&own.code)?;
        let known = t.string(known.unwrap_or(""))?;
        for index in [name, reason, code, known] {
            t.u16(index);
        }
        let exposed = own.exposed.iter().map(|(name, _)| name.as_str()).collect();
        let headers = own.headers.iter().map(|h| h.name.as_str()).collect();
        let values = own
            .headers
            .iter()
            .filter_map(|h| match &h.value {
                HeaderValue::Static(value) => Some((h.name.as_str(), value.as_str())),
                HeaderValue::Field(_) => None,
            })
            .collect();
        let lists = [
            list_index(&mut t.lists, exposed)?,
            list_index(&mut t.lists, headers)?,
            list_index(&mut t.pairs, values)?,
        ];
        t.layout.extend_from_slice(&lists);
    }
    let n = mappings.len();
    let layout = Literal::byte_string(&t.layout);
    let strings = &t.strings;
    let lists = t.lists.iter().map(|list| quote!(&[#(#list),*]));
    let pairs = t.pairs.iter().map(|pairs| {
        let (names, values): (Vec<_>, Vec<_>) = pairs.iter().copied().unzip();
        quote!(&[#((#names, #values)),*])
    });
    let inners = &t.inners;
    Some(quote! {
        #p::packed::<#n>(#layout, &[#(#strings),*], &[#(#lists),*], &[#(#pairs),*], &[#(#inners),*])
    })
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    fn expand(source: &str) -> String {
        crate::expand_tokens(source.parse().expect("test input lexes")).to_string()
    }

    #[test]
    fn every_type_has_a_packed_catalog_transparent_rows_included() {
        let out = expand("enum E { #[status(410)] Gone, #[status(transparent)] Inner(Other) }");
        assert_eq!(out.matches(":: packed :: < 2usize >").count(), 1, "{out}");
        assert!(out.contains("< Other as :: status :: __private :: ApiError > :: CATALOG"));
    }

    /// A variant's lists are one byte each: past 256 distinct lists (the empty one among
    /// them), the catalog is two halves.
    #[test]
    fn a_catalog_past_its_indices_is_joined_from_halves() {
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
        assert_eq!(most.matches(":: packed :: <").count(), 1);
        let too_many = lists(256);
        assert!(!too_many.contains("compile_error"));
        assert_eq!(too_many.matches(":: packed :: <").count(), 2);
        assert!(too_many.contains(":: packed :: < 128usize >"));
    }
}
