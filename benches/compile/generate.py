#!/usr/bin/env python3
"""Generates an N-variant error enum twice: with #[derive(ApiError)], and with hand-written
code of the same behaviour (status, code, public message, headers, JSON body) as a user
would write it without this crate: inherent methods and a `#[derive(Serialize)]` body
struct built with `to_string()`.

    generate.py N derived > derived.rs
    generate.py N hand > hand.rs

Both modules define `Error` with the same variants; the benches and the consistency test
include them side by side.
"""
import sys

# Registered 4xx/5xx statuses without a required header, with their phrases.
STATUSES = [
    (400, "Bad Request"), (402, "Payment Required"), (403, "Forbidden"), (404, "Not Found"),
    (406, "Not Acceptable"), (408, "Request Timeout"), (409, "Conflict"), (410, "Gone"),
    (411, "Length Required"), (412, "Precondition Failed"), (413, "Content Too Large"),
    (414, "URI Too Long"), (415, "Unsupported Media Type"), (416, "Range Not Satisfiable"),
    (417, "Expectation Failed"), (421, "Misdirected Request"), (422, "Unprocessable Content"),
    (423, "Locked"), (424, "Failed Dependency"), (425, "Too Early"),
    (428, "Precondition Required"), (429, "Too Many Requests"),
    (431, "Request Header Fields Too Large"), (451, "Unavailable For Legal Reasons"),
    (500, "Internal Server Error"), (501, "Not Implemented"), (502, "Bad Gateway"),
    (503, "Service Unavailable"), (504, "Gateway Timeout"), (505, "HTTP Version Not Supported"),
    (506, "Variant Also Negotiates"), (507, "Insufficient Storage"), (508, "Loop Detected"),
]


def variants(n):
    """(name, code, status, phrase, shape) for each variant; shape in unit/field/tuple/header."""
    out = []
    for i in range(n):
        status, phrase = STATUSES[(i * 7) % len(STATUSES)]
        shape = ["unit", "field", "tuple", "header"][i % 4]
        out.append((f"Failure{i}", f"FAILURE_{i}", status, phrase, shape))
    return out


def derived(n):
    lines = [
        "#[derive(Debug, thiserror::Error, status::ApiError)]",
        "pub enum Error {",
    ]
    for name, code, status, _phrase, shape in variants(n):
        if shape == "unit":
            lines += [f'    #[error("failure number {name}")]', f'    #[status({status}, code = "{code}")]', f"    {name},"]
        elif shape == "field":
            lines += [f'    #[error("item {{id}} failed in {name}")]', f'    #[status({status}, code = "{code}")]',
                      f"    {name} {{", "        #[status(expose)]", "        id: u64,", "    },"]
        elif shape == "tuple":
            lines += [f'    #[error("{name}: {{0}}")]', f'    #[status({status}, code = "{code}")]', f"    {name}(String),"]
        else:
            lines += [f'    #[error("{name} is limited")]', f'    #[status({status}, code = "{code}", retry_after = 30)]', f"    {name},"]
    lines.append("}")
    return "\n".join(lines) + "\n"


def hand(n):
    vs = variants(n)
    lines = ["#[derive(Debug, thiserror::Error)]", "pub enum Error {"]
    for name, _code, _status, _phrase, shape in vs:
        if shape == "unit":
            lines += [f'    #[error("failure number {name}")]', f"    {name},"]
        elif shape == "field":
            lines += [f'    #[error("item {{id}} failed in {name}")]', f"    {name} {{ id: u64 }},"]
        elif shape == "tuple":
            lines += [f'    #[error("{name}: {{0}}")]', f"    {name}(String),"]
        else:
            lines += [f'    #[error("{name} is limited")]', f"    {name},"]
    lines.append("}")
    lines += [
        "",
        "/// The body a hand-written `IntoResponse` builds.",
        "#[derive(serde::Serialize)]",
        "pub struct Body {",
        "    pub error: String,",
        "    pub code: &'static str,",
        "    #[serde(skip_serializing_if = \"Option::is_none\")]",
        "    pub id: Option<u64>,",
        "}",
        "",
        "/// The problem details a hand-written impl builds.",
        "#[derive(serde::Serialize)]",
        "pub struct Problem {",
        "    #[serde(rename = \"type\")]",
        "    pub type_: String,",
        "    pub title: String,",
        "    pub status: u16,",
        "    pub detail: String,",
        "    pub code: String,",
        "    #[serde(skip_serializing_if = \"Option::is_none\")]",
        "    pub id: Option<u64>,",
        "}",
        "",
        "impl Error {",
        "    pub fn status(&self) -> u16 {",
        "        match self {",
    ]
    pat = lambda name, shape: f"Self::{name} {{ .. }}" if shape in ("field", "tuple") else f"Self::{name}"
    for name, _code, status, _phrase, shape in vs:
        lines.append(f"            {pat(name, shape)} => {status},")
    lines += ["        }", "    }", "", "    pub fn code(&self) -> &'static str {", "        match self {"]
    for name, code, _status, _phrase, shape in vs:
        lines.append(f'            {pat(name, shape)} => "{code}",')
    lines += ["        }", "    }", "", "    pub fn reason(&self) -> &'static str {", "        match self {"]
    for name, _code, _status, phrase, shape in vs:
        lines.append(f'            {pat(name, shape)} => "{phrase}",')
    lines += ["        }", "    }", "",
              "    /// 4xx: the Display text; 5xx: the reason phrase.",
              "    pub fn message(&self) -> String {",
              "        if self.status() >= 500 { self.reason().to_string() } else { self.to_string() }",
              "    }", "",
              "    pub fn headers(&self) -> Vec<(&'static str, String)> {",
              "        match self {"]
    for name, _code, _status, _phrase, shape in vs:
        if shape == "header":
            lines.append(f'            Self::{name} => vec![("Retry-After", "30".to_string())],')
    lines += ["            _ => Vec::new(),", "        }", "    }", "",
              "    fn exposed_id(&self) -> Option<u64> {", "        match self {"]
    for name, _code, _status, _phrase, shape in vs:
        if shape == "field":
            lines.append(f"            Self::{name} {{ id }} => Some(*id),")
    lines += ["            _ => None,", "        }", "    }", "",
              "    pub fn body(&self) -> Body {",
              "        Body { error: self.message(), code: self.code(), id: self.exposed_id() }",
              "    }", "",
              "    pub fn problem(&self) -> Problem {",
              "        Problem {",
              "            type_: \"about:blank\".to_string(),",
              "            title: self.reason().to_string(),",
              "            status: self.status(),",
              "            detail: self.message(),",
              "            code: self.code().to_string(),",
              "            id: self.exposed_id(),",
              "        }",
              "    }",
              "}"]
    return "\n".join(lines) + "\n"


def samples(n):
    """Rust expressions constructing one value of every variant, for benches and tests."""
    out = []
    for name, _code, _status, _phrase, shape in variants(n):
        if shape == "field":
            out.append(f"Error::{name} {{ id: {len(out) * 31 + 7} }}")
        elif shape == "tuple":
            out.append(f'Error::{name}("db host 10.0.0.{len(out) % 250} refused: password=hunter2".to_string())')
        else:
            out.append(f"Error::{name}")
    return out


if __name__ == "__main__":
    count, which = int(sys.argv[1]), sys.argv[2]
    if which == "derived":
        sys.stdout.write(derived(count))
    elif which == "hand":
        sys.stdout.write(hand(count))
    elif which == "samples":
        sys.stdout.write("/// One value of every variant.\npub fn samples() -> Vec<Error> {\n    vec![\n")
        for s in samples(count):
            sys.stdout.write(f"        {s},\n")
        sys.stdout.write("    ]\n}\n")
    else:
        sys.exit(f"unknown output {which}")
