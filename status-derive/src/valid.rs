//! The rules that need more than one attribute: status class and registration, required
//! headers, codes (format and uniqueness), and the combinations of keys. Produces the
//! checked model that `expand` reads.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use proc_macro2::Span;
use status_core::registry::registered;

use crate::ast::{Field, Input, Variant, member_name, unraw};
use crate::attr::{Attrs, StatusAttr, Text, kw};
use crate::ctxt::Ctxt;
pub use crate::header::{Header, HeaderValue};
use crate::{header, names};

pub struct Mapping<'a> {
    pub variant: &'a Variant<'a>,
    pub kind: Kind<'a>,
}

pub enum Kind<'a> {
    Own(Own<'a>),
    Transparent(&'a Field<'a>),
}

pub struct Own<'a> {
    pub status: u16,
    pub reason: String,
    pub code: String,
    pub message: Message<'a>,
    pub headers: Vec<Header<'a>>,
    pub exposed: Vec<(String, &'a Field<'a>)>,
}

pub enum Message<'a> {
    Display,
    Reason,
    Fixed(String),
    /// `message = "the price of {sku} is too low"`: the text, and its pieces in order.
    Template(String, Vec<Piece<'a>>),
}

/// A piece of a message template: text as it is sent, or a field whose `Display` goes there.
pub enum Piece<'a> {
    Text(String),
    Field(&'a Field<'a>),
}

/// Members the bodies already use: an exposed field may not take their names.
const RESERVED: &[&str] = &[
    "error",
    "code",
    "type",
    "title",
    "status",
    "detail",
    "instance",
    "request_id",
];

pub fn check<'a>(cx: &Ctxt, input: &'a Input<'a>) -> Vec<Mapping<'a>> {
    let container = input.container();
    if input.is_enum() {
        if let Some(status) = container.status {
            check_status(cx, status, container.reason.as_ref(), input.ident);
        } else if let Some(reason) = &container.reason {
            cx.error(reason.span, "`reason` names an unregistered status; give the status too: #[status(499, reason = \"...\")]");
        }
    }
    // Each code's first variant, by index.
    let mut codes = HashMap::with_capacity(input.variants().len());
    let mut mappings = Vec::new();
    for (index, variant) in input.variants().iter().enumerate() {
        let kind = match variant.attrs.given(kw::TRANSPARENT) {
            Some(span) => transparent(cx, variant, span),
            None => own(cx, input, index, &mut codes).map(Kind::Own),
        };
        if let Some(kind) = kind {
            mappings.push(Mapping { variant, kind });
        }
    }
    mappings
}

fn transparent<'a>(cx: &Ctxt, variant: &'a Variant<'a>, span: Span) -> Option<Kind<'a>> {
    for &(key, key_span) in &variant.attrs.keys {
        if !matches!(
            key,
            kw::TRANSPARENT | kw::CRATE | kw::FORMAT | kw::PROBLEM_TYPE
        ) {
            let what = if key == kw::STATUS {
                "a status".to_owned()
            } else {
                format!("`{key}`")
            };
            cx.error(
                key_span,
                format!("{what} has no effect beside `transparent`: the inner error supplies status, code, message and headers; remove it"),
            );
        }
    }
    if variant.fields.len() != 1 {
        cx.error(
            span,
            format!(
                "`transparent` hands status, code, message, headers and body to the variant's one field, but `{}` has {} fields; a transparent variant holds exactly one field that is itself an ApiError, e.g. {}(#[from] InnerError)",
                variant.ident,
                variant.fields.len(),
                variant.ident,
            ),
        );
        return None;
    }
    let field = &variant.fields[0];
    for &(key, key_span) in &field.attrs.keys {
        cx.error(key_span, format!("`{key}` has no effect on the field of a transparent variant: the inner error decides its own body and headers"));
    }
    Some(Kind::Transparent(field))
}

fn own<'a>(
    cx: &Ctxt,
    input: &'a Input<'a>,
    index: usize,
    codes: &mut HashMap<String, usize>,
) -> Option<Own<'a>> {
    let variants = input.variants();
    let variant = &variants[index];
    let attrs = &variant.attrs;
    let container = input.container();
    let inherited = attrs.status.is_none() && input.is_enum();
    let from = if inherited { container } else { attrs };
    let (status, reason_lit) = (from.status, from.reason.as_ref());

    let code = code(cx, variants, index, codes);
    let message = message(cx, variant, status);

    let Some(status) = status else {
        if attrs.status_written {
            return None; // the status itself was reported
        }
        let suggested = suggestion(variant.ident);
        cx.error(
            variant.ident.span(),
            format!(
                "`{}` has no status; an error response needs a 4xx or 5xx (RFC 9110 §15): add {suggested}, or give the enum a default such as #[status(500)]",
                variant.ident
            ),
        );
        return None;
    };
    if !inherited {
        check_status(cx, status, reason_lit, variant.ident);
    }
    let reason = match (registered(status.code), reason_lit) {
        (Some(row), _) => row.phrase.to_owned(),
        (None, Some(lit)) => lit.value.clone(),
        (None, None) => String::new(),
    };

    let headers = header::headers(cx, input, variant, status, inherited);
    let exposed = exposed(cx, variant);
    if status.code >= 400 {
        name_mismatch(cx, container, variant, status.code);
    }
    Some(Own {
        status: status.code,
        reason,
        code: code?,
        message,
        headers,
        exposed,
    })
}

/// The status a variant's name suggests, as the attribute that gives it and its phrase:
/// `#[status(404)] (Not Found)`.
fn suggestion(ident: &syn::Ident) -> String {
    let suggested = names::suggested_status(&unraw(ident));
    let phrase = registered(suggested).map_or("", |row| row.phrase);
    format!("#[status({suggested})] ({phrase})")
}

fn check_status(cx: &Ctxt, status: StatusAttr, reason: Option<&Text>, ident: &syn::Ident) {
    let code = status.code;
    let class = match code / 100 {
        1 => Some(
            "an informational status: an interim response, never a final answer (RFC 9110 §15.2)",
        ),
        2 => Some(
            "a success status: an error must never be sent as success, every client that checks the status would read it as one (RFC 9110 §15.3)",
        ),
        3 => Some(
            "a redirection status: it sends the client elsewhere, it does not report an error (RFC 9110 §15.4)",
        ),
        _ => None,
    };
    if let Some(class) = class {
        let display = match registered(code) {
            Some(row) => format!("{code} {}", row.phrase),
            None => code.to_string(),
        };
        cx.error(
            status.span,
            format!(
                "`{display}` is {class}; an error is a 4xx (the client must change its request) or a 5xx (the server failed); for `{ident}`, {}",
                suggestion(ident)
            ),
        );
        return;
    }
    match (registered(code), reason) {
        (Some(row), Some(reason)) => cx.error(
            reason.span,
            format!(
                "{code} is registered as \"{}\" ({}); `reason` is only for unregistered codes, remove it",
                row.phrase, row.section
            ),
        ),
        (None, None) => {
            let base = if code < 500 { "400 Bad Request" } else { "500 Internal Server Error" };
            let why = match code {
                418 => "418 is reserved and unused (RFC 9110 §15.5.19)".to_owned(),
                510 => "510 Not Extended is obsoleted (RFC 2774 is historic)".to_owned(),
                _ => format!("{code} is not a registered status code"),
            };
            cx.error(
                status.span,
                format!(
                    "{why}: clients read it as {base} (RFC 9110 §15) and it has no reason phrase; name it with #[status({code}, reason = \"...\")], or use a registered code"
                ),
            );
        }
        _ => {}
    }
}

fn code(
    cx: &Ctxt,
    variants: &[Variant],
    index: usize,
    codes: &mut HashMap<String, usize>,
) -> Option<String> {
    let variant = &variants[index];
    let (code, span) = match &variant.attrs.code {
        Some(lit) => (lit.value.clone(), lit.span),
        None => (names::upper_snake(&variant.name), variant.ident.span()),
    };
    if let Some(problem) = names::code_problem(&code) {
        let fixed = names::corrected_code(&code);
        let msg = if variant.attrs.code.is_some() {
            format!(
                "code `{code}` {problem}: a code is UPPER_SNAKE_CASE, [A-Z][A-Z0-9_]*[A-Z0-9], at most 63 characters (AIP-193); write code = \"{fixed}\""
            )
        } else {
            format!(
                "the default code of `{}` is `{code}`, which {problem}: a code is UPPER_SNAKE_CASE, [A-Z][A-Z0-9_]*[A-Z0-9], at most 63 characters (AIP-193); give one with code = \"{fixed}\"",
                variant.ident
            )
        };
        cx.error(span, msg);
        return None;
    }
    // One lookup, into a map sized for every variant: hashing is slow in the unoptimized
    // macro.
    let first = match codes.entry(code.clone()) {
        Entry::Occupied(first) => *first.get(),
        Entry::Vacant(slot) => {
            slot.insert(index);
            return Some(code);
        }
    };
    cx.error(
        span,
        format!(
            "code `{code}` is already used by `{}`; clients switch on codes, so one code must name one error (AIP-193): give this variant its own, e.g. code = \"{}\"",
            variants[first].ident,
            names::upper_snake(&variant.name),
        ),
    );
    None
}

fn message<'a>(cx: &Ctxt, variant: &'a Variant<'a>, status: Option<StatusAttr>) -> Message<'a> {
    let attrs = &variant.attrs;
    let server = status.is_some_and(|s| s.code >= 500);
    let client = status.is_some_and(|s| (400..500).contains(&s.code));
    let (expose, redact) = (attrs.given(kw::EXPOSE), attrs.given(kw::REDACT));
    if let (Some(expose), Some(redact)) = (expose, redact) {
        let at = |key: &str| attrs.keys.iter().position(|k| k.0 == key);
        let (later, span, earlier) = if at(kw::EXPOSE) > at(kw::REDACT) {
            (kw::EXPOSE, expose, kw::REDACT)
        } else {
            (kw::REDACT, redact, kw::EXPOSE)
        };
        cx.error(span, format!("`{later}` contradicts `{earlier}`: `expose` sends the Display text, `redact` sends the reason phrase; keep one"));
        return Message::Reason;
    }
    if let Some(message) = &attrs.message {
        for (key, span) in [(kw::EXPOSE, expose), (kw::REDACT, redact)] {
            if let Some(span) = span {
                cx.error(span, format!("`{key}` contradicts `message`: `message` already fixes the public text; keep one"));
            }
        }
        if !names::has_any(&message.value, b"{}") {
            return Message::Fixed(message.value.clone());
        }
        return match template(variant, &message.value) {
            Ok(pieces) => Message::Template(message.value.clone(), pieces),
            Err(why) => {
                cx.error(message.span, why);
                Message::Reason
            }
        };
    }
    if let Some(span) = expose {
        if client {
            cx.error(span, "`expose` has no effect on a 4xx: a client error already sends its Display text; remove it");
        }
        return Message::Display;
    }
    if let Some(span) = redact {
        if server {
            cx.error(span, "`redact` has no effect on a 5xx: a server error already sends its reason phrase, never its Display text (RFC 9457 §5); remove it");
        }
        return Message::Reason;
    }
    if server {
        Message::Reason
    } else {
        Message::Display
    }
}

/// The pieces of `message = "..."` with `{field}` in it, as thiserror reads `#[error]`:
/// `{name}` or `{0}` is the field's `Display`, `{{` and `}}` are braces.
fn template<'a>(variant: &'a Variant<'a>, text: &str) -> Result<Vec<Piece<'a>>, String> {
    let names: Vec<String> = variant
        .fields
        .iter()
        .map(|f| member_name(&f.member))
        .collect();
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}']) {
        literal.push_str(&rest[..at]);
        let brace = &rest[at..=at];
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix(brace) {
            literal.push_str(brace);
            rest = after;
            continue;
        }
        if brace == "}" {
            return Err("a `}` in `message` without its `{`; write `}}` for a brace".into());
        }
        let Some(end) = rest.find('}') else {
            return Err("a `{` in `message` without its `}`; write `{{` for a brace".into());
        };
        let name = &rest[..end];
        rest = &rest[end + 1..];
        let Some(field) = names
            .iter()
            .position(|n| n == name)
            .map(|i| &variant.fields[i])
        else {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            if name.contains([':', '!']) {
                return Err(format!(
                    "`{{{name}}}` in `message` formats a field with a spec; a template takes `{{field}}` alone, and the field's `Display` decides its text"
                ));
            }
            return Err(match (names::nearest(name, &names), names.is_empty()) {
                (_, true) => format!(
                    "`{{{name}}}` in `message` names no field: `{}` has none; write `{{{{` for a brace",
                    variant.ident
                ),
                (Some(near), _) => format!(
                    "`{{{name}}}` in `message` names no field of `{}`; did you mean `{{{near}}}`?",
                    variant.ident
                ),
                (None, _) => format!(
                    "`{{{name}}}` in `message` names no field of `{}`; its fields are: {}",
                    variant.ident,
                    names::list(&names)
                ),
            });
        };
        if !literal.is_empty() {
            pieces.push(Piece::Text(std::mem::take(&mut literal)));
        }
        pieces.push(Piece::Field(field));
    }
    literal.push_str(rest);
    if !literal.is_empty() {
        pieces.push(Piece::Text(literal));
    }
    Ok(pieces)
}

fn exposed<'a>(cx: &Ctxt, variant: &'a Variant<'a>) -> Vec<(String, &'a Field<'a>)> {
    let mut out: Vec<(String, &Field)> = Vec::new();
    for field in &variant.fields {
        let Some(span) = field.attrs.given(kw::EXPOSE) else {
            continue;
        };
        let (name, span) = match (&field.attrs.expose_as, &field.member) {
            (Some(lit), _) => (lit.value.clone(), lit.span),
            (None, syn::Member::Named(ident)) => (unraw(ident), span),
            (None, syn::Member::Unnamed(index)) => {
                cx.error(span, format!("field {} of a tuple variant has no name to send; write #[status(expose = \"name\")]", index.index));
                continue;
            }
        };
        if name.is_empty() {
            cx.error(
                span,
                "an exposed field needs a name: #[status(expose = \"name\")]",
            );
        } else if RESERVED.contains(&name.as_str()) {
            cx.error(
                span,
                format!("an exposed field named `{name}` would overwrite the body's own `{name}` member; send it under another name: #[status(expose = \"{name}_value\")]"),
            );
        } else if out.iter().any(|(other, _)| *other == name) {
            cx.error(span, format!("two exposed fields are named `{name}`; a JSON member appears once, rename one with #[status(expose = \"...\")]"));
        } else {
            out.push((name, field));
        }
    }
    out
}

fn name_mismatch(cx: &Ctxt, container: &Attrs, variant: &Variant, status: u16) {
    if variant.attrs.allows(kw::NAME_MISMATCH) || container.allows(kw::NAME_MISMATCH) {
        return;
    }
    let name = variant.name.as_str();
    let Some(named) = names::named_status(name) else {
        return;
    };
    if named.code == status {
        return;
    }
    let mapped = registered(status).map_or(String::new(), |row| format!(" {}", row.phrase));
    let why = match (named.code, status) {
        (401, 403) | (403, 401) => {
            " (401 means *who are you?*: no valid credentials; 403 means *I know you, but you may not*)"
        }
        _ => "",
    };
    let note = format!(
        "`{name}` is mapped to {status}{mapped}, but its name is the reason phrase of {} {}{why}; use #[status({})], or silence this with #[status({status}, allow(name_mismatch))]",
        named.code, named.phrase, named.code
    );
    cx.warn(
        variant.ident.span(),
        &format!("{name}_is_mapped_to_{status}"),
        &note,
    );
}

#[cfg(test)]
mod tests {
    //! The rules no `tests/ui` case shows, through the whole macro: message and span.

    use crate::diagnostics::diagnose;

    /// Of `expose` and `redact`, the later is reported, whichever order they come in.
    #[test]
    fn expose_and_redact_report_the_later() {
        let contradicts = |later: &str, earlier: &str| {
            format!(
                "`{later}` contradicts `{earlier}`: `expose` sends the Display text, `redact` sends the reason phrase; keep one"
            )
        };
        assert_eq!(
            diagnose("#[derive(ApiError)] enum E { #[status(500, redact, expose)] Gone }"),
            [format!("1:52: {}", contradicts("expose", "redact"))]
        );
        assert_eq!(
            diagnose("#[derive(ApiError)] enum E { #[status(500, expose, redact)] Gone }"),
            [format!("1:52: {}", contradicts("redact", "expose"))]
        );
    }

    /// A template's pieces: its text as sent (a doubled brace is one), and each field where
    /// it is named, adjacent fields and a field at either end included.
    #[test]
    fn template_pieces() {
        use crate::ast::{Input, member_name};
        use crate::valid::{Piece, template};

        let node: syn::DeriveInput = syn::parse_str("enum E { V { sku: u8, n: u8 } }").unwrap();
        let cx = crate::ctxt::Ctxt::default();
        let input = Input::from_syn(&cx, &node);
        let pieces = |text: &str| -> Vec<String> {
            template(&input.variants()[0], text)
                .unwrap()
                .iter()
                .map(|piece| match piece {
                    Piece::Text(text) => format!("{text:?}"),
                    Piece::Field(field) => member_name(&field.member),
                })
                .collect()
        };
        assert_eq!(
            pieces("a {{b}} {sku}{n} c"),
            [r#""a {b} ""#, "sku", "n", r#"" c""#]
        );
        assert_eq!(pieces("{n}"), ["n"]);
        assert_eq!(pieces("{sku}: {{}}"), ["sku", r#"": {}""#]);
    }

    /// A variant that inherits the enum's 401 inherits its `WWW-Authenticate` too.
    #[test]
    fn inherited_header_meets_inherited_requirement() {
        let source =
            r#"#[derive(ApiError)] #[status(401, www_authenticate = "Bearer")] enum E { NoToken }"#;
        assert_eq!(diagnose(source), [""; 0]);
    }

    #[test]
    fn two_exposed_fields_with_one_name() {
        let field = |name: &str, n: &str| format!(r#"#[status(expose = "{n}")] {name}: u8"#);
        let source = |a: &str, b: &str| {
            format!(
                "#[derive(ApiError)] enum E {{ #[status(404)] Missing {{ {}, {} }} }}",
                field("a", a),
                field("b", b)
            )
        };
        assert_eq!(diagnose(&source("n", "m")), [""; 0]);
        assert_eq!(
            diagnose(&source("n", "n")),
            [
                "1:104: two exposed fields are named `n`; a JSON member appears once, rename one with #[status(expose = \"...\")]"
            ]
        );
    }
}
