//! The one place that decides what an error puts on the wire, for every adapter: the
//! status, the reason phrase, every header and the body, built here and only translated
//! into each framework's types.
//!
//! Whatever the error says (a derived impl, or a hand-written one with any status, reason
//! or header), the response follows HTTP:
//!
//! - the status is a 4xx or 5xx: any other becomes 500 with the body of a 500, the code
//!   kept (RFC 9110 §15: an error sent as 2xx reads as success; a 1xx, 204 or 304 has no
//!   body at all);
//! - the reason phrase is a valid `reason-phrase` (RFC 9112 §4), else the registry's or
//!   the class's;
//! - a header is sent only with a field name, a name the server does not own
//!   ([`grammar::reserved_header`]), a value that is a valid field value of at most
//!   [`ApiError::MAX_HEADER_BYTES`], and, for `WWW-Authenticate`, `Proxy-Authenticate`,
//!   `Retry-After` and `Allow`, a value in that header's grammar; any other is dropped;
//! - a status that requires a header (401 `WWW-Authenticate`, 405 `Allow`, 407
//!   `Proxy-Authenticate`, 426 `Upgrade`) without it after that becomes a 500 with the body
//!   of a 500: the rule cannot be kept, so the server failed;
//! - a body whose message or exposed field fails to serialize (a `Display` that returns an
//!   error) is sent without exposed fields, with the reason phrase as message.
//!
//! With the `tracing` feature each of these is logged (see [`log`]).

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use serde_core::ser::{Serialize, SerializeMap, Serializer};

use crate::api_error::{ApiError, Format, HeaderValue};
use crate::header::{is_valid_header_name, is_valid_header_value};
use crate::status::{Status, registered};
use crate::{context, grammar};

/// An error rendered for the wire, framework-neutral (actix-web 4 speaks `http` 0.2, axum
/// `http` 1, so the adapters share this and not an `http::Response`).
pub(crate) struct Wire {
    /// The response status: a 4xx or 5xx.
    pub(crate) status: Status,
    /// The reason phrase, valid on a status line (an `http::Response` has none: the
    /// framework adapters set it).
    #[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
    pub(crate) reason: &'static str,
    /// `application/json` or `application/problem+json`, from [`ApiError::FORMAT`].
    pub(crate) content_type: &'static str,
    /// Every header of the error that may be sent, in the error's order: checked here.
    pub(crate) headers: Vec<(&'static str, Cow<'static, str>)>,
    /// The serialized body.
    pub(crate) body: Vec<u8>,
}

/// Renders `error` for the wire; with `tracing`, logs it and everything this had to mend.
///
/// Inside a request that an error layer answers ([`context`]), the body carries the
/// request id and takes the format the request's `Accept` prefers.
pub(crate) fn render<E: ApiError>(error: &E) -> Wire {
    let context = context::current();
    let request = Request {
        id: context.as_ref().map(|context| &*context.request_id),
        format: context
            .as_ref()
            .and_then(|context| context.format)
            .unwrap_or(E::FORMAT),
    };
    log::response(error, request.id);
    let status = error.status();
    if !status.is_error() {
        log::replaced(error, "it is not an error status (4xx or 5xx)");
        return server_error(error, &request);
    }
    let mut headers = Vec::new();
    error.headers(&mut |name, value| {
        if let Some(value) = checked(error, status, name, value) {
            headers.push((name, value));
        }
    });
    let registered = registered(status.as_u16());
    if let Some(required) = registered.and_then(|row| row.required_header)
        && !headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case(required))
    {
        log::replaced(error, required_missing(required));
        return server_error(error, &request);
    }
    let reason = match error.reason() {
        // The registry's phrase, as the derive sends it: valid, no need to look further.
        reason if registered.is_some_and(|row| row.phrase == reason) => reason,
        reason if grammar::is_reason_phrase(reason) => reason,
        reason => {
            log::reason_replaced(error, reason);
            status.reason_or_class()
        }
    };
    let body = match (request.format, request.id) {
        (Format::Plain, None) => serde_json::to_vec(&error.body()),
        (Format::Plain, Some(id)) => serde_json::to_vec(&error.body().request_id(id)),
        (Format::Problem, None) => serde_json::to_vec(&error.problem()),
        (Format::Problem, Some(id)) => serde_json::to_vec(&error.problem().request_id(id)),
    };
    let body = body.unwrap_or_else(|why| {
        log::not_serializable(error, &why);
        fallback_body(error, status, reason, &request)
    });
    Wire {
        status,
        reason,
        content_type: request.format.content_type(),
        headers,
        body,
    }
}

/// What the request being answered asks of the body.
struct Request<'a> {
    /// The request id, inside an error layer.
    id: Option<&'a str>,
    /// The format the request prefers, else the type's.
    format: Format,
}

/// The 500 sent for an error whose own status cannot be: no headers, the body of a 500.
fn server_error<E: ApiError>(error: &E, request: &Request<'_>) -> Wire {
    let status = Status::INTERNAL_SERVER_ERROR;
    let reason = status.reason_or_class();
    Wire {
        status,
        reason,
        content_type: request.format.content_type(),
        headers: Vec::new(),
        body: fallback_body(error, status, reason, request),
    }
}

fn required_missing(header: &str) -> &'static str {
    match header {
        "WWW-Authenticate" => {
            "a 401 must send WWW-Authenticate (RFC 9110 §15.5.2), and it was not sent"
        }
        "Allow" => "a 405 must send Allow (RFC 9110 §15.5.6), and it was not sent",
        "Proxy-Authenticate" => {
            "a 407 must send Proxy-Authenticate (RFC 9110 §15.5.8), and it was not sent"
        }
        _ => "a 426 must send Upgrade (RFC 9110 §15.5.22), and it was not sent",
    }
}

impl Wire {
    /// The headers, each value as `Bytes` without a copy (a `&'static str` or the `String`
    /// a field's `Display` was written into), for `http`'s `HeaderValue::from_maybe_shared`.
    pub(crate) fn header_bytes(
        headers: Vec<(&'static str, Cow<'static, str>)>,
    ) -> impl Iterator<Item = (&'static str, bytes::Bytes)> {
        headers.into_iter().map(|(name, value)| {
            let value = match value {
                Cow::Borrowed(text) => bytes::Bytes::from_static(text.as_bytes()),
                Cow::Owned(text) => bytes::Bytes::from(text),
            };
            (name, value)
        })
    }
}

/// The value to send for one header, or `None` (logged) when it must not be sent.
fn checked<E: ApiError>(
    error: &E,
    status: Status,
    name: &'static str,
    value: HeaderValue<'_>,
) -> Option<Cow<'static, str>> {
    if !is_valid_header_name(name) {
        log::dropped(error, name, &value, "the name is not an HTTP field name");
        return None;
    }
    if let Some(owner) = grammar::reserved_header(name, status.as_u16()) {
        log::dropped(error, name, &value, owner);
        return None;
    }
    let text = match value {
        HeaderValue::Static(text) => Cow::Borrowed(text),
        HeaderValue::Display(display) => {
            let mut text = Capped::new(E::MAX_HEADER_BYTES);
            match write!(text, "{display}") {
                Ok(()) => Cow::Owned(text.text),
                Err(_) if text.over => {
                    log::dropped(
                        error,
                        name,
                        &value,
                        "the value is longer than MAX_HEADER_BYTES",
                    );
                    return None;
                }
                Err(_) => {
                    log::dropped(error, name, &value, "its Display returned an error");
                    return None;
                }
            }
        }
    };
    if text.len() > E::MAX_HEADER_BYTES {
        log::dropped(
            error,
            name,
            &text,
            "the value is longer than MAX_HEADER_BYTES",
        );
        return None;
    }
    let grammar = if !is_valid_header_value(text.as_bytes()) {
        Err("the value holds CR, LF or another byte a field value may not carry".to_owned())
    } else if name.eq_ignore_ascii_case("WWW-Authenticate")
        || name.eq_ignore_ascii_case("Proxy-Authenticate")
    {
        grammar::challenge_list(&text).map_err(|why| format!("the value {why}"))
    } else if name.eq_ignore_ascii_case("Retry-After") {
        grammar::retry_after(&text).map_err(|why| format!("the value {why}"))
    } else if name.eq_ignore_ascii_case("Allow") {
        grammar::method_list(&text).map_err(|why| format!("the value {why}"))
    } else {
        Ok(())
    };
    if let Err(why) = grammar {
        log::dropped(error, name, &text, &why);
        return None;
    }
    Some(text)
}

/// A `String` that takes at most `cap` bytes: writing more fails and sets `over`, so a
/// 10 MiB `Display` costs no more than the cap.
struct Capped {
    text: String,
    cap: usize,
    over: bool,
}

impl Capped {
    fn new(cap: usize) -> Self {
        Capped {
            text: String::new(),
            cap,
            over: false,
        }
    }
}

impl fmt::Write for Capped {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if self.text.len() + s.len() > self.cap {
            self.over = true;
            return Err(fmt::Error);
        }
        self.text.push_str(s);
        Ok(())
    }
}

/// The body in `E::FORMAT` of an error sent as `status`, from static strings only: the
/// reason phrase as message, the code, no exposed fields. What is sent when the body
/// proper cannot be, or when the error's own status cannot be sent.
fn fallback_body<E: ApiError>(
    error: &E,
    status: Status,
    reason: &'static str,
    request: &Request<'_>,
) -> Vec<u8> {
    // Strings and a number: serializing them into a `Vec` cannot fail.
    serde_json::to_vec(&Fallback {
        error,
        status,
        reason,
        request,
    })
    .unwrap_or_default()
}

struct Fallback<'a, E> {
    error: &'a E,
    status: Status,
    reason: &'static str,
    request: &'a Request<'a>,
}

impl<E: ApiError> Serialize for Fallback<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let code = self.error.code();
        let mut map = serializer.serialize_map(None)?;
        match self.request.format {
            Format::Plain => map.serialize_entry("error", self.reason)?,
            Format::Problem => {
                match E::PROBLEM_TYPE {
                    Some(base) => map.serialize_entry("type", &format_args!("{base}{code}"))?,
                    None => map.serialize_entry("type", "about:blank")?,
                }
                map.serialize_entry("title", self.reason)?;
                map.serialize_entry("status", &self.status.as_u16())?;
                map.serialize_entry("detail", self.reason)?;
            }
        }
        map.serialize_entry("code", code)?;
        if let Some(id) = self.request.id {
            map.serialize_entry("request_id", id)?;
        }
        map.end()
    }
}

/// The log records of an error response (feature `tracing`; without it, nothing). Every
/// value that comes from the error or its fields is recorded [`Escaped`]: a CR or LF in
/// user input cannot forge a log line (CWE-117).
///
/// [`Escaped`]: crate::guard::Escaped
#[cfg(feature = "tracing")]
mod log {
    use core::fmt;

    use crate::api_error::ApiError;
    use crate::guard::Escaped;

    /// How deep the `source()` chain is followed: a cycle must not hang the server.
    const MAX_SOURCES: usize = 32;

    /// Every response: a 5xx at `error` with the full `Display` and `source()` chain (what
    /// the client never sees is not lost), the rest at `debug`.
    pub(super) fn response<E: ApiError>(error: &E, request_id: Option<&str>) {
        let status = error.status();
        let code = Escaped(error.code());
        let sources = core::error::Error::source(error)
            .is_some()
            .then(|| tracing::field::display(Sources(error)));
        // Checked visible ASCII (see `context`): as it is.
        let request_id = request_id.map(tracing::field::display);
        if status.is_server_error() {
            tracing::error!(
                status = status.as_u16(),
                %code,
                error = %Escaped(error),
                sources,
                request_id,
                "server error response",
            );
        } else {
            tracing::debug!(
                status = status.as_u16(),
                %code,
                error = %Escaped(error),
                sources,
                request_id,
                "client error response",
            );
        }
    }

    /// The error is sent as a 500, not with its own status.
    pub(super) fn replaced<E: ApiError>(error: &E, why: &str) {
        tracing::error!(
            status = error.status().as_u16(),
            code = %Escaped(error.code()),
            error = %Escaped(error),
            "error response sent as 500 Internal Server Error: {why}",
        );
    }

    pub(super) fn reason_replaced<E: ApiError>(error: &E, reason: &str) {
        tracing::warn!(
            status = error.status().as_u16(),
            code = %Escaped(error.code()),
            reason = ?Escaped(reason),
            "reason phrase not sent: it is not a valid reason-phrase (RFC 9112 §4)",
        );
    }

    pub(super) fn dropped<E: ApiError>(error: &E, name: &str, value: &dyn fmt::Display, why: &str) {
        tracing::warn!(
            status = error.status().as_u16(),
            code = %Escaped(error.code()),
            header = %Escaped(name),
            value = ?Escaped(value),
            "header not sent: {why}",
        );
    }

    pub(super) fn not_serializable<E: ApiError>(error: &E, why: &serde_json::Error) {
        tracing::error!(
            status = error.status().as_u16(),
            code = %Escaped(error.code()),
            error = %why,
            "body not serializable; sent with the reason phrase and without exposed fields",
        );
    }

    /// The `Display` of every `source()` below an error, joined by `": "`, escaped.
    struct Sources<'a>(&'a dyn core::error::Error);

    impl fmt::Display for Sources<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let mut next = self.0.source();
            let mut depth = 0;
            while let Some(source) = next {
                if depth == MAX_SOURCES {
                    return f.write_str(": …");
                }
                if depth > 0 {
                    f.write_str(": ")?;
                }
                write!(f, "{}", Escaped(source))?;
                next = source.source();
                depth += 1;
            }
            Ok(())
        }
    }
}

#[cfg(not(feature = "tracing"))]
mod log {
    use crate::api_error::ApiError;

    pub(super) fn response<E: ApiError>(_: &E, _: Option<&str>) {}
    pub(super) fn replaced<E: ApiError>(_: &E, _: &str) {}
    pub(super) fn reason_replaced<E: ApiError>(_: &E, _: &str) {}
    pub(super) fn dropped<E: ApiError>(_: &E, _: &str, _: &dyn core::fmt::Display, _: &str) {}
    pub(super) fn not_serializable<E: ApiError>(_: &E, _: &serde_json::Error) {}
}
