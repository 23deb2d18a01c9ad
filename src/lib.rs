//! HTTP error responses that are correct by construction.
//!
//! Annotate an error enum with `#[derive(ApiError)]` and one `#[status(...)]` per variant;
//! the derive decides at compile time each variant's status, its stable machine-readable
//! code, the public message, the headers HTTP requires, and two JSON bodies: a plain one and
//! RFC 9457 problem details. What HTTP forbids does not compile.
//!
//! ```
//! use status::{ApiError, Status};
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! pub enum UserError {
//!     #[error("User not found")]
//!     #[status(404, code = "USER_NOT_FOUND")]
//!     NotFound,
//!
//!     #[error("a user with email {email} already exists")]
//!     #[status(409)] // the code defaults to the variant's name: USER_EXISTS
//!     UserExists {
//!         #[status(expose)]
//!         email: String,
//!     },
//!
//!     #[error("database error: {0}")]
//!     #[status(500)] // a 5xx never shows its Display text to the client
//!     Database(String),
//! }
//!
//! let err = UserError::NotFound;
//! assert_eq!(err.status(), Status::NOT_FOUND);
//! assert_eq!(err.code(), "USER_NOT_FOUND");
//! assert_eq!(
//!     serde_json::to_string(&err.body()).unwrap(),
//!     r#"{"error":"User not found","code":"USER_NOT_FOUND"}"#,
//! );
//!
//! let err = UserError::UserExists { email: "ada@example.com".into() };
//! assert_eq!(
//!     serde_json::to_string(&err.body()).unwrap(),
//!     r#"{"error":"a user with email ada@example.com already exists","code":"USER_EXISTS","email":"ada@example.com"}"#,
//! );
//!
//! let err = UserError::Database("password=hunter2".into());
//! assert_eq!(
//!     serde_json::to_string(&err.problem()).unwrap(),
//!     r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"Internal Server Error","code":"DATABASE"}"#,
//! );
//! ```
//!
//! # The attribute
//!
//! On a **variant** (or on a struct, for a struct error):
//!
//! | key | meaning |
//! |---|---|
//! | `404` or `NOT_FOUND` | the status, by number or by [`Status`] constant name; must be 4xx or 5xx |
//! | `code = "USER_NOT_FOUND"` | the code; default: the variant's name in `UPPER_SNAKE_CASE` |
//! | `message = "..."` | a fixed public message instead of `Display` |
//! | `expose` | on a 5xx: send the `Display` text after all |
//! | `redact` | on a 4xx: send the reason phrase instead of `Display` (login failures) |
//! | `transparent` | a one-field variant whose field is itself an `ApiError`, which decides everything |
//! | `reason = "Client Closed Request"` | the reason phrase of an unregistered status (e.g. 499) |
//! | `www_authenticate = "Bearer"` | the `WWW-Authenticate` header (401 requires it) |
//! | `allow = "GET, HEAD"` | the `Allow` header (405 requires it) |
//! | `retry_after = 120` | the `Retry-After` header, in seconds (or an HTTP-date string) |
//! | `header("X-Name" = "value")` | any other header |
//! | `allow(name_mismatch)` | silences the warning for a variant named after another status |
//!
//! On the **enum**: a status and any header key set the default for variants without their
//! own; `crate = "path"` names this crate when it is re-exported; `format = "problem"`
//! makes the framework adapters send problem details; `problem_type = "https://…/"` sets the
//! base of the problem `type` member (the code is appended).
//!
//! On a **field**: `expose` adds the field to both bodies under its name (`expose = "name"`
//! for a tuple field; the field must be `serde::Serialize`); `header = "Retry-After"` sends
//! the field's `Display` as that header.
//!
//! # The public message
//!
//! A 4xx sends its `Display` text; a 5xx sends its reason phrase ("Internal Server Error"),
//! never its `Display`, which may hold SQL, paths or secrets (RFC 9457 §5, OWASP). `expose`,
//! `redact` and `message` change that per variant. The text is written straight into the
//! serializer, with no intermediate `String`.
//!
//! # Features
//!
//! None is on by default. `http` builds an `http::Response` (`status::http::response`,
//! when enabled) and converts `Status` to and from `http::StatusCode`; `axum` makes every
//! derived type an `IntoResponse`; `actix-web` a `ResponseError`; `utoipa` an
//! `IntoResponses` (one OpenAPI response per status, every variant a named example);
//! `tracing` logs each 5xx an adapter sends with its `Display` and `source()` chain;
//! `contract` gives the catalog's contract tests (`assert_catalog!`), for your
//! `[dev-dependencies]`. Your crate needs no features or `cfg` of its own: enabling the
//! feature on `status` is enough.
//!
//! Every response carries the status (with the IANA reason phrase), `content-type`
//! (`application/json`, or `application/problem+json` with `format = "problem"`), the
//! variant's headers and the body. A header value that may not be sent (CR, LF, controls)
//! is dropped, never sent.
//!
//! # The catalog
//!
//! [`ApiError::CATALOG`] lists every variant as static data; [`Catalog`] flattens it through
//! `transparent` nesting and renders Markdown or JSON, and `assert_catalog!` (feature
//! `contract`, for your `[dev-dependencies]`) pins it to a checked-in file so that a renamed
//! code fails a test.
//!
//! # Compile errors
//!
//! Each rule is a compile error that points at the offending token and says the HTTP rule
//! and the fix: a 1xx/2xx/3xx status, a number outside 100..=599, an unregistered code
//! without `reason`, a variant without a status, two variants with one code, a code that is
//! not `UPPER_SNAKE_CASE`, a 401 without `WWW-Authenticate`, a 405 without `Allow`, unknown or
//! duplicate keys, `transparent` misused, `expose`/`redact` where they mean nothing, unions.
//!
//! ```compile_fail
//! #[derive(Debug, thiserror::Error, status::ApiError)]
//! enum UserError {
//!     #[error("User not found")]
//!     #[status(200)] // error: `200 OK` is a success status
//!     NotFound,
//! }
//! ```

#![warn(missing_docs)]

// The derive names `::status`; inside this crate that is the crate itself.
extern crate self as status;

pub use status_core::*;

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod framework;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub use crate::framework::FrameworkError;

/// Derives [`ApiError`] from `#[status(...)]` attributes; see the [crate docs](crate).
pub use status_derive::ApiError;

#[doc(hidden)]
pub use status_core::__private;
