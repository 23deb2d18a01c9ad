//! `status::Violations`: JSON pointers and their escaping, the exact JSON of a list of
//! violations, the conversions from `validator` and `garde` reports, the OpenAPI schema,
//! and a 422 carrying three violations on a real axum server, in both body formats.

mod support;

use status::{ApiError, Pointer, Violation, Violations};

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("serializes")
}

fn pointer(segments: &[&str]) -> String {
    segments
        .iter()
        .fold(Pointer::root(), |pointer, segment| pointer.join(segment))
        .as_str()
        .to_owned()
}

// Pointers.

/// Every example of RFC 6901 §6, in URI fragment form.
#[test]
fn pointers_are_rfc_6901_fragments() {
    for (key, fragment) in [
        ("foo", "#/foo"),
        ("", "#/"),
        ("a/b", "#/a~1b"),
        ("c%d", "#/c%25d"),
        ("e^f", "#/e%5Ef"),
        ("g|h", "#/g%7Ch"),
        ("i\\j", "#/i%5Cj"),
        ("k\"l", "#/k%22l"),
        (" ", "#/%20"),
        ("m~n", "#/m~0n"),
    ] {
        assert_eq!(pointer(&[key]), fragment, "{key:?}");
    }
    assert_eq!(Pointer::root().join("foo").join(0).as_str(), "#/foo/0");
}

#[test]
fn the_root_is_a_bare_hash() {
    assert_eq!(Pointer::root().as_str(), "#");
    assert_eq!(Pointer::default(), Pointer::root());
    assert_eq!(Pointer::root().to_string(), "#");
}

#[test]
fn empty_keys_are_segments_of_their_own() {
    assert_eq!(pointer(&["", ""]), "#//");
    assert_eq!(pointer(&["a", "", "b"]), "#/a//b");
}

/// `~` is escaped before `/`, so `~1` in a key stays two characters apart from a `/`.
#[test]
fn tilde_and_slash_escapes_do_not_mix() {
    assert_eq!(pointer(&["~1"]), "#/~01");
    assert_eq!(pointer(&["/0"]), "#/~10");
    assert_eq!(pointer(&["~/~"]), "#/~0~1~0");
}

#[test]
fn non_ascii_is_percent_encoded_as_utf8() {
    assert_eq!(pointer(&["é"]), "#/%C3%A9");
    assert_eq!(pointer(&["日本"]), "#/%E6%97%A5%E6%9C%AC");
    assert_eq!(pointer(&["🦀"]), "#/%F0%9F%A6%80");
    assert_eq!(pointer(&["a\nb\u{0}"]), "#/a%0Ab%00");
}

/// RFC 3986 lets a fragment carry unreserved characters, sub-delims, `:`, `@` and `?`
/// as they are; everything else is percent-encoded.
#[test]
fn what_a_fragment_allows_is_kept() {
    assert_eq!(
        pointer(&["aZ09-._!$&'()*+,;=:@?"]),
        "#/aZ09-._!$&'()*+,;=:@?"
    );
    assert_eq!(pointer(&["#[]{}<>`"]), "#/%23%5B%5D%7B%7D%3C%3E%60");
}

/// A segment's `Display` that fails leaves what it wrote: no panic.
#[test]
fn a_failing_display_does_not_panic() {
    struct Failing;
    impl std::fmt::Display for Failing {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("half/")?;
            Err(std::fmt::Error)
        }
    }
    assert_eq!(Pointer::root().join(Failing).as_str(), "#/half~1");
}

// The list and its JSON.

#[test]
fn a_violation_is_detail_then_pointer() {
    let violation = Violation::new(Pointer::root().join("age"), "must be a positive integer");
    assert_eq!(
        json(&violation),
        r##"{"detail":"must be a positive integer","pointer":"#/age"}"##
    );
    assert_eq!(violation.code(), None);
}

#[test]
fn a_code_comes_last() {
    let violation = Violation::new(Pointer::root(), "is invalid").with_code("order_total");
    assert_eq!(
        json(&violation),
        r##"{"detail":"is invalid","pointer":"#","code":"order_total"}"##
    );
    assert_eq!(violation.code(), Some("order_total"));
    assert_eq!(violation.detail(), "is invalid");
    assert_eq!(violation.pointer(), &Pointer::root());
}

/// The RFC 9457 §3 example, member for member, in the order pushed.
#[test]
fn the_list_keeps_its_order() {
    let mut violations = Violations::new();
    assert!(violations.is_empty());
    assert_eq!(json(&violations), "[]");
    violations.push(Violation::new(
        Pointer::root().join("age"),
        "must be a positive integer",
    ));
    violations.push(Violation::new(
        Pointer::root().join("profile").join("color"),
        "must be 'green', 'red' or 'blue'",
    ));
    assert_eq!(violations.len(), 2);
    assert_eq!(
        json(&violations),
        r##"[{"detail":"must be a positive integer","pointer":"#/age"},{"detail":"must be 'green', 'red' or 'blue'","pointer":"#/profile/color"}]"##
    );
    let pointers: Vec<&str> = violations.iter().map(|v| v.pointer().as_str()).collect();
    assert_eq!(pointers, ["#/age", "#/profile/color"]);
}

#[test]
fn the_list_is_a_collection() {
    let first = Violation::new(Pointer::root().join("a"), "one");
    let second = Violation::new(Pointer::root().join("b"), "two").with_code("b");
    let violations: Violations = [first.clone(), second.clone()].into_iter().collect();
    assert_eq!(violations.clone(), violations);
    assert_eq!((&violations).into_iter().count(), 2);
    assert_eq!(violations.into_iter().collect::<Vec<_>>(), [first, second]);
}

/// Quotes, backslashes and controls in a detail or code are JSON-escaped by the serializer.
#[test]
fn details_are_json_escaped() {
    let violation = Violation::new(Pointer::root().join("q"), "say \"hi\"\n\\").with_code("a\"b");
    assert_eq!(
        json(&violation),
        r##"{"detail":"say \"hi\"\n\\","pointer":"#/q","code":"a\"b"}"##
    );
}

#[derive(Debug, thiserror::Error, ApiError)]
enum OrderError {
    #[error("the order is invalid")]
    #[status(422, code = "VALIDATION_FAILED")]
    Invalid {
        #[status(expose)]
        errors: Violations,
    },
}

#[derive(Debug, thiserror::Error, ApiError)]
#[status(format = "problem")]
enum OrderProblem {
    #[error("the order is invalid")]
    #[status(422, code = "VALIDATION_FAILED")]
    Invalid {
        #[status(expose)]
        errors: Violations,
    },
}

#[test]
fn an_exposed_field_in_both_bodies() {
    let errors: Violations = [Violation::new(
        Pointer::root().join("age"),
        "must be positive",
    )]
    .into_iter()
    .collect();
    let plain = OrderError::Invalid {
        errors: errors.clone(),
    };
    assert_eq!(
        json(&plain.body()),
        r##"{"error":"the order is invalid","code":"VALIDATION_FAILED","errors":[{"detail":"must be positive","pointer":"#/age"}]}"##
    );
    let problem = OrderProblem::Invalid { errors };
    assert_eq!(
        json(&problem.problem()),
        r##"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the order is invalid","code":"VALIDATION_FAILED","errors":[{"detail":"must be positive","pointer":"#/age"}]}"##
    );
}

// validator.

#[cfg(feature = "validator")]
mod from_validator {
    use std::borrow::Cow;
    use std::collections::BTreeMap;

    use status::Violations;
    use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

    use super::json;

    fn error(code: &'static str, params: &[(&'static str, serde_json::Value)]) -> ValidationError {
        let mut error = ValidationError::new(code);
        for (name, value) in params {
            error.add_param(Cow::Borrowed(name), value);
        }
        error
    }

    fn errors(fields: Vec<(&'static str, ValidationErrorsKind)>) -> ValidationErrors {
        ValidationErrors(
            fields
                .into_iter()
                .map(|(name, kind)| (Cow::Borrowed(name), kind))
                .collect(),
        )
    }

    /// The detail of one error of `code` with `params`, as the conversion writes it.
    fn detail(code: &'static str, params: &[(&'static str, serde_json::Value)]) -> String {
        let report = errors(vec![(
            "f",
            ValidationErrorsKind::Field(vec![error(code, params)]),
        )]);
        let violations = Violations::from(report);
        let violation = violations.iter().next().expect("one violation");
        assert_eq!(violation.code(), Some(code));
        violation.detail().to_owned()
    }

    #[test]
    fn a_message_wins_over_the_default() {
        let report = errors(vec![(
            "name",
            ValidationErrorsKind::Field(vec![
                error("name_empty", &[]).with_message(Cow::Borrowed("tell us your name")),
            ]),
        )]);
        assert_eq!(
            json(&Violations::from(&report)),
            r##"[{"detail":"tell us your name","pointer":"#/name","code":"name_empty"}]"##
        );
    }

    #[test]
    fn length_says_characters_or_items() {
        use serde_json::json as v;
        for (params, expected) in [
            (vec![("min", v!(1)), ("value", v!(""))], "must not be empty"),
            (
                vec![("min", v!(3)), ("value", v!("al"))],
                "must be at least 3 characters long",
            ),
            (vec![("max", v!(1))], "must be at most 1 character long"),
            (
                vec![("min", v!(2)), ("max", v!(5)), ("value", v!(["a"]))],
                "must have between 2 and 5 items",
            ),
            (
                vec![("equal", v!(1)), ("value", v!({}))],
                "must have exactly 1 item",
            ),
            (vec![("equal", v!(4))], "must be exactly 4 characters long"),
            (vec![], "is invalid"),
        ] {
            assert_eq!(detail("length", &params), expected, "{params:?}");
        }
    }

    #[test]
    fn range_says_its_bounds() {
        use serde_json::json as v;
        for (params, expected) in [
            (
                vec![("min", v!(1)), ("max", v!(100))],
                "must be between 1 and 100",
            ),
            (vec![("min", v!(0.5))], "must be at least 0.5"),
            (vec![("max", v!(-1))], "must be at most -1"),
            (vec![("exclusive_min", v!(0))], "must be greater than 0"),
            (vec![("exclusive_max", v!(10))], "must be less than 10"),
            (
                vec![("exclusive_min", v!(0)), ("max", v!(1))],
                "must be greater than 0 and at most 1",
            ),
            (
                vec![("min", v!(0)), ("exclusive_max", v!(1)), ("value", v!(7))],
                "must be at least 0 and less than 1",
            ),
        ] {
            assert_eq!(detail("range", &params), expected, "{params:?}");
        }
    }

    /// validator's own codes; the rejected `value` is never repeated.
    #[test]
    fn built_in_codes_read_as_sentences() {
        use serde_json::json as v;
        let secret = [("value", v!("hunter2"))];
        for (code, expected) in [
            ("email", "must be a valid email address"),
            ("url", "must be a valid URL"),
            ("ip", "must be a valid IP address"),
            ("required", "is required"),
            ("credit_card", "must be a valid credit card number"),
            ("must_match", "must match the other field"),
            ("regex", "is not in the expected format"),
            (
                "non_control_character",
                "must not contain control characters",
            ),
            ("custom", "is invalid"),
            ("my_own_rule", "is invalid"),
        ] {
            assert_eq!(detail(code, &secret), expected, "{code}");
        }
        assert_eq!(
            detail("contains", &[("needle", v!("@")), secret[0].clone()]),
            r#"must contain "@""#
        );
        assert_eq!(
            detail("does_not_contain", &[("needle", v!("admin"))]),
            r#"must not contain "admin""#
        );
    }

    /// Fields by name at each level, the struct's own (`__all__`) first, list elements by
    /// index, a field's errors as reported.
    #[test]
    fn order_is_stable_and_pointers_are_full() {
        let item = |code| {
            Box::new(errors(vec![(
                "price",
                ValidationErrorsKind::Field(vec![error(code, &[])]),
            )]))
        };
        let report = errors(vec![
            (
                "zip",
                ValidationErrorsKind::Field(vec![error("second", &[]), error("first", &[])]),
            ),
            (
                "items",
                ValidationErrorsKind::List(BTreeMap::from([(10, item("ten")), (2, item("two"))])),
            ),
            (
                "address",
                ValidationErrorsKind::Struct(Box::new(errors(vec![
                    (
                        "city",
                        ValidationErrorsKind::Field(vec![error("city", &[])]),
                    ),
                    (
                        "__all__",
                        ValidationErrorsKind::Field(vec![error("address", &[])]),
                    ),
                ]))),
            ),
            (
                "__all__",
                ValidationErrorsKind::Field(vec![error("order", &[])]),
            ),
        ]);
        let got: Vec<(String, String)> = Violations::from(&report)
            .iter()
            .map(|v| {
                (
                    v.pointer().to_string(),
                    v.code().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        let expected = [
            ("#", "order"),
            ("#/address", "address"),
            ("#/address/city", "city"),
            ("#/items/2/price", "two"),
            ("#/items/10/price", "ten"),
            ("#/zip", "second"),
            ("#/zip", "first"),
        ];
        assert_eq!(
            got,
            expected.map(|(p, c)| (p.to_owned(), c.to_owned())),
            "in this order"
        );
    }

    /// A list validated on its own (`Vec<T>::validate`): its elements are at the root.
    #[test]
    fn a_list_validated_alone_is_the_root() {
        use validator::Validate;

        #[derive(Validate)]
        struct Line {
            #[validate(range(min = 1))]
            qty: u32,
        }

        let report = vec![Line { qty: 1 }, Line { qty: 0 }]
            .validate()
            .unwrap_err();
        assert_eq!(
            json(&Violations::from(report)),
            r##"[{"detail":"must be at least 1","pointer":"#/1/qty","code":"range"}]"##
        );
    }

    #[test]
    fn keys_are_escaped() {
        let report = errors(vec![(
            "a/b~c d",
            ValidationErrorsKind::Field(vec![error("x", &[])]),
        )]);
        let violations = Violations::from(report);
        assert_eq!(
            violations.iter().next().map(|v| v.pointer().as_str()),
            Some("#/a~1b~0c%20d")
        );
    }

    #[test]
    fn no_errors_no_violations() {
        assert!(Violations::from(ValidationErrors::new()).is_empty());
    }
}

// garde.

#[cfg(feature = "garde")]
mod from_garde {
    use garde::{Error, Path, Report};
    use status::Violations;

    use super::json;

    /// The report's order; indices and keys as pointer segments; no code.
    #[test]
    fn paths_become_pointers_in_report_order() {
        let mut report = Report::new();
        report.append(Path::new("zip"), Error::new("length is lower than 5"));
        report.append(
            Path::new("items").join(1).join("price"),
            Error::new("lower than 1"),
        );
        report.append(Path::empty(), Error::new("the order is empty"));
        report.append(Path::new("a.b/c"), Error::new("odd key"));
        report.append(Path::new("tags").join("0"), Error::new("key, not index"));
        assert_eq!(
            json(&Violations::from(&report)),
            r##"[{"detail":"length is lower than 5","pointer":"#/zip"},{"detail":"lower than 1","pointer":"#/items/1/price"},{"detail":"the order is empty","pointer":"#"},{"detail":"odd key","pointer":"#/a.b~1c"},{"detail":"key, not index","pointer":"#/tags/0"}]"##
        );
    }

    /// A component without a key (an `Option`'s content under `inner`) adds no segment;
    /// a `transparent` newtype adds none either, a plain one its field's index.
    #[test]
    fn keyless_components_add_no_segment() {
        use garde::Validate;

        #[derive(Validate)]
        #[garde(transparent)]
        struct Name(#[garde(length(min = 2))] String);

        #[derive(Validate)]
        struct Pair(#[garde(length(min = 2))] String);

        #[derive(Validate)]
        struct Person {
            #[garde(dive)]
            name: Name,
            #[garde(inner(length(min = 2)))]
            nick: Option<String>,
            #[garde(dive)]
            pair: Pair,
        }

        let person = Person {
            name: Name("a".into()),
            nick: Some("b".into()),
            pair: Pair("c".into()),
        };
        assert_eq!(
            json(&Violations::from(person.validate().unwrap_err())),
            r##"[{"detail":"length is lower than 2","pointer":"#/name"},{"detail":"length is lower than 2","pointer":"#/nick"},{"detail":"length is lower than 2","pointer":"#/pair/0"}]"##
        );
        assert_eq!(
            json(&Violations::from(Name("x".into()).validate().unwrap_err())),
            r##"[{"detail":"length is lower than 2","pointer":"#"}]"##
        );
    }

    #[test]
    fn no_errors_no_violations() {
        assert!(Violations::from(Report::new()).is_empty());
    }
}

// OpenAPI.

#[cfg(feature = "utoipa")]
#[test]
fn the_schema_is_an_array_of_described_objects() {
    use utoipa::{PartialSchema as _, ToSchema as _};

    assert_eq!(Violations::name(), "Violations");
    assert_eq!(
        serde_json::to_value(Violations::schema()).expect("serializes"),
        serde_json::json!({
            "type": "array",
            "description": "Every invalid value of the request, at once (RFC 9457 §3).",
            "items": {
                "type": "object",
                "description": "One invalid value of the request.",
                "properties": {
                    "detail": {
                        "type": "string",
                        "description": "What is wrong with the value, for a person."
                    },
                    "pointer": {
                        "type": "string",
                        "description": "Where the value is in the request body: a JSON Pointer (RFC 6901) in URI fragment form, such as `#/items/1/price`; `#` is the whole body."
                    },
                    "code": {
                        "type": "string",
                        "description": "A stable code for the rule the value breaks, when it has one."
                    }
                },
                "required": ["detail", "pointer"]
            }
        })
    );
}

/// A typed exposed field in a user's own `ToSchema` type: utoipa's derive takes the schema.
#[cfg(feature = "utoipa")]
#[test]
fn the_schema_serves_a_derived_type() {
    use utoipa::PartialSchema as _;

    #[derive(utoipa::ToSchema)]
    #[allow(dead_code)] // only documented
    struct InvalidBody {
        error: String,
        errors: Violations,
    }

    let schema = serde_json::to_value(InvalidBody::schema()).expect("serializes");
    assert_eq!(
        schema["properties"]["errors"]["$ref"],
        "#/components/schemas/Violations"
    );
}

// A real server.

/// An order, checked by both validators: each reports the same three fields, in the same
/// order (both go by field name).
#[cfg(all(feature = "axum", feature = "validator", feature = "garde"))]
mod server {
    use serde::Deserialize;
    // validator's derive calls `.validate()` on nested fields by the name in scope.
    use validator::Validate as _;

    use super::{OrderError, OrderProblem, support};

    #[derive(Deserialize, validator::Validate, garde::Validate)]
    pub struct Order {
        #[validate(length(min = 1, max = 40))]
        #[garde(length(min = 1, max = 40))]
        customer: String,
        #[validate(nested)]
        #[garde(dive)]
        address: Address,
        #[validate(nested)]
        #[garde(dive)]
        items: Vec<Item>,
    }

    #[derive(Deserialize, validator::Validate, garde::Validate)]
    pub struct Address {
        #[validate(length(min = 1, code = "city_required", message = "a city is required"))]
        #[garde(length(min = 1))]
        city: String,
    }

    #[derive(Deserialize, validator::Validate, garde::Validate)]
    pub struct Item {
        #[validate(range(min = 1, max = 10000))]
        #[garde(range(min = 1, max = 10000))]
        price: u32,
    }

    /// The handlers as a service writes them, once with each crate's `Validate` in scope:
    /// one line turns a report into the error, in each body format.
    macro_rules! handlers {
        ($module:ident, $validate:path) => {
            mod $module {
                use axum::Json;
                use axum::http::StatusCode;
                use $validate as _;

                use super::{Order, OrderError, OrderProblem};

                pub async fn plain(Json(payload): Json<Order>) -> Result<StatusCode, OrderError> {
                    payload
                        .validate()
                        .map_err(|e| OrderError::Invalid { errors: e.into() })?;
                    Ok(StatusCode::NO_CONTENT)
                }

                pub async fn problem(
                    Json(payload): Json<Order>,
                ) -> Result<StatusCode, OrderProblem> {
                    payload
                        .validate()
                        .map_err(|e| OrderProblem::Invalid { errors: e.into() })?;
                    Ok(StatusCode::NO_CONTENT)
                }
            }
        };
    }

    handlers!(with_validator, validator::Validate);
    handlers!(with_garde, garde::Validate);

    fn server() -> std::net::SocketAddr {
        use axum::routing::post;
        static ADDR: std::sync::OnceLock<std::net::SocketAddr> = std::sync::OnceLock::new();
        *ADDR.get_or_init(|| {
            support::serve_axum(
                axum::Router::new()
                    .route("/validator", post(with_validator::plain))
                    .route("/validator/problem", post(with_validator::problem))
                    .route("/garde", post(with_garde::plain))
                    .route("/garde/problem", post(with_garde::problem)),
            )
        })
    }

    /// Invalid at the top (`customer`), in a nested struct (`address.city`) and in the
    /// second list element (`items[1].price`).
    const INVALID: &str =
        r#"{"customer":"","address":{"city":""},"items":[{"price":5},{"price":0}]}"#;

    const VALID: &str = r#"{"customer":"Ada","address":{"city":"London"},"items":[{"price":5}]}"#;

    /// Asserts the exact status, header set (without `date`) and body.
    async fn expect(path: &str, content_type: &str, body: &str) {
        let reply = support::post_json(server(), path, INVALID).await;
        assert_eq!(reply.status, 422, "{path}: {reply:?}");
        let length = body.len().to_string();
        assert_eq!(
            reply.sorted_headers(),
            [
                ("content-length", length.as_str()),
                ("content-type", content_type)
            ],
            "{path}"
        );
        assert_eq!(reply.body, body, "{path}");
    }

    #[tokio::test]
    async fn validator_422_plain() {
        expect(
            "/validator",
            "application/json",
            r##"{"error":"the order is invalid","code":"VALIDATION_FAILED","errors":[{"detail":"a city is required","pointer":"#/address/city","code":"city_required"},{"detail":"must be between 1 and 40 characters long","pointer":"#/customer","code":"length"},{"detail":"must be between 1 and 10000","pointer":"#/items/1/price","code":"range"}]}"##,
        )
        .await;
    }

    #[tokio::test]
    async fn validator_422_problem() {
        expect(
            "/validator/problem",
            "application/problem+json",
            r##"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the order is invalid","code":"VALIDATION_FAILED","errors":[{"detail":"a city is required","pointer":"#/address/city","code":"city_required"},{"detail":"must be between 1 and 40 characters long","pointer":"#/customer","code":"length"},{"detail":"must be between 1 and 10000","pointer":"#/items/1/price","code":"range"}]}"##,
        )
        .await;
    }

    #[tokio::test]
    async fn garde_422_plain() {
        expect(
            "/garde",
            "application/json",
            r##"{"error":"the order is invalid","code":"VALIDATION_FAILED","errors":[{"detail":"length is lower than 1","pointer":"#/address/city"},{"detail":"length is lower than 1","pointer":"#/customer"},{"detail":"lower than 1","pointer":"#/items/1/price"}]}"##,
        )
        .await;
    }

    #[tokio::test]
    async fn garde_422_problem() {
        expect(
            "/garde/problem",
            "application/problem+json",
            r##"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the order is invalid","code":"VALIDATION_FAILED","errors":[{"detail":"length is lower than 1","pointer":"#/address/city"},{"detail":"length is lower than 1","pointer":"#/customer"},{"detail":"lower than 1","pointer":"#/items/1/price"}]}"##,
        )
        .await;
    }

    /// The same handlers let a valid order through.
    #[tokio::test]
    async fn a_valid_order_passes_both() {
        for path in [
            "/validator",
            "/validator/problem",
            "/garde",
            "/garde/problem",
        ] {
            let reply = support::post_json(server(), path, VALID).await;
            assert_eq!((reply.status, reply.body.as_str()), (204, ""), "{path}");
        }
    }
}
