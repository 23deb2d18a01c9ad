//! OpenAPI responses for an [`ApiError`](crate::ApiError) type, from its [`Catalog`](crate::Catalog)
//! (feature `utoipa`).
//!
//! With the feature on, every derived type implements `utoipa::IntoResponses` through
//! [`responses`], so a handler lists its errors by naming the type:
//!
//! ```
//! # #[cfg(feature = "utoipa")]
//! # fn main() {
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
//! #[openapi(paths(get_user))]
//! struct Doc;
//!
//! let doc = serde_json::to_value(Doc::openapi()).unwrap();
//! let not_found = &doc["paths"]["/users/{id}"]["get"]["responses"]["404"];
//! let examples = &not_found["content"]["application/json"]["examples"];
//! assert_eq!(examples["USER_NOT_FOUND"]["value"]["code"], "USER_NOT_FOUND");
//! assert_eq!(examples["USER_DELETED"]["value"]["code"], "USER_DELETED");
//! # }
//! # #[cfg(not(feature = "utoipa"))]
//! # fn main() {}
//! ```
//!
//! What is generated, per status that a variant (or a variant of a `transparent` inner
//! type) answers with:
//!
//! - one response, described by the reason phrase, with the `content-type` the adapters send
//!   (`application/json`, or `application/problem+json` for `format = "problem"`);
//! - a schema of the body actually sent: `error` and `code` (plain) or `type`, `title`,
//!   `status`, `detail` and `code` (problem), where `code`, `status`, `title` and `type` are
//!   enumerated exactly; each exposed field is a property that accepts any JSON value (its
//!   Rust type's schema would need `ToSchema` on every exposed type), required when every
//!   variant at that status sends it;
//! - one named example per variant, named by its code, so variants that share a status are
//!   all listed (utoipa's own derive keeps one);
//! - the headers the variants send, each saying which codes send it.

/// Emits `utoipa::IntoResponses` for a derived type (feature `utoipa`). Not a public API.
///
/// Input: `impl [<generics>] [<type>] where [<predicates>,]`, as `__impl_adapters!`.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    (impl [$($generics:tt)*] [$($ty:tt)*] where [$($preds:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::utoipa::IntoResponses for $($ty)*
        where
            $($preds)*
        {
            fn responses() -> $crate::__private::UtoipaResponses {
                $crate::openapi::responses::<Self>()
            }
        }
    };
}

/// Expands to nothing: the `utoipa` feature is off. Not a public API.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    (impl [$($generics:tt)*] [$($ty:tt)*] where [$($preds:tt)*]) => {};
}

#[cfg(feature = "utoipa")]
pub use self::imp::responses;

#[cfg(feature = "utoipa")]
mod imp {
    use std::collections::BTreeMap;

    use serde_json::{Map, Value, json};
    use utoipa::openapi::example::ExampleBuilder;
    use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaType, Type};
    use utoipa::openapi::{ContentBuilder, HeaderBuilder, RefOr, Response, ResponseBuilder};

    use crate::api_error::{ApiError, Format};
    use crate::catalog::{Catalog, MessageSource, Row};

    /// The OpenAPI responses of `E`, one per status, keyed by the status number: what the
    /// derived `utoipa::IntoResponses` impl returns. See the [module docs](crate::openapi).
    pub fn responses<E: ApiError + ?Sized>() -> BTreeMap<String, RefOr<Response>> {
        let catalog = Catalog::of::<E>();
        let mut by_status: BTreeMap<u16, Vec<&Row>> = BTreeMap::new();
        for row in catalog.rows() {
            by_status
                .entry(row.info.status.as_u16())
                .or_default()
                .push(row);
        }
        by_status
            .into_iter()
            .map(|(status, rows)| (status.to_string(), RefOr::T(response(&catalog, &rows))))
            .collect()
    }

    /// The response for the `rows` that share one status.
    fn response(catalog: &Catalog, rows: &[&Row]) -> Response {
        let mut reasons: Vec<&str> = Vec::new();
        for row in rows {
            if !reasons.contains(&row.info.reason) {
                reasons.push(row.info.reason);
            }
        }
        let content = ContentBuilder::new()
            .schema(Some(schema(catalog, rows)))
            .examples_from_iter(rows.iter().map(|row| {
                let mut example = ExampleBuilder::new()
                    .summary(row.path())
                    .value(Some(example(catalog, row)));
                if let Some(description) = example_description(catalog, row) {
                    example = example.description(description);
                }
                (row.info.code, example.build())
            }))
            .build();
        let mut response = ResponseBuilder::new()
            .description(reasons.join(" / "))
            .content(catalog.format().content_type(), content);
        // Header names are case-insensitive: one entry per name, listing who sends it.
        let mut headers: Vec<(&str, Vec<&str>)> = Vec::new();
        for row in rows {
            for &name in row.info.headers {
                match headers
                    .iter_mut()
                    .find(|(n, _)| n.eq_ignore_ascii_case(name))
                {
                    Some((_, codes)) => codes.push(row.info.code),
                    None => headers.push((name, vec![row.info.code])),
                }
            }
        }
        for (name, codes) in headers {
            let header = HeaderBuilder::new()
                .schema(Some(string()))
                .description(Some(format!("Sent with {}.", code_list(&codes))))
                .build();
            response = response.header(name, header);
        }
        response.build()
    }

    /// The body schema: exactly the members the body carries at this status.
    fn schema(catalog: &Catalog, rows: &[&Row]) -> Schema {
        let codes: Vec<&str> = rows.iter().map(|row| row.info.code).collect();
        let code = ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(codes.iter().copied()))
            .description(Some("The machine-readable code: stable, switch on it."));
        let message_description = "The public message: the error's `Display` text, or the \
                                   reason phrase for a server error (see each example)";
        let mut object = ObjectBuilder::new().schema_type(Type::Object);
        match catalog.format() {
            Format::Plain => {
                object = object
                    .property(
                        "error",
                        string_with(ObjectBuilder::new().description(Some(message_description))),
                    )
                    .required("error")
                    .property("code", code)
                    .required("code");
            }
            Format::Problem => {
                let types: Vec<String> = rows
                    .iter()
                    .map(|row| problem_type(catalog, row.info.code))
                    .fold(Vec::new(), dedup);
                let titles: Vec<String> = rows
                    .iter()
                    .map(|row| row.info.reason.to_owned())
                    .fold(Vec::new(), dedup);
                let status = rows.first().map_or(0, |row| row.info.status.as_u16());
                object = object
                    .property(
                        "type",
                        string_with(
                            ObjectBuilder::new()
                                .enum_values(Some(types))
                                .description(Some("The problem type (RFC 9457 §3.1.1).")),
                        ),
                    )
                    .required("type")
                    .property(
                        "title",
                        string_with(
                            ObjectBuilder::new()
                                .enum_values(Some(titles))
                                .description(Some("The reason phrase of the status.")),
                        ),
                    )
                    .required("title")
                    .property(
                        "status",
                        ObjectBuilder::new()
                            .schema_type(Type::Integer)
                            .enum_values(Some([status]))
                            .description(Some("The response status.")),
                    )
                    .required("status")
                    .property(
                        "detail",
                        string_with(ObjectBuilder::new().description(Some(message_description))),
                    )
                    .required("detail")
                    .property("code", code)
                    .required("code");
            }
        }
        let mut fields: Vec<(&str, Vec<&str>)> = Vec::new();
        for row in rows {
            for &field in row.info.fields {
                match fields.iter_mut().find(|(name, _)| *name == field) {
                    Some((_, codes)) => codes.push(row.info.code),
                    None => fields.push((field, vec![row.info.code])),
                }
            }
        }
        for (field, senders) in fields {
            object = object.property(
                field,
                ObjectBuilder::new()
                    .schema_type(SchemaType::AnyValue)
                    .description(Some(format!(
                        "An exposed field, sent with {}.",
                        code_list(&senders)
                    ))),
            );
            if senders.len() == rows.len() {
                object = object.required(field);
            }
        }
        Schema::Object(object.build())
    }

    /// The body a variant sends, as far as it is known without an instance: the message is
    /// the fixed one or the reason phrase, which stands in for a `Display` text.
    fn example(catalog: &Catalog, row: &Row) -> Value {
        let info = &row.info;
        let message = match info.message {
            MessageSource::Fixed(text) => text,
            MessageSource::Display | MessageSource::Reason | MessageSource::Template(_) => {
                info.reason
            }
        };
        let mut body = Map::new();
        match catalog.format() {
            Format::Plain => {
                body.insert("error".into(), json!(message));
                body.insert("code".into(), json!(info.code));
            }
            Format::Problem => {
                body.insert("type".into(), json!(problem_type(catalog, info.code)));
                body.insert("title".into(), json!(info.reason));
                body.insert("status".into(), json!(info.status.as_u16()));
                body.insert("detail".into(), json!(message));
                body.insert("code".into(), json!(info.code));
            }
        }
        Value::Object(body)
    }

    /// What the example value cannot show: a `Display` message, exposed fields.
    fn example_description(catalog: &Catalog, row: &Row) -> Option<String> {
        let member = match catalog.format() {
            Format::Plain => "error",
            Format::Problem => "detail",
        };
        let mut notes = Vec::new();
        if row.info.message == MessageSource::Display {
            notes.push(format!(
                "`{member}` carries the error's `Display` text (the reason phrase stands in here)."
            ));
        }
        if !row.info.fields.is_empty() {
            notes.push(format!(
                "The body also carries {}.",
                code_list(row.info.fields)
            ));
        }
        (!notes.is_empty()).then(|| notes.join(" "))
    }

    fn problem_type(catalog: &Catalog, code: &str) -> String {
        match catalog.problem_type() {
            Some(base) => format!("{base}{code}"),
            None => "about:blank".to_owned(),
        }
    }

    fn string() -> ObjectBuilder {
        ObjectBuilder::new().schema_type(Type::String)
    }

    fn string_with(builder: ObjectBuilder) -> ObjectBuilder {
        builder.schema_type(Type::String)
    }

    fn dedup(mut all: Vec<String>, item: String) -> Vec<String> {
        if !all.contains(&item) {
            all.push(item);
        }
        all
    }

    /// `` `A`, `B` ``.
    fn code_list(items: &[&str]) -> String {
        items
            .iter()
            .map(|item| format!("`{item}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
