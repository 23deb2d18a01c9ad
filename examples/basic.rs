//! Framework-free: the error set of the REST status-code guide, and what each variant sends.
//!
//! ```text
//! cargo run --example basic
//! ```

use status::ApiError;

/// The guide's 4xx and 5xx tables as one error type.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum GuideError {
    #[error("request body is not valid JSON: {0}")]
    #[status(400)]
    MalformedJson(String),

    #[error("missing or invalid token")]
    #[status(
        401,
        code = "UNAUTHENTICATED",
        www_authenticate = "Bearer realm=\"api\""
    )]
    Unauthenticated,

    #[error("admins only")]
    #[status(403)]
    Forbidden,

    #[error("product {id} not found")]
    #[status(404, code = "PRODUCT_NOT_FOUND")]
    ProductNotFound {
        #[status(expose)]
        id: u64,
    },

    #[error("{method} is not allowed here")]
    #[status(405, allow = "GET, POST")]
    MethodNotAllowed { method: &'static str },

    #[error("a product named {name:?} already exists")]
    #[status(409, code = "DUPLICATE_PRODUCT")]
    Duplicate {
        #[status(expose)]
        name: String,
    },

    #[error("price must be positive, got {price}")]
    #[status(422, code = "INVALID_PRICE")]
    InvalidPrice {
        #[status(expose)]
        price: i64,
    },

    #[error("rate limit exceeded")]
    #[status(429, code = "RATE_LIMITED", retry_after = 60)]
    RateLimited,

    #[error("database error: {0}")]
    #[status(500, code = "INTERNAL")]
    Database(String),

    #[error("payment service returned {0}")]
    #[status(502, code = "UPSTREAM_FAILED")]
    Upstream(u16),

    #[error("maintenance until 03:00")]
    #[status(503, retry_after = 600, expose)]
    Maintenance,

    #[error("inventory service did not answer in {0} ms")]
    #[status(504, code = "UPSTREAM_TIMEOUT")]
    UpstreamTimeout(u64),
}

fn main() {
    let errors = [
        GuideError::MalformedJson("expected a comma at line 1".into()),
        GuideError::Unauthenticated,
        GuideError::Forbidden,
        GuideError::ProductNotFound { id: 42 },
        GuideError::MethodNotAllowed { method: "PATCH" },
        GuideError::Duplicate {
            name: "Desk".into(),
        },
        GuideError::InvalidPrice { price: -5 },
        GuideError::RateLimited,
        GuideError::Database("connection to postgres://admin:s3cret@db:5432 refused".into()),
        GuideError::Upstream(500),
        GuideError::Maintenance,
        GuideError::UpstreamTimeout(3000),
    ];
    println!("| variant | status | code | headers | body | problem |");
    println!("|---|---|---|---|---|---|");
    for error in &errors {
        let variant = format!("{error:?}");
        let variant = variant.split([' ', '(', '{']).next().unwrap_or_default();
        let headers: Vec<String> = status::collect_headers(error)
            .into_iter()
            .map(|(name, value)| format!("{name}: {value}"))
            .collect();
        println!(
            "| {variant} | {} | {} | {} | `{}` | `{}` |",
            error.status(),
            error.code(),
            headers.join("; "),
            to_json(&error.body()),
            to_json(&error.problem()),
        );
    }
}

fn to_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|err| format!("<{err}>"))
}
