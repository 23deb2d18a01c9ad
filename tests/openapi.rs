//! `utoipa::IntoResponses` for derived types: a real OpenAPI document, built by utoipa from
//! handlers that return `Result<_, E>`, asserted whole, for the plain and the problem body.

#![cfg(feature = "utoipa")]

use serde_json::{Value, json};
use status::ApiError;
use utoipa::OpenApi;

// The inner error, two levels down.
#[path = "fixtures/db.rs"]
mod db;

use db::DbError;

/// Plain bodies; two variants share 404, and the inner type adds 409 and 503.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum ProductError {
    #[error(transparent)]
    #[status(transparent)]
    Db(#[from] DbError),
    #[error("product {id} not found")]
    #[status(404, code = "PRODUCT_NOT_FOUND")]
    NotFound {
        #[status(expose)]
        id: u64,
    },
    #[error("product {id} was deleted")]
    #[status(404, code = "PRODUCT_DELETED", header("X-Deleted" = "true"))]
    Deleted {
        #[status(expose)]
        id: u64,
        #[status(expose)]
        deleted_at: String,
    },
    #[error("too many requests")]
    #[status(429, message = "slow down")]
    RateLimited,
}

/// Problem bodies with a `type` base, nesting the plain type: its variants are sent as
/// problems too, since the outer type decides the body.
#[derive(Debug, thiserror::Error, ApiError)]
#[status(format = "problem", problem_type = "https://errors.example/")]
pub enum AdminError {
    #[error(transparent)]
    #[status(transparent)]
    Product(#[from] ProductError),
    #[error("who are you")]
    #[status(401, www_authenticate = "Bearer realm=\"admin\"")]
    Unauthenticated,
}

#[utoipa::path(
    get,
    path = "/products/{id}",
    params(("id" = u64, Path, description = "The product id")),
    responses((status = 200, description = "The product", body = String), ProductError)
)]
#[allow(dead_code)] // only documented
fn get_product(id: u64) -> Result<String, ProductError> {
    Err(ProductError::NotFound { id })
}

#[utoipa::path(
    delete,
    path = "/admin/products/{id}",
    params(("id" = u64, Path, description = "The product id")),
    responses((status = 204, description = "Deleted"), AdminError)
)]
#[allow(dead_code)] // only documented
fn delete_product(id: u64) -> Result<(), AdminError> {
    Err(ProductError::NotFound { id }.into())
}

#[derive(OpenApi)]
#[openapi(paths(get_product, delete_product))]
struct Doc;

fn document() -> Value {
    serde_json::to_value(Doc::openapi()).unwrap()
}

fn id_param() -> Value {
    json!([{
        "name": "id",
        "in": "path",
        "description": "The product id",
        "required": true,
        "schema": {"type": "integer", "format": "int64", "minimum": 0}
    }])
}

fn display_note(member: &str) -> String {
    format!("`{member}` carries the error's `Display` text (the reason phrase stands in here).")
}

const CODE_DESCRIPTION: &str = "The machine-readable code: stable, switch on it.";
const MESSAGE_DESCRIPTION: &str = "The public message: the error's `Display` text, or the reason phrase for a server error (see each example)";

fn plain_responses() -> Value {
    document()["paths"]["/products/{id}"]["get"]["responses"].take()
}

#[test]
fn plain_responses_one_per_status_every_variant_an_example() {
    let doc = document();
    assert_eq!(
        doc["paths"]["/products/{id}"]["get"]["parameters"],
        id_param()
    );
    let responses = &plain_responses();
    let keys: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["200", "404", "409", "429", "503"]);
    assert_eq!(
        responses["200"],
        json!({"description": "The product", "content": {"text/plain": {"schema": {"type": "string"}}}})
    );
    assert_eq!(
        responses["404"],
        json!({
            "description": "Not Found",
            "headers": {
                "X-Deleted": {
                    "schema": {"type": "string"},
                    "description": "Sent with `PRODUCT_DELETED`."
                }
            },
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["error", "code", "id"],
                        "properties": {
                            "error": {"type": "string", "description": MESSAGE_DESCRIPTION},
                            "code": {
                                "type": "string",
                                "enum": ["PRODUCT_NOT_FOUND", "PRODUCT_DELETED"],
                                "description": CODE_DESCRIPTION
                            },
                            "id": {
                                "description": "An exposed field, sent with `PRODUCT_NOT_FOUND`, `PRODUCT_DELETED`."
                            },
                            "deleted_at": {
                                "description": "An exposed field, sent with `PRODUCT_DELETED`."
                            }
                        }
                    },
                    "examples": {
                        "PRODUCT_NOT_FOUND": {
                            "summary": "NotFound",
                            "description": format!("{} The body also carries `id`.", display_note("error")),
                            "value": {"error": "Not Found", "code": "PRODUCT_NOT_FOUND"}
                        },
                        "PRODUCT_DELETED": {
                            "summary": "Deleted",
                            "description": format!("{} The body also carries `id`, `deleted_at`.", display_note("error")),
                            "value": {"error": "Not Found", "code": "PRODUCT_DELETED"}
                        }
                    }
                }
            }
        })
    );
}

#[test]
fn plain_responses_of_inner_types_are_merged() {
    let responses = &plain_responses();
    assert_eq!(
        responses["409"],
        json!({
            "description": "Conflict",
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["error", "code"],
                        "properties": {
                            "error": {"type": "string", "description": MESSAGE_DESCRIPTION},
                            "code": {"type": "string", "enum": ["ROW_LOCKED"], "description": CODE_DESCRIPTION}
                        }
                    },
                    "examples": {
                        "ROW_LOCKED": {
                            "summary": "Db::RowLocked",
                            "description": display_note("error"),
                            "value": {"error": "Conflict", "code": "ROW_LOCKED"}
                        }
                    }
                }
            }
        })
    );
    assert_eq!(
        responses["429"]["content"]["application/json"]["examples"],
        json!({
            "RATE_LIMITED": {
                "summary": "RateLimited",
                "value": {"error": "slow down", "code": "RATE_LIMITED"}
            }
        })
    );
    assert_eq!(
        responses["503"],
        json!({
            "description": "Service Unavailable",
            "headers": {
                "Retry-After": {
                    "schema": {"type": "string"},
                    "description": "Sent with `UNAVAILABLE`."
                }
            },
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["error", "code"],
                        "properties": {
                            "error": {"type": "string", "description": MESSAGE_DESCRIPTION},
                            "code": {"type": "string", "enum": ["UNAVAILABLE"], "description": CODE_DESCRIPTION}
                        }
                    },
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
}

#[test]
fn problem_responses_describe_the_problem_body() {
    let doc = document();
    let op = &doc["paths"]["/admin/products/{id}"]["delete"];
    let responses = &op["responses"];
    let keys: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["204", "401", "404", "409", "429", "503"]);
    assert_eq!(responses["204"], json!({"description": "Deleted"}));
    assert_eq!(
        responses["401"],
        json!({
            "description": "Unauthorized",
            "headers": {
                "WWW-Authenticate": {
                    "schema": {"type": "string"},
                    "description": "Sent with `UNAUTHENTICATED`."
                }
            },
            "content": {
                "application/problem+json": {
                    "schema": {
                        "type": "object",
                        "required": ["type", "title", "status", "detail", "code"],
                        "properties": {
                            "type": {
                                "type": "string",
                                "enum": ["https://errors.example/UNAUTHENTICATED"],
                                "description": "The problem type (RFC 9457 §3.1.1)."
                            },
                            "title": {
                                "type": "string",
                                "enum": ["Unauthorized"],
                                "description": "The reason phrase of the status."
                            },
                            "status": {
                                "type": "integer",
                                "enum": [401],
                                "description": "The response status."
                            },
                            "detail": {"type": "string", "description": MESSAGE_DESCRIPTION},
                            "code": {
                                "type": "string",
                                "enum": ["UNAUTHENTICATED"],
                                "description": CODE_DESCRIPTION
                            }
                        }
                    },
                    "examples": {
                        "UNAUTHENTICATED": {
                            "summary": "Unauthenticated",
                            "description": display_note("detail"),
                            "value": {
                                "type": "https://errors.example/UNAUTHENTICATED",
                                "title": "Unauthorized",
                                "status": 401,
                                "detail": "Unauthorized",
                                "code": "UNAUTHENTICATED"
                            }
                        }
                    }
                }
            }
        })
    );
    let not_found = &responses["404"]["content"]["application/problem+json"];
    assert_eq!(
        not_found["schema"]["properties"]["type"]["enum"],
        json!([
            "https://errors.example/PRODUCT_NOT_FOUND",
            "https://errors.example/PRODUCT_DELETED"
        ])
    );
    assert_eq!(
        not_found["schema"]["required"],
        json!(["type", "title", "status", "detail", "code", "id"])
    );
    assert_eq!(
        not_found["examples"]["PRODUCT_DELETED"],
        json!({
            "summary": "Product::Deleted",
            "description": format!("{} The body also carries `id`, `deleted_at`.", display_note("detail")),
            "value": {
                "type": "https://errors.example/PRODUCT_DELETED",
                "title": "Not Found",
                "status": 404,
                "detail": "Not Found",
                "code": "PRODUCT_DELETED"
            }
        })
    );
    assert_eq!(
        responses["409"]["content"]["application/problem+json"]["examples"]["ROW_LOCKED"]["summary"],
        "Product::Db::RowLocked"
    );
}

/// Each example is the body the type really sends, apart from the `Display` text and the
/// exposed fields, which only an instance has.
#[test]
fn examples_match_real_bodies() {
    let doc = document();
    let examples = &doc["paths"]["/admin/products/{id}"]["delete"]["responses"]["503"]["content"]["application/problem+json"]
        ["examples"];
    let sent =
        serde_json::to_value(AdminError::from(ProductError::from(DbError::Unavailable)).problem())
            .unwrap();
    assert_eq!(examples["UNAVAILABLE"]["value"], sent);

    let examples = &doc["paths"]["/products/{id}"]["get"]["responses"]["429"]["content"]["application/json"]
        ["examples"];
    let sent = serde_json::to_value(ProductError::RateLimited.body()).unwrap();
    assert_eq!(examples["RATE_LIMITED"]["value"], sent);
}

/// The impl is callable directly too, without a document.
#[test]
fn into_responses_is_implemented() {
    use utoipa::IntoResponses;
    let responses = DbError::responses();
    let keys: Vec<&String> = responses.keys().collect();
    assert_eq!(keys, ["409", "503"]);
    assert!(status::openapi::responses::<DbError>() == responses);
}
