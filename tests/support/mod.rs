//! What the real-server tests share: the error types every server answers with, the routes
//! that produce them, a real HTTP client (hyper's HTTP/1 client over a TCP socket), a raw
//! socket for byte-exact checks, and the checks themselves, so that axum and actix-web are
//! held to the very same wire.

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use http_body_util::{BodyExt as _, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use status::ApiError;

#[cfg(feature = "tracing")]
pub mod capture;

/// Where the source chain of [`ShopError::Database`] ends.
#[derive(Debug, thiserror::Error)]
#[error("connection to db.internal:5432 refused (user=shop password=hunter2)")]
pub struct DbError {
    #[source]
    pub io: std::io::Error,
}

/// The plain-format fixture: one variant per thing the wire must carry.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum ShopError {
    #[error("product {id} not found")]
    #[status(404, code = "PRODUCT_NOT_FOUND")]
    NotFound {
        #[status(expose)]
        id: u64,
    },

    #[error("a bearer token is required")]
    #[status(401, www_authenticate = "Bearer realm=\"shop\"")]
    Unauthorized,

    #[error("this resource only reads")]
    #[status(405, allow = "GET, HEAD")]
    ReadOnly,

    #[error("slow down")]
    #[status(429, retry_after = 60, header("X-RateLimit-Limit" = "10"))]
    RateLimited,

    #[error("busy for {wait} seconds")]
    #[status(503)]
    Busy {
        #[status(header = "Retry-After")]
        wait: String,
    },

    #[error("quota of {owner} used up")]
    #[status(403)]
    QuotaExceeded {
        #[status(header = "X-Owner")]
        owner: String,
        #[status(expose)]
        limit: u32,
    },

    #[error("price must be positive")]
    #[status(422, code = "INVALID_PRICE")]
    InvalidPrice,

    #[error("the client went away")]
    #[status(499, reason = "Client Closed Request")]
    ClientGone,

    #[error("database error: {0}")]
    #[status(500)]
    Database(#[source] DbError),

    #[error(transparent)]
    #[status(transparent)]
    Payment(#[from] PaymentError),
}

/// The problem-format fixture, also nested in [`ShopError`] and [`Layered`].
#[derive(Debug, thiserror::Error, ApiError)]
#[status(format = "problem", problem_type = "https://shop.example/problems/")]
pub enum PaymentError {
    #[error("card declined: {reason}")]
    #[status(402, code = "CARD_DECLINED")]
    Declined {
        #[status(expose)]
        reason: String,
    },

    #[error("payment gateway at 10.0.0.7 said: {0}")]
    #[status(502, retry_after = 30)]
    Gateway(String),
}

/// A generic wrapper: the adapters carry the impl's generics and bounds.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Layered<E: std::error::Error> {
    #[error(transparent)]
    #[status(transparent)]
    Inner(E),

    #[error("timed out")]
    #[status(504)]
    Timeout,
}

/// The secret every 5xx fixture hides: it must never reach a client.
pub const SECRET: &str = "hunter2";

/// The header value that tries to smuggle a second header into the response.
pub const INJECTION: &str = "10\r\nSet-Cookie: session=stolen";

/// A `Display` that writes a little, then fails on its own.
#[derive(Debug)]
pub struct FailingDisplay;

impl std::fmt::Display for FailingDisplay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("half")?;
        Err(std::fmt::Error)
    }
}

/// A field whose `Serialize` writes a failing `Display` (as `collect_str` does).
#[derive(Debug)]
pub struct FailingSerialize;

impl serde::Serialize for FailingSerialize {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&FailingDisplay)
    }
}

/// A hand-written `ApiError` that says what it likes: any status, reason phrase and
/// headers. The trait is public; the adapters must keep the wire correct anyway.
#[derive(Debug)]
pub struct Rogue {
    pub status: u16,
    pub reason: &'static str,
    pub headers: Vec<(&'static str, String)>,
}

impl std::fmt::Display for Rogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("rogue")
    }
}

impl std::error::Error for Rogue {}

impl ApiError for Rogue {
    const CATALOG: &'static [status::Entry] = &[];

    fn status(&self) -> status::Status {
        status::Status::new(self.status).expect("100..=599")
    }
    fn code(&self) -> &'static str {
        "ROGUE"
    }
    fn message(&self) -> status::Message<'_> {
        status::Message::Display(self)
    }
    fn reason(&self) -> &'static str {
        self.reason
    }
    fn headers(&self, visit: &mut dyn FnMut(&'static str, status::HeaderValue<'_>)) {
        for (name, value) in &self.headers {
            visit(name, status::HeaderValue::Display(value));
        }
    }
}

/// What an audit threw at the adapters: failing `Display`s, a hand-written impl's status,
/// reason phrase and headers through `transparent`, field values a header may not take.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Hostile {
    #[error("bad: {0}")]
    #[status(400)]
    BadDisplay(FailingDisplay),

    #[error("bad field")]
    #[status(422)]
    BadField {
        #[status(expose)]
        field: FailingSerialize,
    },

    #[error(transparent)]
    #[status(transparent)]
    Rogue(Rogue),

    #[error("who are you?")]
    #[status(401)]
    Challenge {
        #[status(header = "WWW-Authenticate")]
        challenge: String,
    },

    #[error("slow down")]
    #[status(429)]
    Big {
        #[status(header = "X-Big")]
        big: String,
    },
}

/// The error each route of the test servers answers with.
pub enum Fixture {
    Shop(ShopError),
    Payment(PaymentError),
    Layered(Layered<PaymentError>),
    Hostile(Hostile),
}

/// A [`Hostile::Rogue`] with `status`, `reason` and `headers`.
fn rogue(status: u16, reason: &'static str, headers: &[(&'static str, &str)]) -> Fixture {
    Fixture::Hostile(Hostile::Rogue(Rogue {
        status,
        reason,
        headers: headers.iter().map(|&(n, v)| (n, v.to_owned())).collect(),
    }))
}

/// Every route both servers serve, with the error it fails with.
pub const ROUTES: &[&str] = &[
    "/not-found",
    "/unauthorized",
    "/read-only",
    "/rate-limited",
    "/injection",
    "/injection-other",
    "/invalid",
    "/client-gone",
    "/database",
    "/nested",
    "/problem",
    "/problem-5xx",
    "/generic",
    "/hostile/display",
    "/hostile/field",
    "/hostile/reason",
    "/hostile/101",
    "/hostile/200",
    "/hostile/204",
    "/hostile/304",
    "/hostile/framing",
    "/hostile/challenge",
    "/hostile/empty-challenge",
    "/hostile/big",
    "/hostile/big-retry",
];

/// The error the route at `path` fails with.
pub fn fixture(path: &str) -> Fixture {
    match path {
        "/not-found" => Fixture::Shop(ShopError::NotFound { id: 42 }),
        "/unauthorized" => Fixture::Shop(ShopError::Unauthorized),
        "/read-only" => Fixture::Shop(ShopError::ReadOnly),
        "/rate-limited" => Fixture::Shop(ShopError::RateLimited),
        "/injection" => Fixture::Shop(ShopError::Busy {
            wait: INJECTION.to_owned(),
        }),
        "/injection-other" => Fixture::Shop(ShopError::QuotaExceeded {
            owner: "ada\nX-Admin: true".to_owned(),
            limit: 5,
        }),
        "/invalid" => Fixture::Shop(ShopError::InvalidPrice),
        "/client-gone" => Fixture::Shop(ShopError::ClientGone),
        "/database" => Fixture::Shop(ShopError::Database(db_error())),
        "/nested" => Fixture::Shop(ShopError::Payment(PaymentError::Declined {
            reason: "insufficient funds".to_owned(),
        })),
        "/problem" => Fixture::Payment(PaymentError::Declined {
            reason: "expired".to_owned(),
        }),
        "/problem-5xx" => {
            Fixture::Payment(PaymentError::Gateway(format!("token {SECRET} rejected")))
        }
        "/generic" => Fixture::Layered(Layered::Inner(PaymentError::Gateway(SECRET.to_owned()))),
        "/hostile/display" => Fixture::Hostile(Hostile::BadDisplay(FailingDisplay)),
        "/hostile/field" => Fixture::Hostile(Hostile::BadField {
            field: FailingSerialize,
        }),
        "/hostile/reason" => rogue(500, "Oops\r\nSet-Cookie: reason=1", &[]),
        "/hostile/101" => rogue(101, "Switching Protocols", &[("Upgrade", "websocket")]),
        "/hostile/200" => rogue(200, "OK", &[]),
        "/hostile/204" => rogue(204, "No Content", &[]),
        "/hostile/304" => rogue(304, "Not Modified", &[("ETag", "\"x\"")]),
        "/hostile/framing" => rogue(
            409,
            "Conflict",
            &[
                ("Transfer-Encoding", "chunked"),
                ("Content-Encoding", "gzip"),
                ("Connection", "close"),
                ("Host", "evil.example"),
                ("Content-Length", "0"),
                ("Upgrade", "h2c"),
                ("X-Kept", "yes"),
            ],
        ),
        "/hostile/challenge" => Fixture::Hostile(Hostile::Challenge {
            challenge: "Bearer realm=\"a\"\r\nSet-Cookie: x=1".to_owned(),
        }),
        "/hostile/empty-challenge" => Fixture::Hostile(Hostile::Challenge {
            challenge: String::new(),
        }),
        "/hostile/big" => Fixture::Hostile(Hostile::Big {
            big: "x".repeat(10 << 20),
        }),
        "/hostile/big-retry" => rogue(503, "Service Unavailable", &[("Retry-After", "soon")]),
        _ => Fixture::Layered(Layered::Timeout),
    }
}

/// The database error with a two-level source chain.
pub fn db_error() -> DbError {
    DbError {
        io: std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "tcp connect refused"),
    }
}

/// The error a test server's route at `path` fails with, as axum sends it.
#[cfg(feature = "axum")]
async fn axum_fail(request: axum::extract::Request) -> axum::response::Response {
    use axum::response::IntoResponse as _;
    match fixture(request.uri().path()) {
        Fixture::Shop(error) => error.into_response(),
        Fixture::Payment(error) => error.into_response(),
        Fixture::Layered(error) => error.into_response(),
        Fixture::Hostile(error) => error.into_response(),
    }
}

/// An axum server of [`ROUTES`], one per test binary, on its own thread and runtime.
#[cfg(feature = "axum")]
pub fn axum_server() -> SocketAddr {
    static ADDR: std::sync::OnceLock<SocketAddr> = std::sync::OnceLock::new();
    *ADDR.get_or_init(|| {
        serve_axum(ROUTES.iter().fold(axum::Router::new(), |app, path| {
            app.route(path, axum::routing::get(axum_fail))
        }))
    })
}

/// Serves `app` on `127.0.0.1:0`, on its own thread and runtime; returns its address.
#[cfg(feature = "axum")]
pub fn serve_axum(app: axum::Router) -> SocketAddr {
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

/// Fails the way actix-web handlers do: `Err(error)`, through actix-web's own error path.
#[cfg(feature = "actix-web")]
async fn actix_fail(
    request: actix_web::HttpRequest,
) -> Result<actix_web::HttpResponse, actix_web::Error> {
    Err(match fixture(request.path()) {
        Fixture::Shop(error) => error.into(),
        Fixture::Payment(error) => error.into(),
        Fixture::Layered(error) => error.into(),
        Fixture::Hostile(error) => error.into(),
    })
}

/// An actix-web server of [`ROUTES`], one per test binary, on its own thread and system.
#[cfg(feature = "actix-web")]
pub fn actix_server() -> SocketAddr {
    static ADDR: std::sync::OnceLock<SocketAddr> = std::sync::OnceLock::new();
    *ADDR.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server = actix_web::HttpServer::new(|| {
                    // `to` answers every method, HEAD included: actix-web does not route
                    // HEAD to GET handlers by itself.
                    ROUTES.iter().fold(actix_web::App::new(), |app, path| {
                        app.route(path, actix_web::web::to(actix_fail))
                    })
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
    })
}

/// A response as a client sees it.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub version: hyper::Version,
    /// Every header in wire order, names lowercase, without `date` (it changes every second).
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    /// The value of the header `name` (lowercase), if it came once or more: the first.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The headers sorted by name, values of one name in wire order: the exact set.
    pub fn sorted_headers(&self) -> Vec<(&str, &str)> {
        let mut headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        headers.sort_by_key(|(name, _)| *name);
        headers
    }
}

/// Sends one request with hyper's HTTP/1 client on a fresh connection.
pub async fn send(addr: SocketAddr, method: &str, path: &str) -> Reply {
    request(addr, method, path, &[], "").await
}

/// Sends one request with `headers` and `body` with hyper's HTTP/1 client on a fresh
/// connection.
pub async fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Reply {
    let mut request = hyper::Request::builder()
        .method(method)
        .uri(path)
        .header(hyper::header::HOST, addr.to_string());
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = request
        .body(Full::new(Bytes::from(body.to_owned())))
        .expect("request");
    exchange(addr, request).await
}

/// POSTs `json` to `path` as `application/json`, as [`send`] does.
pub async fn post_json(addr: SocketAddr, path: &str, json: &str) -> Reply {
    request(
        addr,
        "POST",
        path,
        &[("content-type", "application/json")],
        json,
    )
    .await
}

/// Sends `request` on a fresh connection and reads the whole response.
async fn exchange(addr: SocketAddr, request: hyper::Request<Full<Bytes>>) -> Reply {
    let stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    let driver = tokio::spawn(connection);
    let response = sender.send_request(request).await.expect("response");
    let (parts, body) = response.into_parts();
    let body = body.collect().await.expect("body").to_bytes();
    drop(sender);
    driver.await.expect("connection task").expect("connection");
    Reply {
        status: parts.status.as_u16(),
        version: parts.version,
        headers: parts
            .headers
            .iter()
            .filter(|(name, _)| *name != hyper::header::DATE)
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: String::from_utf8(body.to_vec()).expect("UTF-8 body"),
    }
}

/// Sends `method path` over a bare socket and returns every byte of the response, as text,
/// with the `date` line removed: what is on the wire, unparsed.
pub fn raw(addr: SocketAddr, method: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("write");
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).expect("read");
    String::from_utf8_lossy(&bytes)
        .split_inclusive("\r\n")
        .filter(|line| !line.to_ascii_lowercase().starts_with("date:"))
        .collect()
}

fn owned(headers: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = headers
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();
    headers.sort_by(|a, b| a.0.cmp(&b.0));
    headers
}

/// Asserts the exact status, HTTP version, header set (without `date`) and body.
pub async fn expect(
    addr: SocketAddr,
    method: &str,
    path: &str,
    status: u16,
    headers: &[(&str, &str)],
    body: &str,
) {
    let reply = send(addr, method, path).await;
    assert_eq!(reply.status, status, "{method} {path}: {reply:?}");
    assert_eq!(reply.version, hyper::Version::HTTP_11, "{method} {path}");
    let got: Vec<(String, String)> = reply
        .sorted_headers()
        .into_iter()
        .map(|(n, v)| (n.to_owned(), v.to_owned()))
        .collect();
    assert_eq!(got, owned(headers), "{method} {path}: headers");
    assert_eq!(reply.body, body, "{method} {path}: body");
}

/// The length of `body` as a `content-length` value.
fn len(body: &str) -> String {
    body.len().to_string()
}

pub const NOT_FOUND_BODY: &str =
    r#"{"error":"product 42 not found","code":"PRODUCT_NOT_FOUND","id":42}"#;

pub async fn check_plain_404(addr: SocketAddr) {
    let n = len(NOT_FOUND_BODY);
    expect(
        addr,
        "GET",
        "/not-found",
        404,
        &[("content-type", "application/json"), ("content-length", &n)],
        NOT_FOUND_BODY,
    )
    .await;
}

pub async fn check_401_www_authenticate(addr: SocketAddr) {
    let body = r#"{"error":"a bearer token is required","code":"UNAUTHORIZED"}"#;
    let n = len(body);
    expect(
        addr,
        "GET",
        "/unauthorized",
        401,
        &[
            ("content-type", "application/json"),
            ("www-authenticate", "Bearer realm=\"shop\""),
            ("content-length", &n),
        ],
        body,
    )
    .await;
}

pub async fn check_405_allow(addr: SocketAddr) {
    let body = r#"{"error":"this resource only reads","code":"READ_ONLY"}"#;
    let n = len(body);
    expect(
        addr,
        "GET",
        "/read-only",
        405,
        &[
            ("content-type", "application/json"),
            ("allow", "GET, HEAD"),
            ("content-length", &n),
        ],
        body,
    )
    .await;
}

pub async fn check_429_headers(addr: SocketAddr) {
    let body = r#"{"error":"slow down","code":"RATE_LIMITED"}"#;
    let n = len(body);
    expect(
        addr,
        "GET",
        "/rate-limited",
        429,
        &[
            ("content-type", "application/json"),
            ("retry-after", "60"),
            ("x-ratelimit-limit", "10"),
            ("content-length", &n),
        ],
        body,
    )
    .await;
}

/// A `Retry-After` whose value carries CRLF and a `Set-Cookie`: not sent at all, the rest
/// of the response unchanged.
pub async fn check_injection(addr: SocketAddr) {
    let body = r#"{"error":"Service Unavailable","code":"BUSY"}"#;
    let n = len(body);
    expect(
        addr,
        "GET",
        "/injection",
        503,
        &[("content-type", "application/json"), ("content-length", &n)],
        body,
    )
    .await;
    let wire = raw(addr, "GET", "/injection");
    assert!(!wire.to_ascii_lowercase().contains("set-cookie"), "{wire}");
    assert!(!wire.to_ascii_lowercase().contains("retry-after"), "{wire}");
}

/// A lone LF in a field header of a 4xx: that header is dropped; the exposed field and the
/// message (which quotes the value, JSON-escaped) are unchanged.
pub async fn check_injection_lf(addr: SocketAddr) {
    let body =
        r#"{"error":"quota of ada\nX-Admin: true used up","code":"QUOTA_EXCEEDED","limit":5}"#;
    let n = len(body);
    expect(
        addr,
        "GET",
        "/injection-other",
        403,
        &[("content-type", "application/json"), ("content-length", &n)],
        body,
    )
    .await;
    let wire = raw(addr, "GET", "/injection-other");
    assert!(!wire.to_ascii_lowercase().contains("\r\nx-admin"), "{wire}");
    assert!(!wire.to_ascii_lowercase().contains("\nx-owner"), "{wire}");
}

/// A 500 whose `Display` holds a password: the client sees the reason phrase only.
pub async fn check_5xx_secret(addr: SocketAddr) {
    let body = r#"{"error":"Internal Server Error","code":"DATABASE"}"#;
    let n = len(body);
    expect(
        addr,
        "GET",
        "/database",
        500,
        &[("content-type", "application/json"), ("content-length", &n)],
        body,
    )
    .await;
    let wire = raw(addr, "GET", "/database");
    assert!(!wire.contains(SECRET), "{wire}");
    assert!(!wire.contains("db.internal"), "{wire}");
    assert!(wire.ends_with(body), "{wire}");
}

/// A transparent variant sends the inner error's status, code, fields in the outer type's
/// format (plain here).
pub async fn check_transparent(addr: SocketAddr) {
    let body = r#"{"error":"card declined: insufficient funds","code":"CARD_DECLINED","reason":"insufficient funds"}"#;
    let n = len(body);
    expect(
        addr,
        "GET",
        "/nested",
        402,
        &[("content-type", "application/json"), ("content-length", &n)],
        body,
    )
    .await;
}

pub const PROBLEM_BODY: &str = r#"{"type":"https://shop.example/problems/CARD_DECLINED","title":"Payment Required","status":402,"detail":"card declined: expired","code":"CARD_DECLINED","reason":"expired"}"#;

pub async fn check_problem(addr: SocketAddr) {
    let n = len(PROBLEM_BODY);
    expect(
        addr,
        "GET",
        "/problem",
        402,
        &[
            ("content-type", "application/problem+json"),
            ("content-length", &n),
        ],
        PROBLEM_BODY,
    )
    .await;
}

pub async fn check_problem_5xx(addr: SocketAddr) {
    let body = r#"{"type":"https://shop.example/problems/GATEWAY","title":"Bad Gateway","status":502,"detail":"Bad Gateway","code":"GATEWAY"}"#;
    let n = len(body);
    expect(
        addr,
        "GET",
        "/problem-5xx",
        502,
        &[
            ("content-type", "application/problem+json"),
            ("retry-after", "30"),
            ("content-length", &n),
        ],
        body,
    )
    .await;
    assert!(!raw(addr, "GET", "/problem-5xx").contains(SECRET));
}

/// `Layered<PaymentError>`: a generic type, plain format, delegating to a problem type.
pub async fn check_generic(addr: SocketAddr) {
    let body = r#"{"error":"Bad Gateway","code":"GATEWAY"}"#;
    let n = len(body);
    expect(
        addr,
        "GET",
        "/generic",
        502,
        &[
            ("content-type", "application/json"),
            ("retry-after", "30"),
            ("content-length", &n),
        ],
        body,
    )
    .await;
}

/// Every byte of one plain error: status line, `head` (the framework's header lines, in
/// its order, without `date`), body.
pub fn check_every_byte(addr: SocketAddr, head: &str) {
    let body = NOT_FOUND_BODY;
    let head = head.replace("{len}", &body.len().to_string());
    assert_eq!(
        raw(addr, "GET", "/not-found"),
        format!("HTTP/1.1 404 Not Found\r\n{head}\r\n{body}")
    );
}

/// The status line carries the IANA reason phrase: "422 Unprocessable Content" (the `http`
/// crate says "Unprocessable Entity") and an unregistered 499 with its `reason = "..."`.
pub fn check_status_lines(addr: SocketAddr) {
    let wire = raw(addr, "GET", "/invalid");
    assert!(
        wire.starts_with("HTTP/1.1 422 Unprocessable Content\r\n"),
        "{wire}"
    );
    assert!(
        wire.ends_with(r#"{"error":"price must be positive","code":"INVALID_PRICE"}"#),
        "{wire}"
    );
    let wire = raw(addr, "GET", "/client-gone");
    assert!(
        wire.starts_with("HTTP/1.1 499 Client Closed Request\r\n"),
        "{wire}"
    );
    assert!(
        wire.ends_with(r#"{"error":"the client went away","code":"CLIENT_GONE"}"#),
        "{wire}"
    );
}

/// HEAD: the status and headers of GET, `content-length` of the body GET would send, and
/// not one byte of body on the wire.
pub async fn check_head(addr: SocketAddr) {
    let n = len(NOT_FOUND_BODY);
    expect(
        addr,
        "HEAD",
        "/not-found",
        404,
        &[("content-type", "application/json"), ("content-length", &n)],
        "",
    )
    .await;
    let wire = raw(addr, "HEAD", "/not-found");
    assert!(
        wire.ends_with("\r\n\r\n"),
        "a body followed the head: {wire:?}"
    );
    let problem = raw(addr, "HEAD", "/problem");
    assert!(
        problem.contains("content-type: application/problem+json\r\n"),
        "{problem:?}"
    );
    assert!(
        problem.ends_with("\r\n\r\n"),
        "a body followed the head: {problem:?}"
    );
}
