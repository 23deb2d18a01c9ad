//! The whole service speaks one error format: what axum and actix-web answer by themselves
//! (a bad path, query or body, an unknown route, a wrong method, a body over the limit, a
//! panic, a timeout) comes back as `FrameworkError` in the service's format, with the same
//! status and code on both, and every error (the service's own too) carries a request id
//! that matches its `x-request-id` header and its `tracing` event. One table, two servers.

#![cfg(all(feature = "axum", feature = "actix-web", feature = "tracing"))]

mod support;

use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use serde_json::Value;
use support::Reply;
use support::capture::{capture, lines};

/// A body the handlers read: an order with lines.
#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)] // read by serde only
struct Order {
    name: String,
    lines: Vec<Line>,
}

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)] // read by serde only
struct Line {
    price: u64,
}

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)] // read by serde only
struct Search {
    q: String,
    limit: u32,
}

/// The body limit both servers set: a body over it is a 413.
const LIMIT: usize = 1024;

/// How long a handler may run: `/slow` runs longer.
const TIMEOUT: Duration = Duration::from_millis(300);

fn axum_server() -> SocketAddr {
    use axum::routing::{get, post};
    use status::axum::{ErrorLayer, Json, Path, Query};

    async fn item(Path(id): Path<u64>) -> Json<u64> {
        Json(id)
    }
    async fn create(Json(order): Json<Order>) -> Json<usize> {
        Json(order.lines.len())
    }
    async fn search(Query(search): Query<Search>) -> Json<u32> {
        Json(search.limit)
    }
    async fn panics() -> Json<u8> {
        panic!("the handler's secret: hunter2")
    }
    async fn slow() -> Json<u8> {
        tokio::time::sleep(Duration::from_secs(10)).await;
        Json(0)
    }
    async fn mine() -> Result<Json<u8>, support::ShopError> {
        Err(support::ShopError::NotFound { id: 42 })
    }
    async fn mine_5xx() -> Result<Json<u8>, support::ShopError> {
        Err(support::ShopError::Database(support::db_error()))
    }

    serve_axum(
        axum::Router::new()
            .route("/items/{id}", get(item))
            .route("/items", post(create))
            .route("/search", get(search))
            .route("/panic", get(panics))
            .route("/slow", get(slow))
            .route("/mine", get(mine))
            .route("/mine-5xx", get(mine_5xx))
            .layer(axum::extract::DefaultBodyLimit::max(LIMIT))
            .layer(tower_http::timeout::TimeoutLayer::with_status_code(
                axum::http::StatusCode::REQUEST_TIMEOUT,
                TIMEOUT,
            ))
            .layer(ErrorLayer::new()),
    )
}

fn serve_axum(app: axum::Router) -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            tx.send(listener.local_addr().expect("address"))
                .expect("send address");
            axum::serve(listener, app).await.expect("serve");
        });
    });
    rx.recv().expect("server address")
}

fn actix_server() -> SocketAddr {
    use actix_web::{App, HttpServer, web};
    use status::actix::ErrorLayer;

    async fn item(id: web::Path<u64>) -> web::Json<u64> {
        web::Json(id.into_inner())
    }
    async fn create(order: web::Json<Order>) -> web::Json<usize> {
        web::Json(order.lines.len())
    }
    async fn search(search: web::Query<Search>) -> web::Json<u32> {
        web::Json(search.limit)
    }
    async fn panics() -> web::Json<u8> {
        panic!("the handler's secret: hunter2")
    }
    async fn slow() -> web::Json<u8> {
        actix_web::rt::time::sleep(Duration::from_secs(10)).await;
        web::Json(0)
    }
    async fn mine() -> Result<web::Json<u8>, support::ShopError> {
        Err(support::ShopError::NotFound { id: 42 })
    }
    async fn mine_5xx() -> Result<web::Json<u8>, support::ShopError> {
        Err(support::ShopError::Database(support::db_error()))
    }

    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = HttpServer::new(|| {
                App::new()
                    .app_data(web::JsonConfig::default().limit(LIMIT))
                    .service(web::resource("/items/{id}").route(web::get().to(item)))
                    .service(web::resource("/items").route(web::post().to(create)))
                    .route("/search", web::get().to(search))
                    .route("/panic", web::get().to(panics))
                    .route("/slow", web::get().to(slow))
                    .route("/mine", web::get().to(mine))
                    .route("/mine-5xx", web::get().to(mine_5xx))
                    .wrap(ErrorLayer::new().timeout(TIMEOUT))
            })
            .workers(1)
            .disable_signals()
            .bind(("127.0.0.1", 0))
            .expect("bind");
            tx.send(server.addrs()[0]).expect("send address");
            server.run().await.expect("serve");
        });
    });
    rx.recv().expect("server address")
}

/// One request, and what must come back on both servers.
struct Row {
    method: &'static str,
    path: &'static str,
    content_type: Option<&'static str>,
    body: &'static str,
    status: u16,
    code: &'static str,
    /// The exact `error` member, where both frameworks say the same.
    message: Option<&'static str>,
}

const fn row(method: &'static str, path: &'static str, status: u16, code: &'static str) -> Row {
    Row {
        method,
        path,
        content_type: None,
        body: "",
        status,
        code,
        message: None,
    }
}

const fn json(body: &'static str, status: u16, code: &'static str) -> Row {
    Row {
        content_type: Some("application/json"),
        body,
        ..row("POST", "/items", status, code)
    }
}

const TOO_LARGE: &str = concat!(
    r#"{"name":""#,
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    r#"","lines":[]}"#,
);

/// Every framework error, and the service's own errors beside them.
const TABLE: &[Row] = &[
    row("GET", "/items/abc", 400, "INVALID_PATH"),
    row("GET", "/search?q=shoes&limit=many", 400, "INVALID_QUERY"),
    json(r#"{"name": "a", "lines": ["#, 400, "MALFORMED_JSON"),
    Row {
        content_type: Some("text/plain"),
        message: Some("expected a JSON body, with content-type: application/json"),
        ..json(r#"{"name":"a","lines":[]}"#, 415, "UNSUPPORTED_MEDIA_TYPE")
    },
    json(
        r#"{"name":"a","lines":[{"price":1},{"price":"x"}]}"#,
        422,
        "INVALID_BODY",
    ),
    Row {
        message: Some("the request body is larger than this server accepts"),
        ..json(TOO_LARGE, 413, "CONTENT_TOO_LARGE")
    },
    Row {
        message: Some("no route for GET /nope"),
        ..row("GET", "/nope", 404, "NOT_FOUND")
    },
    Row {
        message: Some("DELETE is not allowed on this resource"),
        ..row("DELETE", "/items/1", 405, "METHOD_NOT_ALLOWED")
    },
    Row {
        message: Some("Internal Server Error"),
        ..row("GET", "/panic", 500, "INTERNAL_SERVER_ERROR")
    },
    Row {
        message: Some("the request took too long to answer"),
        ..row("GET", "/slow", 408, "REQUEST_TIMEOUT")
    },
    Row {
        message: Some("product 42 not found"),
        ..row("GET", "/mine", 404, "PRODUCT_NOT_FOUND")
    },
    Row {
        message: Some("Internal Server Error"),
        ..row("GET", "/mine-5xx", 500, "DATABASE")
    },
];

async fn send(addr: SocketAddr, row: &Row, headers: &[(&str, &str)]) -> Reply {
    let mut all: Vec<(&str, &str)> = headers.to_vec();
    if let Some(content_type) = row.content_type {
        all.push(("content-type", content_type));
    }
    support::request(addr, row.method, row.path, &all, row.body).await
}

/// The body as JSON, after checking what every error response shares: status, the
/// plain format, a request id in the header and the same in the body.
fn checked(row: &Row, reply: &Reply) -> Value {
    let what = format!("{} {}: {reply:?}", row.method, row.path);
    assert_eq!(reply.status, row.status, "{what}");
    assert_eq!(
        reply.header("content-type"),
        Some("application/json"),
        "{what}"
    );
    assert_eq!(reply.header("vary"), Some("accept"), "{what}");
    let body: Value = serde_json::from_str(&reply.body).expect("a JSON body");
    assert_eq!(body["code"], row.code, "{what}");
    let id = reply.header("x-request-id").expect("an x-request-id");
    assert_eq!(body["request_id"], id, "{what}");
    assert_eq!(id.len(), 32, "{what}");
    if let Some(message) = row.message {
        assert_eq!(body["error"], message, "{what}");
    } else {
        assert!(
            body["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{what}"
        );
    }
    body
}

async fn check_table(addr: SocketAddr, field_pointer: &str, allow: &str) {
    for row in TABLE {
        let reply = send(addr, row, &[]).await;
        let body = checked(row, &reply);
        // In the order sent: the message, the code, the request id, then exposed fields.
        let head = format!(
            r#"{{"error":{},"code":"{}","request_id":{}"#,
            body["error"], row.code, body["request_id"]
        );
        assert!(reply.body.starts_with(&head), "{}", reply.body);
        let mut members: Vec<&str> = body
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        members.sort_unstable();
        match row.code {
            "INVALID_BODY" => {
                assert_eq!(members, ["code", "error", "errors", "request_id"]);
                assert_eq!(body["errors"][0]["pointer"], field_pointer, "{body}");
                let detail = body["errors"][0]["detail"].as_str().unwrap_or_default();
                assert!(
                    detail.starts_with("invalid type: string \"x\", expected u64"),
                    "{detail}"
                );
            }
            "PRODUCT_NOT_FOUND" => {
                assert_eq!(members, ["code", "error", "id", "request_id"]);
            }
            "METHOD_NOT_ALLOWED" => {
                assert_eq!(members, ["code", "error", "request_id"]);
                assert_eq!(reply.header("allow"), Some(allow), "{reply:?}");
            }
            _ => assert_eq!(members, ["code", "error", "request_id"], "{body}"),
        }
    }
}

#[tokio::test]
async fn axum_answers_every_framework_error_in_the_format() {
    check_table(axum_server(), "#/lines/1/price", "GET,HEAD").await;
}

#[tokio::test]
async fn actix_answers_every_framework_error_in_the_format() {
    // actix-web does not say which field a body's error is at; serde's message does.
    check_table(actix_server(), "#", "GET").await;
}

/// A panicking handler answers 500 in the format, its message only in the log, and the
/// server goes on serving; the `tracing` event of the 500 carries the request id.
async fn check_panic(addr: SocketAddr) {
    capture();
    for _ in 0..3 {
        let reply = send(
            addr,
            &row("GET", "/panic", 500, "INTERNAL_SERVER_ERROR"),
            &[],
        )
        .await;
        assert!(!reply.body.contains("hunter2"), "{}", reply.body);
        let id = reply.header("x-request-id").expect("an id");
        let events = lines(id);
        assert_eq!(events.len(), 1, "{events:#?}");
        assert!(
            events[0].starts_with(
                "ERROR server error response status=500 code=INTERNAL_SERVER_ERROR error=the server failed: the handler panicked: the handler's secret: hunter2 request_id="
            ),
            "{events:#?}"
        );
        let ok = support::send(addr, "GET", "/items/7").await;
        assert_eq!((ok.status, ok.body.as_str()), (200, "7"));
    }
}

#[tokio::test]
async fn axum_survives_a_panic() {
    check_panic(axum_server()).await;
}

#[tokio::test]
async fn actix_survives_a_panic() {
    check_panic(actix_server()).await;
}

/// A client's valid `x-request-id` is kept, on the header, in the body and on the event of
/// the service's own 5xx.
async fn check_request_id_kept(addr: SocketAddr, id: &str) {
    capture();
    let row = &TABLE[TABLE.len() - 1];
    let reply = send(addr, row, &[("x-request-id", id)]).await;
    assert_eq!(reply.header("x-request-id"), Some(id));
    assert_eq!(
        reply.body,
        format!(r#"{{"error":"Internal Server Error","code":"DATABASE","request_id":"{id}"}}"#)
    );
    let events = lines(&format!("request_id={id}"));
    assert_eq!(events.len(), 1, "{events:#?}");
    assert!(
        events[0].starts_with("ERROR server error response status=500 code=DATABASE error=database error: connection to db.internal:5432 refused"),
        "{events:#?}"
    );
}

#[tokio::test]
async fn axum_keeps_a_valid_request_id() {
    check_request_id_kept(axum_server(), "checkout-7f3a.axum").await;
}

#[tokio::test]
async fn actix_keeps_a_valid_request_id() {
    check_request_id_kept(actix_server(), "checkout-7f3a.actix").await;
}

/// Sends `GET /nope` with `x-request-id: {id}` over a bare socket: every byte back.
fn raw_with_id(addr: SocketAddr, id: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let mut request = format!("GET /nope HTTP/1.1\r\nHost: {addr}\r\nx-request-id: ").into_bytes();
    request.extend_from_slice(id);
    request.extend_from_slice(b"\r\nConnection: close\r\n\r\n");
    stream.write_all(&request).expect("write");
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).expect("read");
    String::from_utf8_lossy(&bytes).into_owned()
}

/// An `x-request-id` that is 10 KB, has a space or is not ASCII is replaced by a new one.
/// One with a CR or another control never reaches the app: the server's HTTP parser
/// answers 400 first, and nothing of it is echoed.
fn check_request_id_replaced(addr: SocketAddr) {
    let long = "a".repeat(10 * 1024);
    for id in [long.as_bytes(), b"two words", "caf\u{e9}".as_bytes()] {
        let wire = raw_with_id(addr, id);
        let sent = wire
            .lines()
            .find_map(|line| line.strip_prefix("x-request-id: "))
            .unwrap_or_else(|| panic!("no x-request-id: {wire}"));
        assert_eq!(sent.len(), 32, "{wire}");
        assert!(sent.bytes().all(|b| b.is_ascii_hexdigit()), "{wire}");
        assert!(
            wire.ends_with(&format!(r#""request_id":"{sent}"}}"#)),
            "{wire}"
        );
    }
    for id in [&b"ab\rSet-Cookie: x=1"[..], b"ab\x01cd"] {
        let wire = raw_with_id(addr, id);
        assert!(wire.starts_with("HTTP/1.1 400 Bad Request\r\n"), "{wire}");
        assert!(
            !wire.contains("Set-Cookie") && !wire.contains("x-request-id"),
            "{wire}"
        );
    }
}

#[test]
fn axum_replaces_an_invalid_request_id() {
    check_request_id_replaced(axum_server());
}

#[test]
fn actix_replaces_an_invalid_request_id() {
    check_request_id_replaced(actix_server());
}

/// `Accept` chooses the body: problem details when it prefers them, the plain body when it
/// prefers that, the type's format otherwise; a success is left alone.
async fn check_negotiation(addr: SocketAddr) {
    let mine = &TABLE[TABLE.len() - 2];
    let reply = send(addr, mine, &[("accept", "application/problem+json")]).await;
    let id = reply.header("x-request-id").expect("an id").to_owned();
    assert_eq!(
        (
            reply.status,
            reply.header("content-type"),
            reply.header("vary")
        ),
        (404, Some("application/problem+json"), Some("accept"))
    );
    assert_eq!(
        reply.body,
        format!(
            r#"{{"type":"about:blank","title":"Not Found","status":404,"detail":"product 42 not found","code":"PRODUCT_NOT_FOUND","request_id":"{id}","id":42}}"#
        )
    );
    let framework = row("GET", "/nope", 404, "NOT_FOUND");
    let reply = send(
        addr,
        &framework,
        &[("accept", "application/problem+json, application/json;q=0.5")],
    )
    .await;
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+json")
    );
    for accept in ["application/json", "*/*", "text/html"] {
        let reply = send(addr, mine, &[("accept", accept)]).await;
        assert_eq!(
            reply.header("content-type"),
            Some("application/json"),
            "{accept}"
        );
    }
    let ok = support::request(
        addr,
        "GET",
        "/items/7",
        &[("accept", "application/problem+json")],
        "",
    )
    .await;
    assert_eq!((ok.status, ok.header("vary")), (200, None));
    assert!(ok.header("x-request-id").is_some());
}

#[tokio::test]
async fn axum_negotiates_the_format() {
    check_negotiation(axum_server()).await;
}

#[tokio::test]
async fn actix_negotiates_the_format() {
    check_negotiation(actix_server()).await;
}
