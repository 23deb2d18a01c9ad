//! The expansion names only absolute paths: shadowing `Result`, `Ok`, `Some`, `core`, `std`
//! and `serde` beside a derive changes nothing.

#![no_implicit_prelude]
#![allow(dead_code, non_camel_case_types)]

extern crate serde as real_serde;
extern crate serde_json;
extern crate status;
extern crate std as real_std;
extern crate thiserror;

struct Result;
struct Ok;
struct Err;
struct Some;
struct None;
struct Option;
struct String;
struct Status;
struct Message;
mod core {}
mod std {}
mod serde {}
mod __private {}
trait ApiError {}

#[derive(::real_std::fmt::Debug, thiserror::Error, status::ApiError)]
enum Hygienic<
    T: ::real_std::fmt::Debug + ::real_std::fmt::Display + ::real_serde::Serialize + 'static,
> {
    #[error("not found")]
    #[status(404, www_authenticate = "x")]
    NotFound,
    #[error("value {0}")]
    #[status(422)]
    Value(#[status(expose = "value")] T),
    #[error("limited")]
    #[status(429)]
    Limited {
        #[status(header = "Retry-After")]
        after: u32,
    },
    #[error(transparent)]
    #[status(transparent)]
    Inner(Inner),
}

#[derive(::real_std::fmt::Debug, thiserror::Error, status::ApiError)]
#[error("inner")]
#[status(500)]
struct Inner;

#[test]
fn expands_with_everything_shadowed() {
    use status::ApiError as _;
    let err: Hygienic<u8> = Hygienic::Value(5);
    ::real_std::assert_eq!(err.code(), "VALUE");
    ::real_std::assert_eq!(
        ::serde_json::to_string(&err.body()).unwrap(),
        r#"{"error":"value 5","code":"VALUE","value":5}"#
    );
    let err: Hygienic<u8> = Hygienic::Inner(Inner);
    ::real_std::assert_eq!(err.status().as_u16(), 500);
}
