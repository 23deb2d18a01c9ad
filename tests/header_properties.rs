//! Headers survive any value: a field header fed arbitrary bytes is sent exactly when every
//! byte may appear in a field value (RFC 9110 §5.5), never otherwise, never panics, and the
//! rest of the response (status, other headers, body) is the same either way.

#![cfg(feature = "http")]

use std::fmt;

use proptest::prelude::*;
use status::ApiError;

/// Arbitrary bytes shown as text: each byte as the character of the same number (Latin-1),
/// so `\r`, `\n`, NUL and DEL reach the header as themselves.
#[derive(Debug, Clone)]
pub struct Raw(Vec<u8>);

impl fmt::Display for Raw {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0
            .iter()
            .try_for_each(|&b| fmt::Write::write_char(f, char::from(b)))
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
pub enum Limited {
    #[error("slow down")]
    #[status(429, retry_after = 30)]
    TooMany {
        #[status(header = "X-Echo")]
        echo: Raw,
        #[status(expose)]
        limit: u32,
    },
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..64),
        prop::collection::vec(b' '..=b'~', 0..64),
        (
            prop::collection::vec(b' '..=b'~', 0..16),
            prop::sample::select(vec![b'\r', b'\n', 0, 0x7f, 0x1b]),
            prop::collection::vec(b' '..=b'~', 0..16)
        )
            .prop_map(|(mut a, bad, b)| {
                a.push(bad);
                a.extend(b);
                a
            }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_field_header_is_sent_exactly_when_valid(raw in bytes(), limit in any::<u32>()) {
        let error = Limited::TooMany { echo: Raw(raw.clone()), limit };
        let response = status::http::response(&error);
        let text = Raw(raw).to_string();
        let valid = status::is_valid_header_value(text.as_bytes());

        prop_assert_eq!(response.status().as_u16(), 429);
        prop_assert_eq!(response.headers()["content-type"].as_bytes(), b"application/json");
        prop_assert_eq!(response.headers()["retry-after"].as_bytes(), b"30");
        let body = format!(r#"{{"error":"slow down","code":"TOO_MANY","limit":{limit}}}"#);
        prop_assert_eq!(response.body().as_slice(), body.as_bytes());
        match response.headers().get("x-echo") {
            Some(sent) => {
                prop_assert!(valid, "an invalid value was sent: {:?}", text);
                prop_assert_eq!(sent.as_bytes(), text.as_bytes());
            }
            None => prop_assert!(!valid, "a valid value was dropped: {:?}", text),
        }
        prop_assert_eq!(response.headers().len(), if valid { 3 } else { 2 });
        prop_assert!(response.headers().get("set-cookie").is_none());
    }
}
