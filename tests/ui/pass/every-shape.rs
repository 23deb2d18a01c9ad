//! Every legal shape derives and behaves.

use status::{ApiError, Status};

#[derive(Debug, thiserror::Error, ApiError)]
#[status(500, header("Cache-Control" = "no-store"), format = "problem")]
pub enum Shapes<'a, T>
where
    T: std::fmt::Debug + std::fmt::Display + serde::Serialize + 'static,
{
    #[error("unit")]
    #[status(NOT_FOUND)]
    Unit,
    #[error("tuple {0}")]
    #[status(422)]
    Tuple(#[status(expose = "value")] T, u8),
    #[error("struct {by}")]
    #[status(429, retry_after = 10)]
    Struct {
        #[status(expose)]
        limit: u32,
        by: &'a str,
    },
    #[error("defaulted")]
    Defaulted,
    #[error("who")]
    #[status(401, www_authenticate = "Bearer")]
    Who,
    #[error("which")]
    #[status(405, allow = "")]
    Which,
    #[error("closed")]
    #[status(499, reason = "Client Closed Request")]
    Closed,
    #[error(transparent)]
    #[status(transparent)]
    Inner(#[from] Unit),
}

#[derive(Debug, thiserror::Error, ApiError)]
#[error("unit struct")]
#[status(503, expose)]
pub struct Unit;

#[derive(Debug, thiserror::Error, ApiError)]
#[error("tuple struct {0}")]
#[status(400, code = "TUPLE_STRUCT")]
pub struct TupleStruct(#[status(expose = "n")] u8);

#[derive(Debug, thiserror::Error, ApiError)]
#[error(transparent)]
#[status(transparent)]
pub struct Wrapper(Unit);

#[derive(Debug, thiserror::Error, ApiError)]
pub enum Empty {}

/// A fieldless variant of each kind, without generics: unit, `{}` and `()`, each matched by
/// the generated patterns.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Fieldless {
    #[error("unit")]
    #[status(404)]
    Unit,
    #[error("braces")]
    #[status(409)]
    Braces {},
    #[error("parens")]
    #[status(410)]
    Parens(),
}

fn main() {
    let err: Shapes<'_, u8> = Shapes::Defaulted;
    assert_eq!(err.status(), Status::INTERNAL_SERVER_ERROR);
    assert_eq!(Wrapper(Unit).code(), "UNIT");
    assert_eq!(TupleStruct(1).code(), "TUPLE_STRUCT");
    assert_eq!(Shapes::<'_, u8>::CATALOG.len(), 8);
    assert!(Empty::CATALOG.is_empty());
    assert_eq!(Fieldless::Unit.status(), Status::NOT_FOUND);
    assert_eq!(Fieldless::Braces {}.status(), Status::CONFLICT);
    assert_eq!(Fieldless::Parens().status(), Status::GONE);
    assert_eq!(
        [Fieldless::Unit.code(), Fieldless::Braces {}.code(), Fieldless::Parens().code()],
        ["UNIT", "BRACES", "PARENS"]
    );
}
