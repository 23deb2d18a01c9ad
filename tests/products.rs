//! `cargo run --example products -- --demo` as a test: every response has the status the
//! guide's mapping table prescribes, every error the exact JSON body, and the headers HTTP
//! requires (`WWW-Authenticate` on 401, `Allow` on 405, `Retry-After` on 429).

#[path = "../examples/products.rs"]
#[allow(dead_code, clippy::pedantic)]
mod products;

/// Method, path, the status the guide prescribes, and the exact body. The guide's table:
/// GET 200 / 404, POST 201 / 400 / 409 / 429, PUT 200 / 422, DELETE 204 / 404, 401 "who are
/// you?", 403 "I know you but you cannot do this", 502 upstream, 500 our own failure.
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
        r#"{"error":"product 42 not found","code":"PRODUCT_NOT_FOUND","id":42}"#,
    ),
    ("HEAD", "/products/42", 404, ""),
    (
        "GET",
        "/products/abc",
        400,
        r#"{"error":"`abc` is not a product id","code":"INVALID_ID"}"#,
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
        r#"{"error":"a product with SKU WIDGET-1 already exists","code":"DUPLICATE_SKU","sku":"WIDGET-1"}"#,
    ),
    (
        "POST",
        "/products",
        400,
        r#"{"error":"the request body is not valid JSON","code":"MALFORMED_JSON"}"#,
    ),
    (
        "POST",
        "/products",
        415,
        r#"{"error":"expected a JSON body (content-type: application/json)","code":"UNSUPPORTED_MEDIA_TYPE"}"#,
    ),
    (
        "POST",
        "/products",
        422,
        r#"{"error":"price_cents must be greater than 0","code":"VALIDATION_FAILED","field":"price_cents"}"#,
    ),
    (
        "POST",
        "/products",
        429,
        r#"{"error":"at most 5 new products per minute per client","code":"RATE_LIMITED","limit":5}"#,
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
        r#"{"error":"name must not be empty","code":"VALIDATION_FAILED","field":"name"}"#,
    ),
    (
        "PUT",
        "/products/2",
        422,
        r#"{"error":"the request body is JSON, but not a product: missing field `price_cents` at line 1 column 34","code":"INVALID_BODY"}"#,
    ),
    ("DELETE", "/products/2", 204, ""),
    (
        "DELETE",
        "/products/2",
        404,
        r#"{"error":"product 2 not found","code":"PRODUCT_NOT_FOUND","id":2}"#,
    ),
    (
        "GET",
        "/admin/products",
        401,
        r#"{"error":"a bearer token is required","code":"MISSING_TOKEN"}"#,
    ),
    (
        "GET",
        "/admin/products",
        401,
        r#"{"error":"the bearer token is not valid","code":"INVALID_TOKEN"}"#,
    ),
    (
        "GET",
        "/admin/products",
        403,
        r#"{"error":"only admins may list every product","code":"NOT_ADMIN"}"#,
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
        r#"{"error":"Bad Gateway","code":"UPSTREAM_FAILED"}"#,
    ),
    (
        "GET",
        "/reports/sales",
        500,
        r#"{"error":"Internal Server Error","code":"DATABASE_ERROR"}"#,
    ),
    (
        "GET",
        "/nope",
        404,
        r#"{"error":"no route for GET /nope","code":"ROUTE_NOT_FOUND"}"#,
    ),
    (
        "PATCH",
        "/products/1",
        405,
        r#"{"error":"PATCH is not allowed on this resource","code":"METHOD_NOT_ALLOWED"}"#,
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
    assert_eq!(
        header(2, "content-length").as_deref(),
        Some("67"),
        "HEAD: the length GET would send"
    );
    assert_eq!(header(4, "location").as_deref(), Some("/products/2"));
    let retry_after: u64 = header(9, "retry-after")
        .expect("429 carries Retry-After")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_eq!(
        header(15, "www-authenticate").as_deref(),
        Some(r#"Bearer realm="products""#)
    );
    assert_eq!(
        header(16, "www-authenticate").as_deref(),
        Some(r#"Bearer realm="products", error="invalid_token""#)
    );
    assert_eq!(
        header(17, "www-authenticate").as_deref(),
        Some(r#"Bearer realm="products", error="insufficient_scope""#)
    );
    assert_eq!(header(22, "allow").as_deref(), Some("GET,HEAD,PUT,DELETE"));
}

/// The 5xx Display texts hold a password and internal hosts: none of it is on the wire.
#[tokio::test]
async fn server_errors_are_redacted() {
    let rows = products::demo().await;
    let server_errors: Vec<_> = rows.iter().filter(|row| row.status >= 500).collect();
    assert_eq!(server_errors.len(), 2);
    for row in server_errors {
        for secret in ["hunter2", "db.internal", "shipping.internal", "postgres://"] {
            assert!(!row.body.contains(secret), "{}: {}", row.path, row.body);
            assert!(
                row.headers.iter().all(|(_, v)| !v.contains(secret)),
                "{}",
                row.path
            );
        }
    }
}
