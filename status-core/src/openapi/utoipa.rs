//! utoipa (feature `utoipa`): every derived type is an `IntoResponses` (one response per
//! status, by `$ref` to the type's schema) and a `ToSchema` (the body's schema, with its
//! code's), so a handler lists its errors by naming the type and the document holds each
//! type once:
//!
//! ```
//! use status::ApiError;
//! use utoipa::OpenApi;
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
//! #[utoipa::path(get, path = "/users/{id}", responses((status = 200, body = String), UserError))]
//! fn get_user() -> Result<String, UserError> {
//!     Err(UserError::NotFound)
//! }
//!
//! #[derive(OpenApi)]
//! #[openapi(paths(get_user), components(schemas(UserError)))] // the one line: `schemas(...)`
//! struct Doc;
//!
//! let doc = serde_json::to_value(Doc::openapi()).unwrap();
//! let not_found = &doc["paths"]["/users/{id}"]["get"]["responses"]["404"];
//! let content = &not_found["content"]["application/json"];
//! assert_eq!(content["schema"]["$ref"], "#/components/schemas/UserError");
//! assert_eq!(content["examples"]["USER_DELETED"]["value"]["code"], "USER_DELETED");
//! let schemas = &doc["components"]["schemas"];
//! assert_eq!(schemas["UserErrorCode"]["anyOf"][0]["enum"][1], "USER_DELETED");
//! ```
//!
//! Register each error type a handler names in `components(schemas(...))`: its responses
//! refer to its schema there.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde_json::{Map, Value};
use utoipa::ToSchema;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::extensions::Extensions;
use utoipa::openapi::schema::{
    AllOfBuilder, AnyOfBuilder, ObjectBuilder, Schema, SchemaFormat, SchemaType, Type,
};
use utoipa::openapi::{ContentBuilder, HeaderBuilder, Ref, RefOr, Response, ResponseBuilder};

use super::{Kind, Probe};
use crate::api_error::ApiError;
use crate::catalog::Catalog;

/// Emits `IntoResponses`, `PartialSchema`, `ToSchema` and the field schemas for a derived
/// type (feature `utoipa`). Not a public API.
///
/// Input: `impl [<generics>] [<type>] where [<predicates>,] fields [("Variant", "field",
/// Type)…] inner [("Variant", Inner)…]`: the exposed fields of the type's own variants,
/// and the inner type of each `transparent` variant.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    (
        impl [$($generics:tt)*] [$($ty:tt)*] where [$($preds:tt)*]
        fields [$(($variant:literal, $field:literal, $field_ty:ty))*]
        inner [$(($inner_variant:literal, $inner_ty:ty))*]
    ) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::utoipa::IntoResponses for $($ty)*
        where
            $($preds)*
        {
            fn responses() -> $crate::__private::UtoipaResponses {
                $crate::openapi::utoipa::responses::<Self>()
            }
        }

        #[automatically_derived]
        impl $($generics)* $crate::__private::utoipa::PartialSchema for $($ty)*
        where
            $($preds)*
        {
            fn schema() -> $crate::__private::utoipa::openapi::RefOr<
                $crate::__private::utoipa::openapi::schema::Schema,
            > {
                $crate::openapi::utoipa::schema::<Self>()
            }
        }

        #[automatically_derived]
        impl $($generics)* $crate::__private::utoipa::ToSchema for $($ty)*
        where
            $($preds)*
        {
            fn name() -> $crate::__private::Cow<'static, $crate::__private::core::primitive::str> {
                $crate::openapi::utoipa::name::<Self>()
            }

            fn schemas(schemas: &mut $crate::__private::UtoipaSchemas) {
                $crate::openapi::utoipa::schemas::<Self>(schemas);
            }
        }

        #[automatically_derived]
        impl $($generics)* $crate::__private::UtoipaFields for $($ty)*
        where
            $($preds)*
        {
            fn field_schema(
                path: &[&$crate::__private::core::primitive::str],
                field: &$crate::__private::core::primitive::str,
            ) -> $crate::__private::UtoipaField {
                #[allow(unused_imports)]
                use $crate::__private::{ProbeFields as _, ProbeSchema as _, Unprobed as _};
                match (path, field) {
                    $(([$variant], $field) => {
                        (&&$crate::__private::Probe::<$field_ty>::new()).schema()
                    })*
                    $(([$inner_variant, path @ ..], _) => {
                        (&&$crate::__private::Probe::<$inner_ty>::new()).fields(path, field)
                    })*
                    _ => ::core::option::Option::None,
                }
            }
        }
    };
}

/// What `ToSchema::schemas` collects into.
pub type Schemas = Vec<(String, RefOr<Schema>)>;

/// A field's schema and the component schemas it references, or `None` for a type that
/// has no schema.
pub type Field = Option<(RefOr<Schema>, Schemas)>;

/// The exposed fields' schemas of a derived type, by the path of variant names to the
/// variant and the field's name. Not a public API: the derive implements it.
#[doc(hidden)]
pub trait Fields {
    /// The schema of the field `field` of the variant at `path`.
    fn field_schema(path: &[&str], field: &str) -> Field;
}

/// A type with a schema: `(&&Probe::<T>::new()).schema()` finds this for a `T: ToSchema`,
/// and [`Unprobed`]'s `None` for any other (the autoref-specialization pattern). Not a
/// public API.
#[doc(hidden)]
pub trait ProbeSchema {
    /// The field's schema and the schemas it references.
    fn schema(&self) -> Field;
}

impl<T: ToSchema + ?Sized> ProbeSchema for &Probe<T> {
    fn schema(&self) -> Field {
        let mut references = Vec::new();
        T::schemas(&mut references);
        Some((T::schema(), references))
    }
}

/// A derived inner type: `(&&Probe::<T>::new()).fields(…)` asks it for its fields'
/// schemas. Not a public API.
#[doc(hidden)]
pub trait ProbeFields {
    /// The inner type's field schema.
    fn fields(&self, path: &[&str], field: &str) -> Field;
}

impl<T: Fields + ?Sized> ProbeFields for &Probe<T> {
    fn fields(&self, path: &[&str], field: &str) -> Field {
        T::field_schema(path, field)
    }
}

/// The fallbacks: no schema. Not a public API.
#[doc(hidden)]
pub trait Unprobed {
    /// A field of a type without a schema: any value.
    fn schema(&self) -> Field {
        None
    }

    /// An inner type that is not derived: its fields are any value.
    fn fields(&self, _: &[&str], _: &str) -> Field {
        None
    }
}

impl<T: ?Sized> Unprobed for Probe<T> {}

/// What `ToSchema::name` returns for `E`: its catalog name, with every character a component
/// name may not hold as `_` (`Layered<DbError>` is `Layered_DbError`).
pub fn name<E: ApiError + ?Sized>() -> Cow<'static, str> {
    Cow::Owned(super::component_name(&Catalog::of::<E>()))
}

/// The exposed fields of `E`, each with its schema and what that references.
fn fields<E: ApiError + Fields + ?Sized>(catalog: &Catalog) -> Vec<(super::Field, Field)> {
    super::fields(catalog)
        .into_iter()
        .map(|field| {
            let schema = E::field_schema(&field.path, field.name);
            (field, schema)
        })
        .collect()
}

/// What `IntoResponses::responses` returns for `E`: one response per status, its schema a
/// reference to `E`'s.
pub fn responses<E: ApiError + Fields + ?Sized>() -> BTreeMap<String, RefOr<Response>> {
    let catalog = Catalog::of::<E>();
    let fields = fields::<E>(&catalog);
    // A field's example value, from its schema as JSON (references resolved in what it
    // references).
    let value = |name: &str| {
        let Some((_, Some((schema, references)))) =
            fields.iter().find(|(field, _)| field.name == name)
        else {
            return Value::Null;
        };
        let json = |schema: &RefOr<Schema>| serde_json::to_value(schema).unwrap_or_default();
        let references: Map<String, Value> = references
            .iter()
            .map(|(name, schema)| (name.clone(), json(schema)))
            .collect();
        super::value_of(&json(schema), &references, 0)
    };
    let reference = Ref::new(format!("{}{}", super::COMPONENTS, name::<E>()));
    super::responses(&catalog, &value)
        .into_iter()
        .map(|doc| {
            let examples = doc
                .examples
                .into_iter()
                .map(|(code, summary, description, value)| {
                    let mut example = ExampleBuilder::new().summary(summary).value(Some(value));
                    if let Some(description) = description {
                        example = example.description(description);
                    }
                    (code, example.build())
                });
            let content = ContentBuilder::new()
                .schema(Some(reference.clone()))
                .examples_from_iter(examples);
            let mut response = ResponseBuilder::new()
                .description(doc.description)
                .content(catalog.format().content_type(), content.build());
            for (name, description, required) in doc.headers {
                // utoipa's `Header` has no `required`: it goes out through the extensions,
                // which are written as members of the header object.
                let header = HeaderBuilder::new()
                    .schema(Some(string()))
                    .description(Some(description))
                    .extensions(Some(Extensions::from_iter([("required", required)])))
                    .build();
                response = response.header(name, header);
            }
            (doc.status.to_string(), RefOr::T(response.build()))
        })
        .collect()
}

/// What `PartialSchema::schema` returns for `E`: the schema of its body.
pub fn schema<E: ApiError + Fields + ?Sized>() -> RefOr<Schema> {
    let catalog = Catalog::of::<E>();
    let mut object = ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some(super::body_description(&catalog)));
    for member in super::members(&catalog) {
        let description = member.description;
        let property: RefOr<Schema> = match member.kind {
            Kind::String(format) => string()
                .format(format.map(|format| SchemaFormat::Custom(format.to_owned())))
                .description(description)
                .into(),
            Kind::Status => ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(400))
                .maximum(Some(599))
                .description(description)
                .into(),
            Kind::Code => Ref::new(format!("{}{}Code", super::COMPONENTS, name::<E>())).into(),
            Kind::Field(field) => match E::field_schema(&field.path, field.name) {
                Some((schema, _)) => AllOfBuilder::new()
                    .item(schema)
                    .description(description)
                    .into(),
                None => ObjectBuilder::new()
                    .schema_type(SchemaType::AnyValue)
                    .description(description)
                    .into(),
            },
        };
        object = object.property(member.name, property);
        if member.required {
            object = object.required(member.name);
        }
    }
    object.into()
}

/// What `ToSchema::schemas` adds for `E`: its code's schema, and what its fields' schemas
/// reference.
pub fn schemas<E: ApiError + Fields + ?Sized>(out: &mut Schemas) {
    let catalog = Catalog::of::<E>();
    let code = AnyOfBuilder::new()
        .item(string().enum_values(Some(super::codes(&catalog))))
        .item(string())
        .description(Some(super::CODE));
    out.push((format!("{}Code", name::<E>()), code.into()));
    for (_, schema) in fields::<E>(&catalog) {
        for (name, schema) in schema.map(|(_, references)| references).unwrap_or_default() {
            if !out.iter().any(|(known, _)| *known == name) {
                out.push((name, schema));
            }
        }
    }
}

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}
