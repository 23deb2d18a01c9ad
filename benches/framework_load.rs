//! The products example under load, with `status::axum::ErrorLayer` and without it: the
//! layer's cost, and that every response is right under load.
//!
//! ```text
//! cargo bench --bench framework_load          # 200,000 requests over 64 connections per side
//! LOAD_REQUESTS=20000 cargo bench --bench framework_load
//! ```
//!
//! The requests cycle through a success and every kind of error the example sends: its own
//! (404, 401, 403, 500) and axum's (a bad path, a bad query, a body that is not JSON, not
//! JSON at all, of the wrong shape or too large, an unknown route, a wrong method). Every
//! response is checked whole: with the layer its status, `content-type`, `x-request-id` and
//! exact body with its request id; without it its status and exact body (axum's 404 and 405
//! are empty). A panicking handler is a third run, with the layer only: without it a panic
//! drops the connection.

#![allow(clippy::cast_precision_loss)] // request counts and KiB are far below 2^52

#[allow(dead_code, unreachable_pub, clippy::pedantic)]
#[path = "../examples/products.rs"]
mod products;
mod support;

use http_body_util::Full;
use hyper::body::Bytes;
use support::{Check, Make, alternate, drive, resident_kib, serve};

/// One request of the cycle: method, path, content type, body, and for the layer's server
/// the status and body (with `{id}` for the request id).
type Kind = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u16,
    &'static str,
);

const OVERSIZE: &str = match std::str::from_utf8(&[b'x'; products::BODY_LIMIT + 1]) {
    Ok(text) => text,
    Err(_) => "",
};

const CYCLE: &[Kind] = &[
    (
        "GET",
        "/products/1",
        "",
        "",
        200,
        r#"{"id":1,"sku":"WIDGET-1","name":"Widget","price_cents":1999}"#,
    ),
    (
        "GET",
        "/products/42",
        "",
        "",
        404,
        r#"{"error":"product 42 not found","code":"PRODUCT_NOT_FOUND","request_id":"{id}","id":42}"#,
    ),
    (
        "GET",
        "/products/abc",
        "",
        "",
        400,
        r#"{"error":"invalid path parameter: Cannot parse `abc` to a `u64`","code":"INVALID_PATH","request_id":"{id}"}"#,
    ),
    (
        "GET",
        "/products?limit=many",
        "",
        "",
        400,
        r#"{"error":"invalid query string: limit: invalid digit found in string","code":"INVALID_QUERY","request_id":"{id}"}"#,
    ),
    (
        "PUT",
        "/products/1",
        "application/json",
        "{",
        400,
        r#"{"error":"the request body is not valid JSON: EOF while parsing an object at line 1 column 1","code":"MALFORMED_JSON","request_id":"{id}"}"#,
    ),
    (
        "PUT",
        "/products/1",
        "text/plain",
        "{}",
        415,
        r#"{"error":"expected a JSON body, with content-type: application/json","code":"UNSUPPORTED_MEDIA_TYPE","request_id":"{id}"}"#,
    ),
    (
        "PUT",
        "/products/1",
        "application/json",
        r#"{"sku":"A-1","name":"a","price_cents":"x"}"#,
        422,
        r##"{"error":"the request body does not have the expected shape: invalid type: string \"x\", expected u64 at line 1 column 41","code":"INVALID_BODY","request_id":"{id}","errors":[{"detail":"invalid type: string \"x\", expected u64 at line 1 column 41","pointer":"#/price_cents"}]}"##,
    ),
    (
        "PUT",
        "/products/1",
        "application/json",
        OVERSIZE,
        413,
        r#"{"error":"the request body is larger than this server accepts","code":"CONTENT_TOO_LARGE","request_id":"{id}"}"#,
    ),
    (
        "GET",
        "/admin/products",
        "",
        "",
        401,
        r#"{"error":"a bearer token is required","code":"MISSING_TOKEN","request_id":"{id}"}"#,
    ),
    (
        "GET",
        "/reports/sales",
        "",
        "",
        500,
        r#"{"error":"Internal Server Error","code":"DATABASE_ERROR","request_id":"{id}"}"#,
    ),
    (
        "GET",
        "/nope",
        "",
        "",
        404,
        r#"{"error":"no route for GET /nope","code":"NOT_FOUND","request_id":"{id}"}"#,
    ),
    (
        "PATCH",
        "/products/1",
        "",
        "",
        405,
        r#"{"error":"PATCH is not allowed on this resource","code":"METHOD_NOT_ALLOWED","request_id":"{id}"}"#,
    ),
];

const PANIC: Kind = (
    "GET",
    "/reports/inventory",
    "",
    "",
    500,
    r#"{"error":"Internal Server Error","code":"INTERNAL_SERVER_ERROR","request_id":"{id}"}"#,
);

fn kind(n: u64) -> &'static Kind {
    // The remainder is below the cycle's length: it fits.
    &CYCLE[usize::try_from(n % CYCLE.len() as u64).unwrap_or(0)]
}

fn request(kind: &Kind, n: u64) -> hyper::Request<Full<Bytes>> {
    let (method, path, content_type, body, ..) = *kind;
    let mut request = hyper::Request::builder()
        .method(method)
        .uri(path)
        .header("host", "bench")
        .header("x-request-id", format!("load-{n}"));
    if !content_type.is_empty() {
        request = request.header("content-type", content_type);
    }
    request
        .body(Full::new(Bytes::from_static(body.as_bytes())))
        .expect("request")
}

/// Status, JSON, the id echoed, and the exact body.
fn whole(kind: &Kind, n: u64, parts: &hyper::http::response::Parts, body: &[u8]) -> bool {
    let id = format!("load-{n}");
    parts.status.as_u16() == kind.4
        && parts
            .headers
            .get("content-type")
            .is_some_and(|v| v == "application/json")
        && parts
            .headers
            .get("x-request-id")
            .is_some_and(|v| v == id.as_str())
        && body == kind.5.replace("{id}", &id).as_bytes()
}

/// Without the layer: the status, and the exact body, made as [`whole`] makes it (so that
/// the client does the same work for both servers).
fn bare(kind: &Kind, n: u64, parts: &hyper::http::response::Parts, body: &[u8]) -> bool {
    let id = format!("load-{n}");
    let expected = match kind.4 {
        // axum's own: no body.
        404 | 405 if kind.1 != "/products/42" => String::new(),
        _ => kind
            .5
            .replace(r#","request_id":"{id}""#, "")
            .replace("{id}", &id),
    };
    parts.status.as_u16() == kind.4 && body == expected.as_bytes()
}

const LAYER: Make = |n| request(kind(n), n);
const CHECK_LAYER: Check = |n, parts, body| whole(kind(n), n, parts, body);
const CHECK_BARE: Check = |n, parts, body| bare(kind(n), n, parts, body);
const PANICS: Make = |n| request(&PANIC, n);
const CHECK_PANIC: Check = |n, parts, body| whole(&PANIC, n, parts, body);

fn main() {
    let total: u64 = std::env::var("LOAD_REQUESTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200_000);
    let connections = 64;
    // The panics are on purpose: not a line of stderr each.
    std::panic::set_hook(Box::new(|_| {}));
    let with = serve(products::app());
    let without = serve(products::routes());
    let client = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let local = tokio::task::LocalSet::new();
    local.block_on(&client, async move {
        // The warm-up is the run itself, unmeasured: every connection's buffers and the
        // allocator's arenas reach the run's steady state, so growth after it is a leak.
        // The first unwinds allocate the unwinder's one-time tables: the panics too.
        alternate([(with, LAYER, CHECK_LAYER), (without, LAYER, CHECK_BARE)], total, connections).await;
        drive(with, total / 10, connections, PANICS, CHECK_PANIC).await;
        let warm = resident_kib();
        println!("requests per side: {total} over {connections} connections, cycling {} kinds; resident after warm-up: {warm} KiB", CYCLE.len());
        let results = alternate([(with, LAYER, CHECK_LAYER), (without, LAYER, CHECK_BARE)], total, connections).await;
        let panics = drive(with, total / 10, connections, PANICS, CHECK_PANIC).await;
        let after = resident_kib();
        println!("| server | requests | wrong responses | connection errors | seconds | requests/s |");
        println!("|---|---|---|---|---|---|");
        for (name, r) in [("with `ErrorLayer`", results[0]), ("without", results[1]), ("with `ErrorLayer`, every handler panicking", panics)] {
            println!(
                "| {name} | {} | {} | {} | {:.2} | {:.0} |",
                r.requests,
                r.wrong,
                r.connection_errors,
                r.elapsed.as_secs_f64(),
                r.per_second()
            );
        }
        let ratio = results[0].per_second() / results[1].per_second();
        println!("throughput with / without the layer: {ratio:.3}");
        println!("resident memory after / after warm-up: {:.3} ({after} KiB)", after as f64 / warm as f64);
        let ok = results.iter().chain([&panics]).all(|r| r.wrong == 0 && r.connection_errors == 0)
            && after * 10 <= warm * 11;
        if !ok {
            eprintln!("load run FAILED: wrong responses, connection errors, or memory grew over 10%");
            std::process::exit(1);
        }
    });
}
