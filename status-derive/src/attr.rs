//! The `#[status(...)]` grammar, in the three places it may appear.
//!
//! `#[status(404, code = "...")]` starts with a literal, which `parse_nested_meta` rejects,
//! so the list is read by hand: a leading status (number or registry name), then flags
//! (`expose`), `key = value` pairs and `key(...)` lists.

use proc_macro2::Span;
use status_core::grammar;
use syn::parse::ParseStream;
use syn::{Attribute, Ident, LitStr, Meta, Path};

use crate::ctxt::Ctxt;
use crate::fast;

// A path, so that the fuzz target, which includes this file with `#[path]`, finds it too.
#[path = "attr/parser.rs"]
mod parser;

use parser::Parser;

/// Every key, in one place.
pub mod kw {
    pub const STATUS: &str = "status";
    pub const CODE: &str = "code";
    pub const MESSAGE: &str = "message";
    pub const EXPOSE: &str = "expose";
    pub const REDACT: &str = "redact";
    pub const TRANSPARENT: &str = "transparent";
    pub const REASON: &str = "reason";
    pub const WWW_AUTHENTICATE: &str = "www_authenticate";
    pub const ALLOW: &str = "allow";
    pub const RETRY_AFTER: &str = "retry_after";
    pub const HEADER: &str = "header";
    pub const CRATE: &str = "crate";
    pub const FORMAT: &str = "format";
    pub const PROBLEM_TYPE: &str = "problem_type";
    pub const MAX_HEADER_BYTES: &str = "max_header_bytes";

    /// The lints `allow(...)` can silence.
    pub const NAME_MISMATCH: &str = "name_mismatch";
    pub const LINTS: &[&str] = &[NAME_MISMATCH];
}

/// Where an attribute sits; decides which keys it takes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Enum,
    Variant,
    Struct,
    Field,
}

impl Place {
    fn keys(self) -> &'static [&'static str] {
        use kw::{
            ALLOW, CODE, CRATE, EXPOSE, FORMAT, HEADER, MAX_HEADER_BYTES, MESSAGE, PROBLEM_TYPE,
            REASON, REDACT, RETRY_AFTER, TRANSPARENT, WWW_AUTHENTICATE,
        };
        const VARIANT: &[&str] = &[
            CODE,
            MESSAGE,
            EXPOSE,
            REDACT,
            TRANSPARENT,
            REASON,
            WWW_AUTHENTICATE,
            ALLOW,
            RETRY_AFTER,
            HEADER,
        ];
        const ENUM: &[&str] = &[
            REASON,
            WWW_AUTHENTICATE,
            ALLOW,
            RETRY_AFTER,
            HEADER,
            CRATE,
            FORMAT,
            PROBLEM_TYPE,
            MAX_HEADER_BYTES,
        ];
        const STRUCT: &[&str] = &[
            CODE,
            MESSAGE,
            EXPOSE,
            REDACT,
            TRANSPARENT,
            REASON,
            WWW_AUTHENTICATE,
            ALLOW,
            RETRY_AFTER,
            HEADER,
            CRATE,
            FORMAT,
            PROBLEM_TYPE,
            MAX_HEADER_BYTES,
        ];
        const FIELD: &[&str] = &[EXPOSE, HEADER];
        match self {
            Place::Enum => ENUM,
            Place::Variant => VARIANT,
            Place::Struct => STRUCT,
            Place::Field => FIELD,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Place::Enum => "an enum",
            Place::Variant => "a variant",
            Place::Struct => "a struct",
            Place::Field => "a field",
        }
    }

    fn takes_status(self) -> bool {
        self != Place::Field
    }
}

/// A status as written: the number it names and the token that wrote it.
#[derive(Clone, Copy)]
pub struct StatusAttr {
    pub code: u16,
    pub span: Span,
}

/// A string value as written: its text, and the literal's span for errors.
#[derive(Clone)]
pub struct Text {
    pub value: String,
    pub span: Span,
}

impl From<&LitStr> for Text {
    fn from(lit: &LitStr) -> Self {
        Text {
            value: lit.value(),
            span: lit.span(),
        }
    }
}

/// A header fixed in the attribute.
#[derive(Clone)]
pub struct HeaderAttr {
    pub name: String,
    pub value: String,
}

/// The body format named by `format = "..."`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Plain,
    Problem,
}

/// Everything one place's `#[status(...)]` said.
#[derive(Default, Clone)]
pub struct Attrs {
    /// The `status` of the first attribute, for errors about the attribute as a whole.
    pub span: Option<Span>,
    pub status: Option<StatusAttr>,
    pub code: Option<Text>,
    pub message: Option<Text>,
    pub expose: Option<Span>,
    pub expose_as: Option<Text>,
    pub redact: Option<Span>,
    pub transparent: Option<Span>,
    pub reason: Option<Text>,
    pub headers: Vec<HeaderAttr>,
    pub field_header: Option<Text>,
    pub lints: Vec<Ident>,
    pub krate: Option<Path>,
    pub format: Option<Format>,
    pub problem_type: Option<Text>,
    /// `max_header_bytes = N`: the cap on a header value from a field.
    pub max_header_bytes: Option<usize>,
    /// A status was written, even one that was rejected: no "has no status" error then.
    pub status_written: bool,
    /// Every key given (status included), in order, for the rules about combinations.
    pub keys: Vec<(&'static str, Span)>,
}

impl Attrs {
    pub fn allows(&self, lint: &str) -> bool {
        self.lints.iter().any(|ident| ident == lint)
    }
}

/// Reads every `#[status(...)]` among `attrs`.
pub fn parse(cx: &Ctxt, attrs: &[Attribute], place: Place) -> Attrs {
    let mut out = Attrs::default();
    for attr in attrs {
        if !attr.path().is_ident(kw::STATUS) {
            continue;
        }
        if out.span.is_some() {
            cx.error_spanned(
                attr.path(),
                "duplicate #[status(...)] attribute; write every key in one #[status(...)]",
            );
            continue;
        }
        out.span = Some(
            attr.path()
                .get_ident()
                .map_or_else(Span::call_site, Ident::span),
        );
        match &attr.meta {
            Meta::List(list) => {
                if let Err(err) = list.parse_args_with(|input: ParseStream| {
                    let mut parser = Parser {
                        cx,
                        place,
                        out: &mut out,
                    };
                    parser.parse_list(input)
                }) {
                    cx.push(err);
                }
            }
            // The status was meant, and written wrong: reported once, not also as missing.
            Meta::Path(path) => {
                out.status_written = true;
                cx.error_spanned(
                    path,
                    format!("#[status] needs arguments here: {}", example(place)),
                );
            }
            Meta::NameValue(meta) => {
                out.status_written = true;
                cx.error_spanned(
                    meta.eq_token,
                    format!("#[status] takes a list, not `= value`: {}", example(place)),
                );
            }
        }
    }
    out
}

/// Reads every `#[status(...)]` among `attrs` given as the text of their bracket groups
/// (see `crate::fast`), through the same checks as [`parse`]. `None` where the text leaves
/// the common grammar: syn's reading decides those, with the user's spans.
pub fn parse_text(cx: &Ctxt, attrs: &[String], place: Place) -> Option<Attrs> {
    let mut out = Attrs::default();
    for attr in attrs {
        match fast::path(attr)? {
            fast::Path::List(kw::STATUS, list) => {
                if out.span.is_some() {
                    return None;
                }
                out.span = Some(Span::call_site());
                let mut parser = Parser {
                    cx,
                    place,
                    out: &mut out,
                };
                parser.parse_text(list)?;
            }
            fast::Path::Bare(kw::STATUS) => return None,
            _ => {}
        }
    }
    Some(out)
}

fn example(place: Place) -> &'static str {
    match place {
        Place::Field => "#[status(expose)] or #[status(header = \"Retry-After\")]",
        Place::Enum => "#[status(500)] for a default status, or #[status(format = \"problem\")]",
        Place::Variant | Place::Struct => {
            "#[status(404)] or #[status(NOT_FOUND, code = \"USER_NOT_FOUND\")]"
        }
    }
}

fn usage(key: &str) -> &'static str {
    match key {
        kw::CODE => "code = \"USER_NOT_FOUND\"",
        kw::MESSAGE => "message = \"Try again later\"",
        kw::REASON => "reason = \"Client Closed Request\"",
        kw::WWW_AUTHENTICATE => "www_authenticate = \"Bearer realm=\\\"api\\\"\"",
        kw::ALLOW => "allow = \"GET, HEAD\"",
        kw::RETRY_AFTER => "retry_after = 120",
        kw::HEADER => "header(\"X-Name\" = \"value\") on a variant, header = \"X-Name\" on a field",
        kw::CRATE => "crate = \"::my_crate::status\"",
        kw::FORMAT => "format = \"problem\"",
        kw::PROBLEM_TYPE => "problem_type = \"https://api.example.com/errors/\"",
        kw::MAX_HEADER_BYTES => "max_header_bytes = 16384",
        kw::EXPOSE => "expose, or expose = \"name\" on a tuple field",
        kw::REDACT => "redact",
        kw::TRANSPARENT => "transparent",
        _ => "#[status(404)]",
    }
}

/// What is wrong with a header the attribute names, if anything: a field the server owns
/// (`Upgrade` is checked per status, in [`check`]).
pub fn header_name(name: &str) -> Option<String> {
    if !status_core::is_valid_header_name(name) {
        return Some(format!(
            "`{name}` is not a header name: a field name is a token of letters, digits and !#$%&'*+-.^_`|~ (RFC 9110 §5.1)"
        ));
    }
    // Where the rule names its own fix, that is the fix; otherwise the header goes.
    grammar::reserved_header(name, 426).map(|why| {
        if why.contains("#[status(") {
            format!("`{name}` is {why}")
        } else {
            format!("`{name}` is {why}; remove it")
        }
    })
}

/// A header value's grammar: `Err` with what is wrong.
type Grammar = fn(&str) -> Result<(), String>;

/// What is wrong with a header value written in the attribute, if anything: a character a
/// field may not carry, or a value outside its header's grammar.
pub fn header_value(name: &str, value: &str) -> Option<String> {
    if let Some(c) = value.chars().find(|c| !c.is_ascii()) {
        return Some(format!(
            "the value of `{name}` holds `{c}`, which is not ASCII: clients read a field value as ASCII (RFC 9110 §5.5); percent-encode it, or send the text in the body"
        ));
    }
    if !status_core::is_valid_header_value(value.as_bytes()) {
        return Some(format!(
            "the value of `{name}` holds a character a header may not carry (CR, LF or another control); a field value is visible ASCII, spaces and tabs (RFC 9110 §5.5)"
        ));
    }
    let (check, rule, example): (Grammar, _, _) = match name.to_ascii_lowercase().as_str() {
        "www-authenticate" => (
            grammar::challenge_list,
            "RFC 9110 §11.6.1",
            "www_authenticate = \"Bearer realm=\\\"api\\\"\"",
        ),
        "proxy-authenticate" => (
            grammar::challenge_list,
            "RFC 9110 §11.7.1",
            "header(\"Proxy-Authenticate\" = \"Basic realm=\\\"proxy\\\"\")",
        ),
        "retry-after" => (
            grammar::retry_after,
            "RFC 9110 §10.2.3",
            "retry_after = 120",
        ),
        "allow" => (
            grammar::method_list,
            "RFC 9110 §10.2.1",
            "allow = \"GET, HEAD\"",
        ),
        _ => return None,
    };
    check(value)
        .err()
        .map(|why| format!("the value of `{name}` {why} ({rule}); e.g. {example}"))
}

#[cfg(test)]
mod tests {
    //! The grammar's errors that no `tests/ui` case shows, through the whole macro.

    use crate::diagnostics::diagnose;

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
