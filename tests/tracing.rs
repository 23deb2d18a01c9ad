//! The `tracing` feature: what the client never sees is in the server's log, every value
//! from the error escaped.

#![cfg(all(feature = "tracing", feature = "axum", feature = "actix-web"))]

mod support;

use support::capture::{capture, lines};

#[tokio::test]
async fn axum_5xx_logs_display_and_source_chain_not_the_response() {
    capture();
    let reply = support::send(support::axum_server(), "GET", "/database").await;
    assert_eq!(reply.status, 500);
    assert_eq!(
        reply.body,
        r#"{"error":"Internal Server Error","code":"DATABASE"}"#
    );
    assert!(!reply.body.contains(support::SECRET));
    assert_eq!(
        lines("code=DATABASE"),
        [concat!(
            "ERROR server error response status=500 code=DATABASE",
            " error=database error: connection to db.internal:5432 refused (user=shop password=hunter2)",
            " sources=connection to db.internal:5432 refused (user=shop password=hunter2): tcp connect refused",
        )]
    );
}

#[tokio::test]
async fn actix_5xx_is_logged_once_per_response() {
    capture();
    let reply = support::send(support::actix_server(), "GET", "/problem-5xx").await;
    assert_eq!(reply.status, 502);
    assert!(!reply.body.contains(support::SECRET), "{}", reply.body);
    assert_eq!(
        lines("code=GATEWAY"),
        [
            "ERROR server error response status=502 code=GATEWAY error=payment gateway at 10.0.0.7 said: token hunter2 rejected"
        ]
    );
}

#[tokio::test]
async fn client_errors_log_at_debug() {
    capture();
    let reply = support::send(support::axum_server(), "GET", "/not-found").await;
    assert_eq!(reply.status, 404);
    assert_eq!(
        lines("code=PRODUCT_NOT_FOUND"),
        [
            "DEBUG client error response status=404 code=PRODUCT_NOT_FOUND error=product 42 not found"
        ]
    );
}

#[tokio::test]
async fn a_dropped_header_is_logged_at_warn_escaped() {
    capture();
    let reply = support::send(support::actix_server(), "GET", "/injection").await;
    assert_eq!(reply.status, 503);
    assert_eq!(
        lines("code=BUSY"),
        [
            r"ERROR server error response status=503 code=BUSY error=busy for 10\r\nSet-Cookie: session=stolen seconds",
            concat!(
                "WARN header not sent: the value holds CR, LF or another byte a field value may not carry",
                r#" status=503 code=BUSY header=Retry-After value="10\r\nSet-Cookie: session=stolen""#,
            ),
        ]
    );
}

#[test]
fn the_http_builder_logs_too() {
    capture();
    let response = status::http::response(&support::ShopError::ClientGone);
    assert_eq!(response.status().as_u16(), 499);
    assert_eq!(
        lines("code=CLIENT_GONE"),
        ["DEBUG client error response status=499 code=CLIENT_GONE error=the client went away"]
    );
}

/// An exposed field whose `Serialize` fails.
#[derive(Debug)]
struct Unserializable;

impl serde::Serialize for Unserializable {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("cannot serialize this"))
    }
}

#[derive(Debug, thiserror::Error, status::ApiError)]
enum Broken {
    #[error("bad field")]
    #[status(400, code = "BROKEN_FIELD")]
    Field {
        #[status(expose)]
        field: Unserializable,
    },
}

#[test]
fn a_body_that_cannot_be_serialized_is_logged_at_error() {
    capture();
    let response = status::http::response(&Broken::Field {
        field: Unserializable,
    });
    assert_eq!(response.status().as_u16(), 400);
    assert_eq!(
        response.body(),
        br#"{"error":"Bad Request","code":"BROKEN_FIELD"}"#
    );
    assert_eq!(
        lines("code=BROKEN_FIELD"),
        [
            "DEBUG client error response status=400 code=BROKEN_FIELD error=bad field",
            "ERROR body not serializable; sent with the reason phrase and without exposed fields status=400 code=BROKEN_FIELD error=cannot serialize this",
        ]
    );
}

/// CWE-117: user input with CR or LF (a header value, an error's `Display`, a hand-written
/// reason phrase) is recorded escaped, so no record holds a raw line break, on either
/// framework; a failing `Display` is recorded, not a panic.
#[tokio::test]
async fn no_record_holds_a_raw_line_break() {
    capture();
    for addr in [support::axum_server(), support::actix_server()] {
        for path in [
            "/injection",
            "/injection-other",
            "/hostile/challenge",
            "/hostile/reason",
            "/hostile/display",
        ] {
            let _ = support::send(addr, "GET", path).await;
        }
    }
    let all = lines("");
    assert!(all.len() >= 20, "{all:#?}");
    for line in &all {
        assert!(!line.contains(['\r', '\n']), "a raw line break: {line:?}");
    }
    assert!(
        all.iter()
            .any(|line| line.contains(r"error=busy for 10\r\nSet-Cookie: session=stolen seconds")),
        "{all:#?}"
    );
    assert!(
        all.iter().any(|line| line.contains(
            r#"reason phrase not sent: it is not a valid reason-phrase (RFC 9112 §4) status=500 code=ROGUE reason="Oops\r\nSet-Cookie: reason=1""#
        )),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|line| line.contains("code=BAD_DISPLAY error=bad: half<Display failed>")),
        "{all:#?}"
    );
}

/// An error sent as 500 instead of its own status is logged at `error`, with why.
#[test]
fn a_replaced_status_is_logged_at_error() {
    capture();
    let error = support::Hostile::Challenge {
        challenge: String::new(),
    };
    assert_eq!(status::http::response(&error).status(), 500);
    let found = lines("code=CHALLENGE");
    assert!(
        found.contains(&"ERROR error response sent as 500 Internal Server Error: a 401 must send WWW-Authenticate (RFC 9110 §15.5.2), and it was not sent status=401 code=CHALLENGE error=who are you?".to_owned()),
        "{found:#?}"
    );
    assert!(
        found.contains(&r#"WARN header not sent: the value is empty, where it needs at least one challenge such as `Bearer` status=401 code=CHALLENGE header=WWW-Authenticate value="""#.to_owned()),
        "{found:#?}"
    );
}
