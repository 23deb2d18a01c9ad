//! The packed catalog (a few literals decoded in `const` evaluation) gives the entries
//! `VariantInfo`'s builder gives, with and without a `transparent` variant among them (its
//! row names the inner catalog). The same variants are derived both ways, and each entry is
//! checked against the builder.

use status::{ApiError, Entry, MessageSource, Status, VariantInfo};

/// Every message source, strings that need escaping (quotes, backslashes, a carriage return
/// that may not appear raw in a literal) or are not ASCII, an unregistered
/// status, exposed fields and headers (static, from fields, and both), shared and distinct
/// name lists.
macro_rules! variants {
    ($name:ident $(, $extra:ident)?) => {
        #[allow(dead_code)] // only the catalog is read
        #[derive(Debug, thiserror::Error, ApiError)]
        pub enum $name {
            #[error("Benutzer nicht gefunden — ü")]
            #[status(404, code = "USER_NOT_FOUND")]
            NotFound,
            #[error("item {id} is \"gone\"\\ \n really")]
            #[status(410)]
            Gone {
                #[status(expose)]
                id: u64,
            },
            #[error("db: {0}")]
            #[status(500)]
            Database(String),
            #[error("crashed")]
            #[status(500, expose)]
            Crash,
            #[error("db: {0}")]
            #[status(503, expose, retry_after = 30)]
            Unavailable(String),
            #[error("bad password for {user}")]
            #[status(401, redact, www_authenticate = "Bearer realm=\"api\"")]
            BadPassword { user: String },
            #[error("x")]
            #[status(422, message = "Prüfung fehlgeschlagen: \"name\" \\ \u{7f}")]
            Invalid {
                #[status(expose)]
                id: u64,
                #[status(expose = "field_name")]
                field: String,
            },
            #[error("closed")]
            #[status(499, reason = "Client Closed Request")]
            Closed,
            #[error("plain ASCII, but \"quoted\" and \\ escaped")]
            #[status(400)]
            Quoted,
            #[error("carriage\rreturn")]
            #[status(400)]
            Carriage,
            #[error("slow down")]
            #[status(429, code = "RATE_LIMITED", header("X-Limit" = "10"))]
            Limited {
                #[status(expose)]
                id: u64,
                #[status(header = "Retry-After")]
                wait: u32,
            },
            $(
                #[error(transparent)]
                #[status(transparent)]
                $extra(#[from] Inner),
            )?
        }
    };
}

#[derive(Debug, thiserror::Error, ApiError)]
pub enum Inner {
    #[error("inner")]
    #[status(409, code = "INNER")]
    Conflict,
}

variants!(Packed);
variants!(Literal, Nested);

fn own(catalog: &'static [Entry]) -> Vec<VariantInfo> {
    catalog
        .iter()
        .filter_map(|entry| match entry {
            Entry::Variant(info) => Some(*info),
            Entry::Transparent { .. } => None,
        })
        .collect()
}

#[test]
fn both_encodings_give_the_same_entries() {
    assert_eq!(Packed::CATALOG.len(), 11);
    assert_eq!(Literal::CATALOG.len(), 12);
    assert_eq!(own(Packed::CATALOG), own(Literal::CATALOG));
}

#[test]
fn every_entry_is_what_the_builder_gives() {
    let expected = [
        VariantInfo::new("NotFound", Status::NOT_FOUND, "USER_NOT_FOUND")
            .text("Benutzer nicht gefunden — ü"),
        VariantInfo::new("Gone", Status::GONE, "GONE").fields(&["id"]),
        VariantInfo::new("Database", Status::INTERNAL_SERVER_ERROR, "DATABASE"),
        VariantInfo::new("Crash", Status::INTERNAL_SERVER_ERROR, "CRASH")
            .message(MessageSource::Display)
            .text("crashed"),
        VariantInfo::new("Unavailable", Status::SERVICE_UNAVAILABLE, "UNAVAILABLE")
            .message(MessageSource::Display)
            .headers(&["Retry-After"])
            .static_headers(&[("Retry-After", "30")]),
        VariantInfo::new("BadPassword", Status::UNAUTHORIZED, "BAD_PASSWORD")
            .message(MessageSource::Reason)
            .headers(&["WWW-Authenticate"])
            .static_headers(&[("WWW-Authenticate", "Bearer realm=\"api\"")]),
        VariantInfo::new("Invalid", Status::UNPROCESSABLE_CONTENT, "INVALID")
            .message(MessageSource::Fixed(
                "Prüfung fehlgeschlagen: \"name\" \\ \u{7f}",
            ))
            .fields(&["id", "field_name"]),
        VariantInfo::new("Closed", Status::new(499).unwrap(), "CLOSED")
            .reason("Client Closed Request")
            .text("closed"),
        VariantInfo::new("Quoted", Status::BAD_REQUEST, "QUOTED")
            .text("plain ASCII, but \"quoted\" and \\ escaped"),
        VariantInfo::new("Carriage", Status::BAD_REQUEST, "CARRIAGE").text("carriage\rreturn"),
        VariantInfo::new("Limited", Status::TOO_MANY_REQUESTS, "RATE_LIMITED")
            .fields(&["id"])
            .headers(&["X-Limit", "Retry-After"])
            .static_headers(&[("X-Limit", "10")])
            .text("slow down"),
    ];
    assert_eq!(own(Packed::CATALOG), expected);
}

#[test]
fn the_nested_entry_stays_in_place() {
    match Literal::CATALOG[11] {
        Entry::Transparent { name, inner } => {
            assert_eq!(name, "Nested");
            assert_eq!(inner, Inner::CATALOG);
        }
        Entry::Variant(info) => panic!("expected the transparent entry, got {info:?}"),
    }
}
