//! The macro never panics: random and structured-random `#[status(...)]` contents on every
//! shape of input come back as code or as `compile_error!`.
//!
//! `PROPTEST_CASES=100000 cargo test -p status-derive proptests` runs longer; the fuzz
//! target in `fuzz/` drives the same function with raw bytes.

use proc_macro2::{TokenStream, TokenTree};
use proptest::prelude::*;

/// One item inside `#[status(...)]`, as source text.
fn item() -> impl Strategy<Value = String> {
    let keys = prop::sample::select(vec![
        "code",
        "message",
        "expose",
        "redact",
        "transparent",
        "reason",
        "www_authenticate",
        "allow",
        "retry_after",
        "header",
        "crate",
        "format",
        "problem_type",
        "max_header_bytes",
        "www-authenticate",
        "x-request-id",
        "status",
        "cod",
        "NOT_FOUND",
        "BAD_GATEWAY",
        "NOT_FOND",
        "OK",
        "r#type",
        "self",
        "_",
        "async",
    ]);
    let number = prop_oneof![
        any::<u16>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        (0u16..700).prop_map(|n| n.to_string()),
        any::<f32>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| format!("{f:?}")),
        Just("404u8".to_owned()),
        Just("0x194".to_owned()),
        Just("1_000".to_owned()),
        Just("99999999999999999999999999".to_owned()),
    ];
    // Random text, and text near the grammars: challenges, dates, method lists, templates.
    let string = prop_oneof![
        any::<String>().prop_map(|s| format!("{s:?}")),
        "[A-Za-z0-9 ,=\"{}:!?_\\-]{0,24}".prop_map(|s| format!("{s:?}")),
        Just(r#""Bearer realm=\"api\", error=\"x\"""#.to_owned()),
        Just(r#""Sun, 06 Nov 1994 08:49:37 GMT""#.to_owned()),
        Just(r#""{sku} {{ {0} }} {x:?} {""#.to_owned()),
    ];
    let value = prop_oneof![
        number.clone(),
        string.clone(),
        keys.clone().prop_map(str::to_owned)
    ];
    prop_oneof![
        number,
        string.clone(),
        keys.clone().prop_map(str::to_owned),
        (keys.clone(), value.clone()).prop_map(|(k, v)| format!("{k} = {v}")),
        (keys.clone(), string.clone(), string).prop_map(|(k, a, b)| format!("{k}({a} = {b})")),
        (keys.clone(), prop::collection::vec(value.clone(), 0..3))
            .prop_map(|(k, vs)| format!("{k}({})", vs.join(", "))),
        (keys, value).prop_map(|(k, v)| format!("{k} = -{v}")),
        Just("=".to_owned()),
        Just(",".to_owned()),
        Just("[]".to_owned()),
        Just("{ x }".to_owned()),
        Just("404 410".to_owned()),
    ]
}

/// A whole attribute body: items joined by commas, with missing and extra commas.
fn attr_body() -> impl Strategy<Value = String> {
    (prop::collection::vec((item(), 0u8..4), 0..5), any::<bool>()).prop_map(|(items, trailing)| {
        let mut out = String::new();
        for (item, sep) in items {
            out.push_str(&item);
            out.push_str(match sep {
                0 => " ",
                1 | 2 => ", ",
                _ => ",, ",
            });
        }
        if trailing {
            out.push(',');
        }
        out
    })
}

fn attr() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => attr_body().prop_map(|b| format!("#[status({b})]")),
        1 => Just("#[status]".to_owned()),
        1 => attr_body().prop_map(|b| format!("#[status = {b:?}]")),
        1 => Just(String::new()),
    ]
}

fn fields() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        attr().prop_map(|a| format!("({a} String)")),
        (attr(), attr()).prop_map(|(a, b)| format!("({a} u32, {b} T)")),
        attr().prop_map(|a| format!("{{ {a} email: String }}")),
        (attr(), attr()).prop_map(|(a, b)| format!("{{ {a} x: &'a str, {b} y: T }}")),
    ]
}

fn input() -> impl Strategy<Value = String> {
    let variant = (
        attr(),
        prop::sample::select(vec!["NotFound", "A", "Unauthorized", "r#Type", "X1"]),
        fields(),
    )
        .prop_map(|(a, name, f)| format!("{a} {name} {f}"));
    prop_oneof![
        (attr(), prop::collection::vec(variant, 0..4)).prop_map(|(a, vs)| {
            format!(
                "{a} enum E<'a, T: Clone> where T: Default {{ {} }}",
                vs.join(", ")
            )
        }),
        (attr(), fields()).prop_map(|(a, f)| {
            let semi = if f.starts_with('{') { "" } else { ";" };
            format!("{a} struct S<T> {f}{semi}")
        }),
        (attr(), attr()).prop_map(|(a, b)| format!("{a} union U {{ {b} a: u32, b: f32 }}")),
    ]
}

/// A `#[status(...)]` a user would write: mostly valid, sometimes not (a rule then reports
/// it).
fn usual_status() -> impl Strategy<Value = String> {
    let status = prop::sample::select(vec![
        "404",
        "500",
        "NOT_FOUND",
        "SERVICE_UNAVAILABLE",
        "422",
        "0404",
        "503",
        "409",
        "401, www_authenticate = \"Bearer realm=\\\"api\\\"\"",
        "405, allow = \"GET, HEAD\"",
        "499, reason = \"Client Closed Request\"",
        "418",
        "200",
        "401",
    ]);
    let extra = prop::sample::select(vec![
        "",
        ", code = \"USER_GONE\"",
        ", code = \"bad code\"",
        ", message = \"Try later\"",
        ", expose",
        ", redact",
        ", retry_after = 120",
        ", retry_after = \"Wed, 21 Oct 2015 07:28:00 GMT\"",
        ", header(\"X-Trace\" = \"a\", \"X-B\" = \"b\",)",
        ", header()",
        ", header(\"Content-Type\" = \"x\")",
        ",",
        ", allow(name_mismatch)",
        ", r#code = \"A_B\"",
        ", code = \"A\" \"B\"",
        ", code = \"\\u{41}\"",
    ]);
    (status, extra).prop_map(|(s, e)| format!("#[status({s}{e})]"))
}

fn usual_attrs() -> impl Strategy<Value = String> {
    let error = prop::sample::select(vec![
        "#[error(\"plain text\")]",
        "#[error(\"id {0} gone\")]",
        "#[error(\"say \\\"hi\\\"\\n\")]",
        "#[error(r\"raw\")]",
        "#[error(\"\\u{7b}\")]",
        "#[error(transparent)]",
        "#[error(\"{id}\", id = 1)]",
        "#[error = \"x\"]",
        "",
        "#[error(\"é ü\")]",
    ]);
    let other = prop::sample::select(vec![
        "",
        "/// Docs.\n",
        "#[serde(skip)]",
        "#[allow(dead_code)]",
        "#[status::x]",
    ]);
    (error, other, usual_status(), any::<bool>()).prop_map(|(e, o, s, twice)| {
        let s2 = if twice { s.clone() } else { String::new() };
        format!("{o} {e} {s} {s2}")
    })
}

fn usual_fields() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "",
        "{}",
        "()",
        "(String)",
        "{ #[status(expose)] id: u64 }",
        "(#[status(expose = \"n\")] u32, pub Vec<Option<u8>>)",
        "{ #[status(header = \"Retry-After\")] after: u64, pub(crate) f: fn() -> Box<dyn Fn(u8) -> u8> }",
        "{ r#type: std::collections::HashMap<String, (u8, u16)> }",
        "(#[status(expose)] &'static str)",
        "{ #[status(expose, header = \"X-Id\")] id: u64 }",
        "(#[status(code = \"X\")] u8)",
    ])
    .prop_map(str::to_owned)
}

/// Enums and structs without generics, with the attributes users write.
fn usual_input() -> impl Strategy<Value = String> {
    let variant = (
        usual_attrs(),
        prop::sample::select(vec![
            "NotFound",
            "Gone",
            "Unauthorized",
            "r#Type",
            "X1",
            "Conflict",
        ]),
        usual_fields(),
    )
        .prop_map(|(a, name, f)| format!("{a} {name} {f}"));
    let container = prop::sample::select(vec![
        "",
        "#[status(500)]",
        "#[status(format = \"problem\")]",
        "#[status(problem_type = \"https://e.com/\")]",
        "#[status(crate = \"::status\")]",
        "#[status(retry_after = 5)]",
        "#[derive(Clone)]",
    ]);
    let vis = prop::sample::select(vec!["", "pub ", "pub(crate) "]);
    prop_oneof![
        (
            container.clone(),
            vis.clone(),
            prop::collection::vec(variant, 0..5)
        )
            .prop_map(|(c, v, vs)| { format!("{c} {v}enum E {{ {} }}", vs.join(", ")) }),
        (container, vis, usual_attrs(), usual_fields()).prop_map(|(c, v, a, f)| {
            let semi = if f.starts_with('{') { "" } else { ";" };
            format!("{c} {a} {v}struct S {f}{semi}")
        }),
    ]
}

/// Whether `tokens` hold a `compile_error!` invocation.
fn has_compile_error(tokens: TokenStream) -> bool {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    tokens.windows(2).any(|w| {
        matches!((&w[0], &w[1]), (TokenTree::Ident(i), TokenTree::Punct(p)) if i == "compile_error" && p.as_char() == '!')
    }) || tokens.iter().any(|t| matches!(t, TokenTree::Group(g) if has_compile_error(g.stream())))
}

fn check(source: &str) {
    let Ok(tokens) = source.parse::<TokenStream>() else {
        return; // not tokens at all: the compiler rejects it before any macro runs
    };
    let out = crate::expand_tokens(tokens.clone());
    let text = out.to_string();
    let errors = has_compile_error(out);
    // Either errors, or an impl: never nothing at all for a parsable enum or struct.
    if !errors {
        assert!(
            text.contains("impl"),
            "no impl and no error for {source}: {text}"
        );
    }
    // A union is always an error.
    if syn::parse2::<syn::DeriveInput>(tokens).is_ok_and(|i| matches!(i.data, syn::Data::Union(_)))
    {
        assert!(errors, "a union was accepted: {source}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn structured_inputs_never_panic(source in input()) {
        check(&source);
    }

    #[test]
    fn usual_inputs_never_panic(source in usual_input()) {
        check(&source);
    }

    #[test]
    fn random_attribute_text_never_panics(body in any::<String>(), name in "[A-Za-z][A-Za-z0-9_]{0,8}") {
        for source in [
            format!("enum E {{ #[status({body})] {name} }}"),
            format!("#[status({body})] struct {name};"),
        ] {
            check(&source);
        }
    }
}

#[test]
fn known_good_input_expands() {
    check("enum E { #[status(404)] NotFound }");
    let out = crate::expand_tokens("enum E { #[status(404)] NotFound }".parse().unwrap());
    assert!(!has_compile_error(out));
    let out = crate::expand_tokens("enum E { #[status(200)] NotFound }".parse().unwrap());
    assert!(has_compile_error(out));
}
