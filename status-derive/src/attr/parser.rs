//! Reading one `#[status(...)]` list: a leading status (number or registry name), then
//! flags (`expose`), `key = value` pairs and `key(...)` lists, each checked against the
//! place it sits in.

use proc_macro2::Span;
use syn::ext::IdentExt as _;
use syn::parse::ParseStream;
use syn::{Error, Ident, Lit, LitInt, LitStr, Path, Token};

use super::{Attrs, Format, HeaderAttr, Place, StatusAttr, Text, kw, usage};
use crate::ctxt::Ctxt;
use crate::fast::{Lexer, Tok};
use crate::names;

pub(super) struct Parser<'a> {
    pub(super) cx: &'a Ctxt,
    pub(super) place: Place,
    pub(super) out: &'a mut Attrs,
}

impl Parser<'_> {
    pub(super) fn parse_list(&mut self, input: ParseStream) -> syn::Result<()> {
        while !input.is_empty() {
            self.parse_item(input)?;
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(())
    }

    fn parse_item(&mut self, input: ParseStream) -> syn::Result<()> {
        if input.peek(Token![-]) {
            self.out.status_written = true;
            let minus: Token![-] = input.parse()?;
            let lit: Lit = input.parse()?;
            self.cx.error_spanned(
                quote::quote!(#minus #lit),
                "a status code is a number in 100..=599 (RFC 9110 §15); a negative number is not a status",
            );
            return Ok(());
        }
        if input.peek(LitInt) {
            let lit: LitInt = input.parse()?;
            self.number(&lit);
            return Ok(());
        }
        if input.peek(Lit) {
            self.out.status_written = true;
            let lit: Lit = input.parse()?;
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

    /// The list after `status(` as text (see `crate::fast`), through the same checks as
    /// [`parse_list`](Self::parse_list), every span the call site's. `None` where the text
    /// leaves the common grammar (`allow(...)`, negative numbers, a misplaced token...):
    /// syn's reading decides those.
    pub(super) fn parse_text(&mut self, list: &str) -> Option<()> {
        let span = Span::call_site();
        let mut lexer = Lexer::new(list);
        let mut tok = lexer.next()??;
        loop {
            match tok {
                Tok::Close(b')') => break,
                Tok::Int(digits) => {
                    self.status_number(digits.parse().ok(), digits, span);
                    tok = lexer.next()??;
                }
                Tok::Ident(name) => {
                    tok = lexer.next()??;
                    if tok == Tok::Punct(b'=') {
                        let key = self.value_key(name)?;
                        match lexer.next()?? {
                            Tok::Str(value) => self.string_value(key, span, Text { value, span }),
                            Tok::Int(digits) if key == kw::RETRY_AFTER => {
                                self.retry_after_seconds(digits.parse().ok()?, span, span);
                            }
                            _ => return None,
                        }
                        tok = lexer.next()??;
                    } else if tok == Tok::Open(b'(') {
                        if name != kw::HEADER
                            || self.place == Place::Field
                            || !self.place.keys().contains(&kw::HEADER)
                        {
                            return None;
                        }
                        self.header_text(&mut lexer, span)?;
                        tok = lexer.next()??;
                    } else {
                        self.flag_or_name(name, span);
                    }
                }
                _ => return None,
            }
            match tok {
                Tok::Close(b')') => break,
                Tok::Punct(b',') => tok = lexer.next()??,
                _ => return None,
            }
        }
        // Nothing follows an attribute's `(...)`: the compiler parsed it as one.
        Some(())
    }

    /// The pairs of `header("X-Name" = "value", ...)` after its `(`, to its `)`.
    fn header_text(&mut self, lexer: &mut Lexer, span: Span) -> Option<()> {
        loop {
            let name = match lexer.next()?? {
                Tok::Close(b')') => return Some(()),
                Tok::Str(name) => name,
                _ => return None,
            };
            let (Tok::Punct(b'='), Tok::Str(value)) = (lexer.next()??, lexer.next()??) else {
                return None;
            };
            self.header_pair(Text { value: name, span }, &Text { value, span });
            match lexer.next()?? {
                Tok::Close(b')') => return Some(()),
                Tok::Punct(b',') => {}
                _ => return None,
            }
        }
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
        } else if !self.place.keys().contains(&key) {
            self.misplaced(key, span);
            return false;
        }
        if let Some(&(_, _)) = self.out.keys.iter().find(|(k, _)| *k == key) {
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

    /// A key that exists, but not in this place.
    fn misplaced(&self, key: &str, span: Span) {
        {
            let hint = match (key, self.place) {
                (
                    kw::CODE | kw::MESSAGE | kw::EXPOSE | kw::REDACT | kw::TRANSPARENT,
                    Place::Enum,
                ) => "; it belongs on a variant".to_owned(),
                (
                    kw::CRATE | kw::FORMAT | kw::PROBLEM_TYPE | kw::MAX_HEADER_BYTES,
                    Place::Variant,
                ) => "; it belongs on the enum".to_owned(),
                (_, Place::Field) => {
                    "; it belongs on the variant, a field takes `expose` and `header = \"...\"`"
                        .to_owned()
                }
                _ => String::new(),
            };
            self.cx.error(
                span,
                format!(
                    "`{key}` is not allowed on {}{hint}: {}",
                    self.place.name(),
                    usage(key)
                ),
            );
        }
    }

    fn number(&mut self, lit: &LitInt) {
        let code = lit.base10_parse::<u64>().ok();
        self.status_number(code, lit.base10_digits(), lit.span());
    }

    /// A status written as a number: `code` is its value (`None` if it does not fit a
    /// `u64`), `digits` its decimal text.
    pub(super) fn status_number(&mut self, code: Option<u64>, digits: &str, span: Span) {
        self.out.status_written = true;
        match code.and_then(|n| u16::try_from(n).ok()) {
            Some(code @ 100..=599) => {
                if self.accept(kw::STATUS, span) {
                    self.out.status = Some(StatusAttr { code, span });
                }
            }
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
    pub(super) fn flag_or_name(&mut self, name: &str, span: Span) {
        match name {
            kw::EXPOSE => {
                if self.accept(kw::EXPOSE, span) {
                    self.out.expose = Some(span);
                }
            }
            kw::REDACT => {
                if self.accept(kw::REDACT, span) {
                    self.out.redact = Some(span);
                }
            }
            kw::TRANSPARENT => {
                if self.accept(kw::TRANSPARENT, span) {
                    self.out.transparent = Some(span);
                }
            }
            _ if is_status_name(name) && self.place.takes_status() => {
                self.out.status_written = true;
                match status_core::registry::REGISTRY
                    .iter()
                    .find(|row| row.name == name)
                {
                    Some(row) => {
                        if self.accept(kw::STATUS, span) {
                            self.out.status = Some(StatusAttr {
                                code: row.code,
                                span,
                            });
                        }
                    }
                    None => {
                        let mut names = Vec::new();
                        for row in status_core::registry::REGISTRY {
                            names.push(row.name);
                        }
                        let hint = match names::nearest(name, &names) {
                            Some(near) => format!("; did you mean `{near}`?"),
                            None => "; write the number, or a name such as NOT_FOUND or SERVICE_UNAVAILABLE".to_owned(),
                        };
                        self.cx
                            .error(span, format!("unknown status name `{name}`{hint}"));
                    }
                }
            }
            _ => self.unknown(name, span, None),
        }
    }

    fn unknown(&self, name: &str, span: Span, how: Option<&str>) {
        let keys = self.place.keys();
        let mut known = None;
        for &key in keys {
            if key == name {
                known = Some(key);
                break;
            }
        }
        if known.is_none() && name == kw::STATUS {
            known = Some(kw::STATUS);
        }
        if known.is_none() && Place::Struct.keys().contains(&name) {
            self.misplaced(name, span);
            return;
        }
        let msg = if let Some(key) = known {
            let usage = usage(key);
            format!(
                "`{key}` is written {usage}{}",
                how.map(|h| format!(", not {h}")).unwrap_or_default()
            )
        } else {
            let hint = names::nearest(name, keys)
                .map(|near| format!("did you mean `{near}`? "))
                .unwrap_or_default();
            format!(
                "unknown key `{name}` in #[status(...)] on {}; {hint}the keys here are: {}",
                self.place.name(),
                names::list(keys)
            )
        };
        self.cx.error(span, msg);
    }

    /// `www-authenticate`, a key written with dashes as the header is: one error that shows
    /// the key, which then counts as given, so a 401 does not also report its challenge
    /// missing. A dashed name that is no key is skipped to the next item.
    fn dashed_key(&mut self, first: &Ident, input: ParseStream) -> syn::Result<Option<Ident>> {
        let mut tokens = quote::quote!(#first);
        let mut name = first.unraw().to_string();
        while input.peek(Token![-]) && input.peek2(Ident::peek_any) {
            let minus: Token![-] = input.parse()?;
            let part = input.call(Ident::parse_any)?;
            tokens.extend(quote::quote!(#minus #part));
            name = format!("{name}_{}", part.unraw());
        }
        if self.place.keys().contains(&name.as_str()) {
            self.cx.error_spanned(
                tokens,
                format!(
                    "unknown key `{}`; did you mean `{name}`? A key joins its words with `_`",
                    name.replace('_', "-")
                ),
            );
            return Ok(Some(Ident::new(&name, first.span())));
        }
        self.cx.error_spanned(
            tokens,
            format!(
                "unknown key `{name}` in #[status(...)] on {}; a key joins its words with `_`, and the keys here are: {}",
                self.place.name(),
                names::list(self.place.keys())
            ),
        );
        while !input.is_empty() && !input.peek(Token![,]) {
            let _: proc_macro2::TokenTree = input.parse()?;
        }
        Ok(None)
    }

    fn key_value(&mut self, ident: &Ident, input: ParseStream) -> syn::Result<()> {
        let name = ident.unraw().to_string();
        let span = ident.span();
        let Some(key) = self.value_key(&name) else {
            // Consume the value so the rest of the list still parses.
            let _: proc_macro2::TokenTree = input.parse()?;
            if name == kw::STATUS {
                self.cx.error(
                    span,
                    "the status comes first, without a key: #[status(404, ...)]",
                );
            } else if self.place.keys().contains(&name.as_str()) {
                self.unknown(&name, span, Some("with `= value`"));
            } else {
                self.unknown(&name, span, None);
            }
            return Ok(());
        };
        if key == kw::MAX_HEADER_BYTES {
            let lit: LitInt = input
                .parse()
                .map_err(|err| Error::new(err.span(), MAX_HEADER_BYTES))?;
            match lit.base10_parse::<usize>() {
                Ok(bytes @ 1..=65_536) if self.accept(key, span) => {
                    self.out.max_header_bytes = Some(bytes);
                }
                Ok(1..=65_536) => {}
                _ => self.cx.error(lit.span(), MAX_HEADER_BYTES),
            }
            return Ok(());
        }
        if key != kw::RETRY_AFTER {
            let lit = string(input, key)?;
            self.string_value(key, span, Text::from(&lit));
            return Ok(());
        }
        if input.peek(Token![-]) {
            let minus: Token![-] = input.parse()?;
            let lit: Lit = input.parse()?;
            self.cx
                .error_spanned(quote::quote!(#minus #lit), RETRY_AFTER);
            return Ok(());
        }
        if input.peek(LitStr) {
            let lit: LitStr = input.parse()?;
            self.string_value(key, span, Text::from(&lit));
            return Ok(());
        }
        let lit: LitInt = input
            .parse()
            .map_err(|err| Error::new(err.span(), RETRY_AFTER))?;
        match lit.base10_parse::<u64>() {
            Ok(seconds) => self.retry_after_seconds(seconds, lit.span(), span),
            Err(_) => self.cx.error(lit.span(), RETRY_AFTER),
        }
        Ok(())
    }

    /// The key `name` names if it takes `= value` in this place: a string, or for
    /// `retry_after` a string or a number.
    pub(super) fn value_key(&self, name: &str) -> Option<&'static str> {
        let key = *self.place.keys().iter().find(|k| **k == name)?;
        match key {
            kw::CODE
            | kw::MESSAGE
            | kw::REASON
            | kw::PROBLEM_TYPE
            | kw::CRATE
            | kw::FORMAT
            | kw::WWW_AUTHENTICATE
            | kw::ALLOW
            | kw::RETRY_AFTER
            | kw::MAX_HEADER_BYTES => Some(key),
            kw::EXPOSE | kw::HEADER if self.place == Place::Field => Some(key),
            _ => None,
        }
    }

    /// `retry_after = 120`: the seconds, at the number's span; `key` is the key's.
    pub(super) fn retry_after_seconds(&mut self, seconds: u64, span: Span, key: Span) {
        let text = Text {
            value: seconds.to_string(),
            span,
        };
        self.string_value(kw::RETRY_AFTER, key, text);
    }

    /// `key = "..."` for a key [`value_key`](Self::value_key) returned; `span` is the key's.
    pub(super) fn string_value(&mut self, key: &'static str, span: Span, lit: Text) {
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
            kw::EXPOSE => {
                self.out.expose = Some(span);
                self.out.expose_as = Some(lit);
            }
            _ => match super::header_name(&lit.value) {
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
            while !content.is_empty() {
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
                if content.is_empty() {
                    break;
                }
                content.parse::<Token![,]>()?;
            }
            return Ok(());
        }
        if name == kw::HEADER
            && self.place != Place::Field
            && self.place.keys().contains(&kw::HEADER)
        {
            while !content.is_empty() {
                let header = string(content, "header")?;
                content.parse::<Token![=]>().map_err(|err| {
                    Error::new(
                        err.span(),
                        "write a header as header(\"X-Name\" = \"value\")",
                    )
                })?;
                let value = string(content, "header")?;
                self.header_pair(Text::from(&header), &Text::from(&value));
                if content.is_empty() {
                    break;
                }
                content.parse::<Token![,]>()?;
            }
            return Ok(());
        }
        let _: proc_macro2::TokenStream = content.parse()?;
        self.unknown(&name, span, Some("with `(...)`"));
        Ok(())
    }

    /// One `"X-Name" = "value"` of `header(...)`.
    pub(super) fn header_pair(&mut self, name: Text, value: &Text) {
        match super::header_name(&name.value) {
            Some(msg) => self.cx.error(name.span, msg),
            None => self.header(&name.value, value, name.span),
        }
    }

    /// A header the attribute sets. A value the rules reject still counts as given, so a
    /// 401 with a malformed challenge reports the challenge, not also a missing header.
    fn header(&mut self, name: &str, value: &Text, span: Span) {
        let text = value.value.clone();
        if let Some(msg) = super::header_value(name, &text) {
            self.cx.error(value.span, msg);
        }
        if let Some(first) = self
            .out
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
        {
            let _ = first;
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

/// What `max_header_bytes` takes.
const MAX_HEADER_BYTES: &str = "`max_header_bytes` is a number of bytes in 1..=65536, the longest header value sent from a field: max_header_bytes = 16384";

/// What `retry_after` takes.
const RETRY_AFTER: &str = "`retry_after` is a non-negative whole number of seconds or an HTTP-date (RFC 9110 §10.2.3): retry_after = 120";

fn string(input: ParseStream, key: &str) -> syn::Result<LitStr> {
    input.parse::<LitStr>().map_err(|err| {
        Error::new(
            err.span(),
            format!("`{key}` takes a string: {}", usage(key)),
        )
    })
}

fn is_status_name(name: &str) -> bool {
    name.bytes().any(|b| b.is_ascii_uppercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}
