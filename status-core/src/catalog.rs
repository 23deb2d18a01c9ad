//! The catalog: every variant of an [`ApiError`](crate::ApiError) type as static data.
//!
//! The model ([`Entry`], [`VariantInfo`]) and its walk are here; the form the derive writes
//! it in ([`packed`]) and the `const` check of codes across nested types ([`unique`]) are
//! private support for generated code.

use crate::api_error::{ApiError, Format};
use crate::status::Status;

pub(crate) mod packed;
pub(crate) mod unique;

/// One entry of a type's catalog ([`ApiError::CATALOG`](crate::ApiError::CATALOG)).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A variant with a mapping of its own.
    Variant(VariantInfo),
    /// A `transparent` variant: its responses are those of the inner type.
    Transparent {
        /// The variant's name.
        name: &'static str,
        /// The inner type's catalog.
        inner: &'static [Entry],
    },
}

/// Where a variant's public message comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageSource {
    /// The error's `Display` text (every 4xx, and a 5xx marked `expose`).
    Display,
    /// The reason phrase (a 5xx, or a 4xx marked `redact`).
    Reason,
    /// A fixed `message = "..."`.
    Fixed(&'static str),
    /// A `message = "..."` that interpolates the variant's fields (`"price {price} is too
    /// high"`): the template, as written.
    Template(&'static str),
}

/// What the catalog knows of one variant.
///
/// Build one with [`VariantInfo::new`] and its `const` builder methods, or as a struct
/// literal: the fields are public.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VariantInfo {
    /// The variant's name (the struct's name for a struct error).
    pub name: &'static str,
    /// Its status.
    pub status: Status,
    /// The reason phrase sent as the problem `title`.
    pub reason: &'static str,
    /// Its code.
    pub code: &'static str,
    /// Where its public message comes from.
    pub message: MessageSource,
    /// The names of its exposed fields, as they appear in the bodies.
    pub fields: &'static [&'static str],
    /// The names of the headers it sends.
    pub headers: &'static [&'static str],
    /// The headers among them whose value the attribute fixes (`retry_after = 30`,
    /// `www_authenticate = "..."`, `header("X-A" = "b")`), as (name, value), in order.
    /// The derive's `ApiError::headers` sends a variant's from here when all its headers
    /// are fixed: data, where a `match` arm per variant costs the compiler more on every
    /// build (about 80,000 instructions a variant, measured on a 1,000-variant enum).
    pub static_headers: &'static [(&'static str, &'static str)],
    /// The public message when it is the same for every value of the variant: the reason
    /// phrase, a `message = "..."`, or a `Display` that is a constant
    /// (`#[error("User not found")]`). `None` when it is formatted from the value. The bodies
    /// write a known text as it is, without running `Display`.
    pub text: Option<&'static str>,
}

impl VariantInfo {
    /// A variant with no exposed fields and no headers, whose message follows the default
    /// rule: `Display` for a 4xx, the reason phrase for a 5xx.
    pub const fn new(name: &'static str, status: Status, code: &'static str) -> Self {
        VariantInfo {
            name,
            status,
            reason: status.reason_or_class(),
            code,
            message: if status.is_server_error() {
                MessageSource::Reason
            } else {
                MessageSource::Display
            },
            fields: &[],
            headers: &[],
            static_headers: &[],
            text: if status.is_server_error() {
                Some(status.reason_or_class())
            } else {
                None
            },
        }
    }

    /// With `reason` as the reason phrase (for an unregistered status).
    #[must_use]
    pub const fn reason(mut self, reason: &'static str) -> Self {
        self.reason = reason;
        if let MessageSource::Reason = self.message {
            self.text = Some(reason);
        }
        self
    }

    /// With the message taken from `message`.
    #[must_use]
    pub const fn message(mut self, message: MessageSource) -> Self {
        self.message = message;
        self.text = match message {
            MessageSource::Display | MessageSource::Template(_) => None,
            MessageSource::Reason => Some(self.reason),
            MessageSource::Fixed(text) => Some(text),
        };
        self
    }

    /// With `text` as the known text of a `Display` message (a constant message).
    #[must_use]
    pub const fn text(mut self, text: &'static str) -> Self {
        self.text = Some(text);
        self
    }

    /// With these exposed fields.
    #[must_use]
    pub const fn fields(mut self, fields: &'static [&'static str]) -> Self {
        self.fields = fields;
        self
    }

    /// With these header names.
    #[must_use]
    pub const fn headers(mut self, headers: &'static [&'static str]) -> Self {
        self.headers = headers;
        self
    }

    /// With these headers of fixed value, as (name, value); their names belong in
    /// [`headers`](Self::headers) too.
    #[must_use]
    pub const fn static_headers(
        mut self,
        headers: &'static [(&'static str, &'static str)],
    ) -> Self {
        self.static_headers = headers;
        self
    }
}

/// Calls `visit` with every variant reachable from `catalog`, descending into
/// `transparent` variants, with the path of variant names that leads to it.
pub fn walk(catalog: &'static [Entry], visit: &mut dyn FnMut(&[&'static str], &VariantInfo)) {
    fn go(
        catalog: &'static [Entry],
        path: &mut Vec<&'static str>,
        visit: &mut dyn FnMut(&[&'static str], &VariantInfo),
    ) {
        for entry in catalog {
            match entry {
                Entry::Variant(info) => {
                    path.push(info.name);
                    visit(path, info);
                    path.pop();
                }
                Entry::Transparent { name, inner } => {
                    path.push(name);
                    go(inner, path, visit);
                    path.pop();
                }
            }
        }
    }
    go(catalog, &mut Vec::new(), visit);
}

/// The catalog of one type, flattened: one [`Row`] per variant a client can receive,
/// `transparent` variants replaced by the rows of their inner type.
///
/// Made by [`Catalog::of`]; rendered as a Markdown table by
/// [`to_markdown`](Catalog::to_markdown), or serialized with any `serde` serializer:
/// `serde_json::to_string_pretty(&catalog)` gives the JSON a contract file keeps,
///
/// ```json
/// {
///   "name": "UserError",
///   "format": "plain",
///   "problem_type": null,
///   "variants": [
///     {
///       "path": "NotFound",
///       "code": "USER_NOT_FOUND",
///       "status": 404,
///       "reason": "Not Found",
///       "message": "display",
///       "fields": [],
///       "headers": []
///     }
///   ]
/// }
/// ```
///
/// where `message` is `"display"`, `"reason"`, `{"fixed": "<text>"}` or `{"template":
/// "<text>"}`.
///
/// ```
/// use status::{ApiError, Catalog};
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// pub enum UserError {
///     #[error("User not found")]
///     #[status(404, code = "USER_NOT_FOUND")]
///     NotFound,
///     #[error("database error: {0}")]
///     #[status(500)]
///     Database(String),
/// }
///
/// let catalog = Catalog::of::<UserError>();
/// assert_eq!(
///     catalog.to_markdown(),
///     "`UserError`: 2 errors, sent as `application/json`.\n\
///      \n\
///      | code | status | variant | message | fields | headers |\n\
///      |---|---|---|---|---|---|\n\
///      | `USER_NOT_FOUND` | 404 Not Found | `NotFound` | `Display` | | |\n\
///      | `DATABASE` | 500 Internal Server Error | `Database` | reason phrase | | |\n",
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalog {
    name: String,
    format: Format,
    problem_type: Option<&'static str>,
    rows: Vec<Row>,
}

/// One variant of a [`Catalog`], with the path of variant names that leads to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The variant names from the outer type down, e.g. `["Repo", "Db", "RowLocked"]`: all
    /// but the last are `transparent` variants.
    pub path: Vec<&'static str>,
    /// The variant itself.
    pub info: VariantInfo,
}

impl Row {
    /// The path written as Rust writes it: `Repo::Db::RowLocked`.
    pub fn path(&self) -> String {
        self.path.join("::")
    }
}

impl Catalog {
    /// The catalog of `E`: every variant reachable from [`ApiError::CATALOG`], in
    /// declaration order, with the body format and problem `type` base of `E`, which are
    /// the ones sent for every row (the outer type decides them, also for inner errors).
    pub fn of<E: ApiError + ?Sized>() -> Catalog {
        let mut rows = Vec::new();
        walk(E::CATALOG, &mut |path, info| {
            rows.push(Row {
                path: path.to_vec(),
                info: *info,
            });
        });
        Catalog {
            name: short_type_name(core::any::type_name::<E>()),
            format: E::FORMAT,
            problem_type: E::PROBLEM_TYPE,
            rows,
        }
    }

    /// The type's name without its module path: `UserError`, `Generic<DbError>`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The body every row is sent as ([`ApiError::FORMAT`]).
    pub fn format(&self) -> Format {
        self.format
    }

    /// The base of the problem `type` member ([`ApiError::PROBLEM_TYPE`]).
    pub fn problem_type(&self) -> Option<&'static str> {
        self.problem_type
    }

    /// Every variant, in declaration order, `transparent` ones replaced by their inner rows.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }
}

/// `a::b::C<d::E, f::G>` → `C<E, G>`: the module paths in a `type_name` say where a type is
/// defined, which moves; the name is what a reader and a contract file care about.
fn short_type_name(full: &str) -> String {
    let mut out = String::with_capacity(full.len());
    let mut segment_start = 0;
    for (i, c) in full.char_indices() {
        if c == ':' {
            continue;
        }
        if i > 0 && full[..i].ends_with("::") {
            // A path separator: drop what this path segment had written so far.
            out.truncate(segment_start);
        }
        if !(c.is_alphanumeric() || c == '_') {
            segment_start = out.len() + c.len_utf8();
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::short_type_name;

    #[test]
    fn type_names_lose_their_module_paths() {
        for (full, short) in [
            ("UserError", "UserError"),
            ("app::errors::UserError", "UserError"),
            (
                "app::Wrapper<app::db::DbError, &'static str>",
                "Wrapper<DbError, &'static str>",
            ),
            ("a::B<c::D<e::F>>", "B<D<F>>"),
        ] {
            assert_eq!(short_type_name(full), short);
        }
    }
}
