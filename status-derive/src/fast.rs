//! A second reader of the input, for the inputs almost every user writes: an enum or struct
//! without generics whose attributes hold plain literals. It walks the token trees one
//! level deep and reads the text of all attributes at once, in one call to the compiler,
//! where syn's `DeriveInput` visits every token, in the macro's unoptimized build. At 1,000
//! variants: 16 ms for syn's parse and 15 ms for its attributes, against 4–5 ms for this
//! walk and 5.5–6 ms for its attributes (when each attribute was a call of its own; the
//! one call saved 3 M more instructions, see [`Batch`]).
//!
//! It decides nothing on its own: the attribute text goes to the same checks as syn's
//! reading (`attr::parse_text`), and the model to the same rules and code generation. It
//! declines (returns `None`) on anything outside its grammar, and `expand::derive_fast`
//! declines whenever a rule reports an error or a warning, so every diagnostic comes from
//! syn's reading with the user's spans. The property tests check that both readers expand
//! every input the fast one accepts to the same tokens.

// Byte loops below are written for the macro's unoptimized build: `#[inline(always)]` is the
// one inlining it does, and `is_ascii_*` methods are calls there.
#![allow(clippy::inline_always, clippy::manual_is_ascii_check)]

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
    /// No `{...}` or `(...)` after the name.
    pub unit: bool,
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
    let mut batch = Batch::default();
    let mut node = walk(tokens, &mut batch)?;
    // `walk` left an empty text for each attribute, in the order it pushed their groups.
    let mut texts = batch.texts()?;
    let mut next = 0;
    let mut fill = |attrs: &mut [String]| -> Option<()> {
        for attr in attrs {
            *attr = std::mem::take(texts.get_mut(next)?);
            next += 1;
        }
        Some(())
    };
    fill(&mut node.attrs)?;
    match &mut node.data {
        Data::Enum(variants) => {
            for variant in variants {
                fill(&mut variant.attrs)?;
                for field in &mut variant.fields {
                    fill(&mut field.attrs)?;
                }
            }
        }
        Data::Struct(fields) => {
            for field in fields {
                fill(&mut field.attrs)?;
            }
        }
    }
    Some(node)
}

/// Every attribute of the input, read from the compiler in one call: their groups printed
/// as one text, then cut at the brackets. Asking for each attribute's text is a round trip
/// to the compiler and a copy of its stream, twice over through proc-macro2; at 1,000
/// variants, 2,250 of them. `expand::shared_arms` prints field types the same way, each in
/// a bracket group of its own.
#[derive(Default)]
pub struct Batch {
    groups: TokenStream,
    count: usize,
}

impl Batch {
    /// Takes the group. The empty text returned holds its place in the node until
    /// [`Batch::texts`]; a caller that keeps the texts' order itself drops it.
    pub fn push(&mut self, group: proc_macro2::Group) -> String {
        // One tree at a time: proc-macro2 holds them until the stream is read, and this
        // `extend` is one the macro already compiles (see `ty`).
        self.groups.extend([TokenTree::Group(group)]);
        self.count += 1;
        String::new()
    }

    /// The text inside each group's brackets, in order.
    pub fn texts(self) -> Option<Vec<String>> {
        if self.count == 0 {
            return Some(Vec::new());
        }
        // proc-macro2 prints a copy of the stream; the compiler's own stream prints as is.
        let text = if proc_macro::is_available() {
            proc_macro::TokenStream::from(self.groups).to_string()
        } else {
            self.groups.to_string()
        };
        let texts = cut(&text)?;
        (texts.len() == self.count).then_some(texts)
    }
}

/// The texts inside the top-level `[...]` of printed bracket groups. It follows string
/// literals, plain, byte, C and raw (doc comments reach a derive as raw strings), and
/// declines on a `'` (a char or a lifetime) and on anything outside brackets. Indexing and
/// comparisons only: the macro's build is unoptimized, where every method is a call.
fn cut(text: &str) -> Option<Vec<String>> {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut i = 0;
    while i < len {
        let byte = bytes[i];
        i += 1;
        match byte {
            b'[' | b'(' | b'{' => {
                if depth == 0 {
                    if byte != b'[' {
                        return None;
                    }
                    start = i;
                }
                depth += 1;
            }
            b']' | b')' | b'}' => {
                if depth == 0 {
                    return None;
                }
                depth -= 1;
                if depth == 0 {
                    out.push(text[start..i - 1].to_owned());
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ if depth == 0 => return None,
            b'"' => {
                // A plain string, or one after a `b` or `c` prefix (read as a word below).
                while i < len && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if i >= len {
                    return None;
                }
                i += 1;
            }
            b'\'' => return None,
            b'r' | b'b' | b'c'
                if i < len && (bytes[i] == b'"' || bytes[i] == b'#' || bytes[i] == b'r') =>
            {
                // `r"..."`, `r#"..."#`, `br"..."`, `cr"..."`, or an identifier (`r#x`, `b`,
                // `crate`) when no raw string follows.
                if byte != b'r' {
                    if bytes[i] != b'r' {
                        continue;
                    }
                    i += 1;
                }
                let open = i;
                while i < len && bytes[i] == b'#' {
                    i += 1;
                }
                if i < len && bytes[i] == b'"' {
                    i = raw_end(bytes, i + 1, i - open)?;
                }
            }
            // The rest of a word: a raw string's prefix only starts one.
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => i = word_end(bytes, i),
            _ => {}
        }
    }
    (depth == 0).then_some(out)
}

/// The index after a raw string's closing `"` and `hashes` `#`s, from its first byte.
fn raw_end(bytes: &[u8], mut i: usize, hashes: usize) -> Option<usize> {
    let len = bytes.len();
    while i < len {
        if bytes[i] == b'"' {
            let mut n = 0;
            while n < hashes && i + 1 + n < len && bytes[i + 1 + n] == b'#' {
                n += 1;
            }
            if n == hashes {
                return Some(i + 1 + n);
            }
        }
        i += 1;
    }
    None
}

fn walk(tokens: TokenStream, batch: &mut Batch) -> Option<Node> {
    let mut trees = tokens.into_iter().peekable();
    let attrs = attributes(&mut trees, batch)?;
    visibility(&mut trees, false)?;
    let keyword = ident(trees.next())?;
    let ident = ident(trees.next())?;
    let data = if keyword == "enum" {
        let body = group(trees.next(), Delimiter::Brace)?;
        Data::Enum(variants(body, batch)?)
    } else if keyword == "struct" {
        match trees.next()? {
            TokenTree::Group(g) if g.delimiter() == Delimiter::Brace => {
                Data::Struct(fields(g.stream(), true, batch)?)
            }
            TokenTree::Group(g) if g.delimiter() == Delimiter::Parenthesis => {
                punct(trees.next(), ';')?;
                Data::Struct(fields(g.stream(), false, batch)?)
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

fn variants(body: TokenStream, batch: &mut Batch) -> Option<Vec<Variant>> {
    let mut trees = body.into_iter().peekable();
    let mut out = Vec::new();
    while trees.peek().is_some() {
        let attrs = attributes(&mut trees, batch)?;
        let ident = ident(trees.next())?;
        let (fields, unit) = match trees.peek() {
            Some(TokenTree::Group(g)) => {
                let named = match g.delimiter() {
                    Delimiter::Brace => true,
                    Delimiter::Parenthesis => false,
                    _ => return None,
                };
                let stream = g.stream();
                trees.next();
                (fields(stream, named, batch)?, false)
            }
            _ => (Vec::new(), true),
        };
        out.push(Variant {
            attrs,
            ident,
            fields,
            unit,
        });
        if trees.peek().is_some() {
            punct(trees.next(), ',')?;
        }
    }
    Some(out)
}

fn fields(body: TokenStream, named: bool, batch: &mut Batch) -> Option<Vec<Field>> {
    let mut trees = body.into_iter().peekable();
    let mut out = Vec::new();
    while trees.peek().is_some() {
        let attrs = attributes(&mut trees, batch)?;
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

/// `#[...]` attributes, their groups into `batch`; their texts are filled in later.
fn attributes(trees: &mut Trees, batch: &mut Batch) -> Option<Vec<String>> {
    let mut out = Vec::new();
    while matches!(trees.peek(), Some(TokenTree::Punct(p)) if p.as_char() == '#') {
        trees.next();
        match trees.next()? {
            TokenTree::Group(g) if g.delimiter() == Delimiter::Bracket => {
                out.push(batch.push(g));
            }
            _ => return None,
        }
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
    let bytes = text.as_bytes();
    let len = bytes.len();
    let start = skip_space(bytes, 0);
    if start + 1 < len && bytes[start] == b':' && bytes[start + 1] == b':' {
        return Some(Path::Other);
    }
    let end = word_end(bytes, start);
    if end == start || matches!(bytes[start], b'0'..=b'9') {
        return None;
    }
    let name = text.get(start..end)?;
    let after = skip_space(bytes, end);
    if after == len {
        return Some(Path::Bare(name));
    }
    match bytes[after] {
        b':' if after + 1 < len && bytes[after + 1] == b':' => Some(Path::Other),
        b'#' if end == start + 1 && bytes[start] == b'r' => Some(Path::Other),
        b'(' => Some(Path::List(name, text.get(after + 1..)?)),
        b'=' => Some(Path::Bare(name)),
        _ => None,
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
///
/// Byte indices and plain loops throughout: this runs for every attribute, in the macro's
/// unoptimized build, where iterator adapters, closures and `str` slicing are calls.
pub struct Lexer<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Lexer<'t> {
    pub fn new(text: &'t str) -> Self {
        Lexer { text, at: 0 }
    }

    #[allow(clippy::should_implement_trait, clippy::option_option)] // `None` declines
    pub fn next(&mut self) -> Option<Option<Tok<'t>>> {
        let text = self.text;
        let bytes = text.as_bytes();
        let len = bytes.len();
        let start = skip_space(bytes, self.at);
        if start == len {
            self.at = start;
            return Some(None);
        }
        let first = bytes[start];
        let (tok, end) = match first {
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let end = word_end(bytes, start);
                // `r#x`, `r"..."`, `b"..."`, `c"..."` and idents that go on in Unicode.
                if end < len && matches!(bytes[end], b'#' | b'"' | b'\'' | 0x80..) {
                    return None;
                }
                (Tok::Ident(text.get(start..end)?), end)
            }
            b'0'..=b'9' => {
                let end = word_end(bytes, start);
                let mut i = start;
                while i < end && matches!(bytes[i], b'0'..=b'9') {
                    i += 1;
                }
                if i < end || (end < len && bytes[end] == b'.') {
                    return None;
                }
                (Tok::Int(text.get(start..end)?), end)
            }
            b'"' => {
                let (value, end) = string(text, start + 1)?;
                if end < len
                    && matches!(bytes[end], b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | 0x80..)
                {
                    return None; // a suffix
                }
                (Tok::Str(value), end)
            }
            b'(' | b'[' | b'{' => (Tok::Open(first), start + 1),
            b')' | b']' | b'}' => (Tok::Close(first), start + 1),
            b'\'' | b'/' => return None,
            b'!'..=b'/' | b':'..=b'@' | b'['..=b'`' | b'{'..=b'~' => (Tok::Punct(first), start + 1),
            _ => return None,
        };
        self.at = end;
        Some(Some(tok))
    }
}

/// The index of the first byte from `i` on that is not ASCII whitespace (the printers
/// write no other; anything else is then declined as an unknown character).
#[inline(always)]
fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// The index after the ASCII identifier characters from `i` on.
#[inline(always)]
fn word_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && matches!(bytes[i], b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_') {
        i += 1;
    }
    i
}

/// The value of the string literal whose text starts at `i`, after its opening quote, and
/// the index after its closing one.
fn string(text: &str, mut i: usize) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut value = String::new();
    loop {
        let start = i;
        while i < len && bytes[i] != b'"' && bytes[i] != b'\\' {
            i += 1;
        }
        if i == len {
            return None;
        }
        let piece = text.get(start..i)?;
        if bytes[i] == b'"' {
            if value.is_empty() {
                return Some((piece.to_owned(), i + 1));
            }
            value.push_str(piece);
            return Some((value, i + 1));
        }
        value.push_str(piece);
        if i + 1 == len {
            return None;
        }
        value.push(match bytes[i + 1] {
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'0' => '\0',
            b'\\' => '\\',
            b'"' => '"',
            b'\'' => '\'',
            _ => return None, // `\x`, `\u{...}`, a line continuation: syn reads them
        });
        i += 2;
    }
}

#[cfg(test)]
mod tests {
    use super::{Lexer, Path, Tok, cut, display, path};

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
    fn cuts_printed_groups_at_their_brackets() {
        let texts = |text: &str| cut(text).map(|texts| texts.join("|"));
        assert_eq!(
            texts(r#"[error("a ] b")] [status(404, code = "A")]"#).as_deref(),
            Some(r#"error("a ] b")|status(404, code = "A")"#)
        );
        // The printer breaks long lines; escaped quotes and backslashes stay inside.
        assert_eq!(
            texts("[doc = \" say \\\"[\\\\\"]\n\t[x(y[1], {z})]").as_deref(),
            Some("doc = \" say \\\"[\\\\\"|x(y[1], {z})")
        );
        // Raw strings, with and without hashes, and byte and C strings.
        assert_eq!(
            texts("[doc = r\"]\"] [doc = r#\"a \"]\" b\"#] [x(br##\"]\"#\"##, b\"]\", c\"]\", cr\"]\")]")
                .as_deref(),
            Some("doc = r\"]\"|doc = r#\"a \"]\" b\"#|x(br##\"]\"#\"##, b\"]\", c\"]\", cr\"]\")")
        );
        // A quote inside a raw string closes it only with its hashes after it: `"]` and `"#`
        // here do not, or the group would end inside the string. A `#` after the closing
        // hashes is a token of its own.
        assert_eq!(
            texts("[doc = r#\"a\"]\"#] [x(r##\"b\"#]\"## # c)] [y(r#\"d\"## e)]").as_deref(),
            Some("doc = r#\"a\"]\"#|x(r##\"b\"#]\"## # c)|y(r#\"d\"## e)")
        );
        // Words that start like a raw string's prefix are words.
        assert_eq!(
            texts("[r#type(crate, b, bring)]").as_deref(),
            Some("r#type(crate, b, bring)")
        );
        assert_eq!(texts("").as_deref(), Some(""));
        for text in [
            "[x('a')]",
            "[x('a)]",
            "x [y]",
            "(y)",
            "[x] ]",
            "[x(]",
            "[x(\"]",
            "[x(r#\"]\")]",
            "[x(\"\\",
            // Raw strings that never close, to the last byte.
            "[x(r#\"]\"",
            "[x(r##\"]\"#",
        ] {
            assert_eq!(cut(text), None, "{text}");
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
