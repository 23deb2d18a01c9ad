//! `cargo run --example products -- --demo` as a test: every response has the status the
//! guide's mapping table prescribes, every error the exact JSON body, and the headers HTTP
//! requires (`WWW-Authenticate` on 401, `Allow` on 405, `Retry-After` on 429).

#[path = "../examples/products.rs"]
#[allow(dead_code, clippy::pedantic)]
mod products;

/// Method, path, the status the guide prescribes, and the exact body (the demo sends
/// `x-request-id: demo-NN`, which the API keeps). The guide's table: GET 200 / 404, POST
/// 201 / 400 / 409 / 429, PUT 200 / 422, DELETE 204 / 404, 401 "who are you?", 403 "I know
/// you but you cannot do this", 502 upstream, 500 our own failure; and what the framework
/// answers by itself, in the same body: a bad path or query, a body that is not JSON, not
/// JSON at all, too large or of the wrong shape, a panic, an unknown route, a wrong method.
const EXPECTED: &[(&str, &str, u16, &str)] = &[
    (
        "GET",
        "/products/1",
        200,
        r#"{"id":1,"sku":"WIDGET-1","name":"Widget","price_cents":1999}"#,
    ),
    (
        "GET",
        "/products/42",
        404,
        r#"{"error":"product 42 not found","code":"PRODUCT_NOT_FOUND","request_id":"demo-02","id":42}"#,
    ),
    ("HEAD", "/products/42", 404, ""),
    (
        "GET",
        "/products/abc",
        400,
        r#"{"error":"invalid path parameter: Cannot parse `abc` to a `u64`","code":"INVALID_PATH","request_id":"demo-04"}"#,
    ),
    (
        "GET",
        "/products?limit=many",
        400,
        r#"{"error":"invalid query string: limit: invalid digit found in string","code":"INVALID_QUERY","request_id":"demo-05"}"#,
    ),
    (
        "POST",
        "/products",
        201,
        r#"{"id":2,"sku":"GADGET-2","name":"Gadget","price_cents":2500}"#,
    ),
    (
        "POST",
        "/products",
        409,
        r#"{"error":"a product with SKU WIDGET-1 already exists","code":"DUPLICATE_SKU","request_id":"demo-07","sku":"WIDGET-1"}"#,
    ),
    (
        "POST",
        "/products",
        400,
        r#"{"error":"the request body is not valid JSON: EOF while parsing an object at line 1 column 31","code":"MALFORMED_JSON","request_id":"demo-08"}"#,
    ),
    (
        "POST",
        "/products",
        415,
        r#"{"error":"expected a JSON body, with content-type: application/json","code":"UNSUPPORTED_MEDIA_TYPE","request_id":"demo-09"}"#,
    ),
    (
        "POST",
        "/products",
        413,
        r#"{"error":"the request body is larger than this server accepts","code":"CONTENT_TOO_LARGE","request_id":"demo-10"}"#,
    ),
    (
        "POST",
        "/products",
        422,
        r##"{"error":"the product is not valid","code":"VALIDATION_FAILED","request_id":"demo-11","errors":[{"detail":"must be 3 to 32 characters of A-Z, 0-9 and -","pointer":"#/sku"},{"detail":"must be greater than 0","pointer":"#/price_cents"}]}"##,
    ),
    (
        "POST",
        "/products",
        429,
        r#"{"error":"at most 3 new products per minute per client","code":"RATE_LIMITED","request_id":"demo-12","limit":3}"#,
    ),
    (
        "PUT",
        "/products/2",
        200,
        r#"{"id":2,"sku":"GADGET-2","name":"Gadget Pro","price_cents":3000}"#,
    ),
    (
        "PUT",
        "/products/2",
        422,
        r##"{"error":"the product is not valid","code":"VALIDATION_FAILED","request_id":"demo-14","errors":[{"detail":"must not be empty","pointer":"#/name"}]}"##,
    ),
    (
        "PUT",
        "/products/2",
        422,
        r##"{"error":"the request body does not have the expected shape: invalid type: string \"cheap\", expected u64 at line 1 column 55","code":"INVALID_BODY","request_id":"demo-15","errors":[{"detail":"invalid type: string \"cheap\", expected u64 at line 1 column 55","pointer":"#/price_cents"}]}"##,
    ),
    ("DELETE", "/products/2", 204, ""),
    (
        "DELETE",
        "/products/2",
        404,
        r#"{"error":"product 2 not found","code":"PRODUCT_NOT_FOUND","request_id":"demo-17","id":2}"#,
    ),
    (
        "GET",
        "/admin/products",
        401,
        r#"{"error":"a bearer token is required","code":"MISSING_TOKEN","request_id":"demo-18"}"#,
    ),
    (
        "GET",
        "/admin/products",
        401,
        r#"{"error":"the bearer token is not valid","code":"INVALID_TOKEN","request_id":"demo-19"}"#,
    ),
    (
        "GET",
        "/admin/products",
        403,
        r#"{"error":"only admins may list every product","code":"NOT_ADMIN","request_id":"demo-20"}"#,
    ),
    (
        "GET",
        "/admin/products",
        200,
        r#"[{"id":1,"sku":"WIDGET-1","name":"Widget","price_cents":1999}]"#,
    ),
    (
        "GET",
        "/products/1/shipping",
        502,
        r#"{"error":"Bad Gateway","code":"UPSTREAM_FAILED","request_id":"demo-22"}"#,
    ),
    (
        "GET",
        "/reports/sales",
        500,
        r#"{"error":"Internal Server Error","code":"DATABASE_ERROR","request_id":"demo-23"}"#,
    ),
    (
        "GET",
        "/reports/inventory",
        500,
        r#"{"error":"Internal Server Error","code":"INTERNAL_SERVER_ERROR","request_id":"demo-24"}"#,
    ),
    (
        "GET",
        "/nope",
        404,
        r#"{"error":"no route for GET /nope","code":"NOT_FOUND","request_id":"demo-25"}"#,
    ),
    (
        "PATCH",
        "/products/1",
        405,
        r#"{"error":"PATCH is not allowed on this resource","code":"METHOD_NOT_ALLOWED","request_id":"demo-26"}"#,
    ),
];

#[tokio::test]
async fn demo_matches_the_guide() {
    let rows = products::demo().await;
    let got: Vec<(&str, &str, u16, &str)> = rows
        .iter()
        .map(|row| (row.method, row.path, row.status, row.body.as_str()))
        .collect();
    assert_eq!(got, EXPECTED);
    // The demo's own expectations (what `--demo` checks before exiting 0) agree.
    for row in &rows {
        assert_eq!(row.status, row.expect, "{} {}", row.method, row.path);
    }

    for row in &rows {
        let content_type = row.header("content-type");
        match row.status {
            204 => assert_eq!(content_type, None),
            _ => assert_eq!(
                content_type,
                Some("application/json"),
                "{} {}",
                row.method,
                row.path
            ),
        }
    }
    let header = |i: usize, name: &str| rows[i].header(name).map(str::to_owned);
    for (i, row) in rows.iter().enumerate() {
        // Every response carries the id the demo sent, errors in their body too.
        assert_eq!(row.request_id, format!("demo-{:02}", i + 1));
    }
    let head_length = r#"{"error":"product 42 not found","code":"PRODUCT_NOT_FOUND","request_id":"demo-03","id":42}"#.len();
    assert_eq!(
        header(2, "content-length"),
        Some(head_length.to_string()),
        "HEAD: the length GET would send"
    );
    assert_eq!(header(5, "location").as_deref(), Some("/products/2"));
    let retry_after: u64 = header(11, "retry-after")
        .expect("429 carries Retry-After")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_eq!(
        header(17, "www-authenticate").as_deref(),
        Some(r#"Bearer realm="products""#)
    );
    assert_eq!(
        header(18, "www-authenticate").as_deref(),
        Some(r#"Bearer realm="products", error="invalid_token""#)
    );
    assert_eq!(
        header(19, "www-authenticate").as_deref(),
        Some(r#"Bearer realm="products", error="insufficient_scope""#)
    );
    assert_eq!(header(25, "allow").as_deref(), Some("GET,HEAD,PUT,DELETE"));
}

/// The 5xx Display texts hold a password and internal hosts: none of it is on the wire.
#[tokio::test]
async fn server_errors_are_redacted() {
    let rows = products::demo().await;
    let server_errors: Vec<_> = rows.iter().filter(|row| row.status >= 500).collect();
    assert_eq!(server_errors.len(), 3);
    for row in server_errors {
        for secret in [
            "hunter2",
            "db.internal",
            "shipping.internal",
            "postgres://",
            "warehouse",
        ] {
            assert!(!row.body.contains(secret), "{}: {}", row.path, row.body);
            assert!(
                row.headers.iter().all(|(_, v)| !v.contains(secret)),
                "{}",
                row.path
            );
        }
    }
}
