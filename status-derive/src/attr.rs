//! The `#[status(...)]` grammar, in the three places it may appear.
//!
//! `#[status(404, code = "...")]` starts with a literal, which `parse_nested_meta` rejects,
//! so the list is read by hand: a leading status (number or registry name), then flags
//! (`expose`), `key = value` pairs and `key(...)` lists.

use proc_macro2::Span;
use status_core::registry::REGISTRY;
use syn::ext::IdentExt as _;
use syn::parse::ParseStream;
use syn::{Attribute, Error, Ident, Lit, LitInt, LitStr, Meta, Path, Token};

use crate::ctxt::Ctxt;
use crate::names::{
    self, example, header_name_problem, header_value_problem, is_status_name, usage,
};
pub use crate::names::{Place, kw};

/// A status as written: the number it names and the token that wrote it.
#[derive(Clone, Copy)]
pub struct StatusAttr {
    pub code: u16,
    pub span: Span,
}

/// A string value as written: its text, and the literal's span for errors.
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
#[derive(Default)]
pub struct Attrs {
    /// The `status` of the first attribute, for errors about the attribute as a whole.
    pub span: Option<Span>,
    pub status: Option<StatusAttr>,
    pub code: Option<Text>,
    pub message: Option<Text>,
    /// The name of `expose = "name"`; `expose` itself is among `keys`, as are `redact` and
    /// `transparent`.
    pub expose_as: Option<Text>,
    pub reason: Option<Text>,
    pub headers: Vec<HeaderAttr>,
    pub field_header: Option<Text>,
    pub lints: Vec<Ident>,
    pub krate: Option<Path>,
    pub format: Option<Format>,
    pub problem_type: Option<Text>,
    pub max_header_bytes: Option<usize>,
    /// A status was written, even one that was rejected: no "has no status" error then.
    pub status_written: bool,
    /// Every key given (status included), in order, for the rules about combinations.
    pub keys: Vec<(&'static str, Span)>,
}

impl Attrs {
    /// Where `key` was given, if it was.
    pub fn given(&self, key: &str) -> Option<Span> {
        self.keys
            .iter()
            .find(|(k, _)| *k == key)
            .map(|&(_, span)| span)
    }

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
        out.span = Some(attr.path().segments[0].ident.span());
        match &attr.meta {
            Meta::List(list) => {
                let mut parser = Parser {
                    cx,
                    place,
                    out: &mut out,
                };
                let items = |input: ParseStream| each(input, &mut |input| parser.parse_item(input));
                if let Err(err) = list.parse_args_with(items) {
                    cx.push(err);
                }
            }
            // The status was meant and written wrong: one error, not also "no status".
            Meta::Path(path) => {
                out.status_written = true;
                let msg = format!("#[status] needs arguments here: {}", example(place));
                cx.error_spanned(path, msg);
            }
            Meta::NameValue(meta) => {
                out.status_written = true;
                let msg = format!("#[status] takes a list, not `= value`: {}", example(place));
                cx.error_spanned(meta.eq_token, msg);
            }
        }
    }
    out
}

struct Parser<'a> {
    cx: &'a Ctxt,
    place: Place,
    out: &'a mut Attrs,
}

impl Parser<'_> {
    fn parse_item(&mut self, input: ParseStream) -> syn::Result<()> {
        if input.peek(Token![-]) {
            self.out.status_written = true;
            self.whole_number(input, "a status code is a number in 100..=599 (RFC 9110 §15); a negative number is not a status")?;
            return Ok(());
        }
        // A literal (`true` and `false` among them, as syn reads them), parsed once: a
        // `peek` of a literal type parses it too.
        let cursor = input.cursor();
        if let Some((token, _)) = cursor.literal() {
            // Plain decimal digits are read from the token's text, without syn's parse.
            let digits = token.to_string();
            if !digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit()) {
                input.parse::<proc_macro2::TokenTree>()?;
                self.number(&digits, token.span());
                return Ok(());
            }
        }
        if cursor.literal().is_some()
            || cursor
                .ident()
                .is_some_and(|(i, _)| matches!(i.to_string().as_str(), "true" | "false"))
        {
            let lit: Lit = input.parse()?;
            if let Lit::Int(lit) = &lit {
                self.number(lit.base10_digits(), lit.span());
                return Ok(());
            }
            self.out.status_written = true;
            let msg = match &lit {
                Lit::Str(s) => format!(
                    "a status is written as a number or a registry name, not a string: #[status({})]",
                    s.value().trim()
                ),
                Lit::Float(_) => "a status code is a whole number in 100..=599 (RFC 9110 §15), e.g. #[status(404)]".to_owned(),
                _ => "expected a status code such as 404 or NOT_FOUND".to_owned(),
            };
            self.cx.error_spanned(&lit, msg);
            return Ok(());
        }
        if input.peek(Ident::peek_any) {
            let mut ident = input.call(Ident::parse_any)?;
            if input.peek(Token![-]) && input.peek2(Ident::peek_any) {
                match self.dashed_key(&ident, input)? {
                    Some(key) => ident = key,
                    None => return Ok(()),
                }
            }
            if input.peek(Token![=]) {
                input.parse::<Token![=]>()?;
                return self.key_value(&ident, input);
            }
            if input.peek(syn::token::Paren) {
                let content;
                syn::parenthesized!(content in input);
                return self.key_list(&ident, &content);
            }
            self.flag_or_name(&ident.unraw().to_string(), ident.span());
            return Ok(());
        }
        Err(input.error(
            "expected a status (404 or NOT_FOUND) or a key such as `code = \"USER_NOT_FOUND\"`",
        ))
    }

    /// Records that `key` was given at `span`; false (with the error reported) when the key
    /// does not belong here or was given before.
    fn accept(&mut self, key: &'static str, span: Span) -> bool {
        if key == kw::STATUS {
            if !self.place.takes_status() {
                self.cx.error(
                    span,
                    "a field has no status of its own; the status goes on the variant: #[status(404)]",
                );
                return false;
            }
        } else if self.place.key(key).is_none() {
            self.cx.error(span, names::misplaced(key, self.place));
            return false;
        }
        if self.out.given(key).is_some() {
            let what = if key == kw::STATUS {
                "status; a variant has one status".to_owned()
            } else {
                format!("`{key}`")
            };
            self.cx.error(span, format!("duplicate {what}"));
            return false;
        }
        self.out.keys.push((key, span));
        true
    }

    /// A status written as a number.
    fn number(&mut self, digits: &str, span: Span) {
        self.out.status_written = true;
        // Parsed as a `u64`, the one integer type the crate parses (each is generic code to
        // build), then narrowed: a status fits a `u16`.
        match digits.parse::<u64>().ok().and_then(|n| u16::try_from(n).ok()) {
            Some(code @ 100..=599) => self.status(code, span),
            _ => self.cx.error(
                span,
                format!(
                    "`{digits}` is not an HTTP status code: a status code is a number in 100..=599 (RFC 9110 §15); an error takes 400..=499 or 500..=599"
                ),
            ),
        }
    }

    /// A bare word: a flag (`expose`, `redact`, `transparent`) or a status name; `name`
    /// without `r#`.
    fn flag_or_name(&mut self, name: &str, span: Span) {
        if let Some(flag) = [kw::EXPOSE, kw::REDACT, kw::TRANSPARENT]
            .into_iter()
            .find(|k| *k == name)
        {
            self.accept(flag, span);
        } else if !is_status_name(name) || !self.place.takes_status() {
            self.unknown(name, span, None);
        } else if let Some(row) = REGISTRY.iter().find(|row| row.name == name) {
            self.status(row.code, span);
        } else {
            self.out.status_written = true;
            let names: Vec<&str> = REGISTRY.iter().map(|row| row.name).collect();
            let hint = match names::nearest(name, &names) {
                Some(near) => format!("; did you mean `{near}`?"),
                None => "; write the number, or a name such as NOT_FOUND or SERVICE_UNAVAILABLE"
                    .to_owned(),
            };
            self.cx
                .error(span, format!("unknown status name `{name}`{hint}"));
        }
    }

    /// The status, written as a number or a name.
    fn status(&mut self, code: u16, span: Span) {
        self.out.status_written = true;
        if self.accept(kw::STATUS, span) {
            self.out.status = Some(StatusAttr { code, span });
        }
    }

    fn unknown(&self, name: &str, span: Span, how: Option<&str>) {
        self.cx
            .error(span, names::unknown_key(name, self.place, how));
    }

    /// `retry-after`, a key written with dashes as its header is: one error that shows the
    /// key, which then counts as given, so a 401 does not also report its challenge
    /// missing. A dashed name that is no key is skipped to the next item.
    fn dashed_key(&mut self, first: &Ident, input: ParseStream) -> syn::Result<Option<Ident>> {
        let (mut tokens, mut name) = (quote::quote!(#first), first.unraw().to_string());
        while input.peek(Token![-]) && input.peek2(Ident::peek_any) {
            let minus: Token![-] = input.parse()?;
            let part = input.call(Ident::parse_any)?;
            name = format!("{name}_{}", part.unraw());
            tokens.extend(quote::quote!(#minus #part));
        }
        let known = self.place.key(&name).is_some();
        self.cx
            .error_spanned(tokens, names::dashed_key(&name, self.place));
        if known {
            return Ok(Some(Ident::new(&name, first.span())));
        }
        while !input.is_empty() && !input.peek(Token![,]) {
            input.parse::<proc_macro2::TokenTree>()?;
        }
        Ok(None)
    }

    fn key_value(&mut self, ident: &Ident, input: ParseStream) -> syn::Result<()> {
        let name = ident.unraw().to_string();
        let span = ident.span();
        let Some(key) = names::value_key(self.place, &name) else {
            // Consume the value so the rest of the list still parses.
            let _: proc_macro2::TokenTree = input.parse()?;
            if name == kw::STATUS {
                self.cx.error(
                    span,
                    "the status comes first, without a key: #[status(404, ...)]",
                );
            } else if self.place.key(&name).is_some() {
                self.unknown(&name, span, Some("with `= value`"));
            } else {
                self.unknown(&name, span, None);
            }
            return Ok(());
        };
        match key {
            kw::MAX_HEADER_BYTES => match self.whole_number(input, MAX_BYTES)? {
                Some((bytes @ 1..=65_536, _)) if self.accept(key, span) => {
                    self.out.max_header_bytes = usize::try_from(bytes).ok();
                }
                Some((1..=65_536, _)) | None => {}
                Some((_, at)) => self.cx.error(at, MAX_BYTES),
            },
            kw::RETRY_AFTER if !input.peek(LitStr) => {
                if let Some((seconds, at)) = self.whole_number(input, RETRY_AFTER)? {
                    let value = seconds.to_string();
                    self.string_value(key, span, Text { value, span: at });
                }
            }
            _ => {
                let text = string(input, key)?;
                self.string_value(key, span, text);
            }
        }
        Ok(())
    }

    /// A whole number: its value and span, or `None` with `msg` reported at what was written
    /// instead (a negative number as a whole).
    fn whole_number(&self, input: ParseStream, msg: &str) -> syn::Result<Option<(u64, Span)>> {
        if input.peek(Token![-]) {
            let minus: Token![-] = input.parse()?;
            let lit: Lit = input.parse()?;
            self.cx.error_spanned(quote::quote!(#minus #lit), msg);
            return Ok(None);
        }
        let lit: LitInt = input.parse().map_err(|err| Error::new(err.span(), msg))?;
        match lit.base10_parse::<u64>() {
            Ok(number) => Ok(Some((number, lit.span()))),
            Err(_) => {
                self.cx.error(lit.span(), msg);
                Ok(None)
            }
        }
    }

    /// `key = "..."` for a key [`names::value_key`] returned; `span` is the key's.
    fn string_value(&mut self, key: &'static str, span: Span, lit: Text) {
        if !self.accept(key, span) {
            return;
        }
        match key {
            kw::CODE => self.out.code = Some(lit),
            kw::MESSAGE => self.out.message = Some(lit),
            kw::REASON => self.reason(lit),
            kw::PROBLEM_TYPE => self.problem_type(lit),
            kw::CRATE => match LitStr::new(&lit.value, lit.span).parse::<Path>() {
                Ok(path) => self.out.krate = Some(path),
                Err(_) => self.cx.error(
                    lit.span,
                    "`crate` takes a path: crate = \"::my_crate::status\"",
                ),
            },
            kw::FORMAT => match lit.value.as_str() {
                "plain" => self.out.format = Some(Format::Plain),
                "problem" => self.out.format = Some(Format::Problem),
                other => self.cx.error(
                    lit.span,
                    format!(
                        "unknown format `{other}`; the formats are \"plain\" ({{\"error\", \"code\"}} as application/json) and \"problem\" (RFC 9457 application/problem+json)"
                    ),
                ),
            },
            kw::WWW_AUTHENTICATE => self.header("WWW-Authenticate", &lit, span),
            kw::ALLOW => self.header("Allow", &lit, span),
            kw::RETRY_AFTER => self.header("Retry-After", &lit, span),
            kw::EXPOSE => self.out.expose_as = Some(lit),
            _ => match header_name_problem(&lit.value) {
                Some(msg) => self.cx.error(lit.span, msg),
                None => self.out.field_header = Some(lit),
            },
        }
    }

    fn key_list(&mut self, ident: &Ident, content: ParseStream) -> syn::Result<()> {
        let name = ident.unraw().to_string();
        let span = ident.span();
        if name == kw::ALLOW {
            // `allow(name_mismatch)`: lints, not the `Allow` header.
            return each(content, &mut |content| {
                let lint = content.call(Ident::parse_any)?;
                if kw::LINTS.contains(&lint.to_string().as_str()) {
                    self.out.lints.push(lint);
                } else {
                    let hint = names::nearest(&lint.to_string(), kw::LINTS)
                        .map(|near| format!("did you mean `{near}`? "))
                        .unwrap_or_default();
                    self.cx.error(
                        lint.span(),
                        format!(
                            "unknown lint `{lint}`; {hint}allow(...) takes: {}",
                            names::list(kw::LINTS)
                        ),
                    );
                }
                Ok(())
            });
        }
        if name == kw::HEADER && self.place != Place::Field {
            return each(content, &mut |content| {
                let header = string(content, "header")?;
                content.parse::<Token![=]>().map_err(|err| {
                    Error::new(
                        err.span(),
                        "write a header as header(\"X-Name\" = \"value\")",
                    )
                })?;
                let value = string(content, "header")?;
                match header_name_problem(&header.value) {
                    Some(msg) => self.cx.error(header.span, msg),
                    None => self.header(&header.value, &value, header.span),
                }
                Ok(())
            });
        }
        let _: proc_macro2::TokenStream = content.parse()?;
        self.unknown(&name, span, Some("with `(...)`"));
        Ok(())
    }

    /// A header the attribute sets. A value the grammar rejects still counts as given, so a
    /// 401 with a malformed challenge reports the challenge, not also a missing header.
    fn header(&mut self, name: &str, value: &Text, span: Span) {
        let text = value.value.clone();
        if let Some(msg) = header_value_problem(name, &text) {
            self.cx.error(value.span, msg);
        }
        if self
            .out
            .headers
            .iter()
            .any(|h| h.name.eq_ignore_ascii_case(name))
        {
            self.cx.error(
                span,
                format!("duplicate header `{name}`; give each header once"),
            );
            return;
        }
        self.out.headers.push(HeaderAttr {
            name: name.to_owned(),
            value: text,
        });
    }

    fn reason(&mut self, lit: Text) {
        let text = &lit.value;
        if text.trim().is_empty() || !status_core::is_valid_header_value(text.as_bytes()) {
            self.cx.error(lit.span, "`reason` is a short phrase of visible characters, e.g. reason = \"Client Closed Request\"");
        } else {
            self.out.reason = Some(lit);
        }
    }

    fn problem_type(&mut self, lit: Text) {
        let text = &lit.value;
        if text.is_empty() || text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            self.cx.error(
                lit.span,
                "`problem_type` is a URI base without spaces, e.g. problem_type = \"https://api.example.com/errors/\"; the code is appended to it (RFC 9457 §3.1.1)",
            );
        } else {
            self.out.problem_type = Some(lit);
        }
    }
}

/// Calls `item` on each item of a comma-separated list (a trailing comma allowed).
fn each(
    input: ParseStream,
    item: &mut dyn FnMut(ParseStream) -> syn::Result<()>,
) -> syn::Result<()> {
    while !input.is_empty() {
        item(input)?;
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(())
}

/// What `max_header_bytes` takes.
const MAX_BYTES: &str = "`max_header_bytes` is a number of bytes in 1..=65536, the longest header value sent from a field: max_header_bytes = 16384";

/// What `retry_after` takes.
const RETRY_AFTER: &str = "`retry_after` is a non-negative whole number of seconds or an HTTP-date (RFC 9110 §10.2.3): retry_after = 120";

/// A string value: read from the literal's text when it has no escapes, else through syn
/// (whose parse of a literal is most of this macro's reading time).
fn string(input: ParseStream, key: &str) -> syn::Result<Text> {
    if let Some((token, _)) = input.cursor().literal()
        && let Some(value) = names::plain_string(&token)
    {
        input.parse::<proc_macro2::TokenTree>()?;
        return Ok(Text {
            value,
            span: token.span(),
        });
    }
    let lit = input.parse::<LitStr>().map_err(|err| {
        Error::new(
            err.span(),
            format!("`{key}` takes a string: {}", usage(key)),
        )
    })?;
    Ok(Text::from(&lit))
}
