//! The expansion is clean under the strictest lints a user may turn on; clippy pedantic is
//! checked by `.ci/run` over this file.

#![deny(
    warnings,
    unused_qualifications,
    unused_results,
    missing_docs,
    unreachable_pub
)]
#![deny(clippy::all, clippy::pedantic)]
#![deny(
    rust_2018_idioms,
    trivial_casts,
    trivial_numeric_casts,
    unused_lifetimes
)]

//! Lint test.

use status::ApiError;

/// Every shape at once.
#[derive(Debug, thiserror::Error, ApiError)]
#[status(500, header("Cache-Control" = "no-store"))]
pub enum Strict<'a, T: std::fmt::Debug + std::fmt::Display + serde::Serialize + 'static> {
    /// Unit.
    #[error("unit")]
    #[status(404)]
    Unit,
    /// Tuple with an exposed field.
    #[error("tuple {0}")]
    #[status(422)]
    Tuple(#[status(expose = "value")] T),
    /// Struct with a header.
    #[error("struct {by}")]
    #[status(429)]
    Struct {
        /// Seconds.
        #[status(header = "Retry-After")]
        after: u32,
        /// Borrowed.
        by: &'a str,
    },
    /// Default status.
    #[error("default")]
    Default,
    /// A 401 with its challenge.
    #[error("who")]
    #[status(401, www_authenticate = "Bearer")]
    Who,
    /// Transparent.
    #[error(transparent)]
    #[status(transparent)]
    Inner(Inner),
}

/// A struct error.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("inner")]
#[status(503, retry_after = 1)]
pub struct Inner;

#[test]
fn compiles_and_works() {
    let err: Strict<'_, u8> = Strict::Struct { after: 3, by: "me" };
    assert_eq!(err.status().as_u16(), 429);
    assert_eq!(Strict::<'_, u8>::Default.status().as_u16(), 500);
}
