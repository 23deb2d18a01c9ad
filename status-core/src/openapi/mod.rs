//! OpenAPI for an [`ApiError`](crate::ApiError) type, from its [`Catalog`]: built once here
//! as OpenAPI 3.1 JSON, then handed to each generator in its own types (feature `utoipa`:
//! `IntoResponses` and `ToSchema`; feature `aide`: `OperationOutput`).
//!
//! What is generated for a type `E`:
//!
//! - two component schemas: `E`, the body (`{"error", "code", "request_id"?, <exposed
//!   fields>…}`, or the problem members for `format = "problem"`), and `ECode`, its code:
//!   `anyOf` the known codes (an `enum`) and any string, so that a client generated before a
//!   code was added still reads it (adding a code is not breaking, as the contract tooling
//!   says: [`Change::is_breaking`](crate::contract::Change::is_breaking)). A generated
//!   client gets one model and one code type per error type;
//! - each exposed field typed by its Rust type where the type has a schema (utoipa's
//!   `ToSchema`, schemars' `JsonSchema`), any value otherwise;
//! - one response per status a variant (or a variant of a `transparent` inner type) answers
//!   with: described by the reason phrase, with the `content-type` the adapters send, its
//!   schema `$ref` to `E`, one named example per variant (named by its code: variants that
//!   share a status are all listed), each with every exposed field and the real text where
//!   the derive knows it, and the headers the variants send, `required` when every variant
//!   at that status sends it.

use core::marker::PhantomData;

use serde_json::{Map, Value, json};

use crate::api_error::Format;
use crate::catalog::{Catalog, MessageSource, Row};

#[cfg(feature = "aide")]
pub mod aide;
#[cfg(feature = "utoipa")]
pub mod utoipa;

/// Where a component schema is referenced from.
pub(crate) const COMPONENTS: &str = "#/components/schemas/";

/// The name `E` has among the component schemas: its catalog name, with every character a
/// component name may not hold (`^[a-zA-Z0-9._-]+$`) as `_`: `Layered<DbError>` is
/// `Layered_DbError`.
pub(crate) fn component_name(catalog: &Catalog) -> String {
    let name: String = catalog
        .name()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut out = String::new();
    for part in name.split('_').filter(|part| !part.is_empty()) {
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(part);
    }
    out
}

/// An exposed field, once per name across the type's variants.
pub(crate) struct Field {
    /// Its name in the bodies.
    pub(crate) name: &'static str,
    /// The codes of the variants that send it.
    pub(crate) codes: Vec<&'static str>,
    /// Where to ask the generator for its schema: the first variant that sends it (the
    /// path of variant names to it).
    pub(crate) path: Vec<&'static str>,
    /// The description of the property: who sends it.
    pub(crate) description: String,
}

/// What a member of the body schema holds.
pub(crate) enum Kind {
    /// A string, of the format given.
    String(Option<&'static str>),
    /// The response status: an integer from 400 to 599.
    Status,
    /// The code: a reference to the type's code schema.
    Code,
    /// An exposed field: its type's schema where the generator has one, else any value.
    Field(Field),
}

/// A member of the body schema.
pub(crate) struct Member {
    /// Its name in the bodies.
    pub(crate) name: &'static str,
    /// What it holds.
    pub(crate) kind: Kind,
    /// Its description (none for the code: its schema describes it).
    pub(crate) description: Option<String>,
    /// Whether every body sends it.
    pub(crate) required: bool,
}

/// The members of the body schema of the type, in order: the message and code members of
/// its format, `request_id`, then the exposed fields.
pub(crate) fn members(catalog: &Catalog) -> Vec<Member> {
    let member = |name, kind, description: Option<&str>, required| Member {
        name,
        kind,
        description: description.map(str::to_owned),
        required,
    };
    let mut members = match catalog.format() {
        Format::Plain => vec![member("error", Kind::String(None), Some(MESSAGE), true)],
        Format::Problem => vec![
            member(
                "type",
                Kind::String(Some("uri-reference")),
                Some("The problem type (RFC 9457 §3.1.1)."),
                true,
            ),
            member(
                "title",
                Kind::String(None),
                Some("The reason phrase of the status."),
                true,
            ),
            member("status", Kind::Status, Some("The response status."), true),
            member("detail", Kind::String(None), Some(MESSAGE), true),
        ],
    };
    members.push(member("code", Kind::Code, None, true));
    members.push(member(
        "request_id",
        Kind::String(None),
        Some(REQUEST_ID),
        false,
    ));
    for field in fields(catalog) {
        members.push(Member {
            name: field.name,
            description: Some(field.description.clone()),
            kind: Kind::Field(field),
            required: false,
        });
    }
    members
}

/// The type whose schema is wanted, for the autoref probes of each generator (a type with
/// a schema finds the generator's probe trait, any other its fallback). Not a public API.
#[doc(hidden)]
pub struct Probe<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> Probe<T> {
    /// The probe.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Probe(PhantomData)
    }
}

/// One response: the variants that answer with one status.
pub(crate) struct ResponseDoc {
    /// The status.
    pub(crate) status: u16,
    /// The reason phrases of the variants, joined by ` / `.
    pub(crate) description: String,
    /// Each header the variants send: its name, its description (who sends it), and whether
    /// every variant at this status sends it.
    pub(crate) headers: Vec<(&'static str, String, bool)>,
    /// One example per variant, named by its code: summary (the variant's path), an
    /// optional description, and the body.
    pub(crate) examples: Vec<(&'static str, String, Option<String>, Value)>,
}

/// The exposed fields of the type, once per name, in the order they first appear.
pub(crate) fn fields(catalog: &Catalog) -> Vec<Field> {
    let mut fields: Vec<Field> = Vec::new();
    for row in catalog.rows() {
        for &name in row.info.fields {
            match fields.iter_mut().find(|field| field.name == name) {
                Some(field) => field.codes.push(row.info.code),
                None => fields.push(Field {
                    name,
                    codes: vec![row.info.code],
                    path: row.path.clone(),
                    description: String::new(),
                }),
            }
        }
    }
    for field in &mut fields {
        field.description = format!("An exposed field, sent with {}.", code_list(&field.codes));
    }
    fields
}

/// The responses of the type, one per status in order; `value` gives an example value of
/// each exposed field, by name (a value that fits its schema).
pub(crate) fn responses(catalog: &Catalog, value: &dyn Fn(&str) -> Value) -> Vec<ResponseDoc> {
    let mut by_status: Vec<(u16, Vec<&Row>)> = Vec::new();
    for row in catalog.rows() {
        let status = row.info.status.as_u16();
        match by_status.iter_mut().find(|(s, _)| *s == status) {
            Some((_, rows)) => rows.push(row),
            None => by_status.push((status, vec![row])),
        }
    }
    by_status.sort_by_key(|(status, _)| *status);
    by_status
        .into_iter()
        .map(|(status, rows)| response(catalog, status, &rows, value))
        .collect()
}

/// The description of the body schema of the type.
pub(crate) fn body_description(catalog: &Catalog) -> String {
    format!(
        "An error response of `{}`, sent as `{}`.",
        catalog.name(),
        catalog.format().content_type()
    )
}

/// The description of the `error` (or `detail`) member.
const MESSAGE: &str = "The public message: the error's `Display` text, or the reason \
                       phrase for a server error (see each example).";

/// The description of the `request_id` member.
const REQUEST_ID: &str = "The request id: the `x-request-id` response header, and the key \
                          to this error in the server's log. Sent when the service \
                          answers through `status`'s error layer.";

/// The description of the code schema.
pub(crate) const CODE: &str = "The machine-readable code: stable, switch on it. A service may add \
                        codes: read an unknown one as its status's class.";

/// The codes of the type, in catalog order: the `enum` of its code schema.
pub(crate) fn codes(catalog: &Catalog) -> Vec<&'static str> {
    catalog.rows().iter().map(|row| row.info.code).collect()
}

/// The response for the `rows` that share one status.
fn response(
    catalog: &Catalog,
    status: u16,
    rows: &[&Row],
    value: &dyn Fn(&str) -> Value,
) -> ResponseDoc {
    let mut reasons: Vec<&str> = Vec::new();
    for row in rows {
        if !reasons.contains(&row.info.reason) {
            reasons.push(row.info.reason);
        }
    }
    let examples = rows
        .iter()
        .map(|row| {
            (
                row.info.code,
                row.path(),
                example_description(catalog, row),
                example(catalog, row, value),
            )
        })
        .collect();
    // Header names are case-insensitive: one entry per name, listing who sends it.
    let mut headers: Vec<(&'static str, Vec<&str>)> = Vec::new();
    for row in rows {
        for &header in row.info.headers {
            match headers
                .iter_mut()
                .find(|(known, _)| known.eq_ignore_ascii_case(header))
            {
                Some((_, codes)) => codes.push(row.info.code),
                None => headers.push((header, vec![row.info.code])),
            }
        }
    }
    ResponseDoc {
        status,
        description: reasons.join(" / "),
        headers: headers
            .into_iter()
            .map(|(header, codes)| {
                let required = codes.len() == rows.len();
                (
                    header,
                    format!("Sent with {}.", code_list(&codes)),
                    required,
                )
            })
            .collect(),
        examples,
    }
}

/// The body a variant sends, as far as it is known without an instance: the message is its
/// known text, else the reason phrase; each exposed field a value that fits its schema.
fn example(catalog: &Catalog, row: &Row, value: &dyn Fn(&str) -> Value) -> Value {
    let info = &row.info;
    let message = match (info.text, info.message) {
        (Some(text), _) | (None, MessageSource::Template(text)) => text,
        (None, _) => info.reason,
    };
    let mut body = Map::new();
    match catalog.format() {
        Format::Plain => {
            body.insert("error".into(), json!(message));
        }
        Format::Problem => {
            let kind = match catalog.problem_type() {
                Some(base) => format!("{base}{}", info.code),
                None => "about:blank".to_owned(),
            };
            body.insert("type".into(), json!(kind));
            body.insert("title".into(), json!(info.reason));
            body.insert("status".into(), json!(info.status.as_u16()));
            body.insert("detail".into(), json!(message));
        }
    }
    body.insert("code".into(), json!(info.code));
    for &name in info.fields {
        body.insert(name.to_owned(), value(name));
    }
    Value::Object(body)
}

/// What the example value cannot show: a `Display` message, an interpolated one.
fn example_description(catalog: &Catalog, row: &Row) -> Option<String> {
    let member = match catalog.format() {
        Format::Plain => "error",
        Format::Problem => "detail",
    };
    match (row.info.text, row.info.message) {
        (None, MessageSource::Template(_)) => Some(format!(
            "`{member}` is this template with the variant's fields in it."
        )),
        (None, _) => Some(format!(
            "`{member}` carries the error's `Display` text (the reason phrase stands in here)."
        )),
        (Some(_), _) => None,
    }
}

/// A value that `schema` accepts: its own example when it gives one, else one made from its
/// type, following `$ref`s into `schemas`, the component schemas by name (to a depth of 8).
pub(crate) fn value_of(schema: &Value, schemas: &Map<String, Value>, depth: usize) -> Value {
    if depth > 8 {
        return Value::Null;
    }
    let get = |key: &str| schema.get(key);
    if let Some(example) = get("example") {
        return example.clone();
    }
    if let Some(first) = get("examples")
        .and_then(Value::as_array)
        .and_then(|all| all.first())
    {
        return first.clone();
    }
    if let Some(value) = get("const") {
        return value.clone();
    }
    if let Some(first) = get("enum")
        .and_then(Value::as_array)
        .and_then(|all| all.first())
    {
        return first.clone();
    }
    if let Some(reference) = get("$ref").and_then(Value::as_str) {
        let name = reference.strip_prefix(COMPONENTS).unwrap_or(reference);
        return schemas
            .get(name)
            .map_or(Value::Null, |schema| value_of(schema, schemas, depth + 1));
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        if let Some(first) = get(key)
            .and_then(Value::as_array)
            .and_then(|all| all.first())
        {
            return value_of(first, schemas, depth + 1);
        }
    }
    let kind = match get("type") {
        Some(Value::Array(kinds)) => kinds
            .iter()
            .filter_map(Value::as_str)
            .find(|kind| *kind != "null")
            .unwrap_or("null"),
        Some(kind) => kind.as_str().unwrap_or(""),
        None => "",
    };
    let number = |key: &str| get(key).and_then(Value::as_f64);
    match kind {
        "string" => json!(match get("format").and_then(Value::as_str) {
            Some("date-time") => "2026-01-01T00:00:00Z".to_owned(),
            Some("date") => "2026-01-01".to_owned(),
            Some("uuid") => "00000000-0000-0000-0000-000000000000".to_owned(),
            Some("email") => "user@example.com".to_owned(),
            Some("uri" | "uri-reference") => "https://example.com/".to_owned(),
            // At least the schema's `minLength`, within reason.
            _ => {
                let min = get("minLength").and_then(Value::as_u64).unwrap_or(6);
                "x".repeat(usize::try_from(min.clamp(1, 1024)).unwrap_or(6))
            }
        }),
        "integer" => json!(get("minimum").and_then(Value::as_i64).unwrap_or(0)),
        "number" => json!(number("minimum").unwrap_or(0.0)),
        "boolean" => json!(false),
        "array" => match get("items") {
            Some(items) if number("maxItems") != Some(0.0) => {
                json!([value_of(items, schemas, depth + 1)])
            }
            _ => json!([]),
        },
        "object" => {
            let mut object = Map::new();
            if let Some(properties) = get("properties").and_then(Value::as_object) {
                for (name, property) in properties {
                    object.insert(name.clone(), value_of(property, schemas, depth + 1));
                }
            }
            Value::Object(object)
        }
        _ => Value::Null,
    }
}

/// `` `A`, `B` ``.
fn code_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|item| format!("`{item}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_fit_their_schema() {
        let schemas = Map::from_iter([(
            "Money".to_owned(),
            json!({"type": "object", "properties": {"cents": {"type": "integer", "minimum": 1}}}),
        )]);
        for (schema, value) in [
            (
                json!({"type": "integer", "format": "int64", "minimum": 0}),
                json!(0),
            ),
            (json!({"type": "string", "minLength": 2}), json!("xx")),
            (json!({"type": ["string", "null"]}), json!("xxxxxx")),
            (
                json!({"type": "string", "format": "date-time"}),
                json!("2026-01-01T00:00:00Z"),
            ),
            (json!({"type": "number"}), json!(0.0)),
            (json!({"type": "boolean"}), json!(false)),
            (
                json!({"type": "array", "items": {"type": "integer"}}),
                json!([0]),
            ),
            (
                json!({"type": "array", "items": {"type": "integer"}, "maxItems": 0}),
                json!([]),
            ),
            (json!({"enum": ["A", "B"]}), json!("A")),
            (
                json!({"type": "string", "example": "SKU-1"}),
                json!("SKU-1"),
            ),
            (
                json!({"$ref": "#/components/schemas/Money"}),
                json!({"cents": 1}),
            ),
            (
                json!({"oneOf": [{"type": "boolean"}, {"type": "string"}]}),
                json!(false),
            ),
            (json!({}), Value::Null),
        ] {
            assert_eq!(value_of(&schema, &schemas, 0), value, "{schema}");
        }
        let endless = Map::from_iter([(
            "Loop".to_owned(),
            json!({"$ref": "#/components/schemas/Loop"}),
        )]);
        assert_eq!(value_of(&endless["Loop"], &endless, 0), Value::Null);
    }
}
