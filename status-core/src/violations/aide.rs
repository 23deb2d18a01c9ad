//! The JSON Schema of `Violations` (feature `aide`): the shape of its utoipa schema.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::{CODE, DETAIL, POINTER, VIOLATION, VIOLATIONS, Violations};

/// An array of `{"detail", "pointer", "code"?}` objects, each member a described string;
/// `detail` and `pointer` required. Inline, as utoipa writes it.
impl JsonSchema for Violations {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Violations")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("status::Violations")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "array",
            "description": VIOLATIONS,
            "items": {
                "type": "object",
                "description": VIOLATION,
                "properties": {
                    "detail": {"type": "string", "description": DETAIL},
                    "pointer": {"type": "string", "description": POINTER},
                    "code": {"type": "string", "description": CODE},
                },
                "required": ["detail", "pointer"],
            },
        })
    }
}
