//! The errors a framework answers by itself, in the service's format: what the
//! [`status::axum`](crate::axum) layer and the [`status::actix`](crate::actix) middleware
//! send for a body that is not JSON, a path or query that does not parse, an unknown route,
//! a wrong method, a body over the limit, a handler that panics or times out.

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::{ApiError, Pointer, Violation, Violations};

/// An error the framework produced, not a handler: the same codes on axum and actix-web.
///
/// | code | status | when |
/// |---|---|---|
/// | `MALFORMED_JSON` | 400 | the body is not JSON |
/// | `INVALID_PATH` | 400 | a path parameter does not parse (`/products/abc` for a number) |
/// | `INVALID_QUERY` | 400 | the query string does not parse |
/// | `BAD_REQUEST` | 400 | another request the framework cannot read |
/// | `NOT_FOUND` | 404 | no route for the path |
/// | `METHOD_NOT_ALLOWED` | 405 | the route has no such method; `Allow` lists the ones it has |
/// | `REQUEST_TIMEOUT` | 408 | the handler ran past the timeout (tower-http's `TimeoutLayer`, or [`actix::ErrorLayer::timeout`](crate::actix::ErrorLayer::timeout)) |
/// | `CONTENT_TOO_LARGE` | 413 | the body is over the limit |
/// | `UNSUPPORTED_MEDIA_TYPE` | 415 | the body is not `application/json` |
/// | `INVALID_BODY` | 422 | the body is JSON, but not of the expected shape; `errors` points at the field when the framework tells it |
/// | `INTERNAL_SERVER_ERROR` | 500 | a handler panicked, or the framework failed; the detail is logged, never sent |
/// | `SERVICE_UNAVAILABLE` | 503 | a layer answered 503 without a body (a load shed, a timeout set to 503) |
/// | `GATEWAY_TIMEOUT` | 504 | a layer answered 504 without a body (a timeout set to 504) |
///
/// The codes are stable: they are a contract, as a service's own are
/// (`tests/contract/framework-error.json` pins them).
#[derive(Debug, ApiError)]
#[non_exhaustive]
pub enum FrameworkError {
    /// The body is not JSON.
    #[status(400, code = "MALFORMED_JSON")]
    MalformedJson {
        /// The parser's words.
        detail: String,
    },

    /// A path parameter does not parse.
    #[status(400, code = "INVALID_PATH")]
    InvalidPath {
        /// The deserializer's words.
        detail: String,
    },

    /// The query string does not parse.
    #[status(400, code = "INVALID_QUERY")]
    InvalidQuery {
        /// The deserializer's words.
        detail: String,
    },

    /// Another request the framework cannot read.
    #[status(400, code = "BAD_REQUEST")]
    BadRequest {
        /// The framework's words.
        detail: String,
    },

    /// No route for the path.
    #[status(404, code = "NOT_FOUND")]
    NotFound {
        /// The request's method.
        method: String,
        /// The request's path.
        path: String,
    },

    /// The route has no such method.
    #[status(405, code = "METHOD_NOT_ALLOWED")]
    MethodNotAllowed {
        /// The request's method.
        method: String,
        /// The methods the route has, as the framework lists them.
        #[status(header = "Allow")]
        allow: String,
    },

    /// The handler ran past the timeout.
    #[status(408, code = "REQUEST_TIMEOUT")]
    RequestTimeout,

    /// The body is over the limit.
    #[status(413, code = "CONTENT_TOO_LARGE")]
    ContentTooLarge,

    /// The body is not `application/json`.
    #[status(415, code = "UNSUPPORTED_MEDIA_TYPE")]
    UnsupportedMediaType,

    /// The body is JSON, but not of the expected shape.
    #[status(422, code = "INVALID_BODY")]
    InvalidBody {
        /// What does not fit, at the field it is about (`#` when the framework does not
        /// say which).
        #[status(expose)]
        errors: Violations,
    },

    /// A handler panicked, or the framework failed: logged, never sent.
    #[status(500, code = "INTERNAL_SERVER_ERROR")]
    Internal {
        /// The panic message, or the framework's words.
        detail: String,
    },

    /// A layer answered 503 without a body.
    #[status(503, code = "SERVICE_UNAVAILABLE")]
    ServiceUnavailable,

    /// A layer answered 504 without a body.
    #[status(504, code = "GATEWAY_TIMEOUT")]
    GatewayTimeout,
}

impl fmt::Display for FrameworkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrameworkError::MalformedJson { detail } => {
                write!(f, "the request body is not valid JSON: {detail}")
            }
            FrameworkError::InvalidPath { detail } => write!(f, "invalid path parameter: {detail}"),
            FrameworkError::InvalidQuery { detail } => write!(f, "invalid query string: {detail}"),
            FrameworkError::BadRequest { detail } => f.write_str(detail),
            FrameworkError::NotFound { method, path } => write!(f, "no route for {method} {path}"),
            FrameworkError::MethodNotAllowed { method, .. } => {
                write!(f, "{method} is not allowed on this resource")
            }
            FrameworkError::RequestTimeout => f.write_str("the request took too long to answer"),
            FrameworkError::ContentTooLarge => {
                f.write_str("the request body is larger than this server accepts")
            }
            FrameworkError::UnsupportedMediaType => {
                f.write_str("expected a JSON body, with content-type: application/json")
            }
            FrameworkError::InvalidBody { errors } => match errors.iter().next() {
                Some(first) => write!(
                    f,
                    "the request body does not have the expected shape: {}",
                    first.detail()
                ),
                None => f.write_str("the request body does not have the expected shape"),
            },
            FrameworkError::Internal { detail } => write!(f, "the server failed: {detail}"),
            FrameworkError::ServiceUnavailable => f.write_str("a layer answered 503"),
            FrameworkError::GatewayTimeout => f.write_str("a layer answered 504"),
        }
    }
}

impl std::error::Error for FrameworkError {}

impl FrameworkError {
    /// A body that is valid JSON but does not fit: `detail` at `pointer`.
    pub(crate) fn invalid_body(pointer: Pointer, detail: impl Into<String>) -> Self {
        FrameworkError::InvalidBody {
            errors: [Violation::new(pointer, detail)].into_iter().collect(),
        }
    }

    /// A JSON body `serde_json` rejected, by its category: not JSON (400), JSON of the wrong
    /// shape (422, at `pointer`).
    pub(crate) fn json(error: &serde_json::Error, pointer: Pointer) -> Self {
        match error.classify() {
            serde_json::error::Category::Data => {
                FrameworkError::invalid_body(pointer, error.to_string())
            }
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                FrameworkError::MalformedJson {
                    detail: error.to_string(),
                }
            }
            serde_json::error::Category::Io => FrameworkError::BadRequest {
                detail: error.to_string(),
            },
        }
    }

    /// What a framework's own error response of `status`, without a JSON body, stands for;
    /// `None` for a status this type has no variant for (the response is then left as it
    /// is). `detail` is the framework's text, if it sent one.
    pub(crate) fn from_status(
        status: u16,
        method: &str,
        path: &str,
        allow: Option<&str>,
        detail: Option<&str>,
    ) -> Option<Self> {
        let detail = || detail.unwrap_or_default().to_owned();
        Some(match status {
            400 => FrameworkError::BadRequest {
                detail: detail_or(detail(), "the request cannot be read"),
            },
            404 => FrameworkError::NotFound {
                method: method.to_owned(),
                path: path.to_owned(),
            },
            405 => FrameworkError::MethodNotAllowed {
                method: method.to_owned(),
                allow: allow.unwrap_or_default().to_owned(),
            },
            408 => FrameworkError::RequestTimeout,
            413 => FrameworkError::ContentTooLarge,
            415 => FrameworkError::UnsupportedMediaType,
            422 => FrameworkError::invalid_body(
                Pointer::root(),
                detail_or(
                    detail(),
                    "the request body does not have the expected shape",
                ),
            ),
            500 => FrameworkError::Internal {
                detail: detail_or(detail(), "the framework answered 500"),
            },
            503 => FrameworkError::ServiceUnavailable,
            504 => FrameworkError::GatewayTimeout,
            _ => return None,
        })
    }

    /// A handler's panic, its message logged.
    pub(crate) fn panic(payload: &(dyn Any + Send)) -> Self {
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("a panic without a message");
        FrameworkError::Internal {
            detail: format!("the handler panicked: {message}"),
        }
    }
}

fn detail_or(detail: String, default: &str) -> String {
    if detail.is_empty() {
        default.to_owned()
    } else {
        detail
    }
}

pin_project_lite::pin_project! {
    /// A future whose panic is caught and returned: the layers answer a panicking handler
    /// with a 500 and the server goes on (tower-http's `CatchPanic` and
    /// `futures::FutureExt::catch_unwind` do the same; the layers need their own future
    /// around the handler's anyway).
    pub(crate) struct CatchUnwind<F> {
        #[pin]
        inner: F,
    }
}

impl<F> CatchUnwind<F> {
    pub(crate) fn new(inner: F) -> Self {
        CatchUnwind { inner }
    }
}

impl<F: Future> Future for CatchUnwind<F> {
    type Output = Result<F::Output, Box<dyn Any + Send>>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = self.project().inner;
        match catch_unwind(AssertUnwindSafe(|| inner.poll(cx))) {
            Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
            Ok(Poll::Pending) => Poll::Pending,
            Err(payload) => Poll::Ready(Err(payload)),
        }
    }
}

/// Whether a response's `content-type` is one of the JSON bodies this crate (or a handler
/// answering in JSON) sends: such a response is left as it is.
pub(crate) fn is_json(content_type: Option<&[u8]>) -> bool {
    content_type.is_some_and(|value| {
        let value = value.to_ascii_lowercase();
        value.starts_with(b"application/json") || value.starts_with(b"application/problem+json")
    })
}
