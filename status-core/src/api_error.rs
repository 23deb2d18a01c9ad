//! The [`ApiError`] trait: everything an HTTP layer needs to answer with an error.

use core::fmt::{self, Write as _};

use serde_core::ser::SerializeMap;

use crate::body::{Body, Problem};
use crate::catalog::Entry;
use crate::guard::{self, Escaped};
use crate::status::Status;

/// An error that knows its HTTP response: status, stable code, public message, headers and
/// both JSON bodies.
///
/// `#[derive(ApiError)]` implements it from `#[status(...)]` attributes. A hand-written impl
/// needs [`status`](ApiError::status), [`code`](ApiError::code) and
/// [`message`](ApiError::message); every other item has a default that is right for a type
/// with no headers and no exposed fields:
///
/// ```
/// use std::fmt;
/// use status::{ApiError, Entry, Message, Status, VariantInfo};
///
/// #[derive(Debug)]
/// struct Maintenance;
///
/// impl fmt::Display for Maintenance {
///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
///         f.write_str("down for maintenance until 03:00")
///     }
/// }
///
/// impl std::error::Error for Maintenance {}
///
/// impl ApiError for Maintenance {
///     const CATALOG: &'static [Entry] = &[Entry::Variant(
///         VariantInfo::new("Maintenance", Status::SERVICE_UNAVAILABLE, "MAINTENANCE"),
///     )];
///
///     fn status(&self) -> Status {
///         Status::SERVICE_UNAVAILABLE
///     }
///     fn code(&self) -> &'static str {
///         "MAINTENANCE"
///     }
///     fn message(&self) -> Message<'_> {
///         Message::Display(self) // chosen on purpose: this 5xx text is safe to show
///     }
/// }
///
/// let body = serde_json::to_string(&Maintenance.body()).unwrap();
/// assert_eq!(body, r#"{"error":"down for maintenance until 03:00","code":"MAINTENANCE"}"#);
/// ```
///
/// The trait has associated constants and generic methods, so it is used through generics
/// (`E: ApiError`), not as `dyn ApiError`.
pub trait ApiError: core::error::Error {
    /// Every variant of the type, as static data: for documentation, OpenAPI and contract
    /// tests. Variants marked `transparent` appear as [`Entry::Transparent`] holding the
    /// inner type's catalog.
    const CATALOG: &'static [Entry];

    /// The body the framework adapters send: [`Format::Plain`] unless the type says
    /// `#[status(format = "problem")]`.
    const FORMAT: Format = Format::Plain;

    /// The base URI of the RFC 9457 `type` member (`problem_type = "..."`); the `type` of a
    /// problem is this base followed by the code. `None` sends `"about:blank"`.
    const PROBLEM_TYPE: Option<&'static str> = None;

    /// The longest header value, in bytes, that the adapters send from a field's `Display`
    /// (`max_header_bytes = N` on the type; 8 KiB unless it says otherwise). A longer value
    /// is dropped and logged, as an invalid one is: a client or proxy would reject the whole
    /// response over it (many cap a header line at 8 KiB).
    const MAX_HEADER_BYTES: usize = 8 * 1024;

    /// The status of this error: always 4xx or 5xx for a derived type.
    fn status(&self) -> Status;

    /// The machine-readable code, `UPPER_SNAKE_CASE`, stable for as long as the error exists
    /// (AIP-193).
    fn code(&self) -> &'static str;

    /// The message a client may read: the `Display` text for a 4xx, the reason phrase for a
    /// 5xx (RFC 9457 §5: no internal details), unless the variant says otherwise.
    fn message(&self) -> Message<'_>;

    /// The reason phrase of [`status`](ApiError::status), used as the problem `title`. For an
    /// unregistered code the derive uses the variant's `reason = "..."`.
    fn reason(&self) -> &'static str {
        self.status().reason_or_class()
    }

    /// Calls `visit` with each response header of this error, in order. A value comes
    /// either from the attribute (a `&'static str`) or from a field's `Display`; the HTTP
    /// adapters check every value before sending it.
    fn headers(&self, visit: &mut dyn FnMut(&'static str, HeaderValue<'_>)) {
        let _ = visit;
    }

    /// Writes the exposed fields (`#[status(expose)]`) into a body that is being serialized.
    ///
    /// # Errors
    ///
    /// Whatever the serializer returns.
    fn serialize_fields<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>
    where
        Self: Sized,
    {
        let _ = map;
        Ok(())
    }

    /// The plain JSON body: `{"error": <message>, "code": <code>, <exposed fields>…}`.
    fn body(&self) -> Body<'_, Self>
    where
        Self: Sized,
    {
        Body::new(self)
    }

    /// The RFC 9457 problem details body: `{"type", "title", "status", "detail", "code",
    /// <exposed fields>…}`.
    fn problem(&self) -> Problem<'_, Self>
    where
        Self: Sized,
    {
        Problem::new(self)
    }
}

/// Which body an HTTP adapter sends for a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// `{"error", "code", …}` as `application/json`.
    Plain,
    /// RFC 9457 problem details as `application/problem+json`.
    Problem,
}

impl Format {
    /// The `content-type` this body is sent with.
    pub const fn content_type(self) -> &'static str {
        match self {
            Format::Plain => "application/json",
            Format::Problem => "application/problem+json",
        }
    }

    /// The name used in the attribute and in the catalog: `"plain"` or `"problem"`.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Plain => "plain",
            Format::Problem => "problem",
        }
    }
}

/// The public message of an error, without allocating.
#[derive(Clone, Copy)]
pub enum Message<'a> {
    /// A fixed text: a reason phrase or a `message = "..."`.
    Static(&'static str),
    /// A value whose `Display` is the message, written straight into the output.
    Display(&'a dyn fmt::Display),
    /// An error whose message is formatted from its fields (`message = "id {id} is
    /// unknown"`), written straight into the output.
    Format(&'a dyn FormatMessage),
}

/// Writes an error's public message from its fields: what the derive implements for a
/// `message = "..."` with `{field}` in it, and [`Message::Format`] calls.
pub trait FormatMessage {
    /// Writes the message into `f`.
    ///
    /// # Errors
    ///
    /// Whatever writing to `f`, or a field's `Display`, returns.
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Message::Static(text) => f.write_str(text),
            Message::Display(value) => fmt::Display::fmt(value, f),
            Message::Format(value) => value.fmt_message(f),
        }
    }
}

/// The message as a quoted, escaped string, as `str`'s `Debug` writes it; a `Display`
/// that fails ends it early.
impl fmt::Debug for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&Escaped(self), f)
    }
}

impl serde_core::Serialize for Message<'_> {
    fn serialize<S: serde_core::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Message::Static(text) => serializer.serialize_str(text),
            // A `Display` that fails is the serializer's error, not a panic.
            Message::Display(_) | Message::Format(_) => guard::collect_str(serializer, self),
        }
    }
}

/// The value of one response header.
#[derive(Clone, Copy)]
pub enum HeaderValue<'a> {
    /// A value written in the attribute; checked at compile time.
    Static(&'static str),
    /// A field's `Display`; checked when the response is built.
    Display(&'a dyn fmt::Display),
}

impl fmt::Display for HeaderValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeaderValue::Static(text) => f.write_str(text),
            HeaderValue::Display(value) => fmt::Display::fmt(value, f),
        }
    }
}

/// The value as a quoted, escaped string, as `str`'s `Debug` writes it.
impl fmt::Debug for HeaderValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&Escaped(self), f)
    }
}

/// Collects the headers of `error` with their values rendered, in order: a convenience for
/// tests and for adapters that need owned values. A value whose `Display` fails is left
/// out, as the adapters leave it out of a response. The values are not otherwise checked:
/// the adapters check them (see [`http::response`](crate::http::response)).
pub fn collect_headers<E: ApiError + ?Sized>(error: &E) -> Vec<(&'static str, String)> {
    let mut headers = Vec::new();
    error.headers(&mut |name, value| {
        let mut text = String::new();
        if write!(text, "{value}").is_ok() {
            headers.push((name, text));
        }
    });
    headers
}
