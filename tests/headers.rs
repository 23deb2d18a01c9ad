//! Headers: from the attribute, from the enum's defaults, and from fields.

use status::{ApiError, HeaderValue, collect_headers};

#[derive(Debug, thiserror::Error, ApiError)]
#[status(header("Cache-Control" = "no-store"))]
pub enum AuthError {
    #[error("missing token")]
    #[status(401, www_authenticate = "Bearer realm=\"api\"")]
    MissingToken,

    #[error("token expired")]
    #[status(401)]
    Expired {
        #[status(header = "WWW-Authenticate")]
        challenge: String,
    },

    #[error("use GET")]
    #[status(405, allow = "GET, HEAD")]
    WrongMethod,

    #[error("slow down")]
    #[status(429, retry_after = 120, header("X-RateLimit-Limit" = "100"))]
    RateLimited {
        #[status(header = "X-RateLimit-Remaining")]
        remaining: u32,
    },

    #[error("retry at a date")]
    #[status(503, retry_after = "Wed, 21 Oct 2026 07:28:00 GMT")]
    Down,

    #[error("override")]
    #[status(400, header("cache-control" = "max-age=5"))]
    Override,
}

#[test]
fn static_headers_in_order_with_enum_defaults_first() {
    assert_eq!(
        collect_headers(&AuthError::MissingToken),
        [
            ("Cache-Control", "no-store".to_owned()),
            ("WWW-Authenticate", "Bearer realm=\"api\"".to_owned()),
        ]
    );
    assert_eq!(
        collect_headers(&AuthError::WrongMethod),
        [
            ("Cache-Control", "no-store".to_owned()),
            ("Allow", "GET, HEAD".to_owned())
        ]
    );
    assert_eq!(
        collect_headers(&AuthError::Down),
        [
            ("Cache-Control", "no-store".to_owned()),
            ("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT".to_owned()),
        ]
    );
}

#[test]
fn a_field_can_be_the_required_header() {
    let err = AuthError::Expired {
        challenge: "Bearer error=\"invalid_token\"".into(),
    };
    assert_eq!(
        collect_headers(&err),
        [
            ("Cache-Control", "no-store".to_owned()),
            (
                "WWW-Authenticate",
                "Bearer error=\"invalid_token\"".to_owned()
            ),
        ]
    );
}

#[test]
fn field_headers_are_displayed_not_stored() {
    let err = AuthError::RateLimited { remaining: 0 };
    let mut seen = Vec::new();
    err.headers(&mut |name, value| {
        let kind = match value {
            HeaderValue::Static(_) => "static",
            HeaderValue::Display(_) => "display",
        };
        seen.push((name, kind, value.to_string()));
    });
    assert_eq!(
        seen,
        [
            ("Cache-Control", "static", "no-store".to_owned()),
            ("Retry-After", "static", "120".to_owned()),
            ("X-RateLimit-Limit", "static", "100".to_owned()),
            ("X-RateLimit-Remaining", "display", "0".to_owned()),
        ]
    );
}

#[test]
fn a_variant_header_replaces_the_enum_default_of_the_same_name() {
    assert_eq!(
        collect_headers(&AuthError::Override),
        [("cache-control", "max-age=5".to_owned())]
    );
}

#[test]
fn header_value_checks() {
    assert!(status::is_valid_header_value(b"Bearer realm=\"api\""));
    assert!(status::is_valid_header_value(b"tab\there"));
    assert!(status::is_valid_header_value("caf\u{e9}".as_bytes()));
    assert!(!status::is_valid_header_value(b"a\r\nSet-Cookie: x=1"));
    assert!(!status::is_valid_header_value(b"nul\0"));
    assert!(!status::is_valid_header_value(b"del\x7f"));
    assert!(status::is_valid_header_name("X-RateLimit-Limit"));
    assert!(!status::is_valid_header_name("X Name"));
    assert!(!status::is_valid_header_name(""));
}

#[test]
fn header_values_debug_as_the_text_they_send() {
    assert_eq!(
        format!("{:?}", HeaderValue::Static("no-store")),
        r#""no-store""#
    );
    assert_eq!(format!("{:?}", HeaderValue::Display(&42)), r#""42""#);
}

/// Variants taking a header from a field of the same name and type share one arm of the
/// expansion's `match`; each still sends its own value.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Quota {
    #[error("minute")]
    #[status(409)]
    Minute {
        #[status(header = "X-RateLimit-Remaining")]
        left: u32,
    },
    #[error("hour")]
    #[status(409)]
    Hour {
        #[status(header = "X-RateLimit-Remaining")]
        left: u32,
    },
    #[error("day")]
    #[status(409)]
    Day {
        #[status(header = "X-RateLimit-Remaining")]
        left: u64,
    },
    #[error("week")]
    #[status(409)]
    Week {
        #[status(header = "X-RateLimit-Reset")]
        left: u32,
    },
}

#[test]
fn variants_sharing_a_header_arm_each_send_their_own_value() {
    let sent = [
        Quota::Minute { left: 1 },
        Quota::Hour { left: 2 },
        Quota::Day { left: 3 },
        Quota::Week { left: 4 },
    ]
    .map(|e| collect_headers(&e));
    assert_eq!(
        sent,
        [
            [("X-RateLimit-Remaining", "1".to_owned())],
            [("X-RateLimit-Remaining", "2".to_owned())],
            [("X-RateLimit-Remaining", "3".to_owned())],
            [("X-RateLimit-Reset", "4".to_owned())],
        ]
    );
}
