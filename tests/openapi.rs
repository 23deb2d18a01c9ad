//! OpenAPI (utoipa) that client generators and linters accept as is: a real document, built
//! by utoipa from handlers that return `Result<_, E>` for error types with every kind of
//! variant (exposed fields of several types, violations, shared statuses, headers,
//! `transparent` nesting, the problem format), in which every example fits its schema (a
//! JSON Schema validator checks each), every `$ref` resolves, each error type is one schema
//! with one code type, a code added later still fits, and the headers the derive guarantees
//! are `required`.

#![cfg(feature = "utoipa")]

use serde_json::{Value, json};
use status::{ApiError, Violations};
use utoipa::OpenApi;

// The inner error, two levels down.
#[path = "fixtures/db.rs"]
mod db;

use db::DbError;

#[path = "fixtures/schema.rs"]
mod schema;

use schema::{contents, examples_fit, validator};

/// A coupon, documented by utoipa: its schema inline in the error's, as `PartialSchema` gives it.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Coupon {
    code: String,
    expires: Expiry,
}

/// Referenced from `Coupon`'s schema: registered beside the error's.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Expiry {
    days: u32,
}

/// A field type with no schema: any value.
#[derive(Debug, serde::Serialize)]
pub struct Opaque(std::collections::BTreeMap<String, u32>);

/// Plain bodies. 404 and 409 are shared (409 with the inner type's `ROW_LOCKED`).
#[derive(Debug, thiserror::Error, ApiError)]
pub enum OrderError {
    #[error(transparent)]
    #[status(transparent)]
    Db(#[from] DbError),
    #[error("order {id} not found")]
    #[status(404, code = "ORDER_NOT_FOUND")]
    NotFound {
        #[status(expose)]
        id: u64,
    },
    #[error("order {id} was cancelled")]
    #[status(404, code = "ORDER_CANCELLED", header("X-Cancelled" = "true"))]
    Cancelled {
        #[status(expose)]
        id: u64,
        #[status(expose)]
        reason: String,
    },
    #[error("the order is invalid")]
    #[status(422, code = "VALIDATION_FAILED")]
    Invalid {
        #[status(expose)]
        errors: Violations,
    },
    #[error("who are you?")]
    #[status(401, www_authenticate = "Bearer realm=\"shop\"")]
    Unauthenticated,
    #[error("too many orders")]
    #[status(429, message = "slow down", retry_after = 30)]
    RateLimited {
        #[status(expose)]
        limit: u32,
    },
    #[error("conflicting flags")]
    #[status(409, code = "CONFLICTING_FLAGS")]
    Flags {
        #[status(expose)]
        flags: Vec<bool>,
        #[status(expose)]
        note: Option<String>,
    },
    #[error("bad coupon")]
    #[status(400, code = "BAD_COUPON")]
    BadCoupon {
        #[status(expose)]
        coupon: Coupon,
    },
    #[error("opaque")]
    #[status(400, code = "OPAQUE")]
    Opaque {
        #[status(expose)]
        counts: Opaque,
    },
}

/// Problem bodies with a `type` base, nesting the plain type: its variants are sent as
/// problems too, since the outer type decides the body.
#[derive(Debug, thiserror::Error, ApiError)]
#[status(format = "problem", problem_type = "https://errors.example/")]
pub enum AdminError {
    #[error(transparent)]
    #[status(transparent)]
    Order(#[from] OrderError),
    #[error("not an admin")]
    #[status(403)]
    NotAdmin,
}

#[utoipa::path(
    get,
    path = "/orders/{id}",
    params(("id" = u64, Path, description = "The order id")),
    responses((status = 200, description = "The order", body = String), OrderError)
)]
#[allow(dead_code)] // only documented
fn get_order(id: u64) -> Result<String, OrderError> {
    Err(OrderError::NotFound { id })
}

#[utoipa::path(
    delete,
    path = "/admin/orders/{id}",
    params(("id" = u64, Path, description = "The order id")),
    responses((status = 204, description = "Deleted"), AdminError)
)]
#[allow(dead_code)] // only documented
fn delete_order(id: u64) -> Result<(), AdminError> {
    Err(OrderError::NotFound { id }.into())
}

/// The one line a service adds: `components(schemas(...))` of its error types.
#[derive(OpenApi)]
#[openapi(
    paths(get_order, delete_order),
    components(schemas(OrderError, AdminError))
)]
struct Doc;

fn document() -> Value {
    serde_json::to_value(Doc::openapi()).unwrap()
}

#[test]
fn every_example_fits_its_schema() {
    let doc = document();
    let contents = contents(&doc);
    assert_eq!(contents.len(), 15, "{contents:#?}");
    assert_eq!(examples_fit(&doc), 21);
}

/// What the service really sends fits the schema too, and so does a code added later.
#[test]
fn real_bodies_and_new_codes_fit() {
    let doc = document();
    let order = validator(&doc, &json!({"$ref": "#/components/schemas/OrderError"}));
    let admin = validator(&doc, &json!({"$ref": "#/components/schemas/AdminError"}));
    let bodies = [
        OrderError::NotFound { id: 7 },
        OrderError::Flags {
            flags: vec![true],
            note: None,
        },
        OrderError::Invalid {
            errors: Violations::new(),
        },
        OrderError::Db(DbError::RowLocked(3)),
    ];
    for error in &bodies {
        let body = serde_json::to_value(error.body()).unwrap();
        assert!(order.is_valid(&body), "{body}");
        let problem = serde_json::to_value(AdminError::NotAdmin.problem()).unwrap();
        assert!(admin.is_valid(&problem), "{problem}");
    }
    let new_code = json!({"error": "on hold", "code": "ORDER_ON_HOLD"});
    assert!(order.is_valid(&new_code));
    let no_code = json!({"error": "on hold"});
    assert!(!order.is_valid(&no_code));
}

#[test]
fn every_ref_resolves() {
    fn refs(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get("$ref") {
                    out.push(target.clone());
                }
                map.values().for_each(|v| refs(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let doc = document();
    let mut found = Vec::new();
    refs(&doc, &mut found);
    found.sort();
    found.dedup();
    assert_eq!(
        found,
        [
            "#/components/schemas/AdminError",
            "#/components/schemas/AdminErrorCode",
            "#/components/schemas/Expiry",
            "#/components/schemas/OrderError",
            "#/components/schemas/OrderErrorCode",
        ]
    );
    for target in found {
        let name = target.trim_start_matches("#/components/schemas/");
        assert!(
            doc["components"]["schemas"][name].is_object(),
            "{target} does not resolve"
        );
    }
}

/// One schema and one code type per error type, the code extensible.
#[test]
fn each_error_type_is_one_schema_with_one_code_type() {
    let doc = document();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    let mut names: Vec<&String> = schemas.keys().collect();
    names.sort();
    assert_eq!(
        names,
        [
            "AdminError",
            "AdminErrorCode",
            "Expiry",
            "OrderError",
            "OrderErrorCode"
        ]
    );
    assert_eq!(
        schemas["OrderErrorCode"]["anyOf"],
        json!([
            {"type": "string", "enum": [
                "ROW_LOCKED", "UNAVAILABLE", "ORDER_NOT_FOUND", "ORDER_CANCELLED",
                "VALIDATION_FAILED", "UNAUTHENTICATED", "RATE_LIMITED", "CONFLICTING_FLAGS",
                "BAD_COUPON", "OPAQUE"
            ]},
            {"type": "string"}
        ])
    );
    let responses = &doc["paths"]["/orders/{id}"]["get"]["responses"];
    for status in ["400", "401", "404", "409", "422", "429", "503"] {
        assert_eq!(
            responses[status]["content"]["application/json"]["schema"],
            json!({"$ref": "#/components/schemas/OrderError"}),
            "{status}"
        );
    }
}

/// Each exposed field has its type's schema; one without a schema is any value.
#[test]
fn exposed_fields_are_typed() {
    let doc = document();
    let properties = &doc["components"]["schemas"]["OrderError"]["properties"];
    let typed = |name: &str| properties[name]["allOf"][0].clone();
    assert_eq!(
        typed("id"),
        json!({"type": "integer", "format": "int64", "minimum": 0})
    );
    assert_eq!(typed("reason"), json!({"type": "string"}));
    assert_eq!(
        typed("limit"),
        json!({"type": "integer", "format": "int32", "minimum": 0})
    );
    assert_eq!(
        typed("flags"),
        json!({"type": "array", "items": {"type": "boolean"}})
    );
    assert_eq!(
        typed("note"),
        json!({"oneOf": [{"type": "null"}, {"type": "string"}]})
    );
    assert_eq!(typed("errors")["type"], "array");
    assert_eq!(
        typed("errors")["items"]["required"],
        json!(["detail", "pointer"])
    );
    assert_eq!(
        typed("coupon")["properties"]["expires"],
        json!({"$ref": "#/components/schemas/Expiry"})
    );
    assert_eq!(
        properties["counts"],
        json!({"description": "An exposed field, sent with `OPAQUE`."})
    );
    assert_eq!(
        properties["id"]["description"],
        "An exposed field, sent with `ORDER_NOT_FOUND`, `ORDER_CANCELLED`."
    );
    let required = &doc["components"]["schemas"]["OrderError"]["required"];
    assert_eq!(required, &json!(["error", "code"]));
}

/// A header every variant at a status sends is `required`; one some send is not.
#[test]
fn guaranteed_headers_are_required() {
    let doc = document();
    let responses = &doc["paths"]["/orders/{id}"]["get"]["responses"];
    let header = |status: &str, name: &str| responses[status]["headers"][name].clone();
    assert_eq!(
        header("401", "WWW-Authenticate"),
        json!({"schema": {"type": "string"}, "description": "Sent with `UNAUTHENTICATED`.", "required": true})
    );
    assert_eq!(header("429", "Retry-After")["required"], true);
    assert_eq!(header("503", "Retry-After")["required"], true);
    assert_eq!(
        header("404", "X-Cancelled"),
        json!({"schema": {"type": "string"}, "description": "Sent with `ORDER_CANCELLED`.", "required": false})
    );
}

/// The examples: every variant at a status, each with every exposed field, and the real
/// text where the derive knows it.
#[test]
fn examples_carry_fields_and_known_text() {
    let doc = document();
    let responses = &doc["paths"]["/orders/{id}"]["get"]["responses"];
    let examples =
        |status: &str| responses[status]["content"]["application/json"]["examples"].clone();
    assert_eq!(
        examples("404"),
        json!({
            "ORDER_NOT_FOUND": {
                "summary": "NotFound",
                "description": "`error` carries the error's `Display` text (the reason phrase stands in here).",
                "value": {"error": "Not Found", "code": "ORDER_NOT_FOUND", "id": 0}
            },
            "ORDER_CANCELLED": {
                "summary": "Cancelled",
                "description": "`error` carries the error's `Display` text (the reason phrase stands in here).",
                "value": {"error": "Not Found", "code": "ORDER_CANCELLED", "id": 0, "reason": "xxxxxx"}
            }
        })
    );
    assert_eq!(
        examples("401")["UNAUTHENTICATED"],
        json!({"summary": "Unauthenticated", "value": {"error": "who are you?", "code": "UNAUTHENTICATED"}})
    );
    assert_eq!(
        examples("429")["RATE_LIMITED"]["value"],
        json!({"error": "slow down", "code": "RATE_LIMITED", "limit": 0})
    );
    assert_eq!(
        examples("422")["VALIDATION_FAILED"]["value"]["errors"],
        json!([{"detail": "xxxxxx", "pointer": "xxxxxx", "code": "xxxxxx"}])
    );
    assert_eq!(examples("409")["ROW_LOCKED"]["summary"], "Db::RowLocked");
    let problem = &doc["paths"]["/admin/orders/{id}"]["delete"]["responses"]["403"]["content"]["application/problem+json"];
    assert_eq!(
        problem["examples"]["NOT_ADMIN"]["value"],
        json!({
            "type": "https://errors.example/NOT_ADMIN",
            "title": "Forbidden",
            "status": 403,
            "detail": "not an admin",
            "code": "NOT_ADMIN"
        })
    );
    assert_eq!(
        problem["schema"],
        json!({"$ref": "#/components/schemas/AdminError"})
    );
}

/// Each example is the body the type really sends, where no instance is needed.
#[test]
fn examples_match_real_bodies() {
    let doc = document();
    let examples = &doc["paths"]["/admin/orders/{id}"]["delete"]["responses"]["503"]["content"]["application/problem+json"]
        ["examples"];
    let sent =
        serde_json::to_value(AdminError::from(OrderError::from(DbError::Unavailable)).problem())
            .unwrap();
    assert_eq!(examples["UNAVAILABLE"]["value"], sent);
}

/// The impls are there without a document too.
#[test]
fn into_responses_is_implemented() {
    use utoipa::{IntoResponses, ToSchema};
    let responses = DbError::responses();
    let keys: Vec<&String> = responses.keys().collect();
    assert_eq!(keys, ["409", "503"]);
    assert_eq!(DbError::name(), "DbError");
}
