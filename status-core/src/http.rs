//! Interop with the [`http`](https://docs.rs/http/1) crate (feature `http`): build an
//! [`http::Response`] from any [`ApiError`], and convert between
//! [`Status`] and [`http::StatusCode`].
//!
//! ```
//! use status::{ApiError, Status};
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! #[error("slow down")]
//! #[status(429, code = "RATE_LIMITED", retry_after = 60)]
//! struct RateLimited;
//!
//! let response = status::http::response(&RateLimited);
//! assert_eq!(response.status(), http::StatusCode::TOO_MANY_REQUESTS);
//! assert_eq!(response.headers()["content-type"], "application/json");
//! assert_eq!(response.headers()["retry-after"], "60");
//! assert_eq!(response.body(), br#"{"error":"slow down","code":"RATE_LIMITED"}"#);
//!
//! assert_eq!(http::StatusCode::from(Status::NOT_FOUND), http::StatusCode::NOT_FOUND);
//! assert_eq!(Status::try_from(http::StatusCode::IM_A_TEAPOT), Ok(Status::new(418).unwrap()));
//! ```

use ::http::header::{CONTENT_TYPE, HeaderName};
use ::http::{HeaderValue, Response, StatusCode};

use crate::api_error::ApiError;
use crate::status::{InvalidStatus, Status};
use crate::wire;

/// The response an adapter sends for `error`: its status, `content-type` per
/// [`ApiError::FORMAT`] (`application/json` or `application/problem+json`), every header the
/// error carries, and the JSON body.
///
/// The body is a `Vec<u8>`: every body type converts from it
/// (`response.map(axum::body::Body::from)`, `response.map(http_body_util::Full::from)`), and
/// it needs no dependency beyond `http`. No `content-length` is set: the server computes it
/// from the body.
///
/// Whatever the error says, the response follows HTTP, and this never panics:
///
/// - a status that is not a 4xx or 5xx (a hand-written impl's 200, 204 or 304) is sent as
///   500 Internal Server Error with the body of a 500 (its code kept), and logged;
/// - a header is dropped (and logged) when its name is not a field name or is one the
///   server owns (`Content-Type`, `Content-Length`, `Transfer-Encoding`, `Connection`,
///   `Host`, `Content-Encoding`, …), when its value holds CR, LF or another control, is
///   longer than [`ApiError::MAX_HEADER_BYTES`] (8 KiB unless the type says
///   `max_header_bytes = N`), or does not fit its header's grammar (`WWW-Authenticate`,
///   `Proxy-Authenticate`, `Retry-After`, `Allow`), or when its `Display` fails;
/// - a 401, 405, 407 or 426 left without the header its status requires is sent as 500;
/// - a message or exposed field whose `Display` fails: the body is sent with the reason
///   phrase as message and without exposed fields.
///
/// With the `tracing` feature each of these is logged, and the error itself at `error` (5xx,
/// with `Display` and `source()` chain) or `debug` (4xx), every value from the error escaped.
pub fn response<E: ApiError>(error: &E) -> Response<Vec<u8>> {
    wire::render(error).into_http()
}

impl wire::Wire {
    /// This response as an `http` 1 response (the reason phrase is the adapter's to set).
    pub(crate) fn into_http(self) -> Response<Vec<u8>> {
        let mut response = Response::new(self.body);
        *response.status_mut() = StatusCode::from(self.status);
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(self.content_type));
        for (name, value) in wire::Wire::header_bytes(self.headers) {
            // Both checked by `wire::render`; a failure here is still dropped, never a panic.
            if let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_maybe_shared(value),
            ) {
                headers.append(name, value);
            }
        }
        response
    }
}

/// Lossless: every [`Status`] (`100..=599`) is a `StatusCode`.
impl From<Status> for StatusCode {
    fn from(status: Status) -> Self {
        // `StatusCode` accepts 100..=999, a superset of `Status`: the fallback is unreachable.
        StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// Fails for `600..=999`, which `StatusCode` accepts but HTTP does not define
/// (RFC 9110 §15: a status code is in `100..=599`).
///
/// ```
/// use status::{InvalidStatus, Status};
///
/// let nonsense = http::StatusCode::from_u16(600).unwrap();
/// assert_eq!(Status::try_from(nonsense), Err(InvalidStatus(600)));
/// ```
impl TryFrom<StatusCode> for Status {
    type Error = InvalidStatus;

    fn try_from(code: StatusCode) -> Result<Self, Self::Error> {
        Status::try_from(code.as_u16())
    }
}

impl PartialEq<StatusCode> for Status {
    fn eq(&self, other: &StatusCode) -> bool {
        self.as_u16() == other.as_u16()
    }
}

impl PartialEq<Status> for StatusCode {
    fn eq(&self, other: &Status) -> bool {
        self.as_u16() == other.as_u16()
    }
}
