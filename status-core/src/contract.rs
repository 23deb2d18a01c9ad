//! Codes are a public contract (AIP-193: one code names one error, forever). This module pins
//! a type's [`Catalog`] to a checked-in JSON file, so that renaming, removing or re-mapping a
//! code fails a test with a diff that says what broke.
//!
//! Most users call [`assert_catalog!`](crate::assert_catalog) from a test:
//!
//! ```no_run
//! # use status::ApiError;
//! # #[derive(Debug, thiserror::Error, ApiError)]
//! # enum UserError { #[error("x")] #[status(404)] NotFound }
//! #[test]
//! fn error_codes_are_stable() {
//!     status::assert_catalog!(UserError, "tests/errors/user.json");
//! }
//! ```
//!
//! The first run writes the file and fails, asking for it to be reviewed and committed.
//! Every later run compares the catalog with the file, field by field (the file may be
//! reformatted at will). To accept a change, run the tests with `STATUS_CATALOG=overwrite`
//! and commit the new file: the change then shows up in review.
//!
//! With the `contract` feature, which is test tooling: enable it under `[dev-dependencies]`,
//! and a service's own build does not compile this module.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::catalog::Catalog;
use crate::status::Status;

/// The environment variable that switches [`Mode::from_env`] to [`Mode::Overwrite`] when it
/// is set to `overwrite`.
pub const ENV: &str = "STATUS_CATALOG";

/// What [`check`] does with the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Compare, and fail on any difference.
    Check,
    /// Write the catalog to the file (only if it differs), and succeed.
    Overwrite,
}

impl Mode {
    /// [`Mode::Overwrite`] when `STATUS_CATALOG=overwrite`, [`Mode::Check`] otherwise.
    pub fn from_env() -> Mode {
        Mode::from_value(std::env::var_os(ENV).as_deref())
    }

    /// The mode `STATUS_CATALOG` set to `value` asks for.
    fn from_value(value: Option<&std::ffi::OsStr>) -> Mode {
        match value {
            Some(value) if value == "overwrite" => Mode::Overwrite,
            _ => Mode::Check,
        }
    }
}

/// A successful [`check`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The file holds this catalog.
    Matched,
    /// The file was written ([`Mode::Overwrite`]).
    Written,
}

/// Why a [`check`] failed. Its `Display` is the message a test failure shows.
#[derive(Debug)]
#[non_exhaustive]
pub enum Mismatch {
    /// The file did not exist; it has been written, to be reviewed and committed.
    Created {
        /// The file.
        file: PathBuf,
    },
    /// The catalog differs from the file.
    Changed {
        /// The file.
        file: PathBuf,
        /// The type's name.
        name: String,
        /// What differs, in the file's order, additions last.
        changes: Vec<Change>,
    },
    /// The file is not a catalog this crate can read.
    Unreadable {
        /// The file.
        file: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// Reading or writing the file failed.
    Io {
        /// The file.
        file: PathBuf,
        /// The error.
        error: io::Error,
    },
}

/// One difference between the pinned catalog and the current one.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Change {
    /// A variant kept its place but its code changed: clients matching the old code break.
    Renamed {
        /// The variant's path.
        path: String,
        /// The pinned code.
        from: String,
        /// The current code.
        to: String,
    },
    /// A code is gone.
    Removed {
        /// The pinned code.
        code: String,
        /// Its pinned status.
        status: u16,
        /// Its pinned path.
        path: String,
    },
    /// A code answers with another status.
    Status {
        /// The code.
        code: String,
        /// The pinned status.
        from: u16,
        /// The current status.
        to: u16,
    },
    /// The body format changed (`plain` ⇄ `problem`): every body changes shape.
    Format {
        /// The pinned format.
        from: String,
        /// The current format.
        to: String,
    },
    /// Another property of a code (path, reason, message, fields, headers) or of the type
    /// (name, problem type) changed.
    Other {
        /// The code, or `None` for a property of the type.
        code: Option<String>,
        /// The property.
        property: &'static str,
        /// The pinned value, as JSON.
        from: String,
        /// The current value, as JSON.
        to: String,
    },
    /// A new code.
    Added {
        /// The code.
        code: String,
        /// Its status.
        status: u16,
        /// Its path.
        path: String,
    },
}

impl Change {
    /// Whether the change can break a client that followed the pinned catalog: a code
    /// renamed or removed, a status, the body format, or an exposed field or header
    /// removed.
    pub fn is_breaking(&self) -> bool {
        match self {
            Change::Renamed { .. }
            | Change::Removed { .. }
            | Change::Status { .. }
            | Change::Format { .. } => true,
            Change::Other {
                property, from, to, ..
            } => {
                (*property == "fields" || *property == "headers")
                    && json_list_items(from)
                        .iter()
                        .any(|item| !json_list_items(to).contains(item))
            }
            Change::Added { .. } => false,
        }
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = if self.is_breaking() {
            "breaking"
        } else {
            "changed "
        };
        match self {
            Change::Renamed { path, from, to } => {
                write!(f, "{kind}  `{path}`: code `{from}` renamed to `{to}`")
            }
            Change::Removed { code, status, path } => write!(
                f,
                "{kind}  `{code}` removed (was {}, `{path}`)",
                StatusText(*status)
            ),
            Change::Status { code, from, to } => write!(
                f,
                "{kind}  `{code}`: status {} -> {}",
                StatusText(*from),
                StatusText(*to)
            ),
            Change::Format { from, to } => write!(f, "{kind}  body format {from} -> {to}"),
            Change::Other {
                code,
                property,
                from,
                to,
            } => match code {
                Some(code) => write!(f, "{kind}  `{code}`: {property} {from} -> {to}"),
                None => write!(f, "{kind}  {property} {from} -> {to}"),
            },
            Change::Added { code, status, path } => {
                write!(f, "added     `{code}` ({}, `{path}`)", StatusText(*status))
            }
        }
    }
}

/// `404 Not Found`, or the bare number when it has no registered phrase.
struct StatusText(u16);

impl fmt::Display for StatusText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match Status::new(self.0).and_then(Status::reason) {
            Some(reason) => write!(f, "{} {reason}", self.0),
            None => write!(f, "{}", self.0),
        }
    }
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mismatch::Created { file } => write!(
                f,
                "wrote the error catalog to {}: review it, commit it, and run the tests again",
                file.display()
            ),
            Mismatch::Changed {
                file,
                name,
                changes,
            } => {
                writeln!(
                    f,
                    "the error catalog of `{name}` no longer matches {}:",
                    file.display()
                )?;
                for change in changes {
                    writeln!(f, "  {change}")?;
                }
                let advice = if changes.iter().any(Change::is_breaking) {
                    "codes are a public contract (AIP-193: one code names one error, forever): \
                     keep the old code and status, or, if clients are ready for the change, \
                     accept it"
                } else {
                    "nothing a client relies on broke; accept the change"
                };
                write!(
                    f,
                    "{advice} with {ENV}=overwrite and commit {}",
                    file.display()
                )
            }
            Mismatch::Unreadable { file, reason } => write!(
                f,
                "{} is not an error catalog ({reason}); regenerate it with {ENV}=overwrite",
                file.display()
            ),
            Mismatch::Io { file, error } => write!(f, "{}: {error}", file.display()),
        }
    }
}

impl std::error::Error for Mismatch {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Mismatch::Io { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// Compares `catalog` with the one pinned in `file` (or writes it, in
/// [`Mode::Overwrite`], or when the file does not exist yet).
///
/// # Errors
///
/// [`Mismatch::Changed`] with every difference when the catalog differs from the file;
/// [`Mismatch::Created`] when the file did not exist (it has been written);
/// [`Mismatch::Unreadable`] or [`Mismatch::Io`] when the file cannot be read or written.
pub fn check(catalog: &Catalog, file: &Path, mode: Mode) -> Result<Outcome, Mismatch> {
    let current = text(catalog);
    let pinned = match fs::read_to_string(file) {
        Ok(text) => Some(text),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => {
            return Err(Mismatch::Io {
                file: file.to_owned(),
                error,
            });
        }
    };
    let write = |file: &Path| -> Result<(), Mismatch> {
        let io = |error| Mismatch::Io {
            file: file.to_owned(),
            error,
        };
        if let Some(dir) = file.parent() {
            fs::create_dir_all(dir).map_err(io)?;
        }
        fs::write(file, &current).map_err(io)
    };
    match (mode, pinned) {
        (Mode::Overwrite, Some(pinned)) if pinned == current => Ok(Outcome::Matched),
        (Mode::Overwrite, _) => write(file).map(|()| Outcome::Written),
        (Mode::Check, None) => {
            write(file)?;
            Err(Mismatch::Created {
                file: file.to_owned(),
            })
        }
        (Mode::Check, Some(pinned)) => {
            let unreadable = |reason: String| Mismatch::Unreadable {
                file: file.to_owned(),
                reason,
            };
            let pinned = serde_json::from_str(&pinned)
                .map_err(|error: serde_json::Error| error.to_string())
                .and_then(|value| Pinned::from_json(&value))
                .map_err(unreadable)?;
            let now = Pinned::from_json(&serde_json::json!(catalog)).map_err(unreadable)?;
            let changes = diff(&pinned, &now);
            if changes.is_empty() {
                Ok(Outcome::Matched)
            } else {
                Err(Mismatch::Changed {
                    file: file.to_owned(),
                    name: now.name,
                    changes,
                })
            }
        }
    }
}

/// Pins the catalog of an `ApiError` type to a JSON file, relative to the calling crate's
/// `Cargo.toml`, and panics with a readable diff when they differ.
///
/// ```no_run
/// # use status::ApiError;
/// # #[derive(Debug, thiserror::Error, ApiError)]
/// # enum UserError { #[error("x")] #[status(404)] NotFound }
/// status::assert_catalog!(UserError, "tests/errors/user.json");
/// ```
///
/// A renamed code fails like this:
///
/// ```text
/// the error catalog of `UserError` no longer matches /…/tests/errors/user.json:
///   breaking  `NotFound`: code `USER_NOT_FOUND` renamed to `NO_SUCH_USER`
/// codes are a public contract (AIP-193: one code names one error, forever): keep the old
/// code and status, or, if clients are ready for the change, accept it with
/// STATUS_CATALOG=overwrite and commit /…/tests/errors/user.json
/// ```
///
/// With `STATUS_CATALOG=overwrite` it writes the file instead. See [`contract`](crate::contract).
#[macro_export]
macro_rules! assert_catalog {
    ($ty:ty, $file:expr $(,)?) => {
        if let ::core::result::Result::Err(mismatch) = $crate::contract::check(
            &$crate::Catalog::of::<$ty>(),
            &::std::path::Path::new(::core::env!("CARGO_MANIFEST_DIR")).join($file),
            $crate::contract::Mode::from_env(),
        ) {
            ::core::panic!("{}", mismatch);
        }
    };
}

/// A catalog read back from JSON: owned, every value kept as the JSON text it compares by.
struct Pinned {
    name: String,
    format: String,
    problem_type: String,
    rows: Vec<PinnedRow>,
}

struct PinnedRow {
    code: String,
    status: u16,
    /// `(property, JSON text)` for every other property, in the file's order.
    properties: Vec<(&'static str, String)>,
}

impl PinnedRow {
    fn get(&self, property: &str) -> &str {
        self.properties
            .iter()
            .find(|(name, _)| *name == property)
            .map_or("", |(_, value)| value)
    }
}

/// The row properties compared besides `code` and `status`.
const PROPERTIES: &[&str] = &["path", "reason", "message", "fields", "headers"];

impl Pinned {
    fn from_json(value: &Value) -> Result<Pinned, String> {
        let member = |object: &'_ Map<String, Value>, name: &str| -> Result<Value, String> {
            object
                .get(name)
                .cloned()
                .ok_or_else(|| format!("`{name}` is missing"))
        };
        let string = |value: Value, what: &str| match value {
            Value::String(text) => Ok(text),
            _ => Err(format!("`{what}` is not a string")),
        };
        let top = value.as_object().ok_or("the catalog is not an object")?;
        let rows = member(top, "variants")?
            .as_array()
            .ok_or("`variants` is not an array")?
            .iter()
            .map(|row| {
                let row = row.as_object().ok_or("a variant is not an object")?;
                let status = member(row, "status")?
                    .as_u64()
                    .and_then(|n| u16::try_from(n).ok())
                    .ok_or("a `status` is not a status code")?;
                let properties = PROPERTIES
                    .iter()
                    .map(|&name| Ok((name, show(&member(row, name)?))))
                    .collect::<Result<_, String>>()?;
                Ok(PinnedRow {
                    code: string(member(row, "code")?, "code")?,
                    status,
                    properties,
                })
            })
            .collect::<Result<_, String>>()?;
        Ok(Pinned {
            name: string(member(top, "name")?, "name")?,
            format: string(member(top, "format")?, "format")?,
            problem_type: show(&member(top, "problem_type")?),
            rows,
        })
    }
}

/// The file's text for `catalog`: pretty-printed JSON with a final newline.
fn text(catalog: &Catalog) -> String {
    // A `Catalog` serializes to strings, numbers and lists of them: no error is possible.
    serde_json::to_string_pretty(catalog).unwrap_or_default() + "\n"
}

/// A value as a change shows it: compact JSON with a space after each `,` and `:`.
fn show(value: &Value) -> String {
    match value {
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(show).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(members) => {
            let members: Vec<String> = members
                .iter()
                .map(|(key, value)| format!("{}: {}", Value::from(key.as_str()), show(value)))
                .collect();
            format!("{{{}}}", members.join(", "))
        }
        scalar => scalar.to_string(),
    }
}

fn diff(pinned: &Pinned, now: &Pinned) -> Vec<Change> {
    let mut changes = Vec::new();
    if pinned.format != now.format {
        changes.push(Change::Format {
            from: pinned.format.clone(),
            to: now.format.clone(),
        });
    }
    for (property, from, to) in [
        ("name", json_string(&pinned.name), json_string(&now.name)),
        (
            "problem_type",
            pinned.problem_type.clone(),
            now.problem_type.clone(),
        ),
    ] {
        if from != to {
            changes.push(Change::Other {
                code: None,
                property,
                from,
                to,
            });
        }
    }
    let find = |rows: &[PinnedRow], code: &str| rows.iter().position(|row| row.code == code);
    // Codes that are new; a rename consumes one.
    let mut added: Vec<&PinnedRow> = now
        .rows
        .iter()
        .filter(|row| find(&pinned.rows, &row.code).is_none())
        .collect();
    for old in &pinned.rows {
        let Some(index) = find(&now.rows, &old.code) else {
            let path = old.get("path");
            match added.iter().position(|new| new.get("path") == path) {
                Some(at) => {
                    let new = added.remove(at);
                    changes.push(Change::Renamed {
                        path: unquote(path),
                        from: old.code.clone(),
                        to: new.code.clone(),
                    });
                }
                None => changes.push(Change::Removed {
                    code: old.code.clone(),
                    status: old.status,
                    path: unquote(path),
                }),
            }
            continue;
        };
        let new = &now.rows[index];
        if old.status != new.status {
            changes.push(Change::Status {
                code: old.code.clone(),
                from: old.status,
                to: new.status,
            });
        }
        for &property in PROPERTIES {
            let (from, to) = (old.get(property), new.get(property));
            // A reason follows the status: reporting both would say one thing twice.
            if from != to && !(property == "reason" && old.status != new.status) {
                changes.push(Change::Other {
                    code: Some(old.code.clone()),
                    property,
                    from: from.to_owned(),
                    to: to.to_owned(),
                });
            }
        }
    }
    changes.extend(added.into_iter().map(|row| Change::Added {
        code: row.code.clone(),
        status: row.status,
        path: unquote(row.get("path")),
    }));
    changes
}

fn json_string(text: &str) -> String {
    Value::from(text).to_string()
}

/// The text of a JSON string, or the JSON text itself when it is not a string.
fn unquote(text: &str) -> String {
    match serde_json::from_str(text) {
        Ok(Value::String(text)) => text,
        _ => text.to_owned(),
    }
}

/// The items of a JSON array, as JSON texts.
fn json_list_items(text: &str) -> Vec<String> {
    match serde_json::from_str(text) {
        Ok(Value::Array(items)) => items.iter().map(show).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::Mode;

    #[test]
    fn only_overwrite_overwrites() {
        let mode = |value: Option<&str>| Mode::from_value(value.map(std::ffi::OsStr::new));
        assert_eq!(mode(Some("overwrite")), Mode::Overwrite);
        for other in [
            None,
            Some(""),
            Some("1"),
            Some("Overwrite"),
            Some("overwrite "),
        ] {
            assert_eq!(mode(other), Mode::Check, "{other:?}");
        }
    }
}
