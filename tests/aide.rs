//! OpenAPI through aide: a real `ApiRouter` whose handlers return `Result<Json<_>, E>` for
//! derived error types, turned into a document by aide. Each status of `E` is one response
//! with its reason phrase, the content type the adapters send, the examples and the headers
//! (`required` where the derive guarantees them); each type is one schema in `components`;
//! every example fits its schema; and the schemas are the JSON utoipa writes.

#![cfg(feature = "aide")]

use aide::axum::ApiRouter;
use aide::axum::routing::{delete, get};
use aide::openapi::OpenApi;
use axum::Json;
use serde_json::{Value, json};
use status::{ApiError, Violations};

// The inner error: 409 `ROW_LOCKED`, 503 `UNAVAILABLE` with `Retry-After`.
#[path = "fixtures/db.rs"]
mod db;

use db::DbError;

#[path = "fixtures/schema.rs"]
mod schema;

use schema::{examples_fit, validator};

/// A coupon, documented by schemars: a component of its own, referenced from the error's
/// schema.
#[derive(Debug, serde::Serialize, schemars::JsonSchema)]
pub struct Coupon {
    code: String,
    days: u32,
}

/// A field type with no schema: any value.
#[derive(Debug, serde::Serialize)]
pub struct Opaque(std::collections::BTreeMap<String, u32>);

/// An order: the success body.
#[derive(Debug, serde::Serialize, schemars::JsonSchema)]
pub struct Order {
    id: u64,
}

/// Plain bodies. 400 and 404 are shared; 409 and 503 come from the inner type.
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
    #[error("order was cancelled")]
    #[status(404, code = "ORDER_CANCELLED", header("X-Cancelled" = "true"))]
    Cancelled,
    #[error("the order is invalid")]
    #[status(422, code = "VALIDATION_FAILED")]
    Invalid {
        #[status(expose)]
        errors: Violations,
    },
    #[error("who are you?")]
    #[status(401, www_authenticate = "Bearer realm=\"shop\"")]
    Unauthenticated,
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
    #[error("db password is hunter2")]
    #[status(500, code = "INTERNAL")]
    Internal,
}

/// Problem bodies, nesting the plain type: its variants are sent as problems too.
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

async fn get_order() -> Result<Json<Order>, OrderError> {
    Err(OrderError::NotFound { id: 7 })
}

async fn delete_order() -> Result<Json<Order>, AdminError> {
    Err(AdminError::NotAdmin)
}

async fn health() -> Result<Json<bool>, DbError> {
    Err(DbError::Unavailable)
}

/// The document aide builds for the service: no registration line, the handlers' return
/// types are all it reads.
fn document() -> Value {
    let mut api = OpenApi::default();
    let _app: axum::Router = ApiRouter::new()
        .api_route("/orders/{id}", get(get_order))
        .api_route("/admin/orders/{id}", delete(delete_order))
        .api_route("/health", get(health))
        .finish_api(&mut api);
    serde_json::to_value(&api).unwrap()
}

fn responses(doc: &Value, path: &str, method: &str) -> Value {
    doc["paths"][path][method]["responses"].clone()
}

fn statuses(responses: &Value) -> Vec<&str> {
    responses
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

const NOT_SHOWN: &str =
    "`error` carries the error's `Display` text (the reason phrase stands in here).";

#[test]
fn one_response_per_status() {
    let doc = document();
    let orders = responses(&doc, "/orders/{id}", "get");
    assert_eq!(
        statuses(&orders),
        ["200", "400", "401", "404", "409", "422", "500", "503"]
    );
    let admin = responses(&doc, "/admin/orders/{id}", "delete");
    assert_eq!(
        statuses(&admin),
        [
            "200", "400", "401", "403", "404", "409", "422", "500", "503"
        ]
    );
    assert_eq!(
        statuses(&responses(&doc, "/health", "get")),
        ["200", "409", "503"]
    );
}

/// 401: the reason phrase, the JSON body by `$ref`, the example with the known text, and
/// `WWW-Authenticate`, which the derive always sends, `required`.
#[test]
fn unauthorized_is_exact() {
    let doc = document();
    assert_eq!(
        responses(&doc, "/orders/{id}", "get")["401"],
        json!({
            "description": "Unauthorized",
            "headers": {
                "WWW-Authenticate": {
                    "description": "Sent with `UNAUTHENTICATED`.",
                    "style": "simple",
                    "required": true,
                    "schema": {"type": "string"}
                }
            },
            "content": {
                "application/json": {
                    "schema": {"$ref": "#/components/schemas/OrderError"},
                    "examples": {
                        "UNAUTHENTICATED": {
                            "summary": "Unauthenticated",
                            "value": {"error": "who are you?", "code": "UNAUTHENTICATED"}
                        }
                    }
                }
            }
        })
    );
}

/// 503 from the inner type, through `transparent`: `Retry-After` required, the example's
/// summary the path to the variant.
#[test]
fn unavailable_through_transparent_is_exact() {
    let doc = document();
    assert_eq!(
        responses(&doc, "/orders/{id}", "get")["503"],
        json!({
            "description": "Service Unavailable",
            "headers": {
                "Retry-After": {
                    "description": "Sent with `UNAVAILABLE`.",
                    "style": "simple",
                    "required": true,
                    "schema": {"type": "string"}
                }
            },
            "content": {
                "application/json": {
                    "schema": {"$ref": "#/components/schemas/OrderError"},
                    "examples": {
                        "UNAVAILABLE": {
                            "summary": "Db::Unavailable",
                            "value": {"error": "Service Unavailable", "code": "UNAVAILABLE"}
                        }
                    }
                }
            }
        })
    );
    // The inner type on its own route: its own schema.
    assert_eq!(
        responses(&doc, "/health", "get")["503"]["content"]["application/json"]["schema"],
        json!({"$ref": "#/components/schemas/DbError"})
    );
}

/// 500: the reason phrase, never the `Display` text, as the real body.
#[test]
fn internal_error_is_redacted() {
    let doc = document();
    let internal = responses(&doc, "/orders/{id}", "get")["500"].clone();
    assert_eq!(
        internal,
        json!({
            "description": "Internal Server Error",
            "content": {
                "application/json": {
                    "schema": {"$ref": "#/components/schemas/OrderError"},
                    "examples": {
                        "INTERNAL": {
                            "summary": "Internal",
                            "value": {"error": "Internal Server Error", "code": "INTERNAL"}
                        }
                    }
                }
            }
        })
    );
    assert!(!internal.to_string().contains("hunter2"));
    let sent = serde_json::to_value(OrderError::Internal.body()).unwrap();
    assert_eq!(
        internal["content"]["application/json"]["examples"]["INTERNAL"]["value"],
        sent
    );
}

/// Shared statuses list every variant; a header only some send is not `required`; exposed
/// fields have example values that fit their types.
#[test]
fn shared_statuses_list_every_variant() {
    let doc = document();
    let orders = responses(&doc, "/orders/{id}", "get");
    assert_eq!(
        orders["404"],
        json!({
            "description": "Not Found",
            "headers": {
                "X-Cancelled": {
                    "description": "Sent with `ORDER_CANCELLED`.",
                    "style": "simple",
                    "schema": {"type": "string"}
                }
            },
            "content": {
                "application/json": {
                    "schema": {"$ref": "#/components/schemas/OrderError"},
                    "examples": {
                        "ORDER_NOT_FOUND": {
                            "summary": "NotFound",
                            "description": NOT_SHOWN,
                            "value": {"error": "Not Found", "code": "ORDER_NOT_FOUND", "id": 0}
                        },
                        "ORDER_CANCELLED": {
                            "summary": "Cancelled",
                            "value": {"error": "order was cancelled", "code": "ORDER_CANCELLED"}
                        }
                    }
                }
            }
        })
    );
    let bad_request = &orders["400"]["content"]["application/json"]["examples"];
    assert_eq!(
        bad_request,
        &json!({
            "BAD_COUPON": {
                "summary": "BadCoupon",
                "value": {
                    "error": "bad coupon",
                    "code": "BAD_COUPON",
                    "coupon": {"code": "xxxxxx", "days": 0}
                }
            },
            "OPAQUE": {
                "summary": "Opaque",
                "value": {"error": "opaque", "code": "OPAQUE", "counts": null}
            }
        })
    );
    assert_eq!(
        orders["422"]["content"]["application/json"]["examples"]["VALIDATION_FAILED"]["value"],
        json!({
            "error": "the order is invalid",
            "code": "VALIDATION_FAILED",
            "errors": [{"detail": "xxxxxx", "pointer": "xxxxxx", "code": "xxxxxx"}]
        })
    );
}

/// The problem format: its media type, its members, the nested plain variants as problems.
#[test]
fn problem_bodies() {
    let doc = document();
    let admin = responses(&doc, "/admin/orders/{id}", "delete");
    assert_eq!(
        admin["403"],
        json!({
            "description": "Forbidden",
            "content": {
                "application/problem+json": {
                    "schema": {"$ref": "#/components/schemas/AdminError"},
                    "examples": {
                        "NOT_ADMIN": {
                            "summary": "NotAdmin",
                            "value": {
                                "type": "https://errors.example/NOT_ADMIN",
                                "title": "Forbidden",
                                "status": 403,
                                "detail": "not an admin",
                                "code": "NOT_ADMIN"
                            }
                        }
                    }
                }
            }
        })
    );
    let unavailable =
        &admin["503"]["content"]["application/problem+json"]["examples"]["UNAVAILABLE"];
    assert_eq!(unavailable["summary"], "Order::Db::Unavailable");
    let sent =
        serde_json::to_value(AdminError::from(OrderError::from(DbError::Unavailable)).problem())
            .unwrap();
    assert_eq!(unavailable["value"], sent);
    assert_eq!(admin["503"]["headers"]["Retry-After"]["required"], true);
}

/// Each type is one schema and one code type in `components`, however many routes name it.
#[test]
fn schemas_are_registered_once() {
    let doc = document();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    let mut names: Vec<&String> = schemas.keys().collect();
    names.sort();
    assert_eq!(
        names,
        [
            "AdminError",
            "AdminErrorCode",
            "Coupon",
            "DbError",
            "DbErrorCode",
            "Order",
            "OrderError",
            "OrderErrorCode"
        ]
    );
    assert_eq!(
        schemas["OrderErrorCode"],
        json!({
            "anyOf": [
                {"type": "string", "enum": [
                    "ROW_LOCKED", "UNAVAILABLE", "ORDER_NOT_FOUND", "ORDER_CANCELLED",
                    "VALIDATION_FAILED", "UNAUTHENTICATED", "BAD_COUPON", "OPAQUE", "INTERNAL"
                ]},
                {"type": "string"}
            ],
            "description": "The machine-readable code: stable, switch on it. A service may add \
                            codes: read an unknown one as its status's class."
        })
    );
}

/// The body schema: the members of the format, the code by `$ref`, each exposed field
/// typed by its schemars schema (a component for a named type, inline for `Violations`),
/// any value for a type without one.
#[test]
fn body_schema_is_exact() {
    let doc = document();
    let order = &doc["components"]["schemas"]["OrderError"];
    assert_eq!(
        order["description"],
        "An error response of `OrderError`, sent as `application/json`."
    );
    assert_eq!(order["type"], "object");
    assert_eq!(order["required"], json!(["error", "code"]));
    let properties = &order["properties"];
    let mut names: Vec<&String> = properties.as_object().unwrap().keys().collect();
    names.sort();
    assert_eq!(
        names,
        [
            "code",
            "counts",
            "coupon",
            "error",
            "errors",
            "id",
            "request_id"
        ]
    );
    assert_eq!(
        properties["code"],
        json!({"$ref": "#/components/schemas/OrderErrorCode"})
    );
    assert_eq!(
        properties["id"],
        json!({
            "allOf": [{"type": "integer", "format": "uint64", "minimum": 0}],
            "description": "An exposed field, sent with `ORDER_NOT_FOUND`."
        })
    );
    assert_eq!(
        properties["coupon"],
        json!({
            "allOf": [{"$ref": "#/components/schemas/Coupon"}],
            "description": "An exposed field, sent with `BAD_COUPON`."
        })
    );
    assert_eq!(
        properties["counts"],
        json!({"description": "An exposed field, sent with `OPAQUE`."})
    );
    assert_eq!(properties["errors"]["allOf"][0]["type"], "array");
    assert_eq!(
        properties["errors"]["allOf"][0]["items"]["required"],
        json!(["detail", "pointer"])
    );
    let admin = &doc["components"]["schemas"]["AdminError"];
    assert_eq!(
        admin["required"],
        json!(["type", "title", "status", "detail", "code"])
    );
    assert_eq!(
        admin["properties"]["status"],
        json!({"type": "integer", "minimum": 400, "maximum": 599, "description": "The response status."})
    );
    assert_eq!(
        admin["properties"]["type"]["format"],
        json!("uri-reference")
    );
}

#[test]
fn every_example_fits_its_schema() {
    // 9 + 10 examples of `OrderError` and `AdminError`, 2 of `DbError`.
    assert_eq!(examples_fit(&document()), 21);
}

/// What the service really sends fits the schema, and so does a code added later.
#[test]
fn real_bodies_and_new_codes_fit() {
    let doc = document();
    let order = validator(&doc, &json!({"$ref": "#/components/schemas/OrderError"}));
    for error in [
        OrderError::NotFound { id: 7 },
        OrderError::Invalid {
            errors: Violations::new(),
        },
        OrderError::Db(DbError::RowLocked(3)),
        OrderError::Internal,
    ] {
        let body = serde_json::to_value(error.body()).unwrap();
        assert!(order.is_valid(&body), "{body}");
    }
    let admin = validator(&doc, &json!({"$ref": "#/components/schemas/AdminError"}));
    let problem = serde_json::to_value(AdminError::NotAdmin.problem()).unwrap();
    assert!(admin.is_valid(&problem), "{problem}");
    assert!(order.is_valid(&json!({"error": "on hold", "code": "ORDER_ON_HOLD"})));
    assert!(!order.is_valid(&json!({"error": "on hold"})));
}

/// With both generators on, one type's schemas are the same JSON in both.
#[cfg(feature = "utoipa")]
#[test]
fn same_schemas_as_utoipa() {
    use schemars::{JsonSchema, SchemaGenerator, generate::SchemaSettings};
    use utoipa::{PartialSchema, ToSchema};

    /// A problem type whose members are all the derive's own (exposed fields are typed by
    /// each generator's rules, which differ: `u64` is `int64` to utoipa, `uint64` to
    /// schemars).
    #[derive(Debug, thiserror::Error, ApiError)]
    #[status(format = "problem")]
    #[allow(dead_code)] // only documented
    enum Legacy {
        #[error("gone")]
        #[status(410)]
        Gone,
    }

    let mut generator = SchemaGenerator::new(
        SchemaSettings::draft07().with(|s| s.definitions_path = "#/components/schemas/".into()),
    );
    let utoipa = |schema| serde_json::to_value(schema).unwrap();
    for (aide, utoipa) in [
        (
            DbError::json_schema(&mut generator).to_value(),
            utoipa(<DbError as PartialSchema>::schema()),
        ),
        (
            Legacy::json_schema(&mut generator).to_value(),
            utoipa(<Legacy as PartialSchema>::schema()),
        ),
        (
            Violations::json_schema(&mut generator).to_value(),
            utoipa(<Violations as PartialSchema>::schema()),
        ),
    ] {
        assert_eq!(aide, utoipa);
    }
    let mut codes = Vec::new();
    DbError::schemas(&mut codes);
    assert_eq!(codes[0].0, "DbErrorCode");
    assert_eq!(
        generator.definitions()["DbErrorCode"],
        serde_json::to_value(&codes[0].1).unwrap()
    );
}
