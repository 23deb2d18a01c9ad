//! Generated code as Rust text: lexed in one call to the compiler, with holes filled by
//! tokens that keep their own spans (the user's type name and generics, a field's binding).
//!
//! Why not `quote!`: each `quote!` expands, in this crate's own source, to a call per token
//! it writes, and this crate's build compiles every one of them, unoptimized, in the cold
//! build of every user's crate. Writing the impl's skeleton as templates instead took 13%
//! off the instructions `status-derive`'s build runs (see the README's performance
//! section): a template is a string literal. Running, a template is also cheaper than
//! `quote!`: one call to lex it and a walk over its few hundred tokens, where `quote!`
//! makes a call per token.
//!
//! A hole is `$name`, and `$` appears in no template otherwise (templates are constants of
//! this crate: user text only ever enters through a hole, as tokens). The template's own
//! tokens get call-site spans, as `quote!` gives them, or one span for all ([`fill_at`]),
//! as `quote_spanned!` does; a hole's tokens keep theirs, as an interpolation does.

use proc_macro2::{Group, Span, TokenStream, TokenTree};

use crate::text::Text;

/// `template` lexed, each `$name` replaced by the tokens `holes` gives for `name`.
pub fn fill(template: &str, holes: &[(&str, &TokenStream)]) -> TokenStream {
    splice(lex_str(template), holes, None)
}

/// [`fill`], with every token of the template spanned at `span`.
pub fn fill_at(span: Span, template: &str, holes: &[(&str, &TokenStream)]) -> TokenStream {
    splice(lex_str(template), holes, Some(span))
}

/// The walk of [`fill`]: template tokens copied (respanned when `span` is given), groups
/// rebuilt around their filled contents, holes replaced by their tokens.
fn splice(tokens: TokenStream, holes: &[(&str, &TokenStream)], span: Option<Span>) -> TokenStream {
    let mut out = TokenStream::new();
    let mut run: Vec<TokenTree> = Vec::new();
    let mut trees = tokens.into_iter();
    while let Some(tree) = trees.next() {
        match tree {
            TokenTree::Punct(punct) if punct.as_char() == '$' => {
                let Some(TokenTree::Ident(name)) = trees.next() else {
                    return bug(TEMPLATE_BUG);
                };
                let Some(value) = hole(holes, &name.to_string()) else {
                    return bug(TEMPLATE_BUG);
                };
                out.extend(run.drain(..));
                append(&mut out, value.clone());
            }
            TokenTree::Group(group) => {
                let mut filled = Group::new(group.delimiter(), splice(group.stream(), holes, span));
                if let Some(span) = span {
                    filled.set_span(span);
                }
                run.push(TokenTree::Group(filled));
            }
            mut tree => {
                if let Some(span) = span {
                    tree.set_span(span);
                }
                run.push(tree);
            }
        }
    }
    out.extend(run);
    out
}

/// Appends `tokens` to `out` as one stream. `out.extend(tokens)` would take it apart and
/// append its trees one by one, each converted on the way: a hole can hold the arms of a
/// thousand variants.
pub fn append(out: &mut TokenStream, tokens: TokenStream) {
    out.extend(std::iter::once(tokens));
}

/// The tokens of the hole named `name`. A plain loop: each closure passed to an iterator
/// adapter is a generic instance this crate's unoptimized build compiles.
fn hole<'a>(holes: &[(&str, &'a TokenStream)], name: &str) -> Option<&'a TokenStream> {
    for &(hole, value) in holes {
        if hole == name {
            return Some(value);
        }
    }
    None
}

/// Lexes the Rust text `text` holds (and empties it). See [`lex_str`].
pub fn lex(text: &mut Text) -> TokenStream {
    let tokens = match text.as_str() {
        Some(text) => lex_str(text),
        None => bug(LEX_BUG),
    };
    text.clear();
    tokens
}

/// Lexes Rust text: one call to the compiler for what would be thousands of tokens built
/// one by one. Inside the compiler the text goes to `proc_macro` directly: `proc_macro2`'s
/// `parse` first lexes it again with its own lexer, in the macro's unoptimized build,
/// which costs more than the tokens it saves. The text is generated from identifiers and
/// escaped strings only, so it always lexes; call-site spans, as `quote!` gives.
pub fn lex_str(text: &str) -> TokenStream {
    let tokens = if proc_macro::is_available() {
        text.parse::<proc_macro::TokenStream>()
            .map(TokenStream::from)
            .map_err(drop)
    } else {
        text.parse::<TokenStream>().map_err(drop)
    };
    tokens.unwrap_or_else(|()| bug(LEX_BUG))
}

/// `::core::compile_error!` with `message`, for generated text that does not lex or a
/// template with a hole no one fills: bugs of this crate, which the tests check never
/// happen.
fn bug(message: &str) -> TokenStream {
    syn::Error::new(Span::call_site(), message).into_compile_error()
}

const LEX_BUG: &str = "#[derive(ApiError)] generated text that does not lex; this is a bug in status-derive, please report it";

const TEMPLATE_BUG: &str = "#[derive(ApiError)] generated a template with a hole it did not fill; this is a bug in status-derive, please report it";

#[cfg(test)]
mod tests {
    use proc_macro2::{Ident, Span, TokenStream};

    use super::{fill, fill_at};

    fn ident(name: &str) -> TokenStream {
        TokenStream::from(proc_macro2::TokenTree::Ident(Ident::new(
            name,
            Span::call_site(),
        )))
    }

    #[test]
    fn holes_are_filled_at_any_depth_and_as_often_as_named() {
        let (ty, body) = (ident("Ty"), "1 + 2".parse().unwrap());
        let out = fill(
            "impl $ty { fn f() -> u8 { [$body][0] } } const _: $ty = $ty;",
            &[("ty", &ty), ("body", &body)],
        );
        assert_eq!(
            out.to_string(),
            "impl Ty { fn f () -> u8 { [1 + 2] [0] } } const _ : Ty = Ty ;"
        );
    }

    #[test]
    fn a_template_with_an_unknown_hole_or_a_bare_dollar_is_a_compile_error() {
        for template in ["a $missing b", "a $ (b)", "a $"] {
            let out = fill(template, &[("ty", &ident("Ty"))]).to_string();
            assert!(out.starts_with(":: core :: compile_error !"), "{out}");
            assert!(out.contains("did not fill"), "{out}");
        }
    }

    #[test]
    fn fill_at_spans_the_template_and_leaves_the_holes_spans() {
        // `span-locations` (a dev-dependency feature) gives spans a line outside a compiler.
        let first = |text: &str| {
            text.parse::<TokenStream>()
                .unwrap()
                .into_iter()
                .next()
                .unwrap()
        };
        let at = first("\n\n  x").span();
        let ty = TokenStream::from(first("\nTy"));
        let out = fill_at(at, "const _: () = { $ty };", &[("ty", &ty)]);
        assert_eq!(out.to_string(), "const _ : () = { Ty } ;");
        let mut lines = Vec::new();
        for tree in out {
            lines.push(tree.span().start().line);
            if let proc_macro2::TokenTree::Group(group) = tree {
                for inner in group.stream() {
                    lines.push(inner.span().start().line);
                }
            }
        }
        // `const _ : ( ) = { Ty } ;`: the template's tokens on line 3, the hole's on line 2.
        assert_eq!(lines, [3, 3, 3, 3, 3, 3, 2, 3]);
    }
}
