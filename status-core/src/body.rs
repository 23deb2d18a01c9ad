//! The two JSON bodies of an [`ApiError`], as `serde::Serialize` views that borrow the error.

use core::fmt;

use serde_core::ser::{Serialize, SerializeMap, Serializer};

use crate::api_error::ApiError;
use crate::guard::Fields;

/// The plain body: `{"error": <public message>, "code": <code>, <exposed fields>…}`.
///
/// Made by [`ApiError::body`]. It borrows the error and writes the message straight into
/// the serializer, so serializing it allocates nothing beyond the output.
///
/// Serializing it never panics: a message whose `Display` fails, or an exposed field whose
/// `Serialize` writes a failing `Display`, is the serializer's error
/// (`"a Display implementation returned an error"`). The adapters then send the body
/// without them (see [`http::response`](crate::http::response)).
pub struct Body<'a, E: ?Sized> {
    error: &'a E,
    request_id: Option<&'a str>,
}

/// The RFC 9457 problem details body: `{"type", "title", "status", "detail", "code",
/// <exposed fields>…}`.
///
/// Made by [`ApiError::problem`]. `type` is `"about:blank"` unless the type sets
/// `problem_type`, in which case it is that base followed by the code; `title` is the
/// reason phrase, as RFC 9457 §4.2.1 asks of `about:blank`; `status` is the response
/// status; `detail` is the public message.
pub struct Problem<'a, E: ?Sized> {
    error: &'a E,
    request_id: Option<&'a str>,
}

impl<'a, E: ?Sized> Body<'a, E> {
    /// The plain body of `error`.
    pub fn new(error: &'a E) -> Self {
        Body {
            error,
            request_id: None,
        }
    }

    /// With a `request_id` member after `code`: the id a client quotes to find this error
    /// in the server's log (what the `status::axum` and `status::actix` layers send).
    #[must_use]
    pub fn request_id(mut self, id: &'a str) -> Self {
        self.request_id = Some(id);
        self
    }
}

impl<'a, E: ?Sized> Problem<'a, E> {
    /// The problem details body of `error`.
    pub fn new(error: &'a E) -> Self {
        Problem {
            error,
            request_id: None,
        }
    }

    /// With a `request_id` extension member after `code` (RFC 9457 §3.2), as
    /// [`Body::request_id`].
    #[must_use]
    pub fn request_id(mut self, id: &'a str) -> Self {
        self.request_id = Some(id);
        self
    }
}

impl<E: ApiError> Serialize for Body<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.error;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("error", &error.message())?;
        map.serialize_entry("code", error.code())?;
        if let Some(id) = self.request_id {
            map.serialize_entry("request_id", id)?;
        }
        error.serialize_fields(&mut Fields(&mut map))?;
        map.end()
    }
}

impl<E: ApiError> Serialize for Problem<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.error;
        let code = error.code();
        let mut map = serializer.serialize_map(None)?;
        match E::PROBLEM_TYPE {
            Some(base) => map.serialize_entry("type", &Concat(base, code))?,
            None => map.serialize_entry("type", "about:blank")?,
        }
        map.serialize_entry("title", error.reason())?;
        map.serialize_entry("status", &error.status().as_u16())?;
        map.serialize_entry("detail", &error.message())?;
        map.serialize_entry("code", code)?;
        if let Some(id) = self.request_id {
            map.serialize_entry("request_id", id)?;
        }
        error.serialize_fields(&mut Fields(&mut map))?;
        map.end()
    }
}

impl<E: ApiError> fmt::Debug for Body<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Body")
            .field("error", &self.error.message())
            .field("code", &self.error.code())
            .finish_non_exhaustive()
    }
}

impl<E: ApiError> fmt::Debug for Problem<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Problem")
            .field("status", &self.error.status())
            .field("detail", &self.error.message())
            .field("code", &self.error.code())
            .finish_non_exhaustive()
    }
}

/// Two strings serialized as one, without building a `String`.
struct Concat(&'static str, &'static str);

impl Serialize for Concat {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("{}{}", self.0, self.1))
    }
}
