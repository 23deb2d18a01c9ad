//! Exact `status()`, `code()`, `body()` and `problem()` for every key of the attribute.

use status::{ApiError, Message, Status};

#[derive(Debug, thiserror::Error, ApiError)]
pub enum UserError {
    #[error("User not found")]
    #[status(404, code = "USER_NOT_FOUND")]
    NotFound,

    #[error("a user with email {email} already exists")]
    #[status(CONFLICT)]
    UserExists {
        #[status(expose)]
        email: String,
    },

    #[error("database error: {0}")]
    #[status(500)]
    Database(String),

    #[error("upstream said: {0}")]
    #[status(502, expose)]
    Upstream(String),

    #[error("invalid password for {0}")]
    #[status(401, redact, www_authenticate = "Basic realm=\"api\"")]
    BadLogin(String),

    #[error("internal: cache node 10.0.0.7 down")]
    #[status(503, message = "Try again in a minute")]
    Maintenance,

    #[error("client went away")]
    #[status(499, reason = "Client Closed Request")]
    ClientClosed,

    #[error("price {price} is below {min}")]
    #[status(422, code = "PRICE_TOO_LOW")]
    PriceTooLow {
        #[status(expose)]
        price: i64,
        #[status(expose = "minimum")]
        min: i64,
        not_exposed: u8,
    },

    #[error("bad field {0}")]
    #[status(400)]
    BadField(#[status(expose = "field")] &'static str, u32),
}

fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap()
}

#[test]
fn status_by_number_and_by_name() {
    assert_eq!(UserError::NotFound.status(), Status::NOT_FOUND);
    assert_eq!(
        UserError::UserExists {
            email: String::new()
        }
        .status(),
        Status::CONFLICT
    );
    assert_eq!(UserError::ClientClosed.status().as_u16(), 499);
}

#[test]
fn code_explicit_and_default() {
    assert_eq!(UserError::NotFound.code(), "USER_NOT_FOUND");
    assert_eq!(
        UserError::UserExists {
            email: String::new()
        }
        .code(),
        "USER_EXISTS"
    );
    assert_eq!(UserError::Database(String::new()).code(), "DATABASE");
    assert_eq!(UserError::BadLogin(String::new()).code(), "BAD_LOGIN");
}

#[test]
fn a_constant_display_is_written_without_formatting() {
    // `#[error("User not found")]` is known at compile time: the body writes the text as it
    // is. A formatted one goes through `Display`.
    assert!(matches!(
        UserError::NotFound.message(),
        Message::Static("User not found")
    ));
    let exists = UserError::UserExists {
        email: "a@b".into(),
    };
    assert!(matches!(exists.message(), Message::Display(_)));
    assert_eq!(exists.message().to_string(), exists.to_string());
}

#[test]
fn plain_body_of_a_4xx_uses_display() {
    assert_eq!(
        json(&UserError::NotFound.body()),
        r#"{"error":"User not found","code":"USER_NOT_FOUND"}"#
    );
}

#[test]
fn exposed_fields_follow_code_in_declaration_order() {
    let err = UserError::UserExists {
        email: "ada@example.com".into(),
    };
    assert_eq!(
        json(&err.body()),
        r#"{"error":"a user with email ada@example.com already exists","code":"USER_EXISTS","email":"ada@example.com"}"#
    );
    let err = UserError::PriceTooLow {
        price: 3,
        min: 10,
        not_exposed: 7,
    };
    assert_eq!(
        json(&err.body()),
        r#"{"error":"price 3 is below 10","code":"PRICE_TOO_LOW","price":3,"minimum":10}"#
    );
    assert_eq!(
        json(&UserError::BadField("name", 9).body()),
        r#"{"error":"bad field name","code":"BAD_FIELD","field":"name"}"#
    );
}

#[test]
fn a_5xx_never_shows_its_display() {
    let err = UserError::Database("password=hunter2 host=db.internal".into());
    let body = json(&err.body());
    let problem = json(&err.problem());
    assert_eq!(
        body,
        r#"{"error":"Internal Server Error","code":"DATABASE"}"#
    );
    assert_eq!(
        problem,
        r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"Internal Server Error","code":"DATABASE"}"#
    );
    assert!(!body.contains("hunter2") && !problem.contains("hunter2"));
    assert_eq!(err.message().to_string(), "Internal Server Error");
}

#[test]
fn expose_sends_a_5xx_display() {
    assert_eq!(
        json(&UserError::Upstream("timeout".into()).body()),
        r#"{"error":"upstream said: timeout","code":"UPSTREAM"}"#
    );
}

#[test]
fn redact_sends_the_reason_phrase_of_a_4xx() {
    let err = UserError::BadLogin("ada".into());
    assert_eq!(
        json(&err.body()),
        r#"{"error":"Unauthorized","code":"BAD_LOGIN"}"#
    );
    assert_eq!(err.to_string(), "invalid password for ada");
}

#[test]
fn message_replaces_display() {
    let err = UserError::Maintenance;
    assert_eq!(
        json(&err.body()),
        r#"{"error":"Try again in a minute","code":"MAINTENANCE"}"#
    );
    assert!(matches!(
        err.message(),
        Message::Static("Try again in a minute")
    ));
}

#[test]
fn reason_names_an_unregistered_status() {
    let err = UserError::ClientClosed;
    assert_eq!(err.reason(), "Client Closed Request");
    assert_eq!(
        json(&err.problem()),
        r#"{"type":"about:blank","title":"Client Closed Request","status":499,"detail":"client went away","code":"CLIENT_CLOSED"}"#
    );
}

#[test]
fn problem_of_a_4xx_with_fields() {
    let err = UserError::PriceTooLow {
        price: 3,
        min: 10,
        not_exposed: 0,
    };
    assert_eq!(
        json(&err.problem()),
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"price 3 is below 10","code":"PRICE_TOO_LOW","price":3,"minimum":10}"#
    );
}

#[derive(Debug, thiserror::Error, ApiError)]
#[status(format = "problem", problem_type = "https://api.example.com/errors/")]
pub enum Typed {
    #[error("order {0} not found")]
    #[status(404)]
    OrderNotFound(u64),
}

#[test]
fn problem_type_is_base_plus_code() {
    assert_eq!(Typed::FORMAT, status::Format::Problem);
    assert_eq!(
        json(&Typed::OrderNotFound(7).problem()),
        r#"{"type":"https://api.example.com/errors/ORDER_NOT_FOUND","title":"Not Found","status":404,"detail":"order 7 not found","code":"ORDER_NOT_FOUND"}"#
    );
    assert_eq!(UserError::FORMAT, status::Format::Plain);
    assert_eq!(UserError::PROBLEM_TYPE, None);
}

#[derive(Debug, thiserror::Error, ApiError)]
#[status(503, retry_after = 30)]
pub enum Defaulted {
    #[error("queue full")]
    QueueFull,
    #[error("bad input")]
    #[status(400)]
    BadInput,
}

#[test]
fn the_enum_gives_a_default_status_and_headers() {
    assert_eq!(Defaulted::QueueFull.status(), Status::SERVICE_UNAVAILABLE);
    assert_eq!(
        json(&Defaulted::QueueFull.body()),
        r#"{"error":"Service Unavailable","code":"QUEUE_FULL"}"#
    );
    assert_eq!(Defaulted::BadInput.status(), Status::BAD_REQUEST);
    assert_eq!(
        status::collect_headers(&Defaulted::BadInput),
        [("Retry-After", "30".to_owned())]
    );
}

/// A struct error: the struct's own attribute is its variant's.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("quota of {limit} exceeded")]
#[status(429, code = "QUOTA_EXCEEDED", retry_after = 60)]
pub struct QuotaExceeded {
    #[status(expose)]
    pub limit: u32,
}

/// A struct error with its default code.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("gone for good")]
#[status(GONE)]
pub struct ArchivedItem;

#[test]
fn struct_errors() {
    let err = QuotaExceeded { limit: 100 };
    assert_eq!(err.status(), Status::TOO_MANY_REQUESTS);
    assert_eq!(
        json(&err.body()),
        r#"{"error":"quota of 100 exceeded","code":"QUOTA_EXCEEDED","limit":100}"#
    );
    assert_eq!(ArchivedItem.code(), "ARCHIVED_ITEM");
    assert_eq!(
        json(&ArchivedItem.body()),
        r#"{"error":"gone for good","code":"ARCHIVED_ITEM"}"#
    );
}

/// An enum with no variants still derives.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Never {}

#[test]
fn empty_enum() {
    assert!(Never::CATALOG.is_empty());
}

#[test]
fn escaping_quotes_backslashes_controls_and_unicode() {
    #[derive(Debug, thiserror::Error, ApiError)]
    enum E {
        #[error("{0}")]
        #[status(400)]
        Text(String),
    }
    let cases = [
        ("say \"hi\"", r#"say \"hi\""#),
        ("C:\\path", r"C:\\path"),
        ("line\nbreak\ttab\r", r"line\nbreak\ttab\r"),
        (
            "nul\u{0}bell\u{7}esc\u{1b}",
            r"nul\u0000bell\u0007esc\u001b",
        ),
        ("héllo wörld ✓ 日本 🦀", "héllo wörld ✓ 日本 🦀"),
        ("</script>", "</script>"),
    ];
    for (text, escaped) in cases {
        let body = json(&E::Text(text.into()).body());
        assert_eq!(body, format!(r#"{{"error":"{escaped}","code":"TEXT"}}"#));
        let back: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(back["error"], text);
    }
}

#[test]
fn debug_of_the_views_names_what_they_send() {
    assert_eq!(
        format!("{:?}", UserError::NotFound.body()),
        r#"Body { error: "User not found", code: "USER_NOT_FOUND", .. }"#
    );
    assert_eq!(
        format!("{:?}", UserError::Database("secret".into()).problem()),
        r#"Problem { status: Status(500 Internal Server Error), detail: "Internal Server Error", code: "DATABASE", .. }"#
    );
}

/// Every variant's fields arm is of one kind: a block for two exposed fields, or a
/// delegation. The generated `match` then has no `_` arm, and each arm must count.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Pair {
    #[error("bad pair")]
    #[status(422)]
    Bad {
        #[status(expose)]
        x: u8,
        #[status(expose)]
        y: u8,
    },
}

#[derive(Debug, thiserror::Error, ApiError)]
pub enum OnlyNested {
    #[error(transparent)]
    #[status(transparent)]
    Pair(#[from] Pair),
}

#[test]
fn arms_of_one_kind_still_serialize_their_fields() {
    let pair = Pair::Bad { x: 1, y: 2 };
    assert_eq!(
        json(&pair.body()),
        r#"{"error":"bad pair","code":"BAD","x":1,"y":2}"#
    );
    assert_eq!(
        json(&OnlyNested::from(pair).body()),
        r#"{"error":"bad pair","code":"BAD","x":1,"y":2}"#
    );
}

macro_rules! Id {
    () => {
        u64
    };
}

/// Variants exposing a field of the same name and type share one arm of the expansion's
/// `match` (an or-pattern): each still sends its own value. A field of another type, or
/// another member, or a type with a macro in it, keeps an arm of its own.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Shared {
    #[error("a")]
    #[status(422)]
    AA {
        #[status(expose)]
        id: u64,
    },
    #[error("b")]
    #[status(409)]
    BB {
        other: u8,
        #[status(expose)]
        id: u64,
    },
    #[error("c")]
    #[status(422)]
    CC {
        #[status(expose)]
        id: String,
    },
    #[error("d")]
    #[status(404)]
    DD(#[status(expose = "id")] u64),
    #[error("e")]
    #[status(422)]
    EE {
        #[status(expose)]
        id: u64,
    },
    #[error("f")]
    #[status(400)]
    FF {
        #[status(expose)]
        id: Id!(),
    },
    #[error("g")]
    #[status(400)]
    GG {
        #[status(expose)]
        id: Id!(),
    },
}

/// The same with types the one printed text of them does not cut (a lifetime): each type
/// is printed alone.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum SharedBorrowed {
    #[error("a")]
    #[status(422)]
    AA {
        #[status(expose)]
        id: &'static str,
    },
    #[error("b")]
    #[status(422)]
    BB {
        #[status(expose)]
        id: &'static str,
    },
    #[error("c")]
    #[status(422)]
    CC {
        #[status(expose)]
        id: u64,
    },
}

#[test]
fn variants_sharing_an_arm_each_send_their_own_field() {
    let bodies = [
        Shared::AA { id: 1 },
        Shared::BB { other: 9, id: 2 },
        Shared::CC { id: "three".into() },
        Shared::DD(4),
        Shared::EE { id: 5 },
        Shared::FF { id: 6 },
        Shared::GG { id: 7 },
    ]
    .map(|e| json(&e.body()));
    assert_eq!(
        bodies,
        [
            r#"{"error":"a","code":"AA","id":1}"#,
            r#"{"error":"b","code":"BB","id":2}"#,
            r#"{"error":"c","code":"CC","id":"three"}"#,
            r#"{"error":"d","code":"DD","id":4}"#,
            r#"{"error":"e","code":"EE","id":5}"#,
            r#"{"error":"f","code":"FF","id":6}"#,
            r#"{"error":"g","code":"GG","id":7}"#,
        ]
    );
    assert_eq!(
        json(&Shared::EE { id: 5 }.problem()),
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"e","code":"EE","id":5}"#
    );
    let borrowed = [
        SharedBorrowed::AA { id: "one" },
        SharedBorrowed::BB { id: "two" },
        SharedBorrowed::CC { id: 3 },
    ]
    .map(|e| json(&e.body()));
    assert_eq!(
        borrowed,
        [
            r#"{"error":"a","code":"AA","id":"one"}"#,
            r#"{"error":"b","code":"BB","id":"two"}"#,
            r#"{"error":"c","code":"CC","id":3}"#,
        ]
    );
}

/// 40 variants exposing the same field, each with its own arm.
macro_rules! many {
    ($($variant:ident)*) => {
        #[derive(Debug, thiserror::Error, ApiError)]
        pub enum Many {
            $(
                #[error("many")]
                #[status(422)]
                $variant {
                    #[status(expose)]
                    id: u64,
                },
            )*
        }

        const MANY: &[fn(u64) -> Many] = &[$(|id| Many::$variant { id }),*];
    };
}

many!(
    V0 V1 V2 V3 V4 V5 V6 V7 V8 V9 V10 V11 V12 V13 V14 V15 V16 V17 V18 V19
    V20 V21 V22 V23 V24 V25 V26 V27 V28 V29 V30 V31 V32 V33 V34 V35 V36 V37 V38 V39
);

#[test]
fn more_variants_than_one_shared_arm_takes_each_send_their_own_field() {
    assert_eq!(MANY.len(), 40);
    for (i, make) in MANY.iter().enumerate() {
        let id = 100 + i as u64;
        assert_eq!(
            json(&make(id).body()),
            format!(r#"{{"error":"many","code":"V{i}","id":{id}}}"#)
        );
    }
}
