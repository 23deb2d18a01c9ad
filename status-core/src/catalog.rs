//! The catalog: every variant of an [`ApiError`](crate::ApiError) type as static data.

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
/// so that the derive can write each variant's entry as a plain literal: a literal costs the
/// compiler far less than a chain of `const fn` calls (measured: a 300-variant enum checks
/// 0.1 s faster), and this crate is the only one that should write them.
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
        }
    }

    /// With `reason` as the reason phrase (for an unregistered status).
    #[must_use]
    pub const fn reason(mut self, reason: &'static str) -> Self {
        self.reason = reason;
        self
    }

    /// With the message taken from `message`.
    #[must_use]
    pub const fn message(mut self, message: MessageSource) -> Self {
        self.message = message;
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
