//! A bounded load run on loopback: an axum server answering every request with a derived
//! error, and the same server answering with a hand-written `IntoResponse` error, in one run.
//!
//! ```text
//! cargo bench --bench load                  # 200,000 requests over 64 connections per side
//! LOAD_REQUESTS=20000 cargo bench --bench load
//! ```
//!
//! Every response is checked (status line, `content-type`, the exact body), connection
//! errors are counted, and the process's resident memory is read after a warm-up and after
//! the run. The server and the client share the process and its two cores, each on its own
//! single-threaded runtime. `benches/framework_load.rs` is the same for the error layer.

#![allow(clippy::cast_precision_loss)] // request counts and KiB are far below 2^52

mod support;

use axum::Router;
use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http_body_util::Full;
use hyper::body::Bytes;
use status::ApiError;
use support::{Check, Make, alternate, resident_kib, serve};

#[derive(Debug, thiserror::Error, ApiError)]
pub enum ShopError {
    #[error("product {id} not found")]
    #[status(404, code = "PRODUCT_NOT_FOUND")]
    NotFound {
        #[status(expose)]
        id: u64,
    },
    #[error("slow down")]
    #[status(429, code = "RATE_LIMITED", retry_after = 60)]
    RateLimited,
    #[error("database error: password=hunter2 at 10.0.0.7")]
    #[status(500, code = "INTERNAL")]
    Database,
}

/// The same three errors, written by hand the usual way.
pub enum HandError {
    NotFound { id: u64 },
    RateLimited,
    Database,
}

#[derive(serde::Serialize)]
struct HandBody {
    error: String,
    code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<u64>,
}

impl IntoResponse for HandError {
    fn into_response(self) -> Response {
        use axum::http::{HeaderValue, StatusCode, header};
        let (status, body) = match self {
            HandError::NotFound { id } => (
                StatusCode::NOT_FOUND,
                HandBody {
                    error: format!("product {id} not found"),
                    code: "PRODUCT_NOT_FOUND",
                    id: Some(id),
                },
            ),
            HandError::RateLimited => (
                StatusCode::TOO_MANY_REQUESTS,
                HandBody {
                    error: "slow down".to_string(),
                    code: "RATE_LIMITED",
                    id: None,
                },
            ),
            HandError::Database => (
                StatusCode::INTERNAL_SERVER_ERROR,
                HandBody {
                    error: "Internal Server Error".to_string(),
                    code: "INTERNAL",
                    id: None,
                },
            ),
        };
        let retry = matches!(body.code, "RATE_LIMITED");
        let mut response = (
            status,
            [(header::CONTENT_TYPE, "application/json")],
            serde_json::to_vec(&body).unwrap_or_default(),
        )
            .into_response();
        if retry {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
        }
        response
    }
}

fn which(n: u64) -> u64 {
    n % 3
}

async fn derived(Path(n): Path<u64>) -> Result<(), ShopError> {
    Err(match which(n) {
        0 => ShopError::NotFound { id: n },
        1 => ShopError::RateLimited,
        _ => ShopError::Database,
    })
}

async fn hand(Path(n): Path<u64>) -> Result<(), HandError> {
    Err(match which(n) {
        0 => HandError::NotFound { id: n },
        1 => HandError::RateLimited,
        _ => HandError::Database,
    })
}

fn expected(n: u64) -> (u16, String) {
    match which(n) {
        0 => (
            404,
            format!(r#"{{"error":"product {n} not found","code":"PRODUCT_NOT_FOUND","id":{n}}}"#),
        ),
        1 => (
            429,
            r#"{"error":"slow down","code":"RATE_LIMITED"}"#.to_owned(),
        ),
        _ => (
            500,
            r#"{"error":"Internal Server Error","code":"INTERNAL"}"#.to_owned(),
        ),
    }
}

fn request(prefix: &str, n: u64) -> hyper::Request<Full<Bytes>> {
    hyper::Request::get(format!("{prefix}/{n}"))
        .header("host", "bench")
        .body(Full::new(Bytes::new()))
        .expect("request")
}

const DERIVED: Make = |n| request("/derived", n);
const HAND: Make = |n| request("/hand", n);
const CHECK: Check = |n, parts, body| {
    let (status, want) = expected(n);
    parts.status.as_u16() == status
        && parts
            .headers
            .get("content-type")
            .is_some_and(|v| v == "application/json")
        && body == want.as_bytes()
};

fn main() {
    let total: u64 = std::env::var("LOAD_REQUESTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200_000);
    let connections = 64;
    let addr = serve(
        Router::new()
            .route("/derived/{n}", get(derived))
            .route("/hand/{n}", get(hand)),
    );
    let client = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let local = tokio::task::LocalSet::new();
    local.block_on(&client, async move {
        // The warm-up is the run itself, unmeasured: every connection's buffers and the
        // allocator's arenas reach the run's steady state, so growth after it is a leak.
        alternate([(addr, DERIVED, CHECK), (addr, HAND, CHECK)], total, connections).await;
        let warm = resident_kib();
        println!("requests per side: {total} over {connections} connections; resident after warm-up: {warm} KiB");
        println!("| server | requests | wrong responses | connection errors | seconds | requests/s | RSS after (KiB) |");
        println!("|---|---|---|---|---|---|---|");
        let results = alternate([(addr, DERIVED, CHECK), (addr, HAND, CHECK)], total, connections).await;
        let after = resident_kib();
        for (name, r) in [("derived `ApiError`", results[0]), ("hand-written `IntoResponse`", results[1])] {
            println!(
                "| {name} | {} | {} | {} | {:.2} | {:.0} | {after} |",
                r.requests,
                r.wrong,
                r.connection_errors,
                r.elapsed.as_secs_f64(),
                r.per_second()
            );
        }
        println!("throughput derived / hand-written: {:.3}", results[0].per_second() / results[1].per_second());
        println!("resident memory after / after warm-up: {:.3}", after as f64 / warm as f64);
        let ok = results.iter().all(|r| r.wrong == 0 && r.connection_errors == 0 && r.requests == total)
            && after * 10 <= warm * 11;
        if !ok {
            eprintln!("load run FAILED: wrong responses, connection errors, or memory grew over 10%");
            std::process::exit(1);
        }
    });
}
