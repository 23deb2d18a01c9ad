//! The OpenAPI schema of `Violations` (feature `utoipa`).

use std::borrow::Cow;

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, Type};

use super::Violations;

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
            .description(Some("One invalid value of the request."))
            .property(
                "detail",
                string("What is wrong with the value, for a person."),
            )
            .required("detail")
            .property(
                "pointer",
                string(
                    "Where the value is in the request body: a JSON Pointer (RFC 6901) in \
                     URI fragment form, such as `#/items/1/price`; `#` is the whole body.",
                ),
            )
            .required("pointer")
            .property(
                "code",
                string("A stable code for the rule the value breaks, when it has one."),
            );
        Schema::Array(
            ArrayBuilder::new()
                .items(violation)
                .description(Some(
                    "Every invalid value of the request, at once (RFC 9457 §3).",
                ))
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
