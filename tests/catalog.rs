//! The flattened catalog and its two renderings, asserted exactly for a three-level nesting.

use status::{ApiError, Catalog, Format, MessageSource, Status};

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
        #[status(expose = "owner_id")]
        owner: u64,
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
    #[error("who are you")]
    #[status(
        401,
        www_authenticate = "Bearer",
        message = "sign in | \"again\"\n<now>"
    )]
    Unauthenticated,
    #[error("crashed")]
    #[status(500, expose)]
    Crash,
}

const MARKDOWN: &str = "\
`ApiErr`: 6 errors, sent as `application/problem+json` with `type` = `https://errors.example/{code}`.

| code | status | variant | message | fields | headers |
|---|---|---|---|---|---|
| `ROW_LOCKED` | 409 Conflict | `Repo::Db::RowLocked` | `Display` | | |
| `UNAVAILABLE` | 503 Service Unavailable | `Repo::Db::Unavailable` | reason phrase | | `Retry-After` |
| `REPO_NOT_FOUND` | 404 Not Found | `Repo::RepoNotFound` | `Display` | `name`, `owner_id` | |
| `BAD` | 400 Bad Request | `Bad` | `Display` | | |
| `UNAUTHENTICATED` | 401 Unauthorized | `Unauthenticated` | \"sign in \\| \"again\" &lt;now>\" | | `WWW-Authenticate` |
| `CRASH` | 500 Internal Server Error | `Crash` | `Display` (exposed) | | |
";

const JSON: &str = r#"{
  "name": "ApiErr",
  "format": "problem",
  "problem_type": "https://errors.example/",
  "variants": [
    {
      "path": "Repo::Db::RowLocked",
      "code": "ROW_LOCKED",
      "status": 409,
      "reason": "Conflict",
      "message": "display",
      "fields": [],
      "headers": []
    },
    {
      "path": "Repo::Db::Unavailable",
      "code": "UNAVAILABLE",
      "status": 503,
      "reason": "Service Unavailable",
      "message": "reason",
      "fields": [],
      "headers": [
        "Retry-After"
      ]
    },
    {
      "path": "Repo::RepoNotFound",
      "code": "REPO_NOT_FOUND",
      "status": 404,
      "reason": "Not Found",
      "message": "display",
      "fields": [
        "name",
        "owner_id"
      ],
      "headers": []
    },
    {
      "path": "Bad",
      "code": "BAD",
      "status": 400,
      "reason": "Bad Request",
      "message": "display",
      "fields": [],
      "headers": []
    },
    {
      "path": "Unauthenticated",
      "code": "UNAUTHENTICATED",
      "status": 401,
      "reason": "Unauthorized",
      "message": {
        "fixed": "sign in | \"again\"\n<now>"
      },
      "fields": [],
      "headers": [
        "WWW-Authenticate"
      ]
    },
    {
      "path": "Crash",
      "code": "CRASH",
      "status": 500,
      "reason": "Internal Server Error",
      "message": "display",
      "fields": [],
      "headers": []
    }
  ]
}"#;

#[test]
fn rows_are_flattened_with_their_paths() {
    let catalog = Catalog::of::<ApiErr>();
    assert_eq!(catalog.name(), "ApiErr");
    assert_eq!(catalog.format(), Format::Problem);
    assert_eq!(catalog.problem_type(), Some("https://errors.example/"));
    let rows: Vec<(String, &str, u16)> = catalog
        .rows()
        .iter()
        .map(|row| (row.path(), row.info.code, row.info.status.as_u16()))
        .collect();
    assert_eq!(
        rows,
        [
            ("Repo::Db::RowLocked".to_owned(), "ROW_LOCKED", 409),
            ("Repo::Db::Unavailable".to_owned(), "UNAVAILABLE", 503),
            ("Repo::RepoNotFound".to_owned(), "REPO_NOT_FOUND", 404),
            ("Bad".to_owned(), "BAD", 400),
            ("Unauthenticated".to_owned(), "UNAUTHENTICATED", 401),
            ("Crash".to_owned(), "CRASH", 500),
        ]
    );
    assert_eq!(catalog.rows()[0].path, ["Repo", "Db", "RowLocked"]);
    assert_eq!(catalog.rows()[5].info.message, MessageSource::Display);
    assert_eq!(catalog.rows()[1].info.status, Status::SERVICE_UNAVAILABLE);
}

#[test]
fn markdown_is_exact() {
    assert_eq!(Catalog::of::<ApiErr>().to_markdown(), MARKDOWN);
}

/// The JSON a contract file keeps is what `serde_json` writes for the catalog.
#[test]
fn json_is_exact() {
    assert_eq!(
        serde_json::to_string_pretty(&Catalog::of::<ApiErr>()).unwrap(),
        JSON
    );
}

#[test]
fn inner_types_keep_their_own_format() {
    let catalog = Catalog::of::<RepoError>();
    assert_eq!(catalog.format(), Format::Plain);
    assert_eq!(catalog.problem_type(), None);
    assert_eq!(
        catalog.to_markdown().lines().next(),
        Some("`RepoError`: 3 errors, sent as `application/json`.")
    );
}

#[allow(dead_code)] // only the catalog is read
#[derive(Debug, thiserror::Error, ApiError)]
#[status(format = "problem")]
pub enum Empty {}

#[test]
fn an_empty_type_renders() {
    let catalog = Catalog::of::<Empty>();
    assert_eq!(
        serde_json::to_string_pretty(&catalog).unwrap(),
        "{\n  \"name\": \"Empty\",\n  \"format\": \"problem\",\n  \"problem_type\": null,\n  \"variants\": []\n}"
    );
    assert_eq!(
        catalog.to_markdown(),
        "`Empty`: 0 errors, sent as `application/problem+json` with `type` = `about:blank`.\n\
         \n\
         | code | status | variant | message | fields | headers |\n\
         |---|---|---|---|---|---|\n"
    );
}

#[allow(dead_code)] // only the catalog is read
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Escapes {
    #[error("x")]
    #[status(
        422,
        message = "tab\there, bell\u{7}, back\\slash, *stars* _under_ [link] `tick`",
        header("X-A|B" = "1")
    )]
    Weird,
}

#[test]
fn every_string_is_escaped() {
    let catalog = Catalog::of::<Escapes>();
    assert!(
        serde_json::to_string_pretty(&catalog).unwrap().contains(
            r#""fixed": "tab\there, bell\u0007, back\\slash, *stars* _under_ [link] `tick`""#
        ),
        "{}",
        serde_json::to_string_pretty(&catalog).unwrap()
    );
    let row = catalog.to_markdown().lines().last().unwrap().to_owned();
    assert_eq!(
        row,
        "| `WEIRD` | 422 Unprocessable Content | `Weird` | \"tab\there, bell\u{7}, back\\\\slash, \\*stars\\* \\_under\\_ \\[link\\] \\`tick\\`\" | | `X-A\\|B` |"
    );
}

/// Generic over its inner error: the name keeps the parameters, without module paths.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Wrapper<E: std::error::Error + 'static> {
    #[error(transparent)]
    #[status(transparent)]
    Inner(E),
    #[error("timeout")]
    #[status(504)]
    Timeout,
}

#[test]
fn generic_names_drop_module_paths() {
    let catalog = Catalog::of::<Wrapper<DbError>>();
    assert_eq!(catalog.name(), "Wrapper<DbError>");
    assert_eq!(catalog.rows().len(), 3);
    let catalog = Catalog::of::<Wrapper<RepoError>>();
    assert_eq!(catalog.name(), "Wrapper<RepoError>");
    assert_eq!(catalog.rows()[0].path(), "Inner::Db::RowLocked");
    // `code()` of a generic type holds the uniqueness check: instantiating it compiles.
    assert_eq!(Wrapper::<RepoError>::Timeout.code(), "TIMEOUT");
    assert_eq!(Wrapper::Inner(DbError::Unavailable).code(), "UNAVAILABLE");
}
