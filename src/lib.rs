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
//! One helper attribute, `status`, in three places. Every value is checked at compile time.
//!
//! **On a variant**, or on a struct for a struct error:
//!
//! | key | meaning |
//! |---|---|
//! | `404` or `NOT_FOUND` | the status, by number or by [`Status`] constant name (`CONTENT_TOO_LARGE`, `UNPROCESSABLE_CONTENT`: the IANA phrases); must be 4xx or 5xx |
//! | `code = "USER_NOT_FOUND"` | the code: `[A-Z][A-Z0-9_]*[A-Z0-9]`, at most 63 characters (AIP-193). Default: the name in `UPPER_SNAKE_CASE` (`UserExists` → `USER_EXISTS`) |
//! | `message = "..."` | a fixed public message instead of `Display`. `{field}` (or `{0}` for a tuple field) writes the field's `Display` there, as `#[error]` does; `{{` and `}}` are braces; a format spec (`{id:?}`) is refused, the field's `Display` decides |
//! | `expose` | on a 5xx: send the `Display` text after all |
//! | `redact` | on a 4xx: send the reason phrase instead of `Display` (login failures) |
//! | `transparent` | a one-field variant whose field is itself an `ApiError`: status, code, message, headers and body are the field's |
//! | `reason = "Client Closed Request"` | the reason phrase of an unregistered status (499); required for one, refused for a registered one |
//! | `www_authenticate = "Bearer realm=\"api\""` | `WWW-Authenticate`: a list of challenges (RFC 9110 §11.6.1); a 401 must send it |
//! | `allow = "GET, HEAD"` | `Allow`: methods separated by commas, possibly none (RFC 9110 §10.2.1); a 405 must send it |
//! | `retry_after = 120` or `retry_after = "Sun, 06 Nov 1994 08:49:37 GMT"` | `Retry-After`: seconds, or an IMF-fixdate (RFC 9110 §10.2.3) |
//! | `header("X-Name" = "value")` | any other header; several may be given. `Proxy-Authenticate` (407) and `Upgrade` (426) are given so |
//! | `allow(name_mismatch)` | silences the warning for a variant named after another status's phrase |
//!
//! **On the enum**: a status and any header key are the default of the variants without
//! their own (a variant's header of the same name replaces the default); `crate =
//! "path::to::status"` when a crate re-exports this one; `format = "problem"` makes the
//! adapters send problem details; `problem_type = "https://api.example.com/errors/"` sets the
//! base of the problem `type` (the code is appended); `max_header_bytes = 16384` raises the
//! cap on a header value from a field (8 KiB by default); `allow(name_mismatch)`.
//!
//! **On a field**: `expose` adds the field to both bodies under its name (`expose = "name"`
//! for a tuple field; the field must be `serde::Serialize`; `error`, `code`, `type`,
//! `title`, `status`, `detail`, `instance` and `request_id` are the bodies' own);
//! `header = "Retry-After"` sends the field's `Display` as that header (a field may give a
//! 401's `WWW-Authenticate` or a 405's `Allow`).
//!
//! # The public message
//!
//! A 4xx sends its `Display` text; a 5xx sends its reason phrase ("Internal Server Error"),
//! never its `Display`, which may hold SQL, paths or secrets (RFC 9457 §5, OWASP). `expose`,
//! `redact` and `message` change that per variant. The text is written straight into the
//! serializer, with no intermediate `String`.
//!
//! ```
//! use status::ApiError;
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! enum PriceError {
//!     #[error("price {cents} of {sku} is below cost")]
//!     #[status(422, message = "the price of {sku} is too low")]
//!     TooLow { sku: String, cents: u64 },
//! }
//!
//! let err = PriceError::TooLow { sku: "A-1".into(), cents: 5 };
//! assert_eq!(
//!     serde_json::to_string(&err.body()).unwrap(),
//!     r#"{"error":"the price of A-1 is too low","code":"TOO_LOW"}"#,
//! );
//! ```
//!
//! # Compile errors
//!
//! Each misuse is one `compile_error!` on the token that is wrong, saying the HTTP rule and
//! the fix; errors accumulate across variants, and a fallback impl keeps one mistake from
//! cascading into "`ApiError` is not implemented" elsewhere:
//!
//! - a 1xx, 2xx or 3xx status; a number outside 100..=599, negative, a string or a float; an
//!   unknown status name (with the nearest one);
//! - an unregistered 4xx/5xx (499, 418, 510) without `reason`, or `reason` on a registered one;
//! - a variant without a status and no enum default (with a status suggested from its
//!   name: `…NotFound` → 404, `…Exists` → 409, `InvalidToken` → 401, `Invalid…` → 422, …);
//! - two variants with one code (at the second); two variants under one type with one code
//!   across `transparent` nesting, inner types of other crates included (the compiler checks
//!   the whole catalog in `const` evaluation);
//! - a code that is not `UPPER_SNAKE_CASE` or is over 63 characters (with the corrected one);
//! - a 401 without `WWW-Authenticate`, a 405 without `Allow`, a 407 without
//!   `Proxy-Authenticate`, a 426 without `Upgrade`;
//! - a header value outside its grammar or not ASCII; a header name that is not a token, or
//!   that the server owns (`Content-Type`, `Content-Length`, `Content-Encoding`,
//!   `Transfer-Encoding`, `Connection`, `Keep-Alive`, `TE`, `Trailer`, `Upgrade` but on a
//!   426, `Host`); a header given twice;
//! - an unknown key (with "did you mean"), a key in the wrong place, a key given twice, a
//!   second `#[status]`; a key misspelled with dashes (`retry-after`);
//! - `transparent` beside other keys or on a variant without exactly one field; `expose` on a
//!   4xx, `redact` on a 5xx, both, or either beside `message`; a `{name}` in `message` that is
//!   no field;
//! - an exposed tuple field without a name; an exposed name a body uses already; a field
//!   that is exposed but not `Serialize`, or a header but not `Display`;
//! - a union.
//!
//! A variant named after one reason phrase but mapped to another (`Unauthorized` on 403) is
//! a warning, silenced with `allow(name_mismatch)`.
//!
//! ```compile_fail
//! #[derive(Debug, thiserror::Error, status::ApiError)]
//! enum UserError {
//!     #[error("User not found")]
//!     #[status(200)] // error: `200 OK` is a success status
//!     NotFound,
//! }
//! ```
//!
//! # What goes on the wire
//!
//! Every adapter sends what one function builds (`status-core`'s `wire`): the status with
//! its IANA reason phrase on the status line (`422 Unprocessable Content`), `content-type`
//! (`application/json`, or `application/problem+json`), the variant's headers, the body. A
//! hand-written [`ApiError`] may say anything; the response still follows HTTP:
//!
//! - a status that is not 4xx or 5xx is sent as 500 Internal Server Error with the body of a
//!   500, its code kept;
//! - a reason phrase that is not a valid `reason-phrase` (RFC 9112 §4) is replaced by the
//!   registry's or its class's;
//! - a header is not sent when its name is not a field name or is one the server owns, when
//!   its value holds CR, LF or another control, is longer than
//!   [`ApiError::MAX_HEADER_BYTES`], or breaks its header's grammar, or when its `Display`
//!   fails;
//! - a 401, 405, 407 or 426 left without its required header is sent as a 500 (the rule
//!   cannot be kept: the server failed); an empty `Allow` is legal and is sent;
//! - a body whose message or exposed field fails to serialize (a `Display` that returns an
//!   error) is sent with the reason phrase and without exposed fields.
//!
//! Nothing panics on the way. With `tracing`, each error response is logged (a 5xx at
//! `error` with its `Display` and `source()` chain, the rest at `debug`), and so is each of
//! the above, every value from the error escaped so CR and LF cannot forge a line.
//!
//! # Every error in one format
//!
//! [`axum::ErrorLayer`] (feature `axum`) and [`actix::ErrorLayer`] (feature `actix-web`) put
//! what the framework answers by itself in the same format, as a [`FrameworkError`] with the
//! same codes on both, give every request an id (in the `x-request-id` header, the
//! `request_id` body member and the `tracing` event), answer a panic with a 500, and let
//! `Accept` choose plain or problem bodies.
//!
//! # Validation errors
//!
//! [`Violations`], exposed on a 4xx, sends every invalid field at once as `errors`, in RFC
//! 9457's shape; features `validator` and `garde` convert their reports with `.into()`.
//!
//! # The catalog
//!
//! [`ApiError::CATALOG`] lists every variant as static data; [`Catalog`] flattens it through
//! `transparent` nesting, renders a Markdown table and serializes with serde; with feature
//! `contract`, `assert_catalog!` pins it to a checked-in file so that a renamed or removed
//! code fails a test.
//!
//! # OpenAPI
//!
//! With feature `utoipa` every derived type is an `IntoResponses` and a `ToSchema`: list it
//! in a handler's `responses(...)` and register it once with `components(schemas(...))`;
//! with `aide`, an `OperationOutput` and a `JsonSchema`, so a handler returning
//! `Result<_, E>` documents `E`'s responses with nothing to register. One response per status, every variant a named
//! example, exposed fields typed by their Rust type, required headers `required`, one code
//! type per error type that accepts codes added later.
//!
//! # Features
//!
//! None is on by default. `http` builds an `http::Response` (`status::http::response`) and
//! converts `Status` to and from `http::StatusCode`; `axum` makes every derived type an
//! `IntoResponse` and adds [`axum`]; `actix-web` a `ResponseError` and adds
//! [`actix`]; `tracing` logs what the adapters send; `utoipa` and `aide` give
//! OpenAPI; `validator` and `garde` convert into [`Violations`]; `contract` gives the contract
//! tests, for your `[dev-dependencies]`. Your crate needs no features or `cfg` of its own:
//! enabling a feature on `status` is enough.

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
