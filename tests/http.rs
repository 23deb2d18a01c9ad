//! `status::http`: the `http::Response` every adapter sends, and the `StatusCode`
//! conversions.

#![cfg(feature = "http")]

use std::fmt;

use http::StatusCode;
use status::{ApiError, Entry, InvalidStatus, Message, Status};

#[derive(Debug, thiserror::Error, ApiError)]
#[status(header("Cache-Control" = "no-store"))]
pub enum AuthError {
    #[error("token expired")]
    #[status(401)]
    Expired {
        #[status(header = "WWW-Authenticate")]
        challenge: String,
    },

    #[error("slow down, {user}")]
    #[status(429, retry_after = 120)]
    RateLimited {
        #[status(expose)]
        user: String,
        #[status(header = "X-RateLimit-Remaining")]
        remaining: String,
    },

    #[error("ldap at 10.1.2.3 is down: {0}")]
    #[status(503)]
    Directory(String),
}

#[derive(Debug, thiserror::Error, ApiError)]
#[error("conflict on {key}")]
#[status(409, code = "KEY_CONFLICT", format = "problem")]
pub struct Conflict {
    #[status(expose)]
    key: String,
}

fn headers(response: &http::Response<Vec<u8>>) -> Vec<(&str, &str)> {
    response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str(), value.to_str().unwrap_or("<not text>")))
        .collect()
}

fn body(response: &http::Response<Vec<u8>>) -> &str {
    std::str::from_utf8(response.body()).expect("UTF-8 body")
}

#[test]
fn plain_response_has_status_content_type_every_header_and_body() {
    let error = AuthError::RateLimited {
        user: "ada".into(),
        remaining: "0".into(),
    };
    let response = status::http::response(&error);
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.version(), http::Version::HTTP_11);
    assert_eq!(
        headers(&response),
        [
            ("content-type", "application/json"),
            ("cache-control", "no-store"),
            ("retry-after", "120"),
            ("x-ratelimit-remaining", "0"),
        ]
    );
    assert_eq!(
        body(&response),
        r#"{"error":"slow down, ada","code":"RATE_LIMITED","user":"ada"}"#
    );
}

#[test]
fn a_field_header_is_sent_from_its_display() {
    let error = AuthError::Expired {
        challenge: "Bearer error=\"invalid_token\"".into(),
    };
    let response = status::http::response(&error);
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        headers(&response),
        [
            ("content-type", "application/json"),
            ("cache-control", "no-store"),
            ("www-authenticate", "Bearer error=\"invalid_token\""),
        ]
    );
    assert_eq!(
        body(&response),
        r#"{"error":"token expired","code":"EXPIRED"}"#
    );
}

#[test]
fn problem_response_is_application_problem_json() {
    let response = status::http::response(&Conflict {
        key: "sku-1".into(),
    });
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(
        headers(&response),
        [("content-type", "application/problem+json")]
    );
    assert_eq!(
        body(&response),
        r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"conflict on sku-1","code":"KEY_CONFLICT","key":"sku-1"}"#
    );
}

#[test]
fn server_error_body_hides_the_display() {
    let response = status::http::response(&AuthError::Directory("bind password=hunter2".into()));
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        body(&response),
        r#"{"error":"Service Unavailable","code":"DIRECTORY"}"#
    );
}

#[test]
fn header_values_with_controls_are_dropped_and_nothing_else_changes() {
    for bad in [
        "0\r\nSet-Cookie: a=b",
        "0\nX: y",
        "0\r",
        "a\0b",
        "bell\x07",
        "del\x7f",
    ] {
        let error = AuthError::RateLimited {
            user: "ada".into(),
            remaining: bad.into(),
        };
        let response = status::http::response(&error);
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS, "{bad:?}");
        assert_eq!(
            headers(&response),
            [
                ("content-type", "application/json"),
                ("cache-control", "no-store"),
                ("retry-after", "120")
            ],
            "{bad:?}"
        );
        assert_eq!(
            body(&response),
            r#"{"error":"slow down, ada","code":"RATE_LIMITED","user":"ada"}"#
        );
    }
}

#[test]
fn tabs_spaces_and_obs_text_are_valid_values() {
    let error = AuthError::RateLimited {
        user: "ada".into(),
        remaining: "a\tb c é".into(),
    };
    let response = status::http::response(&error);
    assert_eq!(
        response.headers()["x-ratelimit-remaining"].as_bytes(),
        "a\tb c é".as_bytes()
    );
}

/// A hand-written impl can name headers the derive would reject: an invalid name, and the
/// framing headers the adapter owns. None is sent; no panic. Two values of one name are both
/// sent, in order (`http::HeaderMap` groups them under the name).
#[derive(Debug)]
pub struct HandWritten;

impl fmt::Display for HandWritten {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("teapot")
    }
}

impl std::error::Error for HandWritten {}

impl ApiError for HandWritten {
    const CATALOG: &'static [Entry] = &[];

    fn status(&self) -> Status {
        Status::BAD_REQUEST
    }
    fn code(&self) -> &'static str {
        "HAND_WRITTEN"
    }
    fn message(&self) -> Message<'_> {
        Message::Display(self)
    }
    fn headers(&self, visit: &mut dyn FnMut(&'static str, status::HeaderValue<'_>)) {
        visit("Bad Name", status::HeaderValue::Static("x"));
        visit("Content-Type", status::HeaderValue::Static("text/html"));
        visit("content-length", status::HeaderValue::Static("1"));
        visit("Transfer-Encoding", status::HeaderValue::Static("chunked"));
        visit("WWW-Authenticate", status::HeaderValue::Static("Bearer"));
        visit("X-Kept", status::HeaderValue::Display(&7));
        visit(
            "www-authenticate",
            status::HeaderValue::Static("Basic realm=\"legacy\""),
        );
    }
}

#[test]
fn invalid_names_and_framing_headers_are_dropped_repeated_names_kept() {
    let response = status::http::response(&HandWritten);
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        headers(&response),
        [
            ("content-type", "application/json"),
            ("www-authenticate", "Bearer"),
            ("www-authenticate", "Basic realm=\"legacy\""),
            ("x-kept", "7"),
        ]
    );
    assert_eq!(
        body(&response),
        r#"{"error":"teapot","code":"HAND_WRITTEN"}"#
    );
}

/// An exposed field whose `Serialize` fails: the response still goes out, with the reason
/// phrase and no fields.
pub struct Unserializable;

impl serde::Serialize for Unserializable {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("no"))
    }
}

impl fmt::Debug for Unserializable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Unserializable")
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
pub enum Broken {
    #[error("bad field")]
    #[status(400)]
    Plain {
        #[status(expose)]
        field: Unserializable,
    },
}

#[derive(Debug, thiserror::Error, ApiError)]
#[status(format = "problem", problem_type = "https://errors.example/")]
pub enum BrokenProblem {
    #[error("bad field")]
    #[status(422)]
    Problem {
        #[status(expose)]
        field: Unserializable,
    },
}

#[test]
fn unserializable_field_falls_back_to_a_body_without_fields() {
    let response = status::http::response(&Broken::Plain {
        field: Unserializable,
    });
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(body(&response), r#"{"error":"Bad Request","code":"PLAIN"}"#);
    let response = status::http::response(&BrokenProblem::Problem {
        field: Unserializable,
    });
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body(&response),
        r#"{"type":"https://errors.example/PROBLEM","title":"Unprocessable Content","status":422,"detail":"Unprocessable Content","code":"PROBLEM"}"#
    );
}

#[test]
fn every_status_converts_to_the_same_status_code_and_back() {
    for code in 100..=599 {
        let status = Status::new(code).expect("in range");
        let converted = StatusCode::from(status);
        assert_eq!(converted.as_u16(), code);
        assert_eq!(Status::try_from(converted), Ok(status));
        assert!(status == converted);
        assert!(converted == status);
    }
    // And unequal ones are unequal, both ways round.
    assert!(Status::NOT_FOUND != StatusCode::GONE);
    assert!(StatusCode::GONE != Status::NOT_FOUND);
}

#[test]
fn status_codes_600_and_up_do_not_convert() {
    for code in [600, 700, 999] {
        let converted = StatusCode::from_u16(code).expect("http accepts 100..=999");
        assert_eq!(Status::try_from(converted), Err(InvalidStatus(code)));
    }
}

#[test]
fn statuses_compare_with_status_codes() {
    assert!(Status::NOT_FOUND == StatusCode::NOT_FOUND);
    assert!(Status::NOT_FOUND != StatusCode::GONE);
    assert!(StatusCode::PAYLOAD_TOO_LARGE == Status::CONTENT_TOO_LARGE);
}

/// `max_header_bytes` moves the cap on a value from a field: at the cap it is sent, one byte
/// over it is dropped like an invalid value, and the rest of the response is unchanged.
#[derive(Debug, thiserror::Error, ApiError)]
#[status(max_header_bytes = 16)]
pub enum Capped {
    #[error("slow down")]
    #[status(429, retry_after = 5)]
    Slow {
        #[status(header = "X-Quota")]
        quota: String,
    },
}

#[test]
fn max_header_bytes_caps_a_field_value() {
    assert_eq!(Capped::MAX_HEADER_BYTES, 16);
    assert_eq!(AuthError::MAX_HEADER_BYTES, 8 * 1024);
    let at_cap = status::http::response(&Capped::Slow {
        quota: "q".repeat(16),
    });
    assert_eq!(
        headers(&at_cap),
        [
            ("content-type", "application/json"),
            ("retry-after", "5"),
            ("x-quota", "qqqqqqqqqqqqqqqq"),
        ]
    );
    let over = status::http::response(&Capped::Slow {
        quota: "q".repeat(17),
    });
    assert_eq!(
        headers(&over),
        [("content-type", "application/json"), ("retry-after", "5")]
    );
    assert_eq!(body(&over), r#"{"error":"slow down","code":"SLOW"}"#);
}
