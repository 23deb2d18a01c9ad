//! axum: one layer, and three extractors, so that every error a service sends (its own and
//! axum's) is in one format, with a request id.
//!
//! ```no_run
//! use axum::Router;
//! use axum::routing::get;
//! use status::axum::{ErrorLayer, Json, Path};
//!
//! async fn show(Path(id): Path<u64>) -> Json<u64> {
//!     Json(id)
//! }
//!
//! let app: Router = Router::new()
//!     .route("/products/{id}", get(show))
//!     .layer(ErrorLayer::new()); // the one line
//! ```
//!
//! The layer, outermost on the router:
//!
//! - gives each request a request id: its `x-request-id` when that is 1 to 128 visible ASCII
//!   characters, else a new one; echoes it in the `x-request-id` response header, puts it in
//!   every error body (`request_id`) and on the `tracing` event of every error;
//! - answers a panicking handler with a 500 in the format (the panic message logged, never
//!   sent), and the server goes on;
//! - replaces every error response without a JSON body (axum's empty 404 and 405, a
//!   `tower_http::timeout::TimeoutLayer`'s 408, a body limit's 413, a rejection's text) by
//!   the [`FrameworkError`] of its status, keeping `Allow`;
//! - negotiates the body: a request whose `Accept` ranks `application/problem+json` above
//!   `application/json` gets problem details, the other way round the plain body, otherwise
//!   the error type's `format`; error responses then say `Vary: Accept`. Off with
//!   [`ErrorLayer::negotiate`].
//!
//! [`Json`], [`Path`] and [`Query`] are axum's extractors with a [`FrameworkError`] as
//! rejection: with them a body that is not JSON is `MALFORMED_JSON`, one of the wrong shape
//! `INVALID_BODY` with the path to the field (`#/items/1/price`), a bad path parameter
//! `INVALID_PATH`, a bad query `INVALID_QUERY`. axum's own extractors work too, with the
//! layer's generic codes by status (`BAD_REQUEST`, …).

use core::convert::Infallible;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use ::axum::body::Body;
use ::axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use ::axum::extract::{FromRequest, FromRequestParts, Request};
use ::axum::http::header::{ACCEPT, ALLOW, CONTENT_TYPE, HeaderName, HeaderValue, VARY};
use ::axum::http::request::Parts;
use ::axum::response::{IntoResponse, Response};
use serde_core::Serialize;
use serde_core::de::DeserializeOwned;
use status_core::context::{self, RequestContext};

use crate::framework::{CatchUnwind, is_json};
use crate::{FrameworkError, Pointer};

/// The request and response header of the request id.
const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The `tower::Layer` that answers every error of a service in one format, with a request
/// id; see the [module docs](self).
#[derive(Clone, Debug)]
pub struct ErrorLayer {
    negotiate: bool,
}

impl ErrorLayer {
    /// The layer, with content negotiation on.
    pub fn new() -> Self {
        ErrorLayer { negotiate: true }
    }

    /// Whether `Accept` chooses between the plain body and problem details (on by default).
    #[must_use]
    pub fn negotiate(mut self, on: bool) -> Self {
        self.negotiate = on;
        self
    }
}

impl Default for ErrorLayer {
    fn default() -> Self {
        ErrorLayer::new()
    }
}

impl<S> tower_layer::Layer<S> for ErrorLayer {
    type Service = ErrorService<S>;

    fn layer(&self, inner: S) -> ErrorService<S> {
        ErrorService {
            inner,
            negotiate: self.negotiate,
        }
    }
}

/// The service [`ErrorLayer`] wraps a router in.
#[derive(Clone, Debug)]
pub struct ErrorService<S> {
    inner: S,
    negotiate: bool,
}

impl<S> tower_service::Service<Request> for ErrorService<S>
where
    S: tower_service::Service<Request, Response = Response, Error = Infallible>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let incoming = request.headers().get(&X_REQUEST_ID);
        let context = RequestContext::new(
            incoming.map(HeaderValue::as_bytes),
            request.headers().get(ACCEPT).map(HeaderValue::as_bytes),
            self.negotiate,
        );
        // The client's own value when it is kept (a clone of the request's bytes).
        let id = match incoming {
            Some(value) if value.as_bytes() == context.request_id.as_bytes() => value.clone(),
            // Visible ASCII (see `RequestContext`): always a valid value.
            _ => HeaderValue::from_str(&context.request_id).unwrap_or(HeaderValue::from_static("")),
        };
        // Kept for a 404 or 405's message: both clones share the request's bytes.
        let (method, uri) = (request.method().clone(), request.uri().clone());
        // The service that was polled ready answers; a clone takes its place.
        let ready = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, ready);
        let negotiate = self.negotiate;
        Box::pin(context::scope(context, async move {
            let mut response = match CatchUnwind::new(inner.call(request)).await {
                Ok(Ok(response)) if !is_framework_error(&response) => response,
                // Boxed, so that the future of every request does not carry this one's
                // state (reading a body): most responses need none of it.
                Ok(Ok(response)) => Box::pin(rewrite(response, method.as_str(), uri.path())).await,
                Ok(Err(never)) => match never {},
                Err(panic) => FrameworkError::panic(&*panic).into_response(),
            };
            finish(&mut response, id, negotiate);
            Ok(response)
        }))
    }
}

/// Whether `response` is an error the framework answered by itself: an error status
/// without a JSON body.
fn is_framework_error(response: &Response) -> bool {
    response.status().as_u16() >= 400
        && !is_json(
            response
                .headers()
                .get(CONTENT_TYPE)
                .map(HeaderValue::as_bytes),
        )
}

/// The [`FrameworkError`] of an error response the framework answered by itself (see
/// [`is_framework_error`]), or the response as it is when it has none.
async fn rewrite(response: Response, method: &str, path: &str) -> Response {
    let status = response.status().as_u16();
    let allow = response
        .headers()
        .get(ALLOW)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let (parts, body) = response.into_parts();
    // A rejection's text is said as it came (axum's words, a kilobyte at most) for the
    // statuses whose variant carries a detail; any other body is kept whole.
    let (detail, body) = if matches!(status, 400 | 422 | 500) {
        let text = ::axum::body::to_bytes(body, 1024)
            .await
            .ok()
            .and_then(|bytes| String::from_utf8(bytes.to_vec()).ok());
        (text, Body::empty())
    } else {
        (None, body)
    };
    match FrameworkError::from_status(status, method, path, allow.as_deref(), detail.as_deref()) {
        Some(error) => {
            let mut response = error.into_response();
            if status == 405 && allow.is_none() {
                // Inside a route (`Router::layer`), the layer sees axum's 405 before the
                // method router lists the route's methods in `Allow` on its way out: that
                // header is left to it.
                response.headers_mut().remove(ALLOW);
            }
            response
        }
        // A status without a variant (never one whose body was read): as it came.
        None => Response::from_parts(parts, body),
    }
}

/// The request id on every response, and `Vary: Accept` on an error when `Accept` chose
/// its format.
fn finish(response: &mut Response, id: HeaderValue, negotiate: bool) {
    response.headers_mut().insert(X_REQUEST_ID, id);
    if negotiate && response.status().as_u16() >= 400 {
        response
            .headers_mut()
            .append(VARY, HeaderValue::from_static("accept"));
    }
}

/// axum's `Json`, rejecting with a [`FrameworkError`]: `MALFORMED_JSON`, `INVALID_BODY`
/// with the path to the field, `UNSUPPORTED_MEDIA_TYPE`, `CONTENT_TOO_LARGE`. As a response
/// it is axum's `Json`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = FrameworkError;

    async fn from_request(request: Request, state: &S) -> Result<Self, FrameworkError> {
        match ::axum::Json::<T>::from_request(request, state).await {
            Ok(::axum::Json(value)) => Ok(Json(value)),
            Err(rejection) => Err(json_rejection(&rejection)),
        }
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        ::axum::Json(self.0).into_response()
    }
}

/// What a [`JsonRejection`] stands for.
fn json_rejection(rejection: &JsonRejection) -> FrameworkError {
    match rejection {
        JsonRejection::JsonDataError(_) | JsonRejection::JsonSyntaxError(_) => {
            // The source of axum's rejection is its `Error`, whose source is the parser's.
            let parser = std::error::Error::source(rejection).and_then(std::error::Error::source);
            match parser.and_then(|error| {
                error.downcast_ref::<serde_path_to_error::Error<serde_json::Error>>()
            }) {
                Some(error) => FrameworkError::json(error.inner(), pointer(error.path())),
                None => match parser.and_then(|error| error.downcast_ref::<serde_json::Error>()) {
                    Some(error) => FrameworkError::json(error, Pointer::root()),
                    None => FrameworkError::BadRequest {
                        detail: rejection.body_text(),
                    },
                },
            }
        }
        JsonRejection::MissingJsonContentType(_) => FrameworkError::UnsupportedMediaType,
        other if other.status() == ::axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
            FrameworkError::ContentTooLarge
        }
        other => FrameworkError::BadRequest {
            detail: other.body_text(),
        },
    }
}

/// The JSON pointer of a path `serde_path_to_error` found: `items[1].price` is
/// `#/items/1/price`.
fn pointer(path: &serde_path_to_error::Path) -> Pointer {
    use serde_path_to_error::Segment;
    let mut pointer = Pointer::root();
    for segment in path {
        pointer = match segment {
            Segment::Seq { index } => pointer.join(index),
            Segment::Map { key } => pointer.join(key),
            Segment::Enum { variant } => pointer.join(variant),
            Segment::Unknown => break,
        };
    }
    pointer
}

/// axum's `Path`, rejecting with a [`FrameworkError`]: `INVALID_PATH` for a parameter that
/// does not parse (`/products/abc` for a number).
#[derive(Clone, Copy, Debug)]
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = FrameworkError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, FrameworkError> {
        match ::axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(::axum::extract::Path(value)) => Ok(Path(value)),
            Err(PathRejection::FailedToDeserializePathParams(error))
                if error.status() == ::axum::http::StatusCode::BAD_REQUEST =>
            {
                Err(FrameworkError::InvalidPath {
                    detail: error.kind().to_string(),
                })
            }
            // A route and its extractor that do not match: the service's mistake.
            Err(other) => Err(FrameworkError::Internal {
                detail: other.body_text(),
            }),
        }
    }
}

/// axum's `Query`, rejecting with a [`FrameworkError`]: `INVALID_QUERY` for a query string
/// that does not parse.
#[derive(Clone, Copy, Debug, Default)]
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = FrameworkError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, FrameworkError> {
        match ::axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(::axum::extract::Query(value)) => Ok(Query(value)),
            Err(rejection) => Err(FrameworkError::InvalidQuery {
                detail: match &rejection {
                    QueryRejection::FailedToDeserializeQueryString(error) => {
                        std::error::Error::source(error)
                            .map_or_else(|| rejection.body_text(), ToString::to_string)
                    }
                    other => other.body_text(),
                },
            }),
        }
    }
}
