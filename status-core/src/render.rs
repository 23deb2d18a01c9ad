//! The two renderings of a [`Catalog`]: a Markdown table for people, and a
//! `serde::Serialize` impl for tools and contract files (`serde_json::to_string_pretty`
//! gives the JSON a contract file keeps; see [`Catalog`]).

use std::fmt::Write as _;

use serde_core::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::api_error::Format;
use crate::catalog::{Catalog, MessageSource, Row, VariantInfo};

impl Catalog {
    /// A Markdown table, one row per variant: code, status, variant path, public message,
    /// exposed fields and headers, after a line that names the type and the body format.
    ///
    /// The message column says where the text comes from: `` `Display` `` (the error's
    /// `Display` text; "`Display` (exposed)" on a 5xx, where it is sent on purpose),
    /// "reason phrase", or the fixed text in quotes.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let count = self.rows().len();
        let _ = write!(
            out,
            "{}: {count} error{}, sent as `{}`",
            code_span(self.name()),
            if count == 1 { "" } else { "s" },
            self.format().content_type(),
        );
        if self.format() == Format::Problem {
            match self.problem_type() {
                Some(base) => {
                    let _ = write!(
                        out,
                        " with `type` = {}",
                        code_span(&format!("{base}{{code}}"))
                    );
                }
                None => out.push_str(" with `type` = `about:blank`"),
            }
        }
        out.push_str(".\n\n| code | status | variant | message | fields | headers |\n");
        out.push_str("|---|---|---|---|---|---|\n");
        for row in self.rows() {
            let info = &row.info;
            let message = match info.message {
                MessageSource::Display if info.status.is_server_error() => {
                    "`Display` (exposed)".to_owned()
                }
                MessageSource::Display => "`Display`".to_owned(),
                MessageSource::Reason => "reason phrase".to_owned(),
                MessageSource::Fixed(text) => format!("\"{}\"", markdown_cell(text)),
                MessageSource::Template(text) => format!("template \"{}\"", markdown_cell(text)),
            };
            let _ = writeln!(
                out,
                "| {} | {} {} | {} | {message} | {}| {}|",
                code_span(info.code),
                info.status.as_u16(),
                markdown_cell(info.reason),
                code_span(&row.path()),
                code_list(info.fields),
                code_list(info.headers),
            );
        }
        out
    }
}

/// Text that is safe inside a Markdown table cell: no `|` or line break ends the cell, no
/// `<` opens HTML, no `*`, `_`, `` ` `` or `[` starts a span.
fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '\r' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `text` as a code span in a table cell. Inside a code span only `|` needs escaping (a
/// table splits cells first); a text with a backtick or a line break cannot be one.
fn code_span(text: &str) -> String {
    if text.contains(['`', '\r', '\n']) {
        markdown_cell(text)
    } else {
        format!("`{}`", text.replace('|', "\\|"))
    }
}

/// `` `a`, `b` `` followed by a space, or nothing.
fn code_list(items: &[&str]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&code_span(item));
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out
}

impl Serialize for Catalog {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("name", self.name())?;
        map.serialize_entry("format", self.format().name())?;
        map.serialize_entry("problem_type", &self.problem_type())?;
        map.serialize_entry("variants", &Rows(self.rows()))?;
        map.end()
    }
}

struct Rows<'a>(&'a [Row]);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for row in self.0 {
            seq.serialize_element(row)?;
        }
        seq.end()
    }
}

impl Serialize for Row {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let info: &VariantInfo = &self.info;
        let mut map = serializer.serialize_map(Some(7))?;
        map.serialize_entry("path", &self.path())?;
        map.serialize_entry("code", info.code)?;
        map.serialize_entry("status", &info.status.as_u16())?;
        map.serialize_entry("reason", info.reason)?;
        map.serialize_entry("message", &info.message)?;
        map.serialize_entry("fields", info.fields)?;
        map.serialize_entry("headers", info.headers)?;
        map.end()
    }
}

/// `"display"`, `"reason"` or `{"fixed": "<text>"}`: serde's external tagging, lowercase.
impl Serialize for MessageSource {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            MessageSource::Display => serializer.serialize_str("display"),
            MessageSource::Reason => serializer.serialize_str("reason"),
            MessageSource::Fixed(text) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("fixed", text)?;
                map.end()
            }
            MessageSource::Template(text) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("template", text)?;
                map.end()
            }
        }
    }
}
