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
//! single-threaded runtime.

#![allow(clippy::cast_precision_loss)] // request counts and KiB are far below 2^52

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http_body_util::{BodyExt as _, Empty};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use status::ApiError;

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

fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

struct Outcome {
    requests: u64,
    wrong: u64,
    connection_errors: u64,
    elapsed: Duration,
}

/// `total` requests over `connections` keep-alive HTTP/1 connections to `prefix`.
async fn drive(addr: SocketAddr, prefix: &'static str, total: u64, connections: u64) -> Outcome {
    let wrong = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let done = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..connections {
        let (wrong, failed, done) = (wrong.clone(), failed.clone(), done.clone());
        let share = total / connections + u64::from(c < total % connections);
        tasks.push(tokio::task::spawn_local(async move {
            let Ok(stream) = tokio::net::TcpStream::connect(addr).await else {
                failed.fetch_add(share, Ordering::Relaxed);
                return;
            };
            let Ok((mut sender, conn)) =
                hyper::client::conn::http1::handshake(TokioIo::new(stream)).await
            else {
                failed.fetch_add(share, Ordering::Relaxed);
                return;
            };
            tokio::task::spawn_local(conn);
            for i in 0..share {
                let n = c * 1_000_003 + i;
                let request = hyper::Request::get(format!("{prefix}/{n}"))
                    .header("host", "bench")
                    .body(Empty::<Bytes>::new())
                    .expect("request");
                let Ok(response) = sender.send_request(request).await else {
                    failed.fetch_add(share - i, Ordering::Relaxed);
                    return;
                };
                let status = response.status().as_u16();
                let json = response
                    .headers()
                    .get("content-type")
                    .is_some_and(|v| v == "application/json");
                let Ok(body) = response.into_body().collect().await else {
                    failed.fetch_add(share - i, Ordering::Relaxed);
                    return;
                };
                let (want_status, want_body) = expected(n);
                if status != want_status || !json || body.to_bytes() != want_body.as_bytes() {
                    wrong.fetch_add(1, Ordering::Relaxed);
                }
                done.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    for task in tasks {
        let _ = task.await;
    }
    Outcome {
        requests: done.load(Ordering::Relaxed),
        wrong: wrong.load(Ordering::Relaxed),
        connection_errors: failed.load(Ordering::Relaxed),
        elapsed: start.elapsed(),
    }
}

fn main() {
    let total: u64 = std::env::var("LOAD_REQUESTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200_000);
    let connections = 64;

    // The server: its own thread and runtime.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async move {
            let app = Router::new()
                .route("/derived/{n}", get(derived))
                .route("/hand/{n}", get(hand));
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            tx.send(listener.local_addr().expect("addr")).expect("send");
            axum::serve(listener, app).await.expect("serve");
        });
    });
    let addr = rx.recv().expect("server address");

    let client = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let local = tokio::task::LocalSet::new();
    local.block_on(&client, async move {
        drive(addr, "/derived", 20_000, connections).await;
        drive(addr, "/hand", 20_000, connections).await;
        let warm = resident_kib();
        println!("requests per side: {total} over {connections} connections; resident after warm-up: {warm} KiB");
        println!("| server | requests | wrong responses | connection errors | seconds | requests/s | RSS after (KiB) |");
        println!("|---|---|---|---|---|---|---|");
        // Alternate halves so neither side always runs on a warmer machine.
        let mut results = [(0u64, 0u64, 0u64, Duration::ZERO), (0, 0, 0, Duration::ZERO)];
        for round in 0..2 {
            for (side, prefix) in [(0, "/derived"), (1, "/hand")] {
                let prefix = if round == 0 { prefix } else { [ "/hand", "/derived"][side] };
                let side = if round == 0 { side } else { 1 - side };
                let outcome = drive(addr, prefix, total / 2, connections).await;
                let r = &mut results[side];
                r.0 += outcome.requests;
                r.1 += outcome.wrong;
                r.2 += outcome.connection_errors;
                r.3 += outcome.elapsed;
            }
        }
        let after = resident_kib();
        for (name, r) in [("derived `ApiError`", results[0]), ("hand-written `IntoResponse`", results[1])] {
            println!(
                "| {name} | {} | {} | {} | {:.2} | {:.0} | {after} |",
                r.0,
                r.1,
                r.2,
                r.3.as_secs_f64(),
                r.0 as f64 / r.3.as_secs_f64()
            );
        }
        let ratio = (results[0].0 as f64 / results[0].3.as_secs_f64()) / (results[1].0 as f64 / results[1].3.as_secs_f64());
        println!("throughput derived / hand-written: {ratio:.3}");
        println!("resident memory after / after warm-up: {:.3}", after as f64 / warm as f64);
        let ok = results.iter().all(|r| r.1 == 0 && r.2 == 0 && r.0 == total) && after * 10 <= warm * 11;
        if !ok {
            eprintln!("load run FAILED: wrong responses, connection errors, or memory grew over 10%");
            std::process::exit(1);
        }
    });
}
