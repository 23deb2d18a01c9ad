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
/// A header whose value is not a valid field value (CR, LF or another control byte, from a
/// field's `Display`) is not sent, and the status and body stay what they are: no header
/// injection, no panic. So is a header whose name is not a field name, and a `content-type`,
/// `content-length` or `transfer-encoding` the error names itself (the body is the
/// adapter's). With the `tracing` feature each dropped header is logged at `warn`, and the
/// error itself at `error` (5xx, with `Display` and `source()` chain) or `debug` (4xx).
pub fn response<E: ApiError>(error: &E) -> Response<Vec<u8>> {
    let wire = wire::render(error);
    let mut response = Response::new(wire.body);
    *response.status_mut() = StatusCode::from(wire.status);
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(wire.content_type));
    for (name, value) in wire.headers {
        // Both checked by `wire::render`; a failure here is still dropped, never a panic.
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            headers.append(name, value);
        }
    }
    response
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
