//! actix-web: one middleware, so that every error a service sends (its own and actix-web's)
//! is in one format, with a request id.
//!
//! ```no_run
//! use actix_web::{App, HttpServer, web};
//! use status::actix::ErrorLayer;
//!
//! async fn show(id: web::Path<u64>) -> String {
//!     id.to_string()
//! }
//!
//! # async fn run() -> std::io::Result<()> {
//! HttpServer::new(|| {
//!     App::new()
//!         .route("/products/{id}", web::get().to(show))
//!         .wrap(ErrorLayer::new()) // the one line
//! })
//! .bind(("127.0.0.1", 8080))?
//! .run()
//! .await
//! # }
//! ```
//!
//! The middleware, outermost on the app, does what [`status::axum`](crate::axum)'s layer
//! does, with the same codes: a request id (kept from a valid `x-request-id`, else made),
//! echoed in the `x-request-id` response header, in every error body and on every error's
//! `tracing` event; a panicking handler answered with a 500 in the format, the server going
//! on; content negotiation with `Vary: Accept`. actix-web attaches the error behind each
//! error response, so its extractors' errors map exactly: a body that is not JSON is
//! `MALFORMED_JSON`, one of the wrong shape `INVALID_BODY` (actix-web does not say at which
//! field: the pointer is `#`, serde's message names it), a bad path parameter
//! `INVALID_PATH`, a bad query `INVALID_QUERY`, a body over `JsonConfig`'s limit
//! `CONTENT_TOO_LARGE`; any other error response without a JSON body (the default 404, a
//! resource's 405) becomes the [`FrameworkError`] of its status, keeping `Allow`.
//!
//! actix-web has no timeout of its own for a handler: [`ErrorLayer::timeout`] gives one,
//! answered as tower-http's `TimeoutLayer` answers on axum, `408 REQUEST_TIMEOUT`.

use std::future::{Future, Ready, ready};
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform, forward_ready};
use actix_web::error::{
    InternalError, JsonPayloadError, PathError, PayloadError, QueryPayloadError,
};
use actix_web::http::StatusCode;
use actix_web::http::header::{
    ACCEPT, ALLOW, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, VARY,
};
use actix_web::{Error, HttpResponse};
use status_core::context::{self, RequestContext};

use crate::framework::{CatchUnwind, is_json};
use crate::{FrameworkError, Pointer};

/// The request and response header of the request id.
const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The middleware that answers every error of a service in one format, with a request id;
/// see the [module docs](self).
#[derive(Clone, Debug)]
pub struct ErrorLayer {
    negotiate: bool,
    timeout: Option<Duration>,
}

impl ErrorLayer {
    /// The middleware, with content negotiation on and no timeout.
    pub fn new() -> Self {
        ErrorLayer {
            negotiate: true,
            timeout: None,
        }
    }

    /// Whether `Accept` chooses between the plain body and problem details (on by default).
    #[must_use]
    pub fn negotiate(mut self, on: bool) -> Self {
        self.negotiate = on;
        self
    }

    /// Answers a request whose handler runs longer than `timeout` with `408
    /// REQUEST_TIMEOUT` (the handler's future is dropped).
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }
}

impl Default for ErrorLayer {
    fn default() -> Self {
        ErrorLayer::new()
    }
}

impl<S, B> Transform<S, ServiceRequest> for ErrorLayer
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Transform = ErrorService<S>;
    type InitError = ();
    type Future = Ready<Result<ErrorService<S>, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(ErrorService {
            service: Rc::new(service),
            layer: self.clone(),
        }))
    }
}

/// The service [`ErrorLayer`] wraps an app in.
pub struct ErrorService<S> {
    service: Rc<S>,
    layer: ErrorLayer,
}

impl<S, B> Service<ServiceRequest> for ErrorService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Error>>>>;

    forward_ready!(service);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let header = |name: &HeaderName| request.headers().get(name).map(HeaderValue::as_bytes);
        let context =
            RequestContext::new(header(&X_REQUEST_ID), header(&ACCEPT), self.layer.negotiate);
        let id = Arc::clone(&context.request_id);
        // What a response without the request needs (the router needs the request whole:
        // no clone of it may live while the app answers).
        let (method, uri) = (request.method().clone(), request.uri().clone());
        let service = Rc::clone(&self.service);
        let ErrorLayer { negotiate, timeout } = self.layer;
        Box::pin(context::scope(context, async move {
            let call = CatchUnwind::new(async move { service.call(request).await });
            let answer = match timeout {
                Some(timeout) => actix_web::rt::time::timeout(timeout, call).await.ok(),
                None => Some(call.await),
            };
            let mut response = match answer {
                Some(Ok(Ok(response))) => {
                    let mut response = match framework_error(&response) {
                        Some(error) => response
                            .into_response(HttpResponse::from_error(error))
                            .map_into_right_body(),
                        None => response.map_into_left_body(),
                    };
                    let status = response.status();
                    finish(response.headers_mut(), status, &id, negotiate);
                    return Ok(response);
                }
                Some(Ok(Err(error))) => error_response(&error, method.as_str(), uri.path()),
                Some(Err(panic)) => HttpResponse::from_error(FrameworkError::panic(&*panic)),
                None => HttpResponse::from_error(FrameworkError::RequestTimeout),
            };
            // The request went with the app's future: the response, made here in the
            // context, goes up as an error that answers with it.
            let status = response.status();
            finish(response.headers_mut(), status, &id, negotiate);
            let cause = response
                .error()
                .map_or_else(|| "an error response".to_owned(), ToString::to_string);
            Err(InternalError::from_response(cause, response).into())
        }))
    }
}

/// The [`FrameworkError`] an error response actix-web made stands for, if it is one.
fn framework_error<B>(response: &ServiceResponse<B>) -> Option<FrameworkError> {
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .map(HeaderValue::as_bytes);
    if status < 400 || is_json(content_type) {
        return None;
    }
    let allow = response
        .headers()
        .get(ALLOW)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let error = response.response().error();
    error.and_then(extractor_error).or_else(|| {
        FrameworkError::from_status(
            status,
            response.request().method().as_str(),
            response.request().path(),
            allow.as_deref(),
            error.map(ToString::to_string).as_deref(),
        )
    })
}

/// The response to an error that came up out of the app: made once, here in the context,
/// and replaced by the [`FrameworkError`] it stands for if it is not JSON.
fn error_response(error: &Error, method: &str, path: &str) -> HttpResponse {
    if let Some(framework) = extractor_error(error) {
        return HttpResponse::from_error(framework);
    }
    let response = error.error_response();
    let status = response.status().as_u16();
    if status < 400
        || is_json(
            response
                .headers()
                .get(CONTENT_TYPE)
                .map(HeaderValue::as_bytes),
        )
    {
        return response;
    }
    let allow = response
        .headers()
        .get(ALLOW)
        .and_then(|value| value.to_str().ok());
    match FrameworkError::from_status(status, method, path, allow, Some(&error.to_string())) {
        Some(framework) => HttpResponse::from_error(framework),
        None => response,
    }
}

/// What an error of actix-web's extractors stands for, exactly.
fn extractor_error(error: &Error) -> Option<FrameworkError> {
    if let Some(error) = error.as_error::<JsonPayloadError>() {
        return Some(match error {
            JsonPayloadError::OverflowKnownLength { .. }
            | JsonPayloadError::Overflow { .. }
            | JsonPayloadError::Payload(PayloadError::Overflow) => FrameworkError::ContentTooLarge,
            JsonPayloadError::ContentType => FrameworkError::UnsupportedMediaType,
            JsonPayloadError::Deserialize(error) => FrameworkError::json(error, Pointer::root()),
            JsonPayloadError::Serialize(error) => FrameworkError::Internal {
                detail: error.to_string(),
            },
            other => FrameworkError::BadRequest {
                detail: other.to_string(),
            },
        });
    }
    if let Some(PathError::Deserialize(error)) = error.as_error::<PathError>() {
        return Some(FrameworkError::InvalidPath {
            detail: error.to_string(),
        });
    }
    // `web::Path` without a `PathConfig` error handler answers its deserializer's error as
    // a 404 (`ErrorNotFound`): a path that matched a route, with a parameter that does not
    // parse.
    if let Some(error) = error.as_error::<InternalError<serde_core::de::value::Error>>() {
        return Some(FrameworkError::InvalidPath {
            detail: error.to_string(),
        });
    }
    if let Some(QueryPayloadError::Deserialize(error)) = error.as_error::<QueryPayloadError>() {
        return Some(FrameworkError::InvalidQuery {
            detail: error.to_string(),
        });
    }
    None
}

/// The request id on every response, and `Vary: Accept` on an error when `Accept` chose
/// its format.
fn finish(headers: &mut HeaderMap, status: StatusCode, id: &str, negotiate: bool) {
    // Visible ASCII (see `RequestContext`): always a valid value.
    if let Ok(value) = HeaderValue::from_str(id) {
        headers.insert(X_REQUEST_ID, value);
    }
    if negotiate && status.as_u16() >= 400 {
        headers.append(VARY, HeaderValue::from_static("accept"));
    }
}
