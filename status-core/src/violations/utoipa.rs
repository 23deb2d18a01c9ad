//! The OpenAPI schema of `Violations` (feature `utoipa`).

use std::borrow::Cow;

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, Type};

use super::{CODE, DETAIL, POINTER, VIOLATION, VIOLATIONS, Violations};

/// An array of `{"detail", "pointer", "code"?}` objects, each member a described string;
/// `detail` and `pointer` required.
impl utoipa::PartialSchema for Violations {
    fn schema() -> RefOr<Schema> {
        let string = |description: &str| {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .description(Some(description))
        };
        let violation = ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some(VIOLATION))
            .property("detail", string(DETAIL))
            .required("detail")
            .property("pointer", string(POINTER))
            .required("pointer")
            .property("code", string(CODE));
        Schema::Array(
            ArrayBuilder::new()
                .items(violation)
                .description(Some(VIOLATIONS))
                .build(),
        )
        .into()
    }
}

/// Named `Violations` among the document's schemas.
impl utoipa::ToSchema for Violations {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Violations")
    }
}
