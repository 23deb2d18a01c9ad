//! `message = "...{field}..."`: the public text formatted from the fields, as thiserror's
//! `#[error]` is, and what the catalog, the bodies and a failing `Display` make of it.

use std::fmt;

use status::{ApiError, MessageSource};

/// A value whose `Display` fails, as a broken `Display` impl of a user type would.
#[derive(Debug, serde::Serialize)]
pub struct Broken;

impl fmt::Display for Broken {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Err(fmt::Error)
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
pub enum PriceError {
    #[error("price {cents} of {sku} is below cost {cost}")]
    #[status(422, message = "the price of {sku} is too low")]
    TooLow { sku: String, cents: u32, cost: u32 },

    #[error("{0} of {1}")]
    #[status(409, message = "{{{1}}} is locked by {0}, retry {1}")]
    Held(String, u32),

    #[error("db down")]
    #[status(503, message = "shard {shard} is down")]
    ShardDown { shard: u8 },

    #[error("broken")]
    #[status(400, message = "bad {value}")]
    Broken { value: Broken },

    #[error("gone")]
    #[status(410, message = "Gone for good")]
    Gone,
}

#[test]
fn the_template_is_formatted_from_the_fields() {
    let e = PriceError::TooLow {
        sku: "A-1".into(),
        cents: 5,
        cost: 9,
    };
    assert_eq!(
        serde_json::to_string(&e.body()).unwrap(),
        r#"{"error":"the price of A-1 is too low","code":"TOO_LOW"}"#
    );
    assert_eq!(
        serde_json::to_string(&e.problem()).unwrap(),
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the price of A-1 is too low","code":"TOO_LOW"}"#
    );
}

#[test]
fn tuple_fields_braces_and_a_field_twice() {
    let e = PriceError::Held("ops".into(), 7);
    assert_eq!(e.message().to_string(), "{7} is locked by ops, retry 7");
}

/// A 5xx's `message` is public by the user's choice, template or not.
#[test]
fn a_5xx_sends_its_template() {
    let e = PriceError::ShardDown { shard: 3 };
    assert_eq!(
        serde_json::to_string(&e.body()).unwrap(),
        r#"{"error":"shard 3 is down","code":"SHARD_DOWN"}"#
    );
}

/// The failure rule of every message: the body's serialization reports the error, and the
/// response goes out with the status, the code and the reason phrase as the text.
#[test]
fn a_failing_display_in_the_template_sends_the_reason_phrase() {
    let e = PriceError::Broken { value: Broken };
    assert!(serde_json::to_string(&e.body()).is_err());
    let response = status::http::response(&e);
    assert_eq!(response.status(), 400);
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        r#"{"error":"Bad Request","code":"BROKEN"}"#
    );
}

#[test]
fn the_catalog_holds_the_template_and_no_fixed_text() {
    let info = |name: &str| {
        PriceError::CATALOG
            .iter()
            .find_map(|entry| match entry {
                status::Entry::Variant(info) if info.name == name => Some(info),
                _ => None,
            })
            .unwrap()
    };
    assert_eq!(
        info("TooLow").message,
        MessageSource::Template("the price of {sku} is too low")
    );
    assert_eq!(info("TooLow").text, None);
    assert_eq!(info("Gone").message, MessageSource::Fixed("Gone for good"));
    assert_eq!(info("Gone").text, Some("Gone for good"));
}

/// A field of a type parameter in a template: the derive bounds it by `Display`.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Lookup<K: fmt::Debug> {
    #[error("no {key:?}")]
    #[status(404, message = "no entry for {key}")]
    Missing { key: K },
}

#[test]
fn a_generic_field_in_a_template() {
    let e = Lookup::Missing { key: 7_u32 };
    assert_eq!(e.message().to_string(), "no entry for 7");
}

/// A struct error's template.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("quota {used}/{limit}")]
#[status(429, message = "quota of {limit} requests used up")]
pub struct QuotaExceeded {
    used: u32,
    limit: u32,
}

#[test]
fn a_struct_template() {
    let e = QuotaExceeded {
        used: 10,
        limit: 10,
    };
    assert_eq!(
        serde_json::to_string(&e.body()).unwrap(),
        r#"{"error":"quota of 10 requests used up","code":"QUOTA_EXCEEDED"}"#
    );
}
