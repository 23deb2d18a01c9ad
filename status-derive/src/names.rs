//! Names and the messages built from them: the attribute's keys and places, the default
//! code, "did you mean", and the status a variant's name suggests.

use std::collections::HashMap;
use std::sync::OnceLock;

use status_core::grammar;
use status_core::registry::{REGISTRY, Registered};

/// Every key, in one place.
pub mod kw {
    pub const STATUS: &str = "status";
    pub const CODE: &str = "code";
    pub const MESSAGE: &str = "message";
    pub const EXPOSE: &str = "expose";
    pub const REDACT: &str = "redact";
    pub const TRANSPARENT: &str = "transparent";
    pub const REASON: &str = "reason";
    pub const WWW_AUTHENTICATE: &str = "www_authenticate";
    pub const ALLOW: &str = "allow";
    pub const RETRY_AFTER: &str = "retry_after";
    pub const HEADER: &str = "header";
    pub const CRATE: &str = "crate";
    pub const FORMAT: &str = "format";
    pub const PROBLEM_TYPE: &str = "problem_type";
    pub const MAX_HEADER_BYTES: &str = "max_header_bytes";

    /// The lints `allow(...)` can silence.
    pub const NAME_MISMATCH: &str = "name_mismatch";
    pub const LINTS: &[&str] = &[NAME_MISMATCH];
}

/// Where an attribute sits; decides which keys it takes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Enum,
    Variant,
    Struct,
    Field,
}

use Place::{Enum, Field, Struct, Variant};

/// The usage of the three header keys, which is also the example of their header's grammar
/// ([`HEADERS`]).
const CHALLENGE: &str = "www_authenticate = \"Bearer realm=\\\"api\\\"\"";
const METHODS: &str = "allow = \"GET, HEAD\"";
const SECONDS: &str = "retry_after = 120";

/// Every key but the status: the places that take it, and how it is written, as the errors
/// show it. The order is the order of "the keys here are: ...".
#[rustfmt::skip]
const KEYS: &[(&str, &[Place], &str)] = &[
    (kw::CODE, &[Variant, Struct], "code = \"USER_NOT_FOUND\""),
    (kw::MESSAGE, &[Variant, Struct], "message = \"Try again later\""),
    (kw::EXPOSE, &[Variant, Struct, Field], "expose, or expose = \"name\" on a tuple field"),
    (kw::REDACT, &[Variant, Struct], "redact"),
    (kw::TRANSPARENT, &[Variant, Struct], "transparent"),
    (kw::REASON, &[Enum, Variant, Struct], "reason = \"Client Closed Request\""),
    (kw::WWW_AUTHENTICATE, &[Enum, Variant, Struct], CHALLENGE),
    (kw::ALLOW, &[Enum, Variant, Struct], METHODS),
    (kw::RETRY_AFTER, &[Enum, Variant, Struct], SECONDS),
    (kw::HEADER, &[Enum, Variant, Struct, Field], "header(\"X-Name\" = \"value\") on a variant, header = \"X-Name\" on a field"),
    (kw::CRATE, &[Enum, Struct], "crate = \"::my_crate::status\""),
    (kw::FORMAT, &[Enum, Struct], "format = \"problem\""),
    (kw::PROBLEM_TYPE, &[Enum, Struct], "problem_type = \"https://api.example.com/errors/\""),
    (kw::MAX_HEADER_BYTES, &[Enum, Struct], "max_header_bytes = 16384"),
];

impl Place {
    /// The keys this place takes, in [`KEYS`]' order (loops: each iterator adapter with a
    /// closure is more generic code in the macro's own build).
    pub fn keys(self) -> Vec<&'static str> {
        let mut keys = Vec::new();
        for &(key, places, _) in KEYS {
            if places.contains(&self) {
                keys.push(key);
            }
        }
        keys
    }

    /// `name` as the key this place takes, if it takes it.
    pub fn key(self, name: &str) -> Option<&'static str> {
        let (key, places, _) = entry(name)?;
        places.contains(&self).then_some(*key)
    }

    pub fn name(self) -> &'static str {
        match self {
            Enum => "an enum",
            Variant => "a variant",
            Struct => "a struct",
            Field => "a field",
        }
    }

    pub fn takes_status(self) -> bool {
        self != Field
    }
}

/// The key `name` names if it takes `= value` in this place: every key but the flags and
/// `header(...)`, and on a field `expose = "name"` and `header = "X-Name"` too.
pub fn value_key(place: Place, name: &str) -> Option<&'static str> {
    let key = place.key(name)?;
    let flag_or_list = match key {
        kw::REDACT | kw::TRANSPARENT => true,
        kw::EXPOSE | kw::HEADER => place != Field,
        _ => false,
    };
    (!flag_or_list).then_some(key)
}

/// The error for `key`, which exists, but not in `place`.
pub fn misplaced(key: &str, place: Place) -> String {
    let places = entry(key).map_or(&[][..], |k| k.1);
    let hint = match place {
        Field => "; it belongs on the variant, a field takes `expose` and `header = \"...\"`",
        Enum if places.contains(&Variant) => "; it belongs on a variant",
        Variant if places.contains(&Enum) => "; it belongs on the enum",
        _ => "",
    };
    format!(
        "`{key}` is not allowed on {}{hint}: {}",
        place.name(),
        usage(key)
    )
}

/// The error for `name`, no key of `place` or a key written `how` where it is not.
pub fn unknown_key(name: &str, place: Place, how: Option<&str>) -> String {
    let keys = place.keys();
    match keys.iter().chain(&[kw::STATUS]).find(|key| **key == name) {
        None if Struct.key(name).is_some() => misplaced(name, place),
        Some(key) => format!(
            "`{key}` is written {}{}",
            usage(key),
            how.map(|h| format!(", not {h}")).unwrap_or_default()
        ),
        None => format!(
            "unknown key `{name}` in #[status(...)] on {}; {}the keys here are: {}",
            place.name(),
            nearest(name, &keys)
                .map(|near| format!("did you mean `{near}`? "))
                .unwrap_or_default(),
            list(&keys)
        ),
    }
}

/// The error for a key written with dashes (`retry-after`), `name` with them as `_`.
pub fn dashed_key(name: &str, place: Place) -> String {
    let dashed = name.replace('_', "-");
    if place.key(name).is_some() {
        format!("unknown key `{dashed}`; did you mean `{name}`? A key joins its words with `_`")
    } else {
        format!(
            "unknown key `{dashed}` in #[status(...)] on {}; a key joins its words with `_`, and the keys here are: {}",
            place.name(),
            list(&place.keys())
        )
    }
}

pub fn example(place: Place) -> &'static str {
    match place {
        Field => "#[status(expose)] or #[status(header = \"Retry-After\")]",
        Enum => "#[status(500)] for a default status, or #[status(format = \"problem\")]",
        Variant | Struct => "#[status(404)] or #[status(NOT_FOUND, code = \"USER_NOT_FOUND\")]",
    }
}

pub fn usage(key: &str) -> &'static str {
    entry(key).map_or("#[status(404)]", |k| k.2)
}

/// The row of [`KEYS`] for `name`.
fn entry(name: &str) -> Option<&'static (&'static str, &'static [Place], &'static str)> {
    KEYS.iter().find(|k| k.0 == name)
}

/// `UserExists` → `USER_EXISTS`, `HTTPTimeout` → `HTTP_TIMEOUT`, `Error404` → `ERROR404`.
pub fn upper_snake(name: &str) -> String {
    let name = name.strip_prefix("r#").unwrap_or(name);
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            continue;
        }
        if c.is_uppercase() && i > 0 && !out.ends_with('_') {
            let prev = chars[i - 1];
            let next_is_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_uppercase() && next_is_lower)
            {
                out.push('_');
            }
        }
        out.extend(c.to_uppercase());
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

/// Why `code` is not a valid code, if it is not: AIP-193 `[A-Z][A-Z0-9_]*[A-Z0-9]`, at most
/// 63 characters.
pub fn code_problem(code: &str) -> Option<&'static str> {
    let bytes = code.as_bytes();
    if bytes.len() > 63 {
        return Some("is longer than 63 characters");
    }
    if bytes.len() < 2 {
        return Some("needs at least two characters");
    }
    if !bytes[0].is_ascii_uppercase() {
        return Some("must start with an uppercase letter A-Z");
    }
    if bytes[bytes.len() - 1] == b'_' {
        return Some("must not end with `_`");
    }
    if !bytes
        .iter()
        .all(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    {
        return Some("may hold only uppercase letters A-Z, digits and `_`");
    }
    None
}

/// `items` separated by `, `, for a message (a loop: `join` is large generic code to build).
pub fn list(items: &[&str]) -> String {
    let mut out = String::new();
    for item in items {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(item);
    }
    out
}

/// The nearest valid spelling of a code the user wrote.
pub fn corrected_code(code: &str) -> String {
    // Every other character becomes `_`, and a run of `_` one.
    let mut fixed = String::new();
    for c in upper_snake(code).chars() {
        let c = if c.is_ascii_alphanumeric() { c } else { '_' };
        if !(c == '_' && fixed.ends_with('_')) {
            fixed.push(c);
        }
    }
    let mut fixed = fixed.trim_matches('_').to_owned();
    while fixed.starts_with(|c: char| c.is_ascii_digit() || c == '_') {
        fixed.remove(0);
    }
    if fixed.len() > 63 {
        fixed.truncate(63);
        while fixed.ends_with('_') {
            fixed.pop();
        }
    }
    match fixed.len() {
        0 => "ERROR_CODE".to_owned(),
        1 => format!("{fixed}_ERROR"),
        _ => fixed,
    }
}

/// Levenshtein distance, for "did you mean".
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The candidate closest to `word` (the first of the closest), if it is close enough to be
/// what was meant.
pub fn nearest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lower = word.to_ascii_lowercase();
    candidates
        .iter()
        .map(|&candidate| (distance(&lower, &candidate.to_ascii_lowercase()), candidate))
        .filter(|&(d, candidate)| d <= (candidate.len() / 3).max(2))
        .min_by_key(|&(d, _)| d)
        .map(|(_, candidate)| candidate)
}

/// The words of a variant's name that suggest its status, for the "no status" error; the
/// first row with a word in the name wins (a `MissingToken` is a 401, not a 404).
#[rustfmt::skip]
const SUGGESTIONS: &[(u16, &[&str])] = &[
    (401, &["Unauthorized", "Unauthenticated", "InvalidToken", "MissingToken", "TokenExpired", "ExpiredToken", "InvalidCredentials"]),
    (404, &["NotFound", "Missing", "NoSuch"]),
    (409, &["Exists", "Duplicate", "Conflict", "AlreadyTaken"]),
    (403, &["Forbidden", "PermissionDenied", "AccessDenied"]),
    (422, &["Invalid", "Validation"]),
    (429, &["RateLimit", "TooMany", "Throttled"]),
    (504, &["Timeout", "TimedOut"]),
    (503, &["Unavailable", "Maintenance", "Overloaded"]),
    (400, &["BadRequest", "Malformed"]),
    (410, &["Gone"]),
    (502, &["Upstream", "BadGateway"]),
];

/// The status a variant's name suggests: 500 unless a word of [`SUGGESTIONS`] is in it.
pub fn suggested_status(name: &str) -> u16 {
    let suggests = |words: &[&str]| words.iter().any(|word| name.contains(word));
    SUGGESTIONS
        .iter()
        .find(|(_, words)| suggests(words))
        .map_or(500, |&(status, _)| status)
}

/// A reason phrase as a CamelCase name: each word (split at spaces and hyphens) with its
/// first letter upper case and the rest lower case, e.g. `UriTooLong` for "URI Too Long".
pub fn camel_phrase(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    for word in phrase.split([' ', '-']) {
        for (i, c) in word.chars().enumerate() {
            out.push(if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            });
        }
    }
    out
}

/// The first 4xx or 5xx of the registry whose reason phrase `name` spells in CamelCase
/// ([`camel_phrase`]). One map lookup per variant: the map is built once per compiler
/// process, where comparing each variant with every phrase cost 1.5 ms at 1,000 variants
/// in the macro's unoptimized build.
pub fn named_status(name: &str) -> Option<&'static Registered> {
    static BY_NAME: OnceLock<HashMap<String, usize>> = OnceLock::new();
    let index = BY_NAME
        .get_or_init(|| {
            let mut map = HashMap::new();
            for (index, row) in REGISTRY.iter().enumerate() {
                if row.code >= 400 {
                    map.entry(camel_phrase(row.phrase)).or_insert(index);
                }
            }
            map
        })
        .get(name)?;
    REGISTRY.get(*index)
}

/// A registry name such as `NOT_FOUND`: upper case, digits and `_`.
pub fn is_status_name(name: &str) -> bool {
    name.bytes().any(|b| b.is_ascii_uppercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// What is wrong with a header name given in the attribute, if anything.
pub fn header_name_problem(name: &str) -> Option<String> {
    if !status_core::is_valid_header_name(name) {
        return Some(format!(
            "`{name}` is not a header name: a field name is a token of letters, digits and !#$%&'*+-.^_`|~ (RFC 9110 §5.1)"
        ));
    }
    // A field the server owns (`Upgrade` is checked per status, in `valid`). Where the rule
    // names its own fix, that is the fix; otherwise the header goes.
    grammar::reserved_header(name, 426).map(|why| {
        if why.contains("#[status(") {
            format!("`{name}` is {why}")
        } else {
            format!("`{name}` is {why}; remove it")
        }
    })
}

/// The headers with rules of their own: the check of a value (`Err` with what is wrong) and
/// the rule that defines it, a value as the attribute writes it, and what the header carries
/// where a status requires it.
#[rustfmt::skip]
#[allow(clippy::type_complexity)]
pub const HEADERS: &[(&str, Option<fn(&str) -> Result<(), String>>, &str, &str, &str)] = &[
    ("WWW-Authenticate", Some(grammar::challenge_list), "RFC 9110 §11.6.1", CHALLENGE, "with at least one challenge"),
    ("Proxy-Authenticate", Some(grammar::challenge_list), "RFC 9110 §11.7.1", "header(\"Proxy-Authenticate\" = \"Basic realm=\\\"proxy\\\"\")", "with at least one challenge"),
    ("Retry-After", Some(grammar::retry_after), "RFC 9110 §10.2.3", SECONDS, ""),
    ("Allow", Some(grammar::method_list), "RFC 9110 §10.2.1", METHODS, "listing the methods the resource supports (an empty list is legal)"),
    ("Upgrade", None, "", "header(\"Upgrade\" = \"HTTP/2.0\")", "naming the protocols to switch to"),
];

/// What is wrong with a header value written in the attribute, if anything: a character a
/// field may not carry, or a value outside its header's grammar.
pub fn header_value_problem(name: &str, value: &str) -> Option<String> {
    if let Some(c) = value.chars().find(|c| !c.is_ascii()) {
        return Some(format!(
            "the value of `{name}` holds `{c}`, which is not ASCII: clients read a field value as ASCII (RFC 9110 §5.5); percent-encode it, or send the text in the body"
        ));
    }
    if !status_core::is_valid_header_value(value.as_bytes()) {
        return Some(format!(
            "the value of `{name}` holds a character a header may not carry (CR, LF or another control); a field value is visible ASCII, spaces and tabs (RFC 9110 §5.5)"
        ));
    }
    let (_, check, rule, example, _) = HEADERS.iter().find(|h| h.0.eq_ignore_ascii_case(name))?;
    check.as_ref()?(value)
        .err()
        .map(|why| format!("the value of `{name}` {why} ({rule}); e.g. {example}"))
}

/// Whether `text` holds any of `bytes`, by std's optimized `memchr` (see benches/README.md).
pub fn has_any(text: &str, bytes: &[u8]) -> bool {
    bytes.iter().any(|b| text.as_bytes().contains(b))
}

/// The value of a string literal written without escapes, suffix or `r#`.
pub fn plain_string(token: &proc_macro2::Literal) -> Option<String> {
    let repr = token.to_string();
    let plain = repr.strip_prefix('"')?.strip_suffix('"')?;
    (!has_any(plain, b"\\\"")).then(|| plain.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake() {
        assert_eq!(upper_snake("UserExists"), "USER_EXISTS");
        assert_eq!(upper_snake("NotFound"), "NOT_FOUND");
        assert_eq!(upper_snake("HTTPTimeout"), "HTTP_TIMEOUT");
        assert_eq!(upper_snake("Error404"), "ERROR404");
        assert_eq!(upper_snake("r#Type"), "TYPE");
        assert_eq!(upper_snake("Snake_Case"), "SNAKE_CASE");
        assert_eq!(upper_snake("A"), "A");
    }

    #[test]
    fn codes() {
        assert_eq!(code_problem("USER_NOT_FOUND"), None);
        assert_eq!(code_problem("E2"), None);
        assert!(code_problem("user_not_found").is_some());
        assert!(code_problem("USER_").is_some());
        assert!(code_problem("_USER").is_some());
        assert!(code_problem("A").is_some());
        assert!(code_problem(&"A".repeat(64)).is_some());
        assert_eq!(code_problem(&"A".repeat(63)), None);
        assert_eq!(corrected_code("userNotFound"), "USER_NOT_FOUND");
        assert_eq!(corrected_code("user-not-found"), "USER_NOT_FOUND");
        assert_eq!(corrected_code("404_NOT_FOUND"), "NOT_FOUND");
    }

    /// The edit distances "did you mean" ranks by, and its cut-off: a third of the
    /// candidate's length, at least two.
    #[test]
    fn distances_and_cut_off() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("flaw", "lawn"), 2);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("code", "code"), 0);
        assert_eq!(nearest("cozz", &["code"]), Some("code"));
        assert_eq!(nearest("cozzz", &["code"]), None);
        assert_eq!(
            nearest("ww_authentica", &["www_authenticate"]),
            Some("www_authenticate")
        );
        assert_eq!(nearest("ww_authen", &["www_authenticate"]), None);
    }

    /// Underscores are kept once, and never at the ends; a word starts at a capital after a
    /// lowercase letter or a digit, or at the last capital of an acronym.
    #[test]
    fn snake_word_boundaries() {
        assert_eq!(upper_snake("_Private"), "PRIVATE");
        assert_eq!(upper_snake("A__B"), "A_B");
        assert_eq!(upper_snake("Trailing_"), "TRAILING");
        assert_eq!(upper_snake("UserID"), "USER_ID");
        assert_eq!(upper_snake("Error404X"), "ERROR404_X");
    }

    /// A suggestion is always a valid code, even from a code with no letter in it.
    #[test]
    fn corrected_code_is_valid() {
        assert_eq!(corrected_code("404"), "ERROR_CODE");
        assert_eq!(corrected_code("x"), "X_ERROR");
        for code in ["404", "x", "__a__b__", "1_2_x", &"a_".repeat(40)] {
            assert_eq!(code_problem(&corrected_code(code)), None, "{code}");
        }
    }

    #[test]
    fn did_you_mean() {
        assert_eq!(nearest("cod", &["code", "message"]), Some("code"));
        assert_eq!(
            nearest("NOT_FOND", &["NOT_FOUND", "FOUND"]),
            Some("NOT_FOUND")
        );
        assert_eq!(nearest("zzzzzz", &["code"]), None);
    }

    /// Every word `suggested_status` looks for, alone in a name.
    #[test]
    fn every_suggestion_word() {
        let table: &[(u16, &[&str])] = &[
            (404, &["NotFound", "Missing", "NoSuchUser"]),
            (409, &["Exists", "Duplicate", "Conflict", "AlreadyTaken"]),
            (
                401,
                &[
                    "Unauthorized",
                    "Unauthenticated",
                    "InvalidToken",
                    "MissingToken",
                    "TokenExpired",
                    "ExpiredToken",
                    "InvalidCredentials",
                ],
            ),
            (403, &["Forbidden", "PermissionDenied", "AccessDenied"]),
            (
                422,
                &["InvalidPrice", "ValidationFailed", "FailedValidation"],
            ),
            (429, &["RateLimited", "TooManyRequests", "Throttled"]),
            (504, &["Timeout", "TimedOut"]),
            (503, &["Unavailable", "Maintenance", "Overloaded"]),
            (400, &["BadRequest", "Malformed"]),
            (410, &["Gone"]),
            (502, &["Upstream", "BadGateway"]),
            (500, &["Database", "Token"]),
        ];
        for &(status, names) in table {
            for name in names {
                assert_eq!(suggested_status(name), status, "{name}");
            }
        }
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggested_status("UserNotFound"), 404);
        assert_eq!(suggested_status("EmailExists"), 409);
        assert_eq!(suggested_status("InvalidToken"), 401);
        assert_eq!(suggested_status("InvalidPrice"), 422);
        assert_eq!(suggested_status("PermissionDenied"), 403);
        assert_eq!(suggested_status("RateLimited"), 429);
        assert_eq!(suggested_status("UpstreamTimeout"), 504);
        assert_eq!(suggested_status("Database"), 500);
        assert_eq!(
            camel_phrase("Unprocessable Content"),
            "UnprocessableContent"
        );
        assert_eq!(
            camel_phrase("Non-Authoritative Information"),
            "NonAuthoritativeInformation"
        );
        assert_eq!(camel_phrase("URI Too Long"), "UriTooLong");
        assert_eq!(camel_phrase("Conflict"), "Conflict");
        assert_eq!(
            named_status("UnprocessableContent").map(|r| r.code),
            Some(422)
        );
        assert_eq!(named_status("UriTooLong").map(|r| r.code), Some(414));
        assert_eq!(named_status("Unprocessable").map(|r| r.code), None);
        assert_eq!(named_status("UnprocessableContentX").map(|r| r.code), None);
        // Only errors: 203's phrase is no variant's status.
        assert_eq!(
            named_status("NonAuthoritativeInformation").map(|r| r.code),
            None
        );
    }
}
