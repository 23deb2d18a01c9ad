//! What an adversarial audit threw at the adapters, from the user's side: a `Display` that
//! fails, a hand-written `ApiError` (a public trait) with a status, reason phrase or headers
//! that HTTP forbids, reached through a derived `transparent` variant, and field values a
//! header may not take. One table, both frameworks, checked on a real client and on the
//! raw bytes of the wire: no panic, no injection, no error sent as 1xx/2xx/3xx.

#![cfg(all(feature = "axum", feature = "actix-web"))]

mod support;

use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// One request and every byte of what must come back, but the framework's own headers.
struct Row {
    path: &'static str,
    /// The status line, without CRLF.
    status_line: &'static str,
    /// The headers besides `content-length`, sorted by name.
    headers: &'static [(&'static str, &'static str)],
    body: &'static str,
    /// Text that must not appear anywhere on the wire.
    absent: &'static [&'static str],
}

const JSON: (&str, &str) = ("content-type", "application/json");

/// The body of a 500 that replaced a [`support::Rogue`]'s own status.
const ROGUE_500: &str = r#"{"error":"Internal Server Error","code":"ROGUE"}"#;

const TABLE: &[Row] = &[
    // 1. The message's `Display` fails: the reason phrase is the message.
    Row {
        path: "/hostile/display",
        status_line: "HTTP/1.1 400 Bad Request",
        headers: &[JSON],
        body: r#"{"error":"Bad Request","code":"BAD_DISPLAY"}"#,
        absent: &["half"],
    },
    // 1. An exposed field's `Serialize` writes a failing `Display`: no exposed fields.
    Row {
        path: "/hostile/field",
        status_line: "HTTP/1.1 422 Unprocessable Content",
        headers: &[JSON],
        body: r#"{"error":"Unprocessable Content","code":"BAD_FIELD"}"#,
        absent: &["half", "\"field\""],
    },
    // 2. A reason phrase with CRLF: the registry's phrase goes on the status line.
    Row {
        path: "/hostile/reason",
        status_line: "HTTP/1.1 500 Internal Server Error",
        headers: &[JSON],
        body: r#"{"error":"rogue","code":"ROGUE"}"#,
        absent: &["Oops", "Set-Cookie", "reason=1"],
    },
    // 3. Statuses that are not errors: a 500 with the body of a 500, the code kept, and
    // none of their headers.
    Row {
        path: "/hostile/101",
        status_line: "HTTP/1.1 500 Internal Server Error",
        headers: &[JSON],
        body: ROGUE_500,
        absent: &["websocket", "101"],
    },
    Row {
        path: "/hostile/200",
        status_line: "HTTP/1.1 500 Internal Server Error",
        headers: &[JSON],
        body: ROGUE_500,
        absent: &["200 OK"],
    },
    Row {
        path: "/hostile/204",
        status_line: "HTTP/1.1 500 Internal Server Error",
        headers: &[JSON],
        body: ROGUE_500,
        absent: &["204"],
    },
    Row {
        path: "/hostile/304",
        status_line: "HTTP/1.1 500 Internal Server Error",
        headers: &[JSON],
        body: ROGUE_500,
        absent: &["304", "etag"],
    },
    // 4. Connection and framing headers are the server's: dropped, the rest sent.
    Row {
        path: "/hostile/framing",
        status_line: "HTTP/1.1 409 Conflict",
        headers: &[JSON, ("x-kept", "yes")],
        body: r#"{"error":"rogue","code":"ROGUE"}"#,
        absent: &[
            "chunked",
            "gzip",
            "evil.example",
            "h2c",
            "content-length: 0\r\n",
        ],
    },
    // 5. A 401 whose challenge cannot be sent (CRLF, or empty) would break RFC 9110
    // §15.5.2: the server failed, so it is a 500.
    Row {
        path: "/hostile/challenge",
        status_line: "HTTP/1.1 500 Internal Server Error",
        headers: &[JSON],
        body: r#"{"error":"Internal Server Error","code":"CHALLENGE"}"#,
        absent: &["Set-Cookie", "www-authenticate", "realm"],
    },
    Row {
        path: "/hostile/empty-challenge",
        status_line: "HTTP/1.1 500 Internal Server Error",
        headers: &[JSON],
        body: r#"{"error":"Internal Server Error","code":"CHALLENGE"}"#,
        absent: &["www-authenticate"],
    },
    // 7. A 10 MiB field value is over the 8 KiB cap: dropped.
    Row {
        path: "/hostile/big",
        status_line: "HTTP/1.1 429 Too Many Requests",
        headers: &[JSON],
        body: r#"{"error":"slow down","code":"BIG"}"#,
        absent: &["x-big", "xxxxxxxx"],
    },
    // A `Retry-After` that is neither seconds nor a date: dropped.
    Row {
        path: "/hostile/big-retry",
        status_line: "HTTP/1.1 503 Service Unavailable",
        headers: &[JSON],
        body: r#"{"error":"rogue","code":"ROGUE"}"#,
        absent: &["retry-after", "soon"],
    },
];

async fn check_table(addr: SocketAddr) {
    for row in TABLE {
        let reply = support::send(addr, "GET", row.path).await;
        let length = row.body.len().to_string();
        let mut expected: Vec<(&str, &str)> = row.headers.to_vec();
        expected.push(("content-length", &length));
        expected.sort_unstable();
        assert_eq!(reply.sorted_headers(), expected, "{}", row.path);
        assert_eq!(reply.body, row.body, "{}", row.path);

        let wire = support::raw(addr, "GET", row.path);
        assert!(
            wire.starts_with(&format!("{}\r\n", row.status_line)),
            "{}: {wire:.300}",
            row.path
        );
        assert!(
            wire.ends_with(&format!("\r\n\r\n{}", row.body)),
            "{}",
            row.path
        );
        let lower = wire.to_ascii_lowercase();
        for absent in row.absent {
            assert!(
                !lower.contains(&absent.to_ascii_lowercase()),
                "{}: `{absent}` is on the wire: {wire:.300}",
                row.path
            );
        }
    }
}

#[tokio::test]
async fn axum_keeps_the_wire_correct_under_hostile_errors() {
    check_table(support::axum_server()).await;
}

#[tokio::test]
async fn actix_keeps_the_wire_correct_under_hostile_errors() {
    check_table(support::actix_server()).await;
}

/// A former 204 pipelined before another request: each response is whole, so the second
/// is read as the second (a body after a real 204 would be read as the next response).
fn check_pipelined(addr: SocketAddr) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(
        stream,
        "GET /hostile/204 HTTP/1.1\r\nHost: {addr}\r\n\r\n\
         GET /not-found HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("write");
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).expect("read");
    let wire = String::from_utf8_lossy(&bytes);
    let responses: Vec<&str> = wire.split("HTTP/1.1 ").skip(1).collect();
    assert_eq!(responses.len(), 2, "{wire}");
    assert!(
        responses[0].starts_with("500 Internal Server Error\r\n"),
        "{wire}"
    );
    assert!(responses[0].ends_with(ROGUE_500), "{wire}");
    assert!(responses[1].starts_with("404 Not Found\r\n"), "{wire}");
    assert!(responses[1].ends_with(support::NOT_FOUND_BODY), "{wire}");
}

#[test]
fn axum_pipelined_responses_stay_apart() {
    check_pipelined(support::axum_server());
}

#[test]
fn actix_pipelined_responses_stay_apart() {
    check_pipelined(support::actix_server());
}

/// `http::response`, `Debug` of the bodies and `collect_headers` on a failing `Display`:
/// values, not panics.
#[test]
fn no_runtime_path_panics_on_a_failing_display() {
    use status::ApiError as _;

    let error = support::Hostile::BadDisplay(support::FailingDisplay);
    assert_eq!(
        status::http::response(&error).body(),
        br#"{"error":"Bad Request","code":"BAD_DISPLAY"}"#
    );
    assert_eq!(
        format!("{:?}", error.body()),
        r#"Body { error: "bad: half", code: "BAD_DISPLAY", .. }"#
    );
    assert_eq!(
        serde_json::to_string(&error.problem())
            .unwrap_err()
            .to_string(),
        "a Display implementation returned an error"
    );
    let error = support::Hostile::Challenge {
        challenge: "Bearer".to_owned(),
    };
    assert_eq!(
        status::collect_headers(&error),
        [("WWW-Authenticate", "Bearer".to_owned())]
    );
    let error = support::Rogue {
        status: 409,
        reason: "Conflict",
        headers: Vec::new(),
    };
    let failing = FailingHeader(error);
    assert_eq!(status::collect_headers(&failing), []);
    assert_eq!(status::http::response(&failing).status(), 409);
}

/// A hand-written error whose one header's `Display` fails.
#[derive(Debug)]
struct FailingHeader(support::Rogue);

impl std::fmt::Display for FailingHeader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("failing header")
    }
}

impl std::error::Error for FailingHeader {}

impl status::ApiError for FailingHeader {
    const CATALOG: &'static [status::Entry] = &[];

    fn status(&self) -> status::Status {
        self.0.status()
    }
    fn code(&self) -> &'static str {
        "FAILING_HEADER"
    }
    fn message(&self) -> status::Message<'_> {
        status::Message::Display(self)
    }
    fn headers(&self, visit: &mut dyn FnMut(&'static str, status::HeaderValue<'_>)) {
        visit(
            "X-Fails",
            status::HeaderValue::Display(&support::FailingDisplay),
        );
    }
}
