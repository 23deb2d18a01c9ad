//! Runtime of the [`status`](https://docs.rs/status) crate: the HTTP status registry
//! ([`Status`]), the [`ApiError`] trait, its two JSON bodies ([`Body`], [`Problem`]) and the
//! [catalog](Entry) of a type's variants.
//!
//! Most users depend on `status` and derive the trait; this crate is what the derive's code
//! calls, and what a hand-written impl implements.
//!
//! ```
//! use status_core::{Class, Status};
//!
//! assert_eq!(Status::TOO_MANY_REQUESTS.reason(), Some("Too Many Requests"));
//! assert_eq!(Status::TOO_MANY_REQUESTS.class(), Class::ClientError);
//! ```

#![warn(missing_docs)]

// Without the default `runtime` feature this crate is the registry alone, with no
// dependency: that is how `status-derive` uses it, so the macro's build need not wait for
// serde.
mod adapters;
#[cfg(feature = "runtime")]
mod api_error;
#[cfg(feature = "runtime")]
mod body;
#[cfg(feature = "runtime")]
mod catalog;
#[cfg(any(feature = "http", feature = "actix-web"))]
#[doc(hidden)]
pub mod context;
#[cfg(feature = "contract")]
pub mod contract;
#[doc(hidden)]
pub mod grammar;
#[cfg(feature = "runtime")]
mod guard;
mod header;
#[cfg(feature = "http")]
pub mod http;
#[cfg(any(feature = "utoipa", feature = "aide"))]
pub mod openapi;
#[cfg(feature = "runtime")]
mod render;
mod status;
#[cfg(feature = "runtime")]
mod violations;
#[cfg(any(feature = "http", feature = "actix-web"))]
mod wire;

#[cfg(feature = "runtime")]
pub use crate::api_error::{
    ApiError, Format, FormatMessage, HeaderValue, Message, collect_headers,
};
#[cfg(feature = "runtime")]
pub use crate::body::{Body, Problem};
#[cfg(feature = "runtime")]
pub use crate::catalog::{Catalog, Entry, MessageSource, Row, VariantInfo, walk};
pub use crate::header::{is_valid_header_name, is_valid_header_value};
pub use crate::status::{Class, InvalidStatus, Status};
#[cfg(feature = "runtime")]
pub use crate::violations::{Pointer, Violation, Violations};

/// The registry the derive reads at compile time. Not a public API.
#[doc(hidden)]
pub mod registry {
    pub use crate::status::{REGISTRY, Registered, registered};
}

/// What the derive's generated code names. Not a public API.
#[cfg(feature = "runtime")]
#[doc(hidden)]
pub mod __private {
    pub use ::core;
    // Of serde's, only `SerializeMap`, and no crate root: rustc names a trait in its errors
    // by the path it finds, and a re-exported `serde_core` would make the "not `Serialize`"
    // error for an exposed field read `status::__private::serde_core::ser::Serialize`.
    pub use ::serde_core::ser::SerializeMap;

    pub use crate::catalog::packed::packed;
    pub use crate::catalog::unique::{ConstMessage, duplicate_code};
    pub use crate::{__impl_actix, __impl_adapters, __impl_axum};
    pub use crate::{__impl_aide, __impl_openapi, __impl_utoipa};
    #[cfg(feature = "utoipa")]
    pub use ::utoipa;
    /// What `utoipa::IntoResponses::responses` returns.
    #[cfg(feature = "utoipa")]
    pub type UtoipaResponses = ::std::collections::BTreeMap<
        ::std::string::String,
        ::utoipa::openapi::RefOr<::utoipa::openapi::response::Response>,
    >;
    #[cfg(any(feature = "utoipa", feature = "aide"))]
    pub use crate::openapi::Probe;
    #[cfg(feature = "aide")]
    pub use crate::openapi::aide::{
        Fields as AideFields, ProbeJsonFields, ProbeJsonSchema, Responses as AideResponses,
        UnprobedJson,
    };
    #[cfg(feature = "utoipa")]
    pub use crate::openapi::utoipa::{
        Field as UtoipaField, Fields as UtoipaFields, ProbeFields, ProbeSchema,
        Schemas as UtoipaSchemas, Unprobed,
    };
    #[cfg(feature = "aide")]
    pub use ::aide;
    #[cfg(feature = "aide")]
    pub use ::schemars;
    #[cfg(any(feature = "utoipa", feature = "aide"))]
    pub use ::std::borrow::Cow;

    #[cfg(feature = "axum")]
    pub use crate::adapters::axum_response;
    #[cfg(feature = "actix-web")]
    pub use crate::adapters::{actix_response, actix_status};
    #[cfg(feature = "actix-web")]
    pub use ::actix_web;
    #[cfg(feature = "axum")]
    pub use ::axum_core as axum;

    pub use crate::{
        ApiError, Entry, Format, FormatMessage, HeaderValue, Message, MessageSource, Status,
        VariantInfo,
    };

    /// What a generic type's exposed field must be: `Serialize`. The derive's `where`
    /// clauses name this rather than the trait, which `__private` does not re-export (see
    /// above); a bound on it implies `Serialize`.
    pub trait Expose: ::serde_core::Serialize {}

    impl<T: ?Sized + ::serde_core::Serialize> Expose for T {}

    /// The public message of a variant, from its catalog row.
    #[inline]
    pub fn message<'a>(
        info: &'static VariantInfo,
        error: &'a dyn core::fmt::Display,
    ) -> Message<'a> {
        match info.text {
            Some(text) => Message::Static(text),
            None => Message::Display(error),
        }
    }

    /// The public message of a variant of a type with a `message = "...{field}..."`: the
    /// template's variants are formatted by `format`, the rest as [`message`] does.
    #[inline]
    pub fn message_format<'a>(
        info: &'static VariantInfo,
        error: &'a dyn core::fmt::Display,
        format: &'a dyn FormatMessage,
    ) -> Message<'a> {
        match info.message {
            MessageSource::Template(_) => Message::Format(format),
            _ => message(info, error),
        }
    }

    /// Sends the static headers of a variant's catalog row: `ApiError::headers` for a
    /// variant whose headers are all fixed by its attribute.
    #[inline]
    pub fn static_headers(
        info: &'static VariantInfo,
        visit: &mut dyn FnMut(&'static str, HeaderValue<'_>),
    ) {
        for &(name, value) in info.static_headers {
            visit(name, HeaderValue::Static(value));
        }
    }

    /// The row at `index` of a catalog, or a 500 row for an index that is not an own
    /// variant (never, for the derive's indices), so that generated code has no panic path.
    /// Inlined with a constant catalog, it folds into a table load.
    #[inline]
    pub const fn row(catalog: &'static [Entry], index: usize) -> &'static VariantInfo {
        const UNREACHABLE: VariantInfo =
            VariantInfo::new("", Status::INTERNAL_SERVER_ERROR, "INTERNAL_SERVER_ERROR");
        if index < catalog.len()
            && let Entry::Variant(info) = &catalog[index]
        {
            return info;
        }
        &UNREACHABLE
    }

    /// A status the derive has already checked to be in `100..=599`.
    #[inline]
    #[must_use]
    pub const fn status(code: u16) -> Status {
        match Status::new(code) {
            Some(status) => status,
            None => Status::INTERNAL_SERVER_ERROR,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::__private::{row, status};
    use crate::{Entry, Status, VariantInfo};

    #[test]
    fn a_row_outside_the_own_variants_is_a_500_not_a_panic() {
        static CATALOG: &[Entry] = &[
            Entry::Variant(VariantInfo::new("Gone", Status::GONE, "GONE")),
            Entry::Transparent {
                name: "Inner",
                inner: &[],
            },
        ];
        assert_eq!(row(CATALOG, 0).code, "GONE");
        for index in [1, 2, usize::MAX] {
            let info = row(CATALOG, index);
            assert_eq!(
                (info.status, info.code),
                (Status::INTERNAL_SERVER_ERROR, "INTERNAL_SERVER_ERROR")
            );
        }
    }

    #[test]
    fn formats_name_themselves_as_the_attribute_does() {
        use crate::Format;
        assert_eq!(
            (Format::Plain.name(), Format::Problem.name()),
            ("plain", "problem")
        );
    }

    #[test]
    fn a_status_out_of_range_is_a_500() {
        assert_eq!(status(404), Status::NOT_FOUND);
        assert_eq!(status(600), Status::INTERNAL_SERVER_ERROR);
    }
}
