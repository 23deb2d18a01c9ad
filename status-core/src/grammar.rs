//! The grammar of what an error may put on the wire: the values of the headers HTTP gives
//! a shape (`WWW-Authenticate`, `Retry-After`, `Allow`), the header names that belong to
//! the server rather than to an error, and the reason phrase. Not a public API.
//!
//! One grammar, two users: the derive checks the values written in an attribute at compile
//! time, and the adapters check the values that come from fields (and from hand-written
//! impls) when a response is built. Each check returns `Err` with a phrase that says what
//! is wrong, for a compile error or a log record.

/// Whether `name` is one of the fields the server owns, and so an error must not send:
/// `Some(why)`, a phrase naming the owner and the rule. `Upgrade` is the 426's to send
/// (RFC 9110 §15.5.22) and the connection's otherwise.
pub fn reserved_header(name: &str, status: u16) -> Option<&'static str> {
    const CONNECTION: &str = "a connection-specific field: the server manages the connection, \
         and an application must not send one (RFC 9110 §7.6.1)";
    const RESERVED: &[(&str, &str)] = &[
        ("Connection", CONNECTION),
        ("Keep-Alive", CONNECTION),
        ("Proxy-Connection", CONNECTION),
        ("TE", CONNECTION),
        ("Upgrade", CONNECTION),
        (
            "Transfer-Encoding",
            "framing: the server chooses how the body is framed (RFC 9112 §6.1)",
        ),
        (
            "Trailer",
            "framing: the server sends no trailers after an error body (RFC 9110 §6.6.2)",
        ),
        (
            "Content-Length",
            "framing: the server computes it from the body (RFC 9110 §8.6)",
        ),
        (
            "Host",
            "a request field: it names the server a request is for (RFC 9110 §7.2)",
        ),
        (
            "Content-Encoding",
            "a content coding: the body is sent uncoded, and a compression layer adds \
             one with the body it compresses (RFC 9110 §8.4)",
        ),
        (
            "Content-Type",
            "the body's media type, set from the body format; choose the format with \
             #[status(format = \"problem\")] on the type",
        ),
    ];
    if status == 426 && name.eq_ignore_ascii_case("Upgrade") {
        return None;
    }
    RESERVED
        .iter()
        // The length first: most names an error sends have none of these lengths.
        .find(|(reserved, _)| reserved.len() == name.len() && reserved.eq_ignore_ascii_case(name))
        .map(|&(_, why)| why)
}

/// Whether `text` may be sent as a reason phrase (RFC 9112 §4: `1*( HTAB / SP / VCHAR /
/// obs-text )`): not empty, no CR, LF or other control.
pub fn is_reason_phrase(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b == b'\t' || b == b' ' || is_vchar_or_obs(b))
}

/// A `WWW-Authenticate` or `Proxy-Authenticate` value (RFC 9110 §11.6.1): one or more
/// challenges, each an auth-scheme token followed by a token68 or by auth-params, separated
/// by commas.
///
/// # Errors
///
/// What is wrong, as a phrase.
pub fn challenge_list(value: &str) -> Result<(), String> {
    if value.trim_matches(OWS).is_empty() {
        return Err("is empty, where it needs at least one challenge such as `Bearer`".into());
    }
    // The state of the challenge being read: its parameter names, or that it ended with a
    // token68 (which takes no parameters).
    let mut params: Option<Vec<String>> = None;
    for element in split_list(value)? {
        if element.is_empty() {
            return Err("has an empty element between commas".into());
        }
        if let Some((name, _)) = auth_param(element)? {
            let Some(names) = params.as_mut() else {
                return Err(format!(
                    "has the parameter `{name}` where an auth-scheme must come first, e.g. `Bearer {name}=...`"
                ));
            };
            add_param(names, name)?;
            continue;
        }
        // A new challenge: `scheme`, `scheme token68` or `scheme param=value`.
        let (scheme, rest) = match element.find([' ', '\t']) {
            Some(at) => (&element[..at], element[at..].trim_start_matches(OWS)),
            None => (element, ""),
        };
        if !is_token(scheme) {
            return Err(format!(
                "has `{scheme}` where an auth-scheme must be, a token such as `Bearer` or `Basic`"
            ));
        }
        params = if rest.is_empty() {
            Some(Vec::new())
        } else if let Some((name, _)) = auth_param(rest)? {
            let mut names = Vec::new();
            add_param(&mut names, name)?;
            Some(names)
        } else if is_token68(rest) {
            None
        } else {
            return Err(format!(
                "has `{rest}` after `{scheme}`, which is neither a token68 nor a `name=value` parameter"
            ));
        };
    }
    Ok(())
}

/// A `Retry-After` value (RFC 9110 §10.2.3): a whole number of seconds, or an HTTP-date,
/// which a sender writes as an IMF-fixdate such as `Sun, 06 Nov 1994 08:49:37 GMT`
/// (RFC 9110 §5.6.7).
///
/// # Errors
///
/// What is wrong, as a phrase.
pub fn retry_after(value: &str) -> Result<(), String> {
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(());
    }
    imf_fixdate(value).map_err(|why| {
        format!(
            "is neither a whole number of seconds nor an HTTP-date like `Sun, 06 Nov 1994 08:49:37 GMT`: {why}"
        )
    })
}

/// An `Allow` value (RFC 9110 §10.2.1): method tokens separated by commas; empty when the
/// resource allows no method.
///
/// # Errors
///
/// What is wrong, as a phrase.
pub fn method_list(value: &str) -> Result<(), String> {
    if value.trim_matches(OWS).is_empty() {
        return Ok(());
    }
    for method in split_list(value)? {
        if !is_token(method) {
            return Err(format!(
                "has `{method}` where a method must be: a token such as GET or DELETE, the methods separated by commas"
            ));
        }
    }
    Ok(())
}

/// Optional white space (RFC 9110 §5.6.3).
const OWS: [char; 2] = [' ', '\t'];

/// The elements of a comma-separated list, trimmed, with commas inside quoted strings kept
/// (RFC 9110 §5.6.1).
fn split_list(value: &str) -> Result<Vec<&str>, String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    let mut escaped = false;
    for (i, b) in value.bytes().enumerate() {
        if !(b == b'\t' || b == b' ' || is_vchar_or_obs(b)) {
            return Err(
                "holds a control character (CR, LF, NUL, …) that a field may not carry".into(),
            );
        }
        match (quoted, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (_, false, b'"') => quoted = !quoted,
            (false, _, b',') => {
                out.push(value[start..i].trim_matches(OWS));
                start = i + 1;
            }
            _ => {}
        }
    }
    if quoted {
        return Err("has a quoted string without its closing `\"`".into());
    }
    out.push(value[start..].trim_matches(OWS));
    Ok(out)
}

/// `Some((name, value))` when `element` is an auth-param, `token BWS "=" BWS ( token /
/// quoted-string )`; `None` when it has no `=` after a token (a scheme, or a token68).
fn auth_param(element: &str) -> Result<Option<(&str, &str)>, String> {
    let name_end = element
        .bytes()
        .position(|b| !is_tchar(b))
        .unwrap_or(element.len());
    let (name, rest) = element.split_at(name_end);
    let Some(value) = rest.trim_start_matches(OWS).strip_prefix('=') else {
        return Ok(None);
    };
    let value = value.trim_start_matches(OWS);
    if name.is_empty() || value.is_empty() || value.starts_with('=') {
        // `abc=`, `abc==`: a token68's padding, not a parameter.
        return Ok(None);
    }
    if is_token(value) || is_quoted_string(value) {
        Ok(Some((name, value)))
    } else {
        Err(format!(
            "has the parameter `{name}` with the value `{value}`, which is neither a token nor a quoted string"
        ))
    }
}

fn add_param(names: &mut Vec<String>, name: &str) -> Result<(), String> {
    let lower = name.to_ascii_lowercase();
    if names.contains(&lower) {
        return Err(format!(
            "gives the parameter `{name}` twice in one challenge, where each may occur once"
        ));
    }
    names.push(lower);
    Ok(())
}

/// `1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="` (RFC 9110 §11.2).
fn is_token68(text: &str) -> bool {
    let body = text.trim_end_matches('=');
    !body.is_empty()
        && body.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'+' | b'/')
        })
}

/// `DQUOTE *( qdtext / quoted-pair ) DQUOTE` (RFC 9110 §5.6.4).
fn is_quoted_string(text: &str) -> bool {
    let Some(inner) = text
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    else {
        return false;
    };
    let mut bytes = inner.bytes();
    while let Some(b) = bytes.next() {
        let ok = match b {
            b'\\' => bytes
                .next()
                .is_some_and(|next| next == b'\t' || next == b' ' || is_vchar_or_obs(next)),
            b'"' => false,
            b => b == b'\t' || b == b' ' || is_vchar_or_obs(b),
        };
        if !ok {
            return false;
        }
    }
    true
}

/// A token: one or more tchar (RFC 9110 §5.6.2).
pub(crate) fn is_token(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(is_tchar)
}

/// A tchar (RFC 9110 §5.6.2): what a token, and so a field name, is made of.
pub(crate) const fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'!' | b'#'
                | b'$'
                | b'%'
                | b'&'
                | b'\''
                | b'*'
                | b'+'
                | b'-'
                | b'.'
                | b'^'
                | b'_'
                | b'`'
                | b'|'
                | b'~'
        )
}

/// VCHAR (`0x21..=0x7E`) or obs-text (`0x80..=0xFF`).
const fn is_vchar_or_obs(b: u8) -> bool {
    matches!(b, 0x21..=0x7E | 0x80..=0xFF)
}

/// `day-name "," SP day SP month SP year SP hour ":" minute ":" second SP "GMT"`, a real
/// date whose day name is its own.
fn imf_fixdate(value: &str) -> Result<(), &'static str> {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    // Sakamoto's month offsets, for the day of the week.
    const OFFSETS: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let b = value.as_bytes();
    if b.len() != 29 || &b[3..5] != b", " || &b[25..] != b" GMT" {
        return Err("an IMF-fixdate is 29 characters, `Www, DD Mmm YYYY HH:MM:SS GMT`");
    }
    if [7, 11, 16].iter().any(|&i| b[i] != b' ') || b[19] != b':' || b[22] != b':' {
        return Err("an IMF-fixdate is 29 characters, `Www, DD Mmm YYYY HH:MM:SS GMT`");
    }
    let number = |range: core::ops::Range<usize>| -> Result<u32, &'static str> {
        let digits = &b[range];
        if digits.iter().all(u8::is_ascii_digit) {
            Ok(digits.iter().fold(0, |n, &d| n * 10 + u32::from(d - b'0')))
        } else {
            Err("the day, year and time are digits")
        }
    };
    let (day, year) = (number(5..7)?, number(12..16)?);
    let (hour, minute, second) = (number(17..19)?, number(20..22)?, number(23..25)?);
    let month = MONTHS
        .iter()
        .position(|m| m.as_bytes() == &b[8..11])
        .ok_or("the month is one of Jan, Feb, …, Dec")?;
    let weekday = DAYS
        .iter()
        .position(|d| d.as_bytes() == &b[..3])
        .ok_or("the day name is one of Sun, Mon, …, Sat")?;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if day == 0 || day > month_days[month] {
        return Err("the day is not in its month");
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Err("the time is HH:MM:SS, 00:00:00 to 23:59:60");
    }
    // Sakamoto's method: the day of the week of a Gregorian date, 0 for Sunday.
    let y = if month < 2 { year + 399 } else { year + 400 };
    let computed = (y + y / 4 - y / 100 + y / 400 + OFFSETS[month] + day) % 7;
    if computed as usize != weekday {
        return Err("the day name is not that date's");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn challenges() {
        for ok in [
            "Bearer",
            "Bearer realm=\"api\"",
            "Bearer realm=\"api\", error=\"invalid_token\"",
            "Basic realm=\"a, b\", charset=UTF-8",
            "Basic dXNlcjpwYXNz==",
            "Basic realm=\"x\", Bearer realm=\"y\", error=invalid_token",
            "Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\"",
            "Bearer realm = \"api\"",
        ] {
            assert_eq!(challenge_list(ok), Ok(()), "{ok}");
        }
        for (bad, why) in [
            (
                "",
                "is empty, where it needs at least one challenge such as `Bearer`",
            ),
            (
                " ",
                "is empty, where it needs at least one challenge such as `Bearer`",
            ),
            ("Bearer,", "has an empty element between commas"),
            (
                "realm=\"api\"",
                "has the parameter `realm` where an auth-scheme must come first, e.g. `Bearer realm=...`",
            ),
            (
                "Bearer realm=\"api",
                "has a quoted string without its closing `\"`",
            ),
            (
                "Bearer realm=a b",
                "has the parameter `realm` with the value `a b`, which is neither a token nor a quoted string",
            ),
            (
                "Bearer realm=\"a\", realm=\"b\"",
                "gives the parameter `realm` twice in one challenge, where each may occur once",
            ),
            (
                "Basic dXNl, realm=\"x\"",
                "has the parameter `realm` where an auth-scheme must come first, e.g. `Bearer realm=...`",
            ),
            (
                "Bea(rer",
                "has `Bea(rer` where an auth-scheme must be, a token such as `Bearer` or `Basic`",
            ),
            (
                "Bearer a=b c",
                "has the parameter `a` with the value `b c`, which is neither a token nor a quoted string",
            ),
            (
                "Bearer @@",
                "has `@@` after `Bearer`, which is neither a token68 nor a `name=value` parameter",
            ),
            (
                "Bearer\r\nX: y",
                "holds a control character (CR, LF, NUL, …) that a field may not carry",
            ),
        ] {
            assert_eq!(challenge_list(bad), Err(why.to_owned()), "{bad:?}");
        }
    }

    #[test]
    fn retry_after_values() {
        for ok in [
            "0",
            "120",
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Thu, 29 Feb 2024 23:59:60 GMT",
        ] {
            assert_eq!(retry_after(ok), Ok(()), "{ok}");
        }
        let date = |why: &str| {
            format!(
                "is neither a whole number of seconds nor an HTTP-date like `Sun, 06 Nov 1994 08:49:37 GMT`: {why}"
            )
        };
        for (bad, why) in [
            (
                "",
                "an IMF-fixdate is 29 characters, `Www, DD Mmm YYYY HH:MM:SS GMT`",
            ),
            (
                "-5",
                "an IMF-fixdate is 29 characters, `Www, DD Mmm YYYY HH:MM:SS GMT`",
            ),
            (
                "1.5",
                "an IMF-fixdate is 29 characters, `Www, DD Mmm YYYY HH:MM:SS GMT`",
            ),
            (
                "Sunday, 06-Nov-94 08:49:37 GMT",
                "an IMF-fixdate is 29 characters, `Www, DD Mmm YYYY HH:MM:SS GMT`",
            ),
            (
                "Sun, 06 Nov 1994 08:49:37 UTC",
                "an IMF-fixdate is 29 characters, `Www, DD Mmm YYYY HH:MM:SS GMT`",
            ),
            (
                "Mon, 06 Nov 1994 08:49:37 GMT",
                "the day name is not that date's",
            ),
            (
                "Sun, 06 Now 1994 08:49:37 GMT",
                "the month is one of Jan, Feb, …, Dec",
            ),
            (
                "Fri, 29 Feb 2023 08:49:37 GMT",
                "the day is not in its month",
            ),
            (
                "Sun, 06 Nov 1994 24:00:00 GMT",
                "the time is HH:MM:SS, 00:00:00 to 23:59:60",
            ),
            (
                "Sun, 0x Nov 1994 08:49:37 GMT",
                "the day, year and time are digits",
            ),
            (
                "Xyz, 06 Nov 1994 08:49:37 GMT",
                "the day name is one of Sun, Mon, …, Sat",
            ),
        ] {
            assert_eq!(retry_after(bad), Err(date(why)), "{bad:?}");
        }
    }

    #[test]
    fn method_lists() {
        for ok in ["", " ", "GET", "GET, HEAD", "GET,HEAD ,PUT", "M-SEARCH"] {
            assert_eq!(method_list(ok), Ok(()), "{ok:?}");
        }
        for (bad, token) in [
            ("GET,,HEAD", ""),
            ("GET HEAD", "GET HEAD"),
            ("GET, (x)", "(x)"),
        ] {
            assert_eq!(
                method_list(bad),
                Err(format!(
                    "has `{token}` where a method must be: a token such as GET or DELETE, the methods separated by commas"
                )),
                "{bad:?}"
            );
        }
        assert!(method_list("GET\n").is_err());
    }

    #[test]
    fn reserved_headers_and_their_owners() {
        for name in [
            "connection",
            "Keep-Alive",
            "PROXY-CONNECTION",
            "te",
            "Transfer-Encoding",
            "Trailer",
            "Content-Length",
            "Host",
            "Content-Encoding",
            "Content-Type",
            "Upgrade",
        ] {
            assert!(reserved_header(name, 400).is_some(), "{name}");
        }
        assert_eq!(reserved_header("upgrade", 426), None);
        assert!(reserved_header("Content-Type", 426).is_some());
        for name in [
            "Retry-After",
            "WWW-Authenticate",
            "X-Request-Id",
            "Content-Language",
        ] {
            assert_eq!(reserved_header(name, 401), None, "{name}");
        }
    }

    #[test]
    fn reason_phrases() {
        for ok in [
            "Not Found",
            "Client Closed Request",
            "Gone\tAway",
            "Caf\u{e9}",
            "x",
        ] {
            assert!(is_reason_phrase(ok), "{ok:?}");
        }
        for bad in ["", "Oops\r\nSet-Cookie: a=1", "a\0b", "\u{7f}"] {
            assert!(!is_reason_phrase(bad), "{bad:?}");
        }
    }
}
