//! The framework adapters. The derive calls [`__impl_adapters!`](crate::__impl_adapters)
//! after every impl; each feature of this crate decides what that macro expands to, so the
//! user's crate needs no features and no `cfg` of its own.
//!
//! Every adapter sends what [`wire::render`](crate::wire) builds: one function decides the
//! status, `content-type`, headers and body, and the adapters only translate its result
//! into their framework's types.

/// Emits the framework impls for a derived type. Not a public API.
///
/// Input: `impl [<generics>] [<type>] where [<predicates>,]`, the predicates empty or each
/// followed by a comma.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_adapters {
    (impl [$($generics:tt)*] [$($ty:tt)*] where [$($preds:tt)*]) => {
        $crate::__impl_axum! { impl [$($generics)*] [$($ty)*] where [$($preds)*] }
        $crate::__impl_actix! { impl [$($generics)*] [$($ty)*] where [$($preds)*] }
    };
}

/// `axum::response::IntoResponse` for a derived type (feature `axum`). Not a public API.
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    (impl [$($generics:tt)*] [$($ty:tt)*] where [$($preds:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::axum::response::IntoResponse for $($ty)*
        where
            $($preds)*
        {
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::__private::axum_response(&self)
            }
        }
    };
}

/// Expands to nothing: the `axum` feature is off. Not a public API.
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    (impl [$($generics:tt)*] [$($ty:tt)*] where [$($preds:tt)*]) => {};
}

/// `actix_web::ResponseError` for a derived type (feature `actix-web`). Not a public API.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix {
    (impl [$($generics:tt)*] [$($ty:tt)*] where [$($preds:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::actix_web::ResponseError for $($ty)*
        where
            $($preds)*
        {
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::__private::actix_status(self)
            }

            fn error_response(
                &self,
            ) -> $crate::__private::actix_web::HttpResponse<$crate::__private::actix_web::body::BoxBody>
            {
                $crate::__private::actix_response(self)
            }
        }
    };
}

/// Expands to nothing: the `actix-web` feature is off. Not a public API.
#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix {
    (impl [$($generics:tt)*] [$($ty:tt)*] where [$($preds:tt)*]) => {};
}

/// What the axum impl calls: [`crate::http::response`], with an axum body, and the reason
/// phrase for hyper's status line where the `http` crate's differs (413, 422) or is missing
/// (an unregistered code with `reason = "..."`).
#[cfg(feature = "axum")]
pub fn axum_response<E: crate::ApiError>(error: &E) -> axum_core::response::Response {
    let wire = crate::wire::render(error);
    let reason = wire.reason;
    let mut response = wire.into_http().map(axum_core::body::Body::from);
    if response.status().canonical_reason() != Some(reason) {
        // Checked by `wire::render`: hyper takes it.
        if let Ok(phrase) = hyper::ext::ReasonPhrase::try_from(reason.as_bytes()) {
            response.extensions_mut().insert(phrase);
        }
    }
    response
}

/// What the actix-web impl's `status_code` returns: the status [`actix_response`] sends.
#[cfg(feature = "actix-web")]
pub fn actix_status<E: crate::ApiError>(error: &E) -> actix_web::http::StatusCode {
    let status = error.status();
    actix_status_code(if status.is_error() {
        status
    } else {
        crate::Status::INTERNAL_SERVER_ERROR
    })
}

/// actix-web's `StatusCode` (from `http` 0.2) for a [`crate::Status`].
#[cfg(feature = "actix-web")]
fn actix_status_code(status: crate::Status) -> actix_web::http::StatusCode {
    // Every `Status` (100..=599) is a valid `StatusCode`: the fallback is unreachable.
    actix_web::http::StatusCode::from_u16(status.as_u16())
        .unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// What the actix-web impl's `error_response` returns: what `wire::render` built,
/// in actix-web's types.
#[cfg(feature = "actix-web")]
pub fn actix_response<E: crate::ApiError>(error: &E) -> actix_web::HttpResponse {
    use actix_web::http::header::{CONTENT_TYPE, HeaderName, HeaderValue};

    let wire = crate::wire::render(error);
    let mut response =
        actix_web::HttpResponse::with_body(actix_status_code(wire.status), wire.body);
    // Checked by `wire::render`, as hyper checks it for axum: actix-web writes it as it is.
    response.head_mut().reason = Some(wire.reason);
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(wire.content_type));
    for (name, value) in crate::wire::Wire::header_bytes(wire.headers) {
        // Both checked by `wire::render`; a failure here is still dropped, never a panic.
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_maybe_shared(value),
        ) {
            headers.append(name, value);
        }
    }
    response.map_into_boxed_body()
}

/// Expands to nothing: the `utoipa` feature is off (see `openapi::utoipa`). Not a public
/// API.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ($($input:tt)*) => {};
}

/// Expands to nothing: the `aide` feature is off (see `openapi::aide`). Not a public API.
#[cfg(not(feature = "aide"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_aide {
    ($($input:tt)*) => {};
}

/// Emits the OpenAPI impls of a derived type, for every generator whose feature is on.
/// Not a public API.
///
/// Input: `impl [<generics>] [<type>] where [<predicates>,] fields [("Variant", "name",
/// Type)…] inner [("Variant", Inner)…]`: each exposed field's type, each transparent
/// variant's inner type (both empty beside the derive's errors).
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_openapi {
    ($($input:tt)*) => {
        $crate::__impl_utoipa! { $($input)* }
        $crate::__impl_aide! { $($input)* }
    };
}
