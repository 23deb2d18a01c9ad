//! A second reader of the input, for the inputs almost every user writes: an enum or struct
//! without generics whose attributes hold plain literals. It walks the token trees one
//! level deep and reads each attribute from its text in one call to the compiler, where
//! syn's `DeriveInput` visits every token, in the macro's unoptimized build. At 1,000
//! variants: 16 ms for syn's parse and 15 ms for its attributes, against 4–5 ms for this
//! walk and 5.5–6 ms for its attributes.
//!
//! It decides nothing on its own: the attribute text goes to the same checks as syn's
//! reading (`attr::parse_text`), and the model to the same rules and code generation. It
//! declines (returns `None`) on anything outside its grammar, and `expand::derive_fast`
//! declines whenever a rule reports an error or a warning, so every diagnostic comes from
//! syn's reading with the user's spans. The property tests check that both readers expand
//! every input the fast one accepts to the same tokens.

use proc_macro2::{Delimiter, Ident, Spacing, Span, TokenStream, TokenTree};

/// The input as the fast reader saw it: attributes as text, idents and field types as the
/// user's tokens (with their spans, for errors rustc reports in the generated code).
pub struct Node {
    pub attrs: Vec<String>,
    pub ident: Ident,
    pub generics: syn::Generics,
    pub data: Data,
}

pub enum Data {
    Enum(Vec<Variant>),
    Struct(Vec<Field>),
}

pub struct Variant {
    pub attrs: Vec<String>,
    pub ident: Ident,
    pub fields: Vec<Field>,
}

pub struct Field {
    pub attrs: Vec<String>,
    pub ident: Option<Ident>,
    pub ty: TokenStream,
    /// The span of the type's first token.
    pub ty_span: Span,
}

type Trees = std::iter::Peekable<proc_macro2::token_stream::IntoIter>;

/// Reads `enum Name { ... }` or `struct Name ...` without generics; `None` for anything
/// else.
pub fn parse(tokens: TokenStream) -> Option<Node> {
    let mut trees = tokens.into_iter().peekable();
    let attrs = attributes(&mut trees)?;
    visibility(&mut trees, false)?;
    let keyword = ident(trees.next())?;
    let ident = ident(trees.next())?;
    let data = if keyword == "enum" {
        let body = group(trees.next(), Delimiter::Brace)?;
        Data::Enum(variants(body)?)
    } else if keyword == "struct" {
        match trees.next()? {
            TokenTree::Group(g) if g.delimiter() == Delimiter::Brace => {
                Data::Struct(fields(g.stream(), true)?)
            }
            TokenTree::Group(g) if g.delimiter() == Delimiter::Parenthesis => {
                punct(trees.next(), ';')?;
                Data::Struct(fields(g.stream(), false)?)
            }
            TokenTree::Punct(p) if p.as_char() == ';' => Data::Struct(Vec::new()),
            _ => return None,
        }
    } else {
        return None;
    };
    if trees.next().is_some() {
        return None;
    }
    Some(Node {
        attrs,
        ident,
        generics: syn::Generics::default(),
        data,
    })
}

fn variants(body: TokenStream) -> Option<Vec<Variant>> {
    let mut trees = body.into_iter().peekable();
    let mut out = Vec::new();
    while trees.peek().is_some() {
        let attrs = attributes(&mut trees)?;
        let ident = ident(trees.next())?;
        let fields = match trees.peek() {
            Some(TokenTree::Group(g)) => {
                let named = match g.delimiter() {
                    Delimiter::Brace => true,
                    Delimiter::Parenthesis => false,
                    _ => return None,
                };
                let stream = g.stream();
                trees.next();
                fields(stream, named)?
            }
            _ => Vec::new(),
        };
        out.push(Variant {
            attrs,
            ident,
            fields,
        });
        if trees.peek().is_some() {
            punct(trees.next(), ',')?;
        }
    }
    Some(out)
}

fn fields(body: TokenStream, named: bool) -> Option<Vec<Field>> {
    let mut trees = body.into_iter().peekable();
    let mut out = Vec::new();
    while trees.peek().is_some() {
        let attrs = attributes(&mut trees)?;
        visibility(&mut trees, !named)?;
        let ident = if named {
            let ident = ident(trees.next())?;
            punct(trees.next(), ':')?;
            Some(ident)
        } else {
            None
        };
        let (ty, ty_span) = ty(&mut trees)?;
        out.push(Field {
            attrs,
            ident,
            ty,
            ty_span,
        });
        if trees.peek().is_some() {
            punct(trees.next(), ',')?;
        }
    }
    Some(out)
}

/// A field's type: the trees up to the next `,` outside `<...>` (`->` is not a closing
/// `>`). The compiler parsed the item before any derive saw it, so these are a type.
fn ty(trees: &mut Trees) -> Option<(TokenStream, Span)> {
    let mut out = TokenStream::new();
    let mut first = None;
    let mut depth = 0usize;
    let mut arrow = false;
    while let Some(tree) = trees.peek() {
        let mut after_minus = false;
        if let TokenTree::Punct(p) = tree {
            match p.as_char() {
                ',' if depth == 0 => break,
                '<' => depth += 1,
                '>' if !arrow => depth = depth.checked_sub(1)?,
                '-' => after_minus = p.spacing() == Spacing::Joint,
                _ => {}
            }
        }
        arrow = after_minus;
        let tree = trees.next()?;
        first.get_or_insert_with(|| tree.span());
        out.extend([tree]);
    }
    (depth == 0).then_some(())?;
    Some((out, first?))
}

/// `#[...]` attributes, each as the text inside its brackets: one call to the compiler.
fn attributes(trees: &mut Trees) -> Option<Vec<String>> {
    let mut out = Vec::new();
    while matches!(trees.peek(), Some(TokenTree::Punct(p)) if p.as_char() == '#') {
        trees.next();
        out.push(group(trees.next(), Delimiter::Bracket)?.to_string());
    }
    Some(out)
}

/// `pub` or `pub(...)`, skipped. A tuple field's `pub (...)` may be a type: declined.
fn visibility(trees: &mut Trees, tuple: bool) -> Option<()> {
    if matches!(trees.peek(), Some(TokenTree::Ident(i)) if i == "pub") {
        trees.next();
        if let Some(TokenTree::Group(g)) = trees.peek() {
            if tuple || g.delimiter() != Delimiter::Parenthesis {
                return None;
            }
            trees.next();
        }
    }
    Some(())
}

fn ident(tree: Option<TokenTree>) -> Option<Ident> {
    match tree? {
        TokenTree::Ident(ident) => Some(ident),
        _ => None,
    }
}

fn punct(tree: Option<TokenTree>, ch: char) -> Option<()> {
    match tree? {
        TokenTree::Punct(p) if p.as_char() == ch => Some(()),
        _ => None,
    }
}

fn group(tree: Option<TokenTree>, delimiter: Delimiter) -> Option<TokenStream> {
    match tree? {
        TokenTree::Group(g) if g.delimiter() == delimiter => Some(g.stream()),
        _ => None,
    }
}

/// What an attribute's text says about its path.
pub enum Path<'t> {
    /// One plain identifier, then `(`: the name and the text after `(`.
    List(&'t str, &'t str),
    /// One plain identifier, then `=` or nothing.
    Bare(&'t str),
    /// Some other path (`a::b`, `::a`, `r#a`): never one of ours.
    Other,
}

/// Reads the path of `path(...)` (the text inside an attribute's brackets, as the compiler
/// or proc-macro2 prints it); `None` for text it does not follow.
pub fn path(text: &str) -> Option<Path<'_>> {
    let rest = skip_space(text);
    if rest.starts_with("::") {
        return Some(Path::Other);
    }
    let (name, after) = rest.split_at(word_len(rest));
    if name.is_empty() || name.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let after = skip_space(after);
    if after.starts_with("::") || (name == "r" && after.starts_with('#')) {
        Some(Path::Other)
    } else if let Some(list) = after.strip_prefix('(') {
        Some(Path::List(name, list))
    } else if after.is_empty() || after.starts_with('=') {
        Some(Path::Bare(name))
    } else {
        None
    }
}

/// The constant message of the first `#[error(...)]` among `attrs`, as
/// `ast::constant_display` reads it from syn: `Some(Some(text))` for one plain string
/// literal without `{` or `}`, `Some(None)` for any other message.
#[allow(clippy::option_option)] // the outer `None` declines, as everywhere in this file
pub fn display(attrs: &[String]) -> Option<Option<String>> {
    for attr in attrs {
        match path(attr)? {
            Path::List("error", list) => {
                // A raw string or a char is declined by the lexer: syn reads those.
                let mut lexer = Lexer::new(list);
                let Some(Tok::Str(text)) = lexer.next()? else {
                    return Some(None);
                };
                // Nothing follows an attribute's `(...)`: the compiler parsed it as one.
                let single = matches!(lexer.next()?, Some(Tok::Close(b')')));
                return Some(if single {
                    crate::ast::constant_text(text)
                } else {
                    None
                });
            }
            Path::Bare("error") => return Some(None),
            _ => {}
        }
    }
    Some(None)
}

/// A token of attribute text.
#[derive(Debug, PartialEq, Eq)]
pub enum Tok<'t> {
    Ident(&'t str),
    /// Decimal digits without a suffix.
    Int(&'t str),
    /// A plain string literal's value.
    Str(String),
    Punct(u8),
    Open(u8),
    Close(u8),
}

/// Lexes attribute text. `next` is `None` when the lexer does not follow the text (raw
/// strings, escapes beyond the common ones, suffixes, chars, non-ASCII outside strings)
/// and `Some(None)` at the end.
pub struct Lexer<'t> {
    text: &'t str,
}

impl<'t> Lexer<'t> {
    pub fn new(text: &'t str) -> Self {
        Lexer { text }
    }

    #[allow(clippy::should_implement_trait, clippy::option_option)] // `None` declines
    pub fn next(&mut self) -> Option<Option<Tok<'t>>> {
        // Plain loops over bytes throughout: this runs for every attribute, in the macro's
        // unoptimized build, where iterator adapters and closures are calls.
        let text = skip_space(self.text);
        let Some(&first) = text.as_bytes().first() else {
            self.text = text;
            return Some(None);
        };
        let (tok, rest) = match first {
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let (name, rest) = text.split_at(word_len(text));
                // `r#x`, `r"..."`, `b"..."`, `c"..."` and idents that go on in Unicode.
                if matches!(rest.as_bytes().first(), Some(b'#' | b'"' | b'\'' | 0x80..)) {
                    return None;
                }
                (Tok::Ident(name), rest)
            }
            b'0'..=b'9' => {
                let (digits, rest) = text.split_at(word_len(text));
                let bytes = digits.as_bytes();
                let mut i = 0;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                if i < bytes.len() || rest.starts_with('.') {
                    return None;
                }
                (Tok::Int(digits), rest)
            }
            b'"' => {
                let (value, rest) = string(&text[1..])?;
                if let Some(&next) = rest.as_bytes().first()
                    && (next.is_ascii_alphanumeric() || next == b'_' || next >= 0x80)
                {
                    return None; // a suffix
                }
                (Tok::Str(value), rest)
            }
            b'(' | b'[' | b'{' => (Tok::Open(first), &text[1..]),
            b')' | b']' | b'}' => (Tok::Close(first), &text[1..]),
            b'\'' | b'/' => return None,
            _ if first.is_ascii_punctuation() => (Tok::Punct(first), &text[1..]),
            _ => return None,
        };
        self.text = rest;
        Some(Some(tok))
    }
}

/// `text` without its leading ASCII whitespace (the printers write no other; anything else
/// is then declined as an unknown character).
fn skip_space(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    &text[i..]
}

/// The length of the ASCII identifier characters that start `text`.
fn word_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
        i += 1;
    }
    i
}

/// A string literal's value after its opening quote, and the text after its closing one.
fn string(text: &str) -> Option<(String, &str)> {
    let mut value = String::new();
    let mut rest = text;
    loop {
        let bytes = rest.as_bytes();
        let mut stop = 0;
        while stop < bytes.len() && bytes[stop] != b'"' && bytes[stop] != b'\\' {
            stop += 1;
        }
        if stop == bytes.len() {
            return None;
        }
        value.push_str(&rest[..stop]);
        if rest.as_bytes()[stop] == b'"' {
            return Some((value, &rest[stop + 1..]));
        }
        let escaped = match rest.as_bytes().get(stop + 1)? {
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'0' => '\0',
            b'\\' => '\\',
            b'"' => '"',
            b'\'' => '\'',
            _ => return None, // `\x`, `\u{...}`, a line continuation: syn reads them
        };
        value.push(escaped);
        rest = &rest[stop + 2..];
    }
}

#[cfg(test)]
mod tests {
    use super::{Lexer, Path, Tok, display, path};

    fn lex(text: &str) -> Option<Vec<Tok<'_>>> {
        let mut lexer = Lexer::new(text);
        let mut out = Vec::new();
        while let Some(tok) = lexer.next()? {
            out.push(tok);
        }
        Some(out)
    }

    #[test]
    fn lexes_what_the_compiler_prints() {
        assert_eq!(
            lex(r#"(404, code = "A_B")"#),
            Some(vec![
                Tok::Open(b'('),
                Tok::Int("404"),
                Tok::Punct(b','),
                Tok::Ident("code"),
                Tok::Punct(b'='),
                Tok::Str("A_B".to_owned()),
                Tok::Close(b')'),
            ])
        );
        assert_eq!(
            lex(r#""Bearer realm=\"a\"\n\t\\ é""#),
            Some(vec![Tok::Str("Bearer realm=\"a\"\n\t\\ é".to_owned())])
        );
        assert_eq!(lex(r#""\r\0\'""#), Some(vec![Tok::Str("\r\0'".to_owned())]));
    }

    #[test]
    fn declines_what_it_does_not_follow() {
        for text in [
            r#"r"x""#,
            r##"r#"x"#"##,
            r#"b"x""#,
            "r#code",
            "'c'",
            "404u16",
            "0x194",
            "1_000",
            "1.5",
            r#""\u{7b}""#,
            r#""\x41""#,
            r#""x"suffix"#,
            r#""x"_suffix"#,
            r#""x"é"#,
            "é",
            "// comment",
            r#""unterminated"#,
        ] {
            assert_eq!(lex(text), None, "{text}");
        }
    }

    #[test]
    fn reads_attribute_paths() {
        assert!(matches!(
            path("status(404)"),
            Some(Path::List("status", "404)"))
        ));
        assert!(matches!(
            path("status (404)"),
            Some(Path::List("status", "404)"))
        ));
        assert!(matches!(path("doc = \" x\""), Some(Path::Bare("doc"))));
        assert!(matches!(path("status"), Some(Path::Bare("status"))));
        assert!(matches!(path("serde::x(1)"), Some(Path::Other)));
        assert!(matches!(path("::status(1)"), Some(Path::Other)));
        assert!(matches!(path("r#status(1)"), Some(Path::Other)));
        assert!(matches!(path("r(1)"), Some(Path::List("r", "1)"))));
        assert!(path("statüs(1)").is_none());
        assert!(path("9(1)").is_none());
    }

    #[test]
    fn reads_a_constant_message_as_syn_does() {
        let one = |attr: &str| display(&[attr.to_owned()]);
        assert_eq!(
            one(r#"error("User not found")"#),
            Some(Some("User not found".to_owned()))
        );
        assert_eq!(
            one(r#"error("say \"hi\"")"#),
            Some(Some("say \"hi\"".to_owned()))
        );
        assert_eq!(one(r#"error("{0}")"#), Some(None));
        assert_eq!(one(r#"error("x", y)"#), Some(None));
        assert_eq!(one("error(transparent)"), Some(None));
        assert_eq!(one("error(rx)"), Some(None));
        assert_eq!(one("error('c')"), None);
        assert_eq!(one(r#"error = "x""#), Some(None));
        assert_eq!(one(r#"error(r"x")"#), None);
        assert_eq!(one(r#"error("\u{7b}")"#), None);
        // The first `error` decides, whatever its form; other attributes are passed over.
        let attrs = [r#"error = "x""#, r#"error("y")"#];
        assert_eq!(display(&attrs.map(str::to_owned)), Some(None));
        let attrs = [r#"doc = " x""#, r#"error("a")"#, r#"error("b")"#];
        assert_eq!(
            display(&attrs.map(str::to_owned)),
            Some(Some("a".to_owned()))
        );
    }
}
