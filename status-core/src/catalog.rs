//! The catalog: every variant of an [`ApiError`](crate::ApiError) type as static data.

use crate::api_error::{ApiError, Format};
use crate::status::Status;

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
}

/// What the catalog knows of one variant.
///
/// Build one with [`VariantInfo::new`] and its `const` builder methods. The fields are public
/// so that the derive's code can write an entry as a plain literal (for a type with a
/// `transparent` variant; other types get theirs from one packed literal, decoded in `const`
/// evaluation): either costs the compiler far less than a chain of `const fn` calls.
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
            MessageSource::Display => None,
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
/// Made by [`Catalog::of`]; rendered by [`to_markdown`](Catalog::to_markdown) and
/// [`to_json`](Catalog::to_json), or serialized with any `serde` serializer (the shape is
/// the one `to_json` writes, so `serde_json::to_string_pretty(&catalog)` gives the same text).
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

/// The first code that two variants under one type share, as a message naming the code,
/// the type and both variants. The derive evaluates it in a `const` for every type with a
/// `transparent` variant, so a clash across nested types, even types from other crates,
/// fails the build. Not a public API.
///
/// Compares every pair of the first [`UNIQUE_CAPACITY`] variants (a type with more is
/// checked up to there); lengths and first bytes differ for nearly every pair, so this stays
/// far below the compiler's const evaluation limits.
#[doc(hidden)]
pub const fn duplicate_code(catalog: &'static [Entry], type_name: &str) -> Option<ConstMessage> {
    let mut flat: [Option<&'static VariantInfo>; UNIQUE_CAPACITY] = [None; UNIQUE_CAPACITY];
    // The type's own variants were already compared with each other by the derive: a pair
    // of two of them is skipped, which keeps this linear in the own variants when the inner
    // types are small (it runs in `const` evaluation).
    let mut own = [false; UNIQUE_CAPACITY];
    let len = flatten(catalog, &mut flat, &mut own, true, 0);
    let mut i = 0;
    while i < len {
        let mut j = i + 1;
        while j < len {
            if !(own[i] && own[j])
                && let (Some(a), Some(b)) = (flat[i], flat[j])
                && str_eq(a.code, b.code)
            {
                let mut message = ConstMessage::new();
                message.push("code `");
                message.push(a.code);
                message.push("` is used twice under `");
                message.push(type_name);
                message.push("`, by `");
                push_path(&mut message, catalog, i);
                message.push("` and by `");
                push_path(&mut message, catalog, j);
                message.push(
                    "`; clients switch on codes, so one code must name one error, forever \
                     (AIP-193): give one of them its own code",
                );
                return Some(message);
            }
            j += 1;
        }
        i += 1;
    }
    None
}

/// How many variants [`duplicate_code`] compares.
#[doc(hidden)]
pub const UNIQUE_CAPACITY: usize = 1024;

/// Writes the variants of `catalog` into `flat` from `at`; returns the new length.
/// Writes every variant under `catalog` into `flat` from `at` on, marking in `own` those
/// that sit directly in it when `top`; returns the next free index.
const fn flatten(
    catalog: &'static [Entry],
    flat: &mut [Option<&'static VariantInfo>; UNIQUE_CAPACITY],
    own: &mut [bool; UNIQUE_CAPACITY],
    top: bool,
    mut at: usize,
) -> usize {
    let mut i = 0;
    while i < catalog.len() && at < UNIQUE_CAPACITY {
        match &catalog[i] {
            Entry::Variant(info) => {
                flat[at] = Some(info);
                own[at] = top;
                at += 1;
            }
            Entry::Transparent { inner, .. } => at = flatten(inner, flat, own, false, at),
        }
        i += 1;
    }
    at
}

/// Writes the path of the `index`-th variant (in [`walk`] order) into `message`.
const fn push_path(message: &mut ConstMessage, catalog: &'static [Entry], index: usize) {
    let _ = path_of(message, catalog, index);
}

/// Looks for the `index`-th variant under `catalog`: `Ok` with the path written when it is
/// there, `Err` with the number of variants `catalog` holds otherwise.
const fn path_of(
    message: &mut ConstMessage,
    catalog: &'static [Entry],
    mut index: usize,
) -> Result<(), usize> {
    let mut seen = 0;
    let mut i = 0;
    while i < catalog.len() {
        match &catalog[i] {
            Entry::Variant(info) => {
                if index == 0 {
                    message.push(info.name);
                    return Ok(());
                }
                index -= 1;
                seen += 1;
            }
            Entry::Transparent { name, inner } => {
                let mark = message.len;
                message.push(name);
                message.push("::");
                match path_of(message, inner, index) {
                    Ok(()) => return Ok(()),
                    Err(count) => {
                        message.len = mark;
                        index -= count;
                        seen += count;
                    }
                }
            }
        }
        i += 1;
    }
    Err(seen)
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A message built in `const` evaluation, where there is no `String`: a fixed buffer,
/// truncated at a character boundary when full. Not a public API.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct ConstMessage {
    bytes: [u8; 512],
    len: usize,
}

impl ConstMessage {
    const fn new() -> Self {
        ConstMessage {
            bytes: [0; 512],
            len: 0,
        }
    }

    const fn push(&mut self, text: &str) {
        let text = text.as_bytes();
        let mut i = 0;
        while i < text.len() && self.len < self.bytes.len() {
            self.bytes[self.len] = text[i];
            self.len += 1;
            i += 1;
        }
    }

    /// The text, for `panic!("{}", message.as_str())`.
    pub const fn as_str(&self) -> &str {
        let (written, _) = self.bytes.split_at(self.len);
        match core::str::from_utf8(written) {
            Ok(text) => text,
            Err(error) => {
                let (valid, _) = written.split_at(error.valid_up_to());
                match core::str::from_utf8(valid) {
                    Ok(text) => text,
                    Err(_) => "",
                }
            }
        }
    }
}

/// A catalog the derive wrote packed, decoded in `const` evaluation. Not a public API.
///
/// `layout` holds [`PACKED_ROW`] bytes per variant: its status (`u16`), its message source
/// (`u8`: 0 `Display`, 1 the reason phrase, 2 a fixed message, 3 `Display` whose text is a
/// constant), the indices in `strings` (`u16` each) of its name, reason phrase, code and
/// text (read for sources 2 and 3 only), the indices in `lists` (`u8` each) of its field
/// names and its header names, and the index in `pairs` (`u8`) of its static headers.
/// Integers are little-endian. The entries are the ones a struct literal per variant gives.
///
/// Why: the compiler lowers, type checks, hashes and caches every expression of a literal
/// on each check, about 140,000 instructions per variant's literal; here a variant is two
/// string literals and a few bytes. The decoding is plain indexing and arithmetic, without
/// function calls, which are what `const` evaluation is slowest at: a version that sliced
/// one long string cost 3.3 M instructions per variant in `const` evaluation.
#[doc(hidden)]
#[allow(clippy::cast_lossless)]
pub const fn packed<const N: usize>(
    layout: &[u8],
    strings: &'static [&'static str],
    lists: &'static [&'static [&'static str]],
    pairs: &'static [&'static [(&'static str, &'static str)]],
) -> [Entry; N] {
    const UNSET: Entry = Entry::Variant(VariantInfo::new("", Status::INTERNAL_SERVER_ERROR, ""));
    // `as`, since `From` is not `const`; every cast widens.
    macro_rules! u16_at {
        ($at:expr) => {
            layout[$at] as u16 | (layout[$at + 1] as u16) << 8
        };
    }
    let mut out = [UNSET; N];
    let mut i = 0;
    while i < N {
        let at = i * PACKED_ROW;
        let code = u16_at!(at);
        // `__private::status(code)`, written out: a call per variant is what `const`
        // evaluation is slowest at.
        let status = if code >= 100 && code <= 599 {
            Status(code)
        } else {
            Status::INTERNAL_SERVER_ERROR
        };
        let reason = strings[u16_at!(at + 5) as usize];
        let known = strings[u16_at!(at + 9) as usize];
        let (message, text) = match layout[at + 2] {
            0 => (MessageSource::Display, None),
            1 => (MessageSource::Reason, Some(reason)),
            2 => (MessageSource::Fixed(known), Some(known)),
            _ => (MessageSource::Display, Some(known)),
        };
        out[i] = Entry::Variant(VariantInfo {
            name: strings[u16_at!(at + 3) as usize],
            status,
            reason,
            code: strings[u16_at!(at + 7) as usize],
            message,
            fields: lists[layout[at + 11] as usize],
            headers: lists[layout[at + 12] as usize],
            static_headers: pairs[layout[at + 13] as usize],
            text,
        });
        i += 1;
    }
    out
}

/// The bytes of one variant in [`packed`]'s layout. Not a public API.
#[doc(hidden)]
pub const PACKED_ROW: usize = 14;

#[cfg(test)]
mod tests {
    use super::*;

    /// One variant's bytes in `packed`'s layout.
    fn row(status: u16, source: u8, strings: [u16; 4], lists: [u8; 3]) -> Vec<u8> {
        let mut out = status.to_le_bytes().to_vec();
        out.push(source);
        for index in strings {
            out.extend_from_slice(&index.to_le_bytes());
        }
        out.extend_from_slice(&lists);
        assert_eq!(out.len(), PACKED_ROW);
        out
    }

    #[test]
    fn packed_rows_decode_field_by_field() {
        const STRINGS: &[&str] = &["", "Gone", "Gone", "GONE", "it is gone", "Odd", "Teapot"];
        const LISTS: &[&[&str]] = &[&[], &["id", "name"], &["Retry-After"]];
        const PAIRS: &[&[(&str, &str)]] = &[&[], &[("Retry-After", "30")]];
        let layout = [
            row(410, 3, [1, 2, 3, 4], [1, 2, 1]),
            row(410, 2, [5, 2, 3, 4], [0, 0, 0]),
            row(410, 1, [1, 2, 3, 0], [0, 0, 0]),
            row(499, 0, [6, 6, 3, 0], [0, 0, 0]),
            // Outside 100..=599 (the derive never writes one): a 500, not a panic.
            row(600, 0, [1, 2, 3, 0], [0, 0, 0]),
            row(99, 0, [1, 2, 3, 0], [0, 0, 0]),
        ]
        .concat();
        let rows = packed::<6>(&layout, STRINGS, LISTS, PAIRS).map(|entry| match entry {
            Entry::Variant(info) => info,
            Entry::Transparent { .. } => panic!("a packed catalog has no transparent entry"),
        });
        let gone = VariantInfo::new("Gone", Status::GONE, "GONE");
        assert_eq!(
            rows[0],
            gone.text("it is gone")
                .fields(&["id", "name"])
                .headers(&["Retry-After"])
                .static_headers(&[("Retry-After", "30")])
        );
        let fixed = MessageSource::Fixed("it is gone");
        assert_eq!(
            rows[1],
            VariantInfo {
                name: "Odd",
                ..gone.message(fixed)
            }
        );
        assert_eq!(rows[2], gone.message(MessageSource::Reason));
        let teapot = Status::new(499).unwrap();
        assert_eq!(
            rows[3],
            VariantInfo::new("Teapot", teapot, "GONE").reason("Teapot")
        );
        for info in &rows[4..] {
            assert_eq!(info.status, Status::INTERNAL_SERVER_ERROR);
        }
    }

    const fn variant(name: &'static str, code: &'static str) -> Entry {
        Entry::Variant(VariantInfo::new(name, Status::NOT_FOUND, code))
    }

    /// A catalog of `own` variants with codes `CODE_0`, `CODE_1`, … and then `inner`.
    fn big(own: usize, inner: &'static [Entry]) -> &'static [Entry] {
        let mut rows: Vec<Entry> = (0..own)
            .map(|i| variant("V", Box::leak(format!("CODE_{i}").into_boxed_str())))
            .collect();
        rows.push(Entry::Transparent {
            name: "Inner",
            inner,
        });
        Box::leak(rows.into_boxed_slice())
    }

    #[test]
    fn a_catalog_past_the_capacity_is_checked_up_to_it_without_a_panic() {
        static CLASH: &[Entry] = &[variant("Clash", "CODE_7")];
        assert!(duplicate_code(big(UNIQUE_CAPACITY + 100, &[]), "Big").is_none());
        assert!(duplicate_code(big(UNIQUE_CAPACITY - 1, &[]), "Big").is_none());
        // The inner variant is the 1,024th row: still compared.
        let found = duplicate_code(big(UNIQUE_CAPACITY - 1, CLASH), "Big");
        assert!(found.is_some_and(|m| m.as_str().contains("`V` and by `Inner::Clash`")));
        // Past the capacity it is not (the documented limit).
        assert!(duplicate_code(big(UNIQUE_CAPACITY, CLASH), "Big").is_none());
    }

    const DB: &[Entry] = &[variant("Locked", "LOCKED"), variant("Timeout", "TIMEOUT")];
    const REPO: &[Entry] = &[
        Entry::Transparent {
            name: "Db",
            inner: DB,
        },
        variant("Missing", "MISSING"),
    ];

    #[test]
    fn unique_codes_pass() {
        const OUTER: &[Entry] = &[
            Entry::Transparent {
                name: "Repo",
                inner: REPO,
            },
            variant("Gone", "GONE"),
        ];
        assert!(duplicate_code(OUTER, "Outer").is_none());
        assert!(duplicate_code(&[], "Empty").is_none());
    }

    #[test]
    fn a_duplicate_names_the_code_and_both_paths() {
        const OUTER: &[Entry] = &[
            variant("First", "FIRST"),
            Entry::Transparent {
                name: "Repo",
                inner: REPO,
            },
            Entry::Transparent {
                name: "Cache",
                inner: &[variant("Slow", "TIMEOUT")],
            },
        ];
        const MESSAGE: Option<ConstMessage> = duplicate_code(OUTER, "Outer");
        assert_eq!(
            MESSAGE.as_ref().map(ConstMessage::as_str),
            Some(
                "code `TIMEOUT` is used twice under `Outer`, by `Repo::Db::Timeout` and by \
                 `Cache::Slow`; clients switch on codes, so one code must name one error, \
                 forever (AIP-193): give one of them its own code"
            )
        );
    }

    #[test]
    fn an_own_variant_after_an_inner_type_is_compared_with_it() {
        // Own variants that follow a transparent one sit after the inner rows: the check
        // must mark as own only the rows that sit directly in the type, or it would take an
        // inner row for an own one and skip the pair.
        const ONE: &[Entry] = &[
            Entry::Transparent {
                name: "Db",
                inner: &[variant("Timeout", "TIMEOUT")],
            },
            variant("Slow", "TIMEOUT"),
            variant("Other", "OTHER"),
        ];
        const TWO: &[Entry] = &[
            Entry::Transparent {
                name: "Db",
                inner: &[variant("Locked", "LOCKED"), variant("Timeout", "TIMEOUT")],
            },
            variant("Slow", "TIMEOUT"),
            variant("Other", "OTHER"),
            variant("More", "MORE"),
        ];
        const OWN: &[Entry] = &[variant("A", "SAME"), variant("B", "SAME")];
        let expected = "code `TIMEOUT` is used twice under `Outer`, by `Db::Timeout` and by \
                        `Slow`; clients switch on codes, so one code must name one error, \
                        forever (AIP-193): give one of them its own code";
        for catalog in [ONE, TWO] {
            let message = duplicate_code(catalog, "Outer");
            assert_eq!(message.as_ref().map(ConstMessage::as_str), Some(expected));
        }
        // Two own variants are the derive's to compare (it does, with a spanned error).
        assert!(duplicate_code(OWN, "Own").is_none());
    }

    #[test]
    fn a_long_message_is_cut_at_a_character_boundary() {
        let mut message = ConstMessage::new();
        message.push(&"a".repeat(511));
        message.push("é and more");
        assert_eq!(message.as_str(), "a".repeat(511));
        message.len = 0;
        message.push("short");
        assert_eq!(message.as_str(), "short");
    }

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
