//! The one response every adapter sends: status, `content-type`, checked headers and the
//! JSON body, built once here and only translated into each framework's types.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde_core::ser::{Serialize, SerializeMap, Serializer};

use crate::api_error::{ApiError, Format, HeaderValue};
use crate::header::{is_valid_header_name, is_valid_header_value};
use crate::status::Status;

/// An error rendered for the wire, framework-neutral (actix-web 4 speaks `http` 0.2, axum
/// `http` 1, so the adapters share this and not an `http::Response`).
pub(crate) struct Wire {
    /// The response status.
    pub(crate) status: Status,
    /// `application/json` or `application/problem+json`, from [`ApiError::FORMAT`].
    pub(crate) content_type: &'static str,
    /// Every header of the error that may be sent, in the error's order. Names are valid
    /// field names, values valid field values: both checked here.
    pub(crate) headers: Vec<(&'static str, Cow<'static, str>)>,
    /// The serialized body.
    pub(crate) body: Vec<u8>,
}

/// Headers the adapter owns: the body is ours, so are its type and framing.
const FRAMING: &[&str] = &["content-type", "content-length", "transfer-encoding"];

/// How deep the `source()` chain is followed in logs: a cycle must not hang the server.
#[cfg(feature = "tracing")]
const MAX_SOURCES: usize = 32;

/// Renders `error` for the wire; with `tracing`, logs it (5xx at `error`, the rest at
/// `debug`) and every header it drops (at `warn`).
pub(crate) fn render<E: ApiError>(error: &E) -> Wire {
    #[cfg(feature = "tracing")]
    log(error);
    let mut headers = Vec::new();
    error.headers(&mut |name, value| {
        if let Some(value) = checked(error, name, value) {
            headers.push((name, value));
        }
    });
    Wire {
        status: error.status(),
        content_type: E::FORMAT.content_type(),
        headers,
        body: body(error),
    }
}

/// The value to send for one header, or `None` (logged) when it must not be sent.
fn checked<E: ApiError>(
    error: &E,
    name: &'static str,
    value: HeaderValue<'_>,
) -> Option<Cow<'static, str>> {
    if !is_valid_header_name(name) {
        dropped(error, name, &value, "the name is not an HTTP field name");
        return None;
    }
    if FRAMING
        .iter()
        .any(|framing| framing.eq_ignore_ascii_case(name))
    {
        dropped(error, name, &value, "the adapter sets this header itself");
        return None;
    }
    let text = match value {
        HeaderValue::Static(text) => Cow::Borrowed(text),
        HeaderValue::Display(display) => {
            let mut text = String::new();
            if write!(text, "{display}").is_err() {
                dropped(
                    error,
                    name,
                    &"<Display failed>",
                    "its Display returned an error",
                );
                return None;
            }
            Cow::Owned(text)
        }
    };
    if !is_valid_header_value(text.as_bytes()) {
        dropped(
            error,
            name,
            &text,
            "the value holds CR, LF or another byte a header may not carry",
        );
        return None;
    }
    Some(text)
}

#[cfg(feature = "tracing")]
fn dropped<E: ApiError>(error: &E, name: &str, value: &dyn core::fmt::Display, why: &str) {
    tracing::warn!(
        status = error.status().as_u16(),
        code = error.code(),
        header = name,
        // Debug, so CR and LF reach the log escaped, never raw.
        value = ?value.to_string(),
        "header not sent: {why}",
    );
}

#[cfg(not(feature = "tracing"))]
fn dropped<E: ApiError>(_: &E, _: &str, _: &dyn core::fmt::Display, _: &str) {}

/// The body in `E::FORMAT`. An exposed field whose `Serialize` fails cannot stop the
/// response: the body is then sent without exposed fields, with the reason phrase as
/// message (logged at `error`).
fn body<E: ApiError>(error: &E) -> Vec<u8> {
    let result = match E::FORMAT {
        Format::Plain => serde_json::to_vec(&error.body()),
        Format::Problem => serde_json::to_vec(&error.problem()),
    };
    result.unwrap_or_else(|why| {
        not_serializable(error, &why);
        // Strings only: serializing it into a `Vec` cannot fail.
        serde_json::to_vec(&Fallback(error)).unwrap_or_default()
    })
}

#[cfg(feature = "tracing")]
fn not_serializable<E: ApiError>(error: &E, why: &serde_json::Error) {
    tracing::error!(
        status = error.status().as_u16(),
        code = error.code(),
        error = %why,
        "body not serializable; sending it without exposed fields",
    );
}

#[cfg(not(feature = "tracing"))]
fn not_serializable<E: ApiError>(_: &E, _: &serde_json::Error) {}

/// The body of an error whose exposed fields failed to serialize: only static strings.
struct Fallback<'a, E>(&'a E);

impl<E: ApiError> Serialize for Fallback<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.0;
        let mut map = serializer.serialize_map(None)?;
        match E::FORMAT {
            Format::Plain => map.serialize_entry("error", error.reason())?,
            Format::Problem => {
                match E::PROBLEM_TYPE {
                    Some(base) => {
                        map.serialize_entry("type", &format_args!("{base}{}", error.code()))?;
                    }
                    None => map.serialize_entry("type", "about:blank")?,
                }
                map.serialize_entry("title", error.reason())?;
                map.serialize_entry("status", &error.status().as_u16())?;
                map.serialize_entry("detail", error.reason())?;
            }
        }
        map.serialize_entry("code", error.code())?;
        map.end()
    }
}

/// Logs what the adapter is about to send: the details a client never sees are not lost.
#[cfg(feature = "tracing")]
fn log<E: ApiError>(error: &E) {
    let status = error.status();
    let code = error.code();
    let sources = core::error::Error::source(error)
        .is_some()
        .then(|| tracing::field::display(Sources(error)));
    if status.is_server_error() {
        tracing::error!(
            status = status.as_u16(),
            code,
            error = %error,
            sources,
            "server error response",
        );
    } else {
        tracing::debug!(
            status = status.as_u16(),
            code,
            error = %error,
            sources,
            "client error response",
        );
    }
}

/// The `Display` of every `source()` below an error, joined by `": "`.
#[cfg(feature = "tracing")]
struct Sources<'a>(&'a dyn core::error::Error);

#[cfg(feature = "tracing")]
impl core::fmt::Display for Sources<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let mut next = self.0.source();
        let mut depth = 0;
        while let Some(source) = next {
            if depth == MAX_SOURCES {
                return f.write_str(": …");
            }
            if depth > 0 {
                f.write_str(": ")?;
            }
            write!(f, "{source}")?;
            next = source.source();
            depth += 1;
        }
        Ok(())
    }
}
