//! The macro's own diagnostics, in process, against the checked-in `tests/ui/**/*.stderr`.
//!
//! The trybuild suite (`tests/ui.rs`) compiles one crate per case, which takes minutes. This
//! test lexes every case with `proc_macro2` (the `span-locations` feature gives each token its
//! line and column), runs [`expand_tokens`](crate::expand_tokens) on every item that derives
//! `ApiError`, and checks that the `compile_error!`s and warnings it emits are, message for
//! message and span for span, the ones rustc printed into the `.stderr`. The `.stderr` files
//! stay the single source of truth: `TRYBUILD=overwrite cargo test --test ui` regenerates them.
//!
//! Which diagnostics of a `.stderr` are the macro's:
//! - every code-less `error:` is the macro's: a `compile_error!` it emitted, or the `use of
//!   deprecated constant` lint on the constant by which [`Ctxt::warn`] warns (an error under
//!   `#![deny(warnings)]`, a `warning:` otherwise). No case has a code-less error from
//!   elsewhere: thiserror, the other derive on most cases, is always used correctly, and
//!   rustc's resolve and type errors all carry a code;
//! - a `warning:` is the macro's only as that deprecation lint; any other is a rustc lint;
//! - every diagnostic with a code (`error[E0277]`, `error[E0080]`) is rustc's: a type the
//!   user must fix, or the catalog's `const` panic, which only a compiler can evaluate, and
//!   is skipped here.
//!
//! [`Ctxt::warn`]: crate::ctxt::Ctxt::warn

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};

/// How rustc words the deprecation lint that carries a warning of [`Ctxt::warn`].
///
/// [`Ctxt::warn`]: crate::ctxt::Ctxt::warn
fn deprecated_message(constant: &str, note: &str) -> String {
    format!("use of deprecated constant `_::{constant}`: {note}")
}

/// One diagnostic as rustc prints it: where it starts (1-based line and column) and its text.
#[derive(Debug, PartialEq, Eq)]
struct Diagnostic {
    line: usize,
    column: usize,
    message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// The `.rs` files under `tests/ui/`, sorted, so that a failure report is stable.
fn cases() -> Vec<PathBuf> {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/ui");
    let mut cases = Vec::new();
    for group in fs::read_dir(&ui).expect("tests/ui") {
        for file in fs::read_dir(group.expect("tests/ui entry").path()).expect("ui group") {
            let path = file.expect("ui case").path();
            if path.extension().is_some_and(|ext| ext == "rs") {
                cases.push(path);
            }
        }
    }
    cases.sort();
    assert!(cases.len() > 60, "found only {} ui cases", cases.len());
    cases
}

/// The items of `tokens` that derive `ApiError` (also inside `mod x { ... }`), each with the
/// span of `ApiError` in its `#[derive(...)]`: where rustc puts the derive's call site.
fn derive_items(tokens: TokenStream, out: &mut Vec<(TokenStream, Span)>) {
    let mut item = Vec::new();
    for tt in tokens {
        let ends_item = match &tt {
            TokenTree::Punct(punct) => punct.as_char() == ';',
            TokenTree::Group(group) => group.delimiter() == Delimiter::Brace,
            _ => false,
        };
        item.push(tt);
        if ends_item {
            derive_item(std::mem::take(&mut item), out);
        }
    }
}

/// One item, from its first attribute to its `;` or closing brace.
fn derive_item(mut item: Vec<TokenTree>, out: &mut Vec<(TokenStream, Span)>) {
    // Inner attributes (`#![deny(warnings)]`) belong to the file, not to the item after them.
    while matches!(&item[..], [TokenTree::Punct(p), TokenTree::Punct(bang), TokenTree::Group(_), ..]
        if p.as_char() == '#' && bang.as_char() == '!')
    {
        item.drain(..3);
    }
    let mut derive = None;
    let mut rest = &item[..];
    while let [TokenTree::Punct(pound), TokenTree::Group(attr), tail @ ..] = rest {
        if pound.as_char() != '#' {
            break;
        }
        let mut attr = attr.stream().into_iter();
        if let (Some(TokenTree::Ident(name)), Some(TokenTree::Group(paths))) =
            (attr.next(), attr.next())
            && name == "derive"
        {
            derive = derive.or_else(|| {
                paths.stream().into_iter().find_map(|tt| match tt {
                    TokenTree::Ident(ident) if ident == "ApiError" => Some(ident.span()),
                    _ => None,
                })
            });
        }
        rest = tail;
    }
    if let [
        TokenTree::Ident(kw),
        TokenTree::Ident(_),
        TokenTree::Group(body),
    ] = skip_visibility(rest)
        && kw == "mod"
    {
        derive_items(body.stream(), out);
    } else if let Some(span) = derive {
        out.push((item.into_iter().collect(), span));
    }
}

/// `rest` after a leading `pub` or `pub(...)`.
fn skip_visibility(rest: &[TokenTree]) -> &[TokenTree] {
    match rest {
        [TokenTree::Ident(vis), TokenTree::Group(g), tail @ ..]
            if vis == "pub" && g.delimiter() == Delimiter::Parenthesis =>
        {
            tail
        }
        [TokenTree::Ident(vis), tail @ ..] if vis == "pub" => tail,
        _ => rest,
    }
}

/// Where rustc reports `span`: a call-site span is the derive's, at `ApiError`.
fn diagnostic(span: Span, call_site: Span, message: String) -> Diagnostic {
    let span = if span.byte_range() == (0..0) {
        call_site
    } else {
        span
    };
    let start = span.start();
    Diagnostic {
        line: start.line,
        column: start.column + 1,
        message,
    }
}

/// The text of a string literal token.
fn string(tt: &TokenTree) -> String {
    syn::parse2::<syn::LitStr>(tt.clone().into())
        .expect("a string literal")
        .value()
}

/// The macro's diagnostics in `tokens`, in order: each `compile_error! { "..." }`, and each
/// `#[deprecated(note = "...")] const NAME` of [`Ctxt::warn`](crate::ctxt::Ctxt::warn).
fn emitted(tokens: TokenStream, call_site: Span, out: &mut Vec<Diagnostic>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tt) in tokens.iter().enumerate() {
        match (tt, tokens.get(i + 1), tokens.get(i + 2)) {
            (
                TokenTree::Ident(ident),
                Some(TokenTree::Punct(bang)),
                Some(TokenTree::Group(args)),
            ) if ident == "compile_error" && bang.as_char() == '!' => {
                let message = args.stream().into_iter().next().expect("a message");
                out.push(diagnostic(ident.span(), call_site, string(&message)));
            }
            (TokenTree::Punct(pound), Some(TokenTree::Group(attr)), _)
                if pound.as_char() == '#' =>
            {
                let attr: Vec<TokenTree> = attr.stream().into_iter().collect();
                if let [TokenTree::Ident(name), TokenTree::Group(args)] = &attr[..]
                    && name == "deprecated"
                {
                    let note = args.stream().into_iter().last().expect("note = \"...\"");
                    let constant = tokens[i..]
                        .windows(2)
                        .find_map(|pair| match pair {
                            [TokenTree::Ident(kw), TokenTree::Ident(name)] if kw == "const" => {
                                Some(name)
                            }
                            _ => None,
                        })
                        .expect("the deprecated constant");
                    let message = deprecated_message(&constant.to_string(), &string(&note));
                    out.push(diagnostic(constant.span(), call_site, message));
                }
            }
            (TokenTree::Group(group), _, _) => emitted(group.stream(), call_site, out),
            _ => {}
        }
    }
}

/// The macro's diagnostics on one case, in the order rustc prints them.
fn actual(source: &str) -> Vec<Diagnostic> {
    let file = TokenStream::from_str(source).expect("the case lexes");
    let mut items = Vec::new();
    derive_items(file, &mut items);
    let mut out = Vec::new();
    for (item, call_site) in items {
        emitted(crate::expand_tokens(item), call_site, &mut out);
    }
    out
}

/// The macro's diagnostics on `source`, each as `LINE:COLUMN: MESSAGE`: for the unit tests of
/// the rules and spans that no `tests/ui` case shows.
pub(crate) fn diagnose(source: &str) -> Vec<String> {
    actual(source).iter().map(ToString::to_string).collect()
}

/// The code-less diagnostics of a `.stderr`: `error: MESSAGE` (or `warning:`), the message
/// possibly over several lines, then ` --> tests/ui/group/case.rs:LINE:COLUMN`.
fn expected(stderr: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut lines = stderr.lines();
    while let Some(line) = lines.next() {
        let warning = line.strip_prefix("warning: ");
        let Some(first) = line
            .strip_prefix("error: ")
            .or_else(|| warning.filter(|w| w.starts_with("use of deprecated constant")))
        else {
            continue; // `error[E...]`, rustc's own lints, notes and snippets
        };
        let mut message = first.to_owned();
        let location = loop {
            let line = lines.next().expect("a ` --> ` line after the message");
            if let Some(location) = line.trim_start().strip_prefix("--> ") {
                break location;
            }
            message.push('\n');
            message.push_str(line);
        };
        let mut parts = location.rsplitn(3, ':');
        let mut number = || {
            parts
                .next()
                .and_then(|n| n.parse().ok())
                .expect("FILE:LINE:COLUMN")
        };
        let column = number();
        let line = number();
        out.push(Diagnostic {
            line,
            column,
            message,
        });
    }
    out
}

/// A line diff of two lists: `-` expected only, `+` produced only.
fn diff(expected: &[Diagnostic], actual: &[Diagnostic]) -> String {
    let mut out = Vec::new();
    for i in 0..expected.len().max(actual.len()) {
        match (expected.get(i), actual.get(i)) {
            (Some(e), Some(a)) if e == a => out.push(format!("    {e}")),
            (e, a) => {
                out.extend(e.map(|e| format!("  - {e}")));
                out.extend(a.map(|a| format!("  + {a}")));
            }
        }
    }
    out.join("\n")
}

#[test]
fn diagnostics_match_ui_stderr() {
    let mut failures = Vec::new();
    for case in cases() {
        let source = fs::read_to_string(&case).expect("read the case");
        let stderr = case.with_extension("stderr");
        let is_pass = case.parent().is_some_and(|dir| dir.ends_with("pass"));
        let expected = if is_pass {
            Vec::new()
        } else {
            expected(&fs::read_to_string(&stderr).expect("every compile_fail case has a .stderr"))
        };
        let actual = actual(&source);
        if expected != actual {
            let name = case.strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join(".."));
            let name = name.unwrap_or(&case).display();
            failures.push(format!(
                "{name} (- .stderr, + macro):\n{}",
                diff(&expected, &actual)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "the macro's diagnostics differ from tests/ui:\n{}",
        failures.join("\n")
    );
}

/// The grammar's errors that no `tests/ui` case shows, through the whole macro.
mod grammar {
    use super::diagnose;

    fn on_variant(attr: &str) -> Vec<String> {
        diagnose(&format!(
            "#[derive(ApiError)] enum E {{ #[status({attr})] Missing }}"
        ))
    }

    fn on_field(attr: &str) -> Vec<String> {
        diagnose(&format!(
            "#[derive(ApiError)] enum E {{ #[status(404)] Missing {{ #[status({attr})] a: u8 }} }}"
        ))
    }

    /// `expose = "..."` and `header = "..."` name a field; on a variant they are misused.
    #[test]
    fn field_keys_with_value_on_a_variant() {
        assert_eq!(
            on_variant(r#"500, expose = "n""#),
            [
                r#"1:44: `expose` is written expose, or expose = "name" on a tuple field, not with `= value`"#
            ]
        );
        assert_eq!(
            on_variant(r#"404, header = "X-A""#),
            [
                r#"1:44: `header` is written header("X-Name" = "value") on a variant, header = "X-Name" on a field, not with `= value`"#
            ]
        );
    }

    /// A dashed word that is no key is one error, and the items after it are still read.
    #[test]
    fn a_dashed_unknown_key_is_skipped_to_the_next_item() {
        assert_eq!(
            on_variant(r#"404, retry-afte, code = "GONE_X""#),
            [
                "1:44: unknown key `retry-afte` in #[status(...)] on a variant; a key joins its words with `_`, and the keys here are: code, message, expose, redact, transparent, reason, www_authenticate, allow, retry_after, header"
            ]
        );
        assert_eq!(
            on_variant(r#"404, no-such-key = 1, code = "x""#),
            [
                "1:44: unknown key `no-such-key` in #[status(...)] on a variant; a key joins its words with `_`, and the keys here are: code, message, expose, redact, transparent, reason, www_authenticate, allow, retry_after, header",
                "1:68: code `x` needs at least two characters: a code is UPPER_SNAKE_CASE, [A-Z][A-Z0-9_]*[A-Z0-9], at most 63 characters (AIP-193); write code = \"X_ERROR\"",
            ]
        );
    }

    /// `max_header_bytes` counts as given once, like every key.
    #[test]
    fn max_header_bytes_given_twice() {
        assert_eq!(
            diagnose(
                "#[derive(ApiError)] #[status(max_header_bytes = 10, max_header_bytes = 20)] enum E { #[status(404)] Missing }"
            ),
            ["1:53: duplicate `max_header_bytes`"]
        );
    }

    #[test]
    fn problem_type_is_a_uri_base() {
        let on_enum = |attr: &str| {
            diagnose(&format!(
                "#[derive(ApiError)] #[status({attr})] enum E {{ #[status(404)] Missing }}"
            ))
        };
        assert_eq!(
            on_enum(r#"problem_type = "https://example.com/errors/""#),
            [""; 0]
        );
        assert_eq!(
            on_enum(r#"problem_type = "a b""#),
            [
                r#"1:45: `problem_type` is a URI base without spaces, e.g. problem_type = "https://api.example.com/errors/"; the code is appended to it (RFC 9457 §3.1.1)"#
            ]
        );
    }

    /// Each key's usage, as the error for `key(...)` shows it.
    #[test]
    fn every_key_shows_its_usage() {
        let table = [
            ("code", r#"code = "USER_NOT_FOUND""#),
            ("message", r#"message = "Try again later""#),
            ("reason", r#"reason = "Client Closed Request""#),
            (
                "www_authenticate",
                r#"www_authenticate = "Bearer realm=\"api\"""#,
            ),
            ("retry_after", "retry_after = 120"),
            ("crate", r#"crate = "::my_crate::status""#),
            ("format", r#"format = "problem""#),
            (
                "problem_type",
                r#"problem_type = "https://api.example.com/errors/""#,
            ),
            ("expose", r#"expose, or expose = "name" on a tuple field"#),
            ("redact", "redact"),
            ("transparent", "transparent"),
        ];
        for (key, usage) in table {
            let source = if ["crate", "format", "problem_type"].contains(&key) {
                format!(
                    "#[derive(ApiError)] #[status({key}(x))] enum E {{ #[status(404)] Missing }}"
                )
            } else {
                format!("#[derive(ApiError)] enum E {{ #[status(404, {key}(x))] Missing }}")
            };
            let column = source.find(&format!("{key}(")).unwrap() + 1;
            assert_eq!(
                diagnose(&source),
                [format!(
                    "1:{column}: `{key}` is written {usage}, not with `(...)`"
                )]
            );
        }
        assert_eq!(
            on_variant("404, allow = 1"),
            [r#"1:52: `allow` takes a string: allow = "GET, HEAD""#]
        );
    }

    /// A name with lowercase letters is a key, not a status name such as `NOT_FOUND`.
    #[test]
    fn mixed_case_is_a_key() {
        assert_eq!(
            on_variant("404, Code"),
            [
                "1:44: unknown key `Code` in #[status(...)] on a variant; did you mean `code`? the keys here are: code, message, expose, redact, transparent, reason, www_authenticate, allow, retry_after, header"
            ]
        );
    }

    #[test]
    fn reason_is_a_visible_phrase() {
        let message = "`reason` is a short phrase of visible characters, e.g. reason = \"Client Closed Request\"";
        assert_eq!(
            on_variant(r#"404, reason = " ""#),
            [format!("1:53: {message}")]
        );
        assert_eq!(
            on_variant(r#"404, reason = "a\nb""#),
            [format!("1:53: {message}")]
        );
    }

    #[test]
    fn variant_key_on_a_field() {
        assert_eq!(
            on_field(r#"code = "GONE""#),
            [
                r#"1:64: `code` is not allowed on a field; it belongs on the variant, a field takes `expose` and `header = "..."`: code = "USER_NOT_FOUND""#
            ]
        );
    }
}
