//! The product API of the REST status-code guide, on axum, with an in-memory store: every
//! status of the guide's mapping table comes from an error enum that derives `ApiError`.
//!
//! ```text
//! cargo run --example products            # serves on 127.0.0.1:3000, prints curl lines
//! cargo run --example products -- --demo  # sends every request itself, prints a table
//! ```
//!
//! | request | happy path | errors |
//! |---|---|---|
//! | `GET /products?limit=N` | 200 | 400 `limit` not a number |
//! | `GET /products/{id}` | 200 | 404 unknown id, 400 id not a number |
//! | `POST /products` | 201 + `Location` | 400 malformed JSON, 415 not JSON, 413 over 4 KiB, 409 duplicate SKU, 422 failed rules (all of them), 429 over 3 per minute per client |
//! | `PUT /products/{id}` | 200 | 422 failed rules or not a product, 404, 409 |
//! | `DELETE /products/{id}` | 204 | 404 |
//! | `GET /admin/products` | 200 (admin token) | 401 no or bad token (+ `WWW-Authenticate`), 403 user token |
//! | `GET /products/{id}/shipping` | — | 502: the shipping service fails |
//! | `GET /reports/sales` | — | 500: the database fails; its secret stays in the server |
//! | `GET /reports/inventory` | — | 500: the handler panics; the server goes on |
//! | anything else | — | 404 unknown route, 405 wrong method (+ `Allow`) |
//!
//! Tokens: `Authorization: Bearer admin-token` or `Bearer user-token`.
//!
//! Every error, the API's own and axum's, is one JSON shape with a stable `code` and a
//! `request_id` that matches the `x-request-id` header: the app's one `ErrorLayer`, and
//! `status::axum`'s `Json`, `Path` and `Query` extractors, do the mapping this example
//! would otherwise write by hand.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{ConnectInfo, DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http_body_util::{BodyExt as _, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use serde::{Deserialize, Serialize};
use status::axum::{ErrorLayer, Json, Path, Query};
use status::{Pointer, Violation, Violations};

// ---------------------------------------------------------------------------------------
// Errors: one enum per concern, each variant one row of the guide.

/// What can go wrong with a product.
#[derive(Debug, thiserror::Error, status::ApiError)]
pub enum ProductError {
    #[error("product {id} not found")]
    #[status(404, code = "PRODUCT_NOT_FOUND")]
    NotFound {
        #[status(expose)]
        id: u64,
    },

    #[error("a product with SKU {sku} already exists")]
    #[status(409, code = "DUPLICATE_SKU")]
    Duplicate {
        #[status(expose)]
        sku: String,
    },

    #[error("the product is not valid")]
    #[status(422, code = "VALIDATION_FAILED")]
    Invalid {
        #[status(expose)]
        errors: Violations,
    },

    #[error("at most {limit} new products per minute per client")]
    #[status(429, code = "RATE_LIMITED")]
    RateLimited {
        #[status(expose)]
        limit: u32,
        #[status(header = "Retry-After")]
        retry_after: u64,
    },
}

/// Who may do what (RFC 6750 §3.1: `invalid_token` is 401, `insufficient_scope` is 403).
#[derive(Debug, thiserror::Error, status::ApiError)]
pub enum AuthError {
    #[error("a bearer token is required")]
    #[status(
        401,
        code = "MISSING_TOKEN",
        www_authenticate = "Bearer realm=\"products\""
    )]
    MissingToken,

    #[error("the bearer token is not valid")]
    #[status(
        401,
        code = "INVALID_TOKEN",
        www_authenticate = "Bearer realm=\"products\", error=\"invalid_token\""
    )]
    InvalidToken,

    #[error("only admins may list every product")]
    #[status(
        403,
        code = "NOT_ADMIN",
        www_authenticate = "Bearer realm=\"products\", error=\"insufficient_scope\""
    )]
    NotAdmin,
}

/// The services behind the API failing: 5xx, so their `Display` never reaches the client.
#[derive(Debug, thiserror::Error, status::ApiError)]
pub enum BackendError {
    #[error("shipping service failed: {0}")]
    #[status(502, code = "UPSTREAM_FAILED")]
    Upstream(#[source] UpstreamError),

    #[error("sales report query failed: {0}")]
    #[status(500, code = "DATABASE_ERROR")]
    Database(#[source] DatabaseError),
}

/// Every handler's error: each variant hands its whole mapping to the inner error.
#[derive(Debug, thiserror::Error, status::ApiError)]
pub enum ApiFault {
    #[error(transparent)]
    #[status(transparent)]
    Product(#[from] ProductError),
    #[error(transparent)]
    #[status(transparent)]
    Auth(#[from] AuthError),
    #[error(transparent)]
    #[status(transparent)]
    Backend(#[from] BackendError),
}

/// The shipping service's failure, with its cause.
#[derive(Debug, thiserror::Error)]
#[error("POST http://shipping.internal:8080/quote returned 503")]
pub struct UpstreamError(#[source] std::io::Error);

/// The database's failure: exactly what must never reach a client.
#[derive(Debug, thiserror::Error)]
#[error("password authentication failed for postgres://shop:hunter2@db.internal:5432/shop")]
pub struct DatabaseError;

// ---------------------------------------------------------------------------------------
// The store.

/// A product as the API shows it.
#[derive(Clone, Debug, Serialize)]
pub struct Product {
    id: u64,
    sku: String,
    name: String,
    price_cents: u64,
}

/// What a client sends to create or replace a product.
#[derive(Debug, Deserialize)]
pub struct NewProduct {
    sku: String,
    name: String,
    price_cents: u64,
}

/// New products one client may create per window.
pub const CREATE_LIMIT: u32 = 3;
/// The largest request body the API reads.
pub const BODY_LIMIT: usize = 4096;
const WINDOW: Duration = Duration::from_secs(60);

#[derive(Default)]
struct Store {
    next_id: u64,
    products: BTreeMap<u64, Product>,
    /// Per client address: when its window started, and how many creates it holds.
    creates: HashMap<IpAddr, (Instant, u32)>,
}

type Shared = Arc<Mutex<Store>>;

/// A store holding one product, `WIDGET-1`, with id 1.
fn seeded() -> Shared {
    let mut store = Store {
        next_id: 2,
        ..Store::default()
    };
    store.products.insert(
        1,
        Product {
            id: 1,
            sku: "WIDGET-1".into(),
            name: "Widget".into(),
            price_cents: 1999,
        },
    );
    Arc::new(Mutex::new(store))
}

/// The store, even if a handler panicked while holding it.
fn lock(store: &Shared) -> MutexGuard<'_, Store> {
    store.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The guide's "fails rules": what makes valid JSON an invalid product, every rule it
/// breaks at once.
fn validate(product: &NewProduct) -> Result<(), ProductError> {
    let mut errors = Violations::new();
    let mut rule = |broken: bool, field: &str, detail: &str| {
        if broken {
            errors.push(Violation::new(Pointer::root().join(field), detail));
        }
    };
    let sku_ok = (3..=32).contains(&product.sku.len())
        && product
            .sku
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
    rule(
        !sku_ok,
        "sku",
        "must be 3 to 32 characters of A-Z, 0-9 and -",
    );
    rule(product.name.trim().is_empty(), "name", "must not be empty");
    rule(
        product.price_cents == 0,
        "price_cents",
        "must be greater than 0",
    );
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ProductError::Invalid { errors })
    }
}

/// Counts one create for `client`: 429 past [`CREATE_LIMIT`] in the current window.
fn rate_limit(store: &mut Store, client: IpAddr, now: Instant) -> Result<(), ProductError> {
    let (started, count) = store.creates.entry(client).or_insert((now, 0));
    if now.duration_since(*started) >= WINDOW {
        (*started, *count) = (now, 0);
    }
    if *count >= CREATE_LIMIT {
        let left = WINDOW.saturating_sub(now.duration_since(*started));
        let retry_after = left.as_secs() + u64::from(left.subsec_nanos() > 0);
        return Err(ProductError::RateLimited {
            limit: CREATE_LIMIT,
            retry_after,
        });
    }
    *count += 1;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Handlers.

/// `?limit=N`: at most N products.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    limit: Option<usize>,
}

async fn list(State(store): State<Shared>, Query(query): Query<ListQuery>) -> Json<Vec<Product>> {
    let store = lock(&store);
    let limit = query.limit.unwrap_or(usize::MAX);
    Json(store.products.values().take(limit).cloned().collect())
}

async fn show(State(store): State<Shared>, Path(id): Path<u64>) -> Result<Json<Product>, ApiFault> {
    let product = lock(&store).products.get(&id).cloned();
    Ok(Json(product.ok_or(ProductError::NotFound { id })?))
}

async fn create(
    State(store): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Json(new): Json<NewProduct>,
) -> Result<Response, ApiFault> {
    let mut store = lock(&store);
    rate_limit(&mut store, peer.ip(), Instant::now())?;
    validate(&new)?;
    if store.products.values().any(|p| p.sku == new.sku) {
        return Err(ProductError::Duplicate { sku: new.sku }.into());
    }
    let id = store.next_id;
    store.next_id += 1;
    let product = Product {
        id,
        sku: new.sku,
        name: new.name,
        price_cents: new.price_cents,
    };
    store.products.insert(id, product.clone());
    let location = format!("/products/{id}");
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(product),
    )
        .into_response())
}

async fn update(
    State(store): State<Shared>,
    Path(id): Path<u64>,
    Json(new): Json<NewProduct>,
) -> Result<Json<Product>, ApiFault> {
    validate(&new)?;
    let mut store = lock(&store);
    if store
        .products
        .values()
        .any(|p| p.sku == new.sku && p.id != id)
    {
        return Err(ProductError::Duplicate { sku: new.sku }.into());
    }
    let product = store
        .products
        .get_mut(&id)
        .ok_or(ProductError::NotFound { id })?;
    (product.sku, product.name, product.price_cents) = (new.sku, new.name, new.price_cents);
    Ok(Json(product.clone()))
}

async fn remove(State(store): State<Shared>, Path(id): Path<u64>) -> Result<StatusCode, ApiFault> {
    match lock(&store).products.remove(&id) {
        Some(_) => Ok(StatusCode::NO_CONTENT),
        None => Err(ProductError::NotFound { id }.into()),
    }
}

async fn admin_list(
    State(store): State<Shared>,
    headers: HeaderMap,
) -> Result<Json<Vec<Product>>, ApiFault> {
    let token = headers
        .get(header::AUTHORIZATION)
        .ok_or(AuthError::MissingToken)?
        .to_str()
        .ok()
        .and_then(|value| value.strip_prefix("Bearer "));
    match token {
        Some("admin-token") => Ok(Json(lock(&store).products.values().cloned().collect())),
        Some("user-token") => Err(AuthError::NotAdmin.into()),
        _ => Err(AuthError::InvalidToken.into()),
    }
}

async fn shipping(State(store): State<Shared>, Path(id): Path<u64>) -> Result<Json<u64>, ApiFault> {
    if !lock(&store).products.contains_key(&id) {
        return Err(ProductError::NotFound { id }.into());
    }
    // The shipping service is down, as it is in every demo.
    let cause = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "connection refused");
    Err(BackendError::Upstream(UpstreamError(cause)).into())
}

async fn sales_report() -> Result<Json<u64>, ApiFault> {
    Err(BackendError::Database(DatabaseError).into())
}

/// A bug: the inventory report was never written. The panic's message goes to the log;
/// the client gets a 500 in the API's format, and the server goes on.
async fn inventory_report() -> Json<u64> {
    panic!("inventory report: not implemented (query for the warehouse table missing)")
}

/// The whole API, over a fresh store holding one product (`WIDGET-1`, id 1): its routes,
/// with `status`'s error layer outermost, the one line that puts axum's own errors in the
/// API's format and gives every request an id.
pub fn app() -> Router {
    routes().layer(ErrorLayer::new())
}

/// The API's routes without the error layer (the load bench compares the two).
pub fn routes() -> Router {
    Router::new()
        .route("/products", get(list).post(create))
        .route("/products/{id}", get(show).put(update).delete(remove))
        .route("/products/{id}/shipping", get(shipping))
        .route("/admin/products", get(admin_list))
        .route("/reports/sales", get(sales_report))
        .route("/reports/inventory", get(inventory_report))
        .with_state(seeded())
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
}

// ---------------------------------------------------------------------------------------
// The demo: every request of the guide, sent by a real client.

/// One request of the demo, and the status the guide prescribes for it.
pub struct Call {
    pub method: &'static str,
    pub path: &'static str,
    pub headers: &'static [(&'static str, &'static str)],
    pub body: &'static str,
    pub expect: u16,
}

const JSON: &[(&str, &str)] = &[("content-type", "application/json")];

const fn call(method: &'static str, path: &'static str, expect: u16) -> Call {
    Call {
        method,
        path,
        headers: &[],
        body: "",
        expect,
    }
}

const fn send_json(
    method: &'static str,
    path: &'static str,
    body: &'static str,
    expect: u16,
) -> Call {
    Call {
        method,
        path,
        headers: JSON,
        body,
        expect,
    }
}

/// A body over [`BODY_LIMIT`]: the limit stops it before it is parsed.
const OVERSIZE: &str = match std::str::from_utf8(&[b'x'; BODY_LIMIT + 1]) {
    Ok(text) => text,
    Err(_) => "",
};

/// Every request of the demo, in order: the store's state carries from one to the next.
pub const CALLS: &[Call] = &[
    call("GET", "/products/1", 200),
    call("GET", "/products/42", 404),
    call("HEAD", "/products/42", 404),
    call("GET", "/products/abc", 400),
    call("GET", "/products?limit=many", 400),
    send_json(
        "POST",
        "/products",
        r#"{"sku":"GADGET-2","name":"Gadget","price_cents":2500}"#,
        201,
    ),
    send_json(
        "POST",
        "/products",
        r#"{"sku":"WIDGET-1","name":"Widget again","price_cents":999}"#,
        409,
    ),
    send_json(
        "POST",
        "/products",
        r#"{"sku":"GIZMO-3","name":"Gizmo""#,
        400,
    ),
    Call {
        headers: &[("content-type", "text/plain")],
        ..send_json("POST", "/products", "GIZMO-3", 415)
    },
    send_json("POST", "/products", OVERSIZE, 413),
    send_json(
        "POST",
        "/products",
        r#"{"sku":"gizmo 3","name":"Gizmo","price_cents":0}"#,
        422,
    ),
    send_json(
        "POST",
        "/products",
        r#"{"sku":"GIZMO-3","name":"Gizmo","price_cents":500}"#,
        429,
    ),
    send_json(
        "PUT",
        "/products/2",
        r#"{"sku":"GADGET-2","name":"Gadget Pro","price_cents":3000}"#,
        200,
    ),
    send_json(
        "PUT",
        "/products/2",
        r#"{"sku":"GADGET-2","name":" ","price_cents":3000}"#,
        422,
    ),
    send_json(
        "PUT",
        "/products/2",
        r#"{"sku":"GADGET-2","name":"Gadget","price_cents":"cheap"}"#,
        422,
    ),
    call("DELETE", "/products/2", 204),
    call("DELETE", "/products/2", 404),
    call("GET", "/admin/products", 401),
    Call {
        headers: &[("authorization", "Bearer guess")],
        ..call("GET", "/admin/products", 401)
    },
    Call {
        headers: &[("authorization", "Bearer user-token")],
        ..call("GET", "/admin/products", 403)
    },
    Call {
        headers: &[("authorization", "Bearer admin-token")],
        ..call("GET", "/admin/products", 200)
    },
    call("GET", "/products/1/shipping", 502),
    call("GET", "/reports/sales", 500),
    call("GET", "/reports/inventory", 500),
    call("GET", "/nope", 404),
    call("PATCH", "/products/1", 405),
];

/// What came back for one [`Call`].
#[derive(Debug)]
pub struct Row {
    pub method: &'static str,
    pub path: &'static str,
    pub expect: u16,
    pub status: u16,
    /// The `x-request-id` the response carries.
    pub request_id: String,
    /// Every header but `date`, names lowercase, in wire order.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Row {
    /// The value of header `name`, if it came.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Starts the API on `127.0.0.1:0` with a fresh store, sends every [`CALLS`] request with
/// hyper's HTTP/1 client, and returns what came back.
///
/// # Panics
///
/// If the loopback socket or the server fails: there is no demo without them.
pub async fn demo() -> Vec<Row> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().expect("local address");
    let service = app().into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, service).await });
    let mut rows = Vec::with_capacity(CALLS.len());
    for (index, call) in CALLS.iter().enumerate() {
        rows.push(send(addr, call, &format!("demo-{:02}", index + 1)).await);
    }
    rows
}

/// Sends `call` with `x-request-id: {request_id}`, which the API keeps.
async fn send(addr: SocketAddr, call: &Call, request_id: &str) -> Row {
    let stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(connection);
    let mut request = hyper::Request::builder()
        .method(call.method)
        .uri(call.path)
        .header(header::HOST, addr.to_string())
        .header("x-request-id", request_id);
    for (name, value) in call.headers {
        request = request.header(*name, *value);
    }
    let request = request
        .body(Full::new(Bytes::from_static(call.body.as_bytes())))
        .expect("request");
    let response = sender.send_request(request).await.expect("response");
    let (parts, body) = response.into_parts();
    let body = body.collect().await.expect("body").to_bytes();
    Row {
        method: call.method,
        path: call.path,
        expect: call.expect,
        status: parts.status.as_u16(),
        request_id: parts
            .headers
            .get("x-request-id")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned(),
        headers: parts
            .headers
            .iter()
            .filter(|(name, _)| *name != header::DATE)
            .map(|(name, value)| {
                (
                    name.to_string(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

/// The headers a reader of the table should see.
const SHOWN: &[&str] = &["location", "www-authenticate", "allow", "retry-after"];

fn print_table(rows: &[Row]) {
    println!(
        "{:<7} {:<22} {:<6} {:<8} body",
        "method", "path", "status", "id"
    );
    for row in rows {
        let mark = if row.status == row.expect {
            ""
        } else {
            "  <-- the guide says "
        };
        let expected = if mark.is_empty() {
            String::new()
        } else {
            row.expect.to_string()
        };
        let body = if row.body.len() > 400 {
            format!("{}…", &row.body[..400])
        } else {
            row.body.clone()
        };
        println!(
            "{:<7} {:<22} {:<6} {:<8} {body}{mark}{expected}",
            row.method, row.path, row.status, row.request_id
        );
        for (name, value) in row
            .headers
            .iter()
            .filter(|(name, _)| SHOWN.contains(&name.as_str()))
        {
            println!("{:<46} {name}: {value}", "");
        }
    }
}

fn curl_lines(base: &str) -> Vec<String> {
    CALLS
        .iter()
        .map(|call| {
            let mut line = match call.method {
                "GET" => format!("curl -i {base}{}", call.path),
                "HEAD" => format!("curl -I {base}{}", call.path),
                method => format!("curl -i -X {method} {base}{}", call.path),
            };
            for (name, value) in call.headers {
                let _ = write!(line, " -H '{name}: {value}'");
            }
            if call.body.len() > 200 {
                // Too long to print: made by the shell, as many bytes.
                line = format!(
                    "head -c {} /dev/zero | tr '\\0' x | {line} --data-binary @-",
                    call.body.len()
                );
            } else if !call.body.is_empty() {
                let _ = write!(line, " -d '{}'", call.body);
            }
            line
        })
        .collect()
}

async fn serve(addr: SocketAddr) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    println!(
        "products API on http://{addr}; try, in order (the store and the rate limit remember):\n"
    );
    for line in curl_lines(&format!("http://{addr}")) {
        println!("{line}");
    }
    println!("\nCtrl-C stops it.");
    axum::serve(
        listener,
        app().into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}

fn main() -> ExitCode {
    let demo_mode = std::env::args().skip(1).any(|arg| arg == "--demo");
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    if demo_mode {
        // The inventory report panics on purpose: one line on stderr, not a backtrace.
        std::panic::set_hook(Box::new(|info| eprintln!("(a handler panicked: {info})")));
        let rows = runtime.block_on(demo());
        print_table(&rows);
        let wrong = rows.iter().filter(|row| row.status != row.expect).count();
        if wrong == 0 {
            println!(
                "\nall {} responses have the status the guide prescribes",
                rows.len()
            );
            ExitCode::SUCCESS
        } else {
            println!(
                "\n{wrong} of {} responses differ from the guide",
                rows.len()
            );
            ExitCode::FAILURE
        }
    } else {
        match runtime.block_on(serve(SocketAddr::from(([127, 0, 0, 1], 3000)))) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("cannot serve on 127.0.0.1:3000: {error}");
                ExitCode::FAILURE
            }
        }
    }
}
