//! aide (feature `aide`): every derived type is an `OperationOutput` (a handler that returns
//! `Result<T, E>` documents one response per status of `E`, by `$ref` to its schema) and a
//! `schemars::JsonSchema` (the body's schema, with its code's), so the document holds each
//! type once, in `components`, with nothing to register: a route of aide's `ApiRouter` is
//! all it takes. What aide reads from such a handler's return type:
//!
//! ```
//! use aide::OperationOutput;
//! use aide::openapi::Operation;
//! use status::ApiError;
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! pub enum UserError {
//!     #[error("no such user")]
//!     #[status(404, code = "USER_NOT_FOUND")]
//!     NotFound,
//!     #[error("gone")]
//!     #[status(404, code = "USER_DELETED")]
//!     Deleted,
//! }
//!
//! // The responses of `async fn get_user() -> Result<String, UserError>`.
//! let (responses, schemas) = aide::generate::in_context(|ctx| {
//!     let mut operation = Operation::default();
//!     let responses =
//!         <Result<String, UserError>>::inferred_responses(ctx, &mut operation);
//!     (responses, ctx.schema.take_definitions(true))
//! });
//! let (status, not_found) = &responses[1];
//! assert_eq!(*status, Some(404));
//! let content = serde_json::to_value(&not_found.content["application/json"]).unwrap();
//! assert_eq!(content["schema"]["$ref"], "#/components/schemas/UserError");
//! assert_eq!(content["examples"]["USER_DELETED"]["value"]["code"], "USER_DELETED");
//! assert_eq!(schemas["UserErrorCode"]["anyOf"][0]["enum"][1], "USER_DELETED");
//! ```

use std::any::type_name;
use std::borrow::Cow;
use std::marker::PhantomData;

use aide::generate::GenContext;
use aide::openapi::{
    Example, Header, MediaType, ParameterSchemaOrContent, ReferenceOr, Response, SchemaObject,
};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value, json};

use super::{Kind, Probe, ResponseDoc};
use crate::api_error::ApiError;
use crate::catalog::Catalog;

/// Emits `OperationOutput`, `JsonSchema` and the field schemas for a derived type (feature
/// `aide`). Not a public API.
///
/// Input: as [`__impl_utoipa!`](crate::__impl_utoipa)'s.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_aide {
    (
        impl [$($generics:tt)*] [$($ty:tt)*] where [$($preds:tt)*]
        fields [$(($variant:literal, $field:literal, $field_ty:ty))*]
        inner [$(($inner_variant:literal, $inner_ty:ty))*]
    ) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::aide::OperationOutput for $($ty)*
        where
            $($preds)*
        {
            type Inner = Self;

            fn operation_response(
                ctx: &mut $crate::__private::aide::generate::GenContext,
                _: &mut $crate::__private::aide::openapi::Operation,
            ) -> $crate::__private::core::option::Option<$crate::__private::aide::openapi::Response> {
                $crate::__private::core::option::Option::Some($crate::openapi::aide::response::<Self>(ctx))
            }

            fn inferred_responses(
                ctx: &mut $crate::__private::aide::generate::GenContext,
                _: &mut $crate::__private::aide::openapi::Operation,
            ) -> $crate::__private::AideResponses {
                $crate::openapi::aide::responses::<Self>(ctx)
            }
        }

        #[automatically_derived]
        impl $($generics)* $crate::__private::schemars::JsonSchema for $($ty)*
        where
            $($preds)*
        {
            fn schema_name() -> $crate::__private::Cow<'static, $crate::__private::core::primitive::str> {
                $crate::openapi::aide::name::<Self>()
            }

            fn schema_id() -> $crate::__private::Cow<'static, $crate::__private::core::primitive::str> {
                $crate::openapi::aide::id::<Self>()
            }

            fn json_schema(
                generator: &mut $crate::__private::schemars::SchemaGenerator,
            ) -> $crate::__private::schemars::Schema {
                $crate::openapi::aide::schema::<Self>(generator)
            }
        }

        #[automatically_derived]
        impl $($generics)* $crate::__private::AideFields for $($ty)*
        where
            $($preds)*
        {
            #[allow(unused_variables)] // with no field and no inner type
            fn json_field_schema(
                path: &[&$crate::__private::core::primitive::str],
                field: &$crate::__private::core::primitive::str,
                generator: &mut $crate::__private::schemars::SchemaGenerator,
            ) -> $crate::__private::core::option::Option<$crate::__private::schemars::Schema> {
                #[allow(unused_imports)]
                use $crate::__private::{
                    ProbeJsonFields as _, ProbeJsonSchema as _, UnprobedJson as _,
                };
                match (path, field) {
                    $(([$variant], $field) => {
                        (&&$crate::__private::Probe::<$field_ty>::new()).json_schema(generator)
                    })*
                    $(([$inner_variant, path @ ..], _) => {
                        (&&$crate::__private::Probe::<$inner_ty>::new())
                            .json_fields(path, field, generator)
                    })*
                    _ => $crate::__private::core::option::Option::None,
                }
            }
        }
    };
}

/// What `OperationOutput::inferred_responses` returns: `(status, response)` pairs.
pub type Responses = Vec<(Option<u16>, Response)>;

/// The exposed fields' schemas of a derived type, by the path of variant names to the
/// variant and the field's name. Not a public API: the derive implements it.
#[doc(hidden)]
pub trait Fields {
    /// The schema of the field `field` of the variant at `path`, its references added to
    /// `generator`; `None` for a type without a schema.
    fn json_field_schema(
        path: &[&str],
        field: &str,
        generator: &mut SchemaGenerator,
    ) -> Option<Schema>;
}

/// A type with a schema: `(&&Probe::<T>::new()).json_schema(…)` finds this for a
/// `T: JsonSchema`, and [`UnprobedJson`]'s `None` for any other (the autoref-specialization
/// pattern). Not a public API.
#[doc(hidden)]
pub trait ProbeJsonSchema {
    /// The field's schema (a `$ref` for a type schemars does not inline).
    fn json_schema(&self, generator: &mut SchemaGenerator) -> Option<Schema>;
}

impl<T: JsonSchema + ?Sized> ProbeJsonSchema for &Probe<T> {
    fn json_schema(&self, generator: &mut SchemaGenerator) -> Option<Schema> {
        Some(generator.subschema_for::<T>())
    }
}

/// A derived inner type: `(&&Probe::<T>::new()).json_fields(…)` asks it for its fields'
/// schemas. Not a public API.
#[doc(hidden)]
pub trait ProbeJsonFields {
    /// The inner type's field schema.
    fn json_fields(
        &self,
        path: &[&str],
        field: &str,
        generator: &mut SchemaGenerator,
    ) -> Option<Schema>;
}

impl<T: Fields + ?Sized> ProbeJsonFields for &Probe<T> {
    fn json_fields(
        &self,
        path: &[&str],
        field: &str,
        generator: &mut SchemaGenerator,
    ) -> Option<Schema> {
        T::json_field_schema(path, field, generator)
    }
}

/// The fallbacks: no schema. Not a public API.
#[doc(hidden)]
pub trait UnprobedJson {
    /// A field of a type without a schema: any value.
    fn json_schema(&self, _: &mut SchemaGenerator) -> Option<Schema> {
        None
    }

    /// An inner type that is not derived: its fields are any value.
    fn json_fields(&self, _: &[&str], _: &str, _: &mut SchemaGenerator) -> Option<Schema> {
        None
    }
}

impl<T: ?Sized> UnprobedJson for Probe<T> {}

/// What `JsonSchema::schema_name` returns for `E`: its component name, as utoipa's.
pub fn name<E: ApiError + ?Sized>() -> Cow<'static, str> {
    Cow::Owned(super::component_name(&Catalog::of::<E>()))
}

/// What `JsonSchema::schema_id` returns for `E`: its Rust path, so that two types with one
/// catalog name are two schemas.
pub fn id<E: ?Sized>() -> Cow<'static, str> {
    Cow::Borrowed(type_name::<E>())
}

/// The code schema of `E`, a component of its own (`ECode`) as with utoipa.
struct Code<E: ?Sized>(PhantomData<E>);

impl<E: ApiError + ?Sized> JsonSchema for Code<E> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(format!("{}Code", name::<E>()))
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Owned(format!("{}::Code", type_name::<E>()))
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                {"type": "string", "enum": super::codes(&Catalog::of::<E>())},
                {"type": "string"},
            ],
            "description": super::CODE,
        })
    }
}

/// What `JsonSchema::json_schema` returns for `E`: the schema of its body, as utoipa's.
pub fn schema<E: ApiError + Fields + ?Sized>(generator: &mut SchemaGenerator) -> Schema {
    let catalog = Catalog::of::<E>();
    let mut properties = Map::new();
    let mut required = Vec::new();
    for member in super::members(&catalog) {
        let mut property = match member.kind {
            Kind::String(None) => json!({"type": "string"}),
            Kind::String(Some(format)) => json!({"type": "string", "format": format}),
            Kind::Status => json!({"type": "integer", "minimum": 400, "maximum": 599}),
            Kind::Code => generator.subschema_for::<Code<E>>().to_value(),
            Kind::Field(field) => match E::json_field_schema(&field.path, field.name, generator) {
                Some(schema) => json!({"allOf": [schema]}),
                None => json!({}),
            },
        };
        if let (Some(description), Value::Object(property)) = (member.description, &mut property) {
            property.insert("description".to_owned(), description.into());
        }
        properties.insert(member.name.to_owned(), property);
        if member.required {
            required.push(member.name);
        }
    }
    json_schema!({
        "type": "object",
        "description": super::body_description(&catalog),
        "properties": properties,
        "required": required,
    })
}

/// What `OperationOutput::inferred_responses` returns for `E`: one response per status,
/// its schema a reference to `E`'s (registered in `generator`'s definitions, which aide
/// moves to `components`).
pub fn responses<E: ApiError + Fields + JsonSchema + ?Sized>(ctx: &mut GenContext) -> Responses {
    let (docs, schema, content_type) = docs::<E>(&mut ctx.schema);
    docs.into_iter()
        .map(|doc| {
            let status = doc.status;
            (Some(status), response_of(doc, &schema, content_type))
        })
        .collect()
}

/// What `OperationOutput::operation_response` returns for `E`, for a handler that names
/// one status itself (aide's `.response::<STATUS, E>()`): described as the body is, with
/// every variant's example and no header (headers differ by status).
pub fn response<E: ApiError + Fields + JsonSchema + ?Sized>(ctx: &mut GenContext) -> Response {
    let (docs, schema, content_type) = docs::<E>(&mut ctx.schema);
    let all = ResponseDoc {
        status: 0,
        description: super::body_description(&Catalog::of::<E>()),
        headers: Vec::new(),
        examples: docs.into_iter().flat_map(|doc| doc.examples).collect(),
    };
    response_of(all, &schema, content_type)
}

/// The responses of `E`, the schema they refer to, and their content type.
fn docs<E: ApiError + Fields + JsonSchema + ?Sized>(
    generator: &mut SchemaGenerator,
) -> (Vec<ResponseDoc>, Schema, &'static str) {
    let catalog = Catalog::of::<E>();
    let schema = generator.subschema_for::<E>();
    let fields: Vec<(&str, Option<Schema>)> = super::fields(&catalog)
        .into_iter()
        .map(|field| {
            let schema = E::json_field_schema(&field.path, field.name, generator);
            (field.name, schema)
        })
        .collect();
    // A field's example value, from its schema (references resolved in the definitions).
    let value = |name: &str| match fields.iter().find(|(known, _)| *known == name) {
        Some((_, Some(schema))) => super::value_of(schema.as_value(), generator.definitions(), 0),
        _ => Value::Null,
    };
    let docs = super::responses(&catalog, &value);
    (docs, schema, catalog.format().content_type())
}

/// One response in aide's types.
fn response_of(doc: ResponseDoc, schema: &Schema, content_type: &str) -> Response {
    let object = |json_schema: Schema| SchemaObject {
        json_schema,
        external_docs: None,
        example: None,
    };
    let examples = doc
        .examples
        .into_iter()
        .map(|(code, summary, description, value)| {
            let example = Example {
                summary: Some(summary),
                description,
                value: Some(value),
                ..Example::default()
            };
            (code.to_owned(), ReferenceOr::Item(example))
        })
        .collect();
    let content = MediaType {
        schema: Some(object(schema.clone())),
        examples,
        ..MediaType::default()
    };
    let headers = doc
        .headers
        .into_iter()
        .map(|(name, description, required)| {
            // aide's maps are `IndexMap`s, a crate this one need not name.
            #[allow(clippy::default_trait_access)]
            let header = Header {
                description: Some(description),
                style: aide::openapi::HeaderStyle::Simple,
                required,
                deprecated: None,
                format: ParameterSchemaOrContent::Schema(object(json_schema!({"type": "string"}))),
                example: None,
                examples: Default::default(),
                extensions: Default::default(),
            };
            (name.to_owned(), ReferenceOr::Item(header))
        })
        .collect();
    Response {
        description: doc.description,
        headers,
        content: [(content_type.to_owned(), content)].into_iter().collect(),
        ..Response::default()
    }
}
