//! `transparent` three levels deep, generics, and the catalog they produce.

use std::fmt::{Debug, Display};

use status::{ApiError, Entry, MessageSource, Status, VariantInfo, collect_headers};

#[path = "fixtures/db.rs"]
mod db;

use db::DbError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum RepoError {
    #[error(transparent)]
    #[status(transparent)]
    Db(#[from] DbError),
    #[error("no such repo {name}")]
    #[status(404)]
    RepoNotFound {
        #[status(expose)]
        name: String,
    },
}

#[derive(Debug, thiserror::Error, ApiError)]
#[status(format = "problem", problem_type = "https://errors.example/")]
pub enum ApiErr {
    #[error(transparent)]
    #[status(transparent)]
    Repo(#[from] RepoError),
    #[error("bad request")]
    #[status(400)]
    Bad,
}

fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap()
}

#[test]
fn three_levels_delegate_everything() {
    let err = ApiErr::Repo(RepoError::Db(DbError::RowLocked(7)));
    assert_eq!(err.status(), Status::CONFLICT);
    assert_eq!(err.code(), "ROW_LOCKED");
    assert_eq!(
        json(&err.body()),
        r#"{"error":"row 7 locked","code":"ROW_LOCKED"}"#
    );
    // The outermost type decides the problem `type` base.
    assert_eq!(
        json(&err.problem()),
        r#"{"type":"https://errors.example/ROW_LOCKED","title":"Conflict","status":409,"detail":"row 7 locked","code":"ROW_LOCKED"}"#
    );

    let err = ApiErr::Repo(RepoError::Db(DbError::Unavailable));
    assert_eq!(
        json(&err.body()),
        r#"{"error":"Service Unavailable","code":"UNAVAILABLE"}"#
    );
    assert_eq!(collect_headers(&err), [("Retry-After", "5".to_owned())]);
    assert!(!json(&err.problem()).contains("secret"));

    let err = ApiErr::Repo(RepoError::RepoNotFound { name: "x".into() });
    assert_eq!(
        json(&err.body()),
        r#"{"error":"no such repo x","code":"REPO_NOT_FOUND","name":"x"}"#
    );
}

#[test]
fn the_catalog_nests() {
    const EXPECTED: &[Entry] = &[
        Entry::Transparent {
            name: "Repo",
            inner: &[
                Entry::Transparent {
                    name: "Db",
                    inner: &[
                        Entry::Variant(VariantInfo::new(
                            "RowLocked",
                            Status::CONFLICT,
                            "ROW_LOCKED",
                        )),
                        Entry::Variant(
                            VariantInfo::new(
                                "Unavailable",
                                Status::SERVICE_UNAVAILABLE,
                                "UNAVAILABLE",
                            )
                            .headers(&["Retry-After"])
                            .static_headers(&[("Retry-After", "5")]),
                        ),
                    ],
                },
                Entry::Variant(
                    VariantInfo::new("RepoNotFound", Status::NOT_FOUND, "REPO_NOT_FOUND")
                        .fields(&["name"]),
                ),
            ],
        },
        Entry::Variant(VariantInfo::new("Bad", Status::BAD_REQUEST, "BAD").text("bad request")),
    ];
    assert_eq!(ApiErr::CATALOG, EXPECTED);

    let mut flat = Vec::new();
    status::walk(ApiErr::CATALOG, &mut |path, info| {
        flat.push((path.join("::"), info.code));
    });
    assert_eq!(
        flat,
        [
            ("Repo::Db::RowLocked".to_owned(), "ROW_LOCKED"),
            ("Repo::Db::Unavailable".to_owned(), "UNAVAILABLE"),
            ("Repo::RepoNotFound".to_owned(), "REPO_NOT_FOUND"),
            ("Bad".to_owned(), "BAD"),
        ]
    );
}

#[test]
fn catalog_records_message_sources() {
    #[allow(dead_code)] // only the catalog is read
    #[derive(Debug, thiserror::Error, ApiError)]
    enum E {
        #[error("a")]
        #[status(500, expose)]
        VariantA,
        #[error("b")]
        #[status(400, redact)]
        VariantB,
        #[error("c")]
        #[status(503, message = "later")]
        VariantC,
        #[error("d")]
        #[status(499, reason = "Client Closed Request")]
        VariantD,
    }
    let messages: Vec<_> = E::CATALOG
        .iter()
        .map(|entry| match entry {
            Entry::Variant(info) => (info.message, info.reason),
            Entry::Transparent { .. } => unreachable!(),
        })
        .collect();
    assert_eq!(
        messages,
        [
            (MessageSource::Display, "Internal Server Error"),
            (MessageSource::Reason, "Bad Request"),
            (MessageSource::Fixed("later"), "Service Unavailable"),
            (MessageSource::Display, "Client Closed Request"),
        ]
    );
}

/// Generic over the inner error, the exposed value and a header value.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Generic<'a, E, V, H>
where
    E: Debug + Display + std::error::Error + 'static,
    V: Debug + Display,
    H: Debug,
{
    #[error(transparent)]
    #[status(transparent)]
    Inner(E),
    #[error("bad value {0}")]
    #[status(422)]
    BadValue(#[status(expose = "value")] V),
    #[error("limited by {by}")]
    #[status(429)]
    Limited {
        #[status(header = "Retry-After")]
        retry: H,
        by: &'a str,
    },
}

impl<H: Debug> Display for Wrapper<H> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

/// A header value type that is `Display` only through its own impl.
#[derive(Debug)]
pub struct Wrapper<H>(H);

#[test]
fn generics_get_bounds_only_where_used() {
    type G<'a> = Generic<'a, DbError, u32, Wrapper<u8>>;
    let err: G = Generic::Inner(DbError::RowLocked(1));
    assert_eq!(err.code(), "ROW_LOCKED");
    let err: G = Generic::BadValue(42);
    assert_eq!(
        json(&err.body()),
        r#"{"error":"bad value 42","code":"BAD_VALUE","value":42}"#
    );
    let err: G = Generic::Limited {
        retry: Wrapper(9),
        by: "ip",
    };
    assert_eq!(collect_headers(&err), [("Retry-After", "9".to_owned())]);
    assert_eq!(G::CATALOG.len(), 3);
}

/// Generic with no `where` clause: thiserror infers the bounds its `Display` needs, and the
/// derive asks for `Self: Error` instead of repeating them, plus `Serialize` for exposed
/// fields whose types mention a parameter, inside tuples and arrays too.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Unbounded<T> {
    #[error("bad item {0}")]
    #[status(400)]
    Item(#[status(expose = "item")] T),
    #[error("bad pair")]
    #[status(422)]
    Pair(#[status(expose = "pair")] (T, u8)),
    #[error("bad list")]
    #[status(422)]
    List(#[status(expose = "list")] [T; 2]),
}

/// A parameter that appears only inside a tuple: the bound is found inside the group.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum OnlyInTuple<T> {
    #[error("bad pair")]
    #[status(422)]
    Pair(#[status(expose = "pair")] (u8, T)),
}

#[test]
fn generics_without_a_where_clause_take_the_bounds_they_use() {
    assert_eq!(
        json(&OnlyInTuple::Pair((1, "a")).body()),
        r#"{"error":"bad pair","code":"PAIR","pair":[1,"a"]}"#
    );
    assert_eq!(
        json(&Unbounded::Item("x").body()),
        r#"{"error":"bad item x","code":"ITEM","item":"x"}"#
    );
    assert_eq!(
        json(&Unbounded::Pair((5_u32, 1)).body()),
        r#"{"error":"bad pair","code":"PAIR","pair":[5,1]}"#
    );
    assert_eq!(
        json(&Unbounded::List([true, false]).body()),
        r#"{"error":"bad list","code":"LIST","list":[true,false]}"#
    );
}
