//! The contract check: a catalog pinned to a file passes while it matches, fails with a
//! readable diff when a code is renamed, removed or re-mapped, and is rewritten on request.

#![cfg(feature = "contract")]

use std::path::{Path, PathBuf};

use status::contract::{self, Change, Mismatch, Mode, Outcome};
use status::{ApiError, Catalog};

/// Three versions of one error type, as a service evolves.
mod v1 {
    use status::ApiError;

    #[allow(dead_code)] // only the catalog is read
    #[derive(Debug, thiserror::Error, ApiError)]
    pub enum UserError {
        #[error("no such user")]
        #[status(404, code = "USER_NOT_FOUND")]
        UserMissing,
        #[error("{email} is taken")]
        #[status(409)]
        UserExists {
            #[status(expose)]
            email: String,
        },
        #[error("locked")]
        #[status(423)]
        Locked,
        #[error("db: {0}")]
        #[status(500)]
        Database(String),
    }
}

/// v1 with one code renamed.
mod v2 {
    use status::ApiError;

    #[allow(dead_code)] // only the catalog is read
    #[derive(Debug, thiserror::Error, ApiError)]
    pub enum UserError {
        #[error("no such user")]
        #[status(404, code = "NO_SUCH_USER")]
        UserMissing,
        #[error("{email} is taken")]
        #[status(409)]
        UserExists {
            #[status(expose)]
            email: String,
        },
        #[error("locked")]
        #[status(423)]
        Locked,
        #[error("db: {0}")]
        #[status(500)]
        Database(String),
    }
}

/// v1 with a status changed, an exposed field dropped, a variant removed, one added and a
/// message fixed.
mod v3 {
    use status::ApiError;

    #[allow(dead_code)] // only the catalog is read
    #[derive(Debug, thiserror::Error, ApiError)]
    pub enum UserError {
        #[error("no such user")]
        #[status(410, code = "USER_NOT_FOUND")]
        UserMissing,
        #[error("taken")]
        #[status(409)]
        UserExists,
        #[error("db: {0}")]
        #[status(500, message = "try again later")]
        Database(String),
        #[error("slow down")]
        #[status(429, retry_after = 30)]
        RateLimited,
    }
}

/// A fresh directory for one test, under cargo's scratch directory for integration tests.
fn scratch(test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("status-contract")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn pin<E: ApiError>(test: &str) -> PathBuf {
    let file = scratch(test).join("errors").join("user.json");
    assert_eq!(
        contract::check(&Catalog::of::<E>(), &file, Mode::Overwrite).unwrap(),
        Outcome::Written
    );
    file
}

fn mismatch<E: ApiError>(file: &Path) -> Mismatch {
    contract::check(&Catalog::of::<E>(), file, Mode::Check).unwrap_err()
}

#[test]
fn passes_on_a_match_and_writes_only_what_changed() {
    let file = pin::<v1::UserError>("match");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        serde_json::to_string_pretty(&Catalog::of::<v1::UserError>()).unwrap() + "\n"
    );
    let check = |mode| contract::check(&Catalog::of::<v1::UserError>(), &file, mode);
    assert_eq!(check(Mode::Check).unwrap(), Outcome::Matched);
    assert_eq!(check(Mode::Overwrite).unwrap(), Outcome::Matched);
}

#[test]
fn a_rename_fails_with_a_diff() {
    let file = pin::<v1::UserError>("rename");
    let mismatch = mismatch::<v2::UserError>(&file);
    let Mismatch::Changed { changes, .. } = &mismatch else {
        panic!("{mismatch:?}");
    };
    assert_eq!(
        changes,
        &[Change::Renamed {
            path: "UserMissing".into(),
            from: "USER_NOT_FOUND".into(),
            to: "NO_SUCH_USER".into(),
        }]
    );
    assert_eq!(
        mismatch.to_string(),
        format!(
            "the error catalog of `UserError` no longer matches {}:\n  \
             breaking  `UserMissing`: code `USER_NOT_FOUND` renamed to `NO_SUCH_USER`\n\
             codes are a public contract (AIP-193: one code names one error, forever): keep the \
             old code and status, or, if clients are ready for the change, accept it with \
             STATUS_CATALOG=overwrite and commit {}",
            file.display(),
            file.display()
        )
    );
    // The file is left alone until the change is accepted.
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        serde_json::to_string_pretty(&Catalog::of::<v1::UserError>()).unwrap() + "\n"
    );
}

#[test]
fn every_kind_of_change_is_listed() {
    let file = pin::<v1::UserError>("changes");
    let mismatch = mismatch::<v3::UserError>(&file);
    assert_eq!(
        mismatch.to_string(),
        format!(
            "the error catalog of `UserError` no longer matches {}:\n  \
             breaking  `USER_NOT_FOUND`: status 404 Not Found -> 410 Gone\n  \
             breaking  `USER_EXISTS`: fields [\"email\"] -> []\n  \
             breaking  `LOCKED` removed (was 423 Locked, `Locked`)\n  \
             changed   `DATABASE`: message \"reason\" -> {{\"fixed\": \"try again later\"}}\n  \
             added     `RATE_LIMITED` (429 Too Many Requests, `RateLimited`)\n\
             codes are a public contract (AIP-193: one code names one error, forever): keep the \
             old code and status, or, if clients are ready for the change, accept it with \
             STATUS_CATALOG=overwrite and commit {}",
            file.display(),
            file.display()
        )
    );
}

#[test]
fn compatible_changes_say_so() {
    /// v2 with an exposed field and a variant added.
    mod v4 {
        use status::ApiError;

        #[allow(dead_code)] // only the catalog is read
        #[derive(Debug, thiserror::Error, ApiError)]
        pub enum UserError {
            #[error("no such user")]
            #[status(404, code = "NO_SUCH_USER")]
            UserMissing,
            #[error("{email} is taken")]
            #[status(409)]
            UserExists {
                #[status(expose)]
                email: String,
                #[status(expose)]
                since: u32,
            },
            #[error("locked")]
            #[status(423)]
            Locked,
            #[error("db: {0}")]
            #[status(500)]
            Database(String),
            #[error("gone")]
            #[status(410)]
            UserGone,
        }
    }
    let file = pin::<v2::UserError>("compatible");
    let mismatch = mismatch::<v4::UserError>(&file);
    assert_eq!(
        mismatch.to_string(),
        format!(
            "the error catalog of `UserError` no longer matches {}:\n  \
             changed   `USER_EXISTS`: fields [\"email\"] -> [\"email\", \"since\"]\n  \
             added     `USER_GONE` (410 Gone, `UserGone`)\n\
             nothing a client relies on broke; accept the change with STATUS_CATALOG=overwrite \
             and commit {}",
            file.display(),
            file.display()
        )
    );
}

#[test]
fn overwrite_regenerates() {
    let file = pin::<v1::UserError>("overwrite");
    assert_eq!(
        contract::check(&Catalog::of::<v2::UserError>(), &file, Mode::Overwrite).unwrap(),
        Outcome::Written
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        serde_json::to_string_pretty(&Catalog::of::<v2::UserError>()).unwrap() + "\n"
    );
    assert_eq!(
        contract::check(&Catalog::of::<v2::UserError>(), &file, Mode::Check).unwrap(),
        Outcome::Matched
    );
}

#[test]
fn a_missing_file_is_written_and_fails() {
    let file = scratch("missing").join("new").join("user.json");
    let mismatch = mismatch::<v1::UserError>(&file);
    assert!(matches!(mismatch, Mismatch::Created { .. }), "{mismatch:?}");
    assert_eq!(
        mismatch.to_string(),
        format!(
            "wrote the error catalog to {}: review it, commit it, and run the tests again",
            file.display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        serde_json::to_string_pretty(&Catalog::of::<v1::UserError>()).unwrap() + "\n"
    );
}

#[test]
fn the_file_may_be_reformatted() {
    let file = scratch("reformatted").join("user.json");
    let compact: String = serde_json::to_string_pretty(&Catalog::of::<v1::UserError>())
        .unwrap()
        .lines()
        .map(str::trim)
        .collect();
    std::fs::write(&file, compact).unwrap();
    assert_eq!(
        contract::check(&Catalog::of::<v1::UserError>(), &file, Mode::Check).unwrap(),
        Outcome::Matched
    );
}

#[test]
fn an_unreadable_file_says_why() {
    let file = scratch("unreadable").join("user.json");
    for (text, reason) in [
        (
            "{\"name\": \"UserError\",\n  \"format\": ",
            "EOF while parsing a value at line 2 column 12",
        ),
        ("[]", "the catalog is not an object"),
        (
            "{\"name\": \"X\", \"format\": \"plain\", \"problem_type\": null}",
            "`variants` is missing",
        ),
        ("{} {}", "trailing characters at line 1 column 4"),
        (
            "{\"a\": \"\\ud800\"}",
            "unexpected end of hex escape at line 1 column 14",
        ),
    ] {
        std::fs::write(&file, text).unwrap();
        let mismatch = mismatch::<v1::UserError>(&file);
        assert_eq!(
            mismatch.to_string(),
            format!(
                "{} is not an error catalog ({reason}); regenerate it with STATUS_CATALOG=overwrite",
                file.display()
            ),
            "{text}"
        );
    }
}

#[test]
fn a_new_status_hides_only_the_reason_that_follows_it() {
    mod r1 {
        use status::ApiError;

        #[allow(dead_code)] // only the catalog is read
        #[derive(Debug, thiserror::Error, ApiError)]
        pub enum SyncError {
            #[error("upstream timed out")]
            #[status(599, reason = "Network Timeout", code = "UPSTREAM")]
            Upstream,
            #[error("no user {id}")]
            #[status(404, code = "NO_USER")]
            NoUser {
                #[status(expose)]
                id: u32,
            },
        }
    }
    mod r2 {
        use status::ApiError;

        #[allow(dead_code)] // only the catalog is read
        #[derive(Debug, thiserror::Error, ApiError)]
        pub enum SyncError {
            #[error("upstream timed out")]
            #[status(599, reason = "Upstream Timeout", code = "UPSTREAM")]
            Upstream,
            #[error("no user {id}")]
            #[status(410, code = "NO_USER")]
            NoUser { id: u32 },
        }
    }
    let file = pin::<r1::SyncError>("status-and-more");
    let Mismatch::Changed { changes, .. } = mismatch::<r2::SyncError>(&file) else {
        panic!("expected a diff");
    };
    assert_eq!(
        changes,
        [
            // Same status: a new reason is a change of its own.
            Change::Other {
                code: Some("UPSTREAM".into()),
                property: "reason",
                from: "\"Network Timeout\"".into(),
                to: "\"Upstream Timeout\"".into(),
            },
            // New status: its reason goes unsaid, but the dropped field is still listed.
            Change::Status {
                code: "NO_USER".into(),
                from: 404,
                to: 410,
            },
            Change::Other {
                code: Some("NO_USER".into()),
                property: "fields",
                from: "[\"id\"]".into(),
                to: "[]".into(),
            },
        ]
    );
}

#[test]
fn a_removed_field_or_header_breaks_an_added_one_does_not() {
    let change = |property, from: &str, to: &str| Change::Other {
        code: Some("RATE_LIMITED".to_owned()),
        property,
        from: from.to_owned(),
        to: to.to_owned(),
    };
    for property in ["fields", "headers"] {
        assert!(
            change(property, r#"["a","b"]"#, r#"["a"]"#).is_breaking(),
            "{property}"
        );
        assert!(
            !change(property, r#"["a"]"#, r#"["a","b"]"#).is_breaking(),
            "{property}"
        );
        assert!(
            !change(property, r#"["a"]"#, r#"["a"]"#).is_breaking(),
            "{property}"
        );
    }
    // Other properties (the message, the reason, the path) break nothing a client parses.
    for property in ["message", "reason", "path"] {
        assert!(
            !change(property, r#"["a","b"]"#, "[]").is_breaking(),
            "{property}"
        );
    }
}

#[test]
fn a_file_that_cannot_be_read_is_an_io_error_and_stays_as_it_is() {
    use std::error::Error as _;

    let file = scratch("not-utf8").join("user.json");
    std::fs::write(&file, b"{\"name\": \"\xff\"}").unwrap();
    for mode in [Mode::Check, Mode::Overwrite] {
        let mismatch = contract::check(&Catalog::of::<v1::UserError>(), &file, mode).unwrap_err();
        let Mismatch::Io { error, .. } = &mismatch else {
            panic!("expected an I/O error, got {mismatch:?}");
        };
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidData);
        let source = mismatch.source().expect("the I/O error is the source");
        assert_eq!(source.to_string(), error.to_string());
        assert_eq!(mismatch.to_string(), format!("{}: {error}", file.display()));
        assert_eq!(std::fs::read(&file).unwrap(), b"{\"name\": \"\xff\"}");
    }
    // Other mismatches have no source.
    let pinned = pin::<v1::UserError>("no-source");
    assert!(mismatch::<v2::UserError>(&pinned).source().is_none());
}

/// The macro, pinned to a file checked in beside this test.
#[test]
fn assert_catalog_passes_on_the_checked_in_file() {
    status::assert_catalog!(v1::UserError, "tests/contract/user-error.json");
}

#[test]
fn assert_catalog_panics_with_the_diff() {
    let file = pin::<v1::UserError>("macro");
    let result = std::panic::catch_unwind(|| {
        // An absolute path replaces the crate's directory.
        status::assert_catalog!(v2::UserError, &file);
    });
    if Mode::from_env() == Mode::Overwrite {
        // `STATUS_CATALOG=overwrite cargo test`: the macro accepts the change.
        assert!(result.is_ok());
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            serde_json::to_string_pretty(&Catalog::of::<v2::UserError>()).unwrap() + "\n"
        );
        return;
    }
    let payload = result.unwrap_err();
    let message = payload.downcast_ref::<String>().unwrap();
    assert_eq!(message, &mismatch::<v2::UserError>(&file).to_string());
    assert!(message.contains("code `USER_NOT_FOUND` renamed to `NO_SUCH_USER`"));
}
