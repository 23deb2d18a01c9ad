//! A hand-written `ApiError` impl: only `status`, `code`, `message` and `CATALOG`; every
//! other item keeps the trait's default, and the bodies still come out right.

use std::fmt;

use status::{ApiError, Entry, Format, Message, Status, VariantInfo};

#[derive(Debug)]
struct Maintenance;

impl fmt::Display for Maintenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("down until 03:00")
    }
}

impl std::error::Error for Maintenance {}

impl ApiError for Maintenance {
    const CATALOG: &'static [Entry] = &[Entry::Variant(VariantInfo::new(
        "Maintenance",
        Status::SERVICE_UNAVAILABLE,
        "MAINTENANCE",
    ))];

    fn status(&self) -> Status {
        Status::SERVICE_UNAVAILABLE
    }

    fn code(&self) -> &'static str {
        "MAINTENANCE"
    }

    fn message(&self) -> Message<'_> {
        Message::Display(self)
    }
}

/// An unregistered status through the defaults: the title falls back to the class's phrase.
#[derive(Debug)]
struct Closed;

impl fmt::Display for Closed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("client closed the request")
    }
}

impl std::error::Error for Closed {}

impl ApiError for Closed {
    const CATALOG: &'static [Entry] = &[];

    fn status(&self) -> Status {
        Status::new(499).unwrap_or(Status::BAD_REQUEST)
    }

    fn code(&self) -> &'static str {
        "CLIENT_CLOSED"
    }

    fn message(&self) -> Message<'_> {
        Message::Static("client closed the request")
    }
}

#[test]
fn the_defaults_give_correct_bodies() {
    assert_eq!(Maintenance::FORMAT, Format::Plain);
    assert_eq!(Maintenance::PROBLEM_TYPE, None);
    assert_eq!(Maintenance.reason(), "Service Unavailable");
    assert!(status::collect_headers(&Maintenance).is_empty());
    assert_eq!(
        serde_json::to_string(&Maintenance.body()).unwrap(),
        r#"{"error":"down until 03:00","code":"MAINTENANCE"}"#
    );
    assert_eq!(
        serde_json::to_string(&Maintenance.problem()).unwrap(),
        r#"{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"down until 03:00","code":"MAINTENANCE"}"#
    );
}

#[test]
fn an_unregistered_status_reads_as_its_class() {
    assert_eq!(Closed.reason(), "Bad Request");
    assert_eq!(
        serde_json::to_string(&Closed.problem()).unwrap(),
        r#"{"type":"about:blank","title":"Bad Request","status":499,"detail":"client closed the request","code":"CLIENT_CLOSED"}"#
    );
}
