//! Bodies survive any message and any exposed field: whatever the `Display` text (lone
//! controls, quotes, non-ASCII, very long) and whatever serde shape an exposed field has,
//! both bodies are JSON that parses back to the same values.

use proptest::prelude::*;
use serde_json::{Value, json};
use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum Any {
    #[error("{text}")]
    #[status(422)]
    Client {
        text: String,
        #[status(expose)]
        value: Value,
    },
    #[error("{text}")]
    #[status(503, expose)]
    Exposed {
        text: String,
        #[status(expose = "extra")]
        value: Value,
    },
    #[error("{text}")]
    #[status(500)]
    Hidden {
        text: String,
        #[status(expose)]
        value: Value,
    },
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..64).prop_map(|c| c.into_iter().collect()),
        prop::collection::vec(0u8..0x20, 1..8)
            .prop_map(|b| b.into_iter().map(char::from).collect()),
        (any::<char>(), 10_000usize..70_000).prop_map(|(c, n)| std::iter::repeat_n(c, n).collect()),
    ]
}

fn round_trip(error: &Any) -> (Value, Value) {
    let body = serde_json::to_string(&error.body()).expect("body serializes");
    let problem = serde_json::to_string(&error.problem()).expect("problem serializes");
    (
        serde_json::from_str(&body).expect("body is JSON"),
        serde_json::from_str(&problem).expect("problem is JSON"),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_4xx_sends_its_text_and_fields_exactly(text in text(), value in json_value()) {
        let error = Any::Client { text: text.clone(), value: value.clone() };
        let (body, problem) = round_trip(&error);
        prop_assert_eq!(body, json!({"error": text, "code": "CLIENT", "value": value}));
        prop_assert_eq!(problem, json!({
            "type": "about:blank", "title": "Unprocessable Content", "status": 422,
            "detail": text, "code": "CLIENT", "value": value,
        }));
    }

    #[test]
    fn an_exposed_5xx_sends_its_text(text in text(), value in json_value()) {
        let error = Any::Exposed { text: text.clone(), value: value.clone() };
        let (body, _) = round_trip(&error);
        prop_assert_eq!(body, json!({"error": text, "code": "EXPOSED", "extra": value}));
    }

    #[test]
    fn a_5xx_never_sends_its_text(text in text(), value in json_value()) {
        let error = Any::Hidden { text, value: value.clone() };
        let (body, problem) = round_trip(&error);
        prop_assert_eq!(body, json!({"error": "Internal Server Error", "code": "HIDDEN", "value": value}));
        prop_assert_eq!(&problem["detail"], "Internal Server Error");
    }
}
