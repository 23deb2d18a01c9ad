//! What the error-handling layers of `status::axum` and `status::actix` know of the request
//! an error answers: its request id, and the body format its `Accept` prefers. Not a
//! public API.
//!
//! A layer puts the context in a tokio task-local around the request's future
//! ([`scope`]); `wire::render` reads it (`current`) when an error becomes
//! a response inside that future, so every error of the request (the handler's own and the
//! framework's) carries the id and the negotiated format, and a service without the layer
//! pays one failed task-local lookup per error response.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::api_error::Format;

/// The longest request id taken from a client, in bytes.
pub const MAX_REQUEST_ID: usize = 128;

/// The request an error answers, as the layer saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestContext {
    /// The request id: the client's `x-request-id` when valid, else one made here.
    pub request_id: Arc<str>,
    /// The body format the request's `Accept` prefers, when content negotiation is on and
    /// it prefers one; `None` leaves the error type's own `format`.
    pub format: Option<Format>,
}

impl RequestContext {
    /// The context of a request with these `x-request-id` and `Accept` values; `negotiate`
    /// says whether `Accept` chooses the format.
    pub fn new(request_id: Option<&[u8]>, accept: Option<&[u8]>, negotiate: bool) -> Self {
        let request_id = match request_id {
            Some(id) if is_valid_request_id(id) => {
                // Visible ASCII: valid UTF-8.
                Arc::from(String::from_utf8_lossy(id).as_ref())
            }
            _ => new_request_id(),
        };
        let format = if negotiate {
            accept.and_then(preferred_format)
        } else {
            None
        };
        RequestContext { request_id, format }
    }
}

#[cfg(any(feature = "axum", feature = "actix-web"))]
tokio::task_local! {
    static CONTEXT: RequestContext;
}

/// Runs `future` with `context` as the context of every error rendered inside it.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub fn scope<F: Future>(context: RequestContext, future: F) -> impl Future<Output = F::Output> {
    CONTEXT.scope(context, future)
}

/// The context of the request being answered, if a layer set one.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn current() -> Option<RequestContext> {
    CONTEXT.try_with(Clone::clone).ok()
}

/// No layer without a framework: no context.
#[cfg(not(any(feature = "axum", feature = "actix-web")))]
pub(crate) fn current() -> Option<RequestContext> {
    None
}

/// Whether a client's request id may be kept: 1 to [`MAX_REQUEST_ID`] bytes of visible
/// ASCII (no space, no control: it goes into a header, a JSON body and a log record).
pub fn is_valid_request_id(id: &[u8]) -> bool {
    (1..=MAX_REQUEST_ID).contains(&id.len()) && id.iter().all(|b| (0x21..=0x7E).contains(b))
}

/// A new request id: 32 hex digits, a per-process random half and a counter, so ids are
/// unique within a process and unlikely to repeat across restarts.
fn new_request_id() -> Arc<str> {
    static SEED: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let seed = *SEED.get_or_init(|| {
        use std::hash::{BuildHasher as _, Hasher as _};
        // `RandomState` is seeded from the operating system's randomness.
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u64(0x5354_4154_5553);
        hasher.finish()
    });
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    Arc::from(format!("{seed:016x}{count:016x}"))
}

/// The format `accept` prefers: problem details when it ranks `application/problem+json`
/// above `application/json`, the plain body when it ranks `application/json` above
/// `application/problem+json`, `None` when it ranks them equal (`*/*`, none of them, or a
/// header that does not parse). Each media range's `q` counts for the types it covers, the
/// most specific range first (RFC 9110 §12.5.1).
pub fn preferred_format(accept: &[u8]) -> Option<Format> {
    let accept = std::str::from_utf8(accept).ok()?;
    let (problem, json) = (quality(accept, "problem+json"), quality(accept, "json"));
    match problem.cmp(&json) {
        std::cmp::Ordering::Greater => Some(Format::Problem),
        std::cmp::Ordering::Less => Some(Format::Plain),
        std::cmp::Ordering::Equal => None,
    }
}

/// The quality (in thousandths) `accept` gives `application/{subtype}`: that of the most
/// specific range that covers it, 0 when none does.
fn quality(accept: &str, subtype: &str) -> u16 {
    let mut best: Option<(u8, u16)> = None; // (specificity, quality)
    for range in accept.split(',') {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or("").trim();
        let Some((kind, sub)) = media.split_once('/') else {
            continue;
        };
        let specificity = match (kind, sub) {
            (k, s) if k.eq_ignore_ascii_case("application") && s.eq_ignore_ascii_case(subtype) => 2,
            (k, "*") if k.eq_ignore_ascii_case("application") => 1,
            ("*", "*") => 0,
            _ => continue,
        };
        let q = parts
            .filter_map(|param| param.split_once('='))
            .find(|(name, _)| name.trim().eq_ignore_ascii_case("q"))
            .map_or(Some(1000), |(_, value)| parse_q(value.trim()));
        let Some(q) = q else { continue };
        if best.is_none_or(|(seen, _)| specificity > seen) {
            best = Some((specificity, q));
        }
    }
    best.map_or(0, |(_, q)| q)
}

/// A `qvalue` (RFC 9110 §12.4.2) in thousandths: `0`, `0.5`, `1.000`, …
fn parse_q(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .fold(0u16, |n, d| n * 10 + u16::from(d - b'0'));
    match (whole, thousandths) {
        ("0", n) => Some(n),
        ("1", 0) => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_chooses_the_format_by_rank() {
        for (accept, format) in [
            ("application/problem+json", Some(Format::Problem)),
            ("application/json", Some(Format::Plain)),
            ("application/json, application/problem+json", None),
            (
                "application/problem+json;q=0.9, application/json",
                Some(Format::Plain),
            ),
            (
                "application/json;q=0.5, application/problem+json;q=0.8",
                Some(Format::Problem),
            ),
            ("application/*;q=0.2, application/json", Some(Format::Plain)),
            ("application/*, application/json;q=0", Some(Format::Problem)),
            ("*/*", None),
            ("text/html", None),
            ("", None),
            ("application/json;q=2", None),
            ("APPLICATION/PROBLEM+JSON ; Q=1.0", Some(Format::Problem)),
            ("text/html, */*;q=0.8", None),
        ] {
            assert_eq!(preferred_format(accept.as_bytes()), format, "{accept}");
        }
        assert_eq!(preferred_format(b"\xff"), None);
    }

    #[test]
    fn qvalues() {
        for (text, q) in [
            ("0", Some(0)),
            ("0.5", Some(500)),
            ("0.125", Some(125)),
            ("1", Some(1000)),
            ("1.000", Some(1000)),
            ("1.5", None),
            ("0.1234", None),
            ("x", None),
            ("0.x", None),
        ] {
            assert_eq!(parse_q(text), q, "{text}");
        }
    }

    #[test]
    fn a_valid_request_id_is_kept_and_any_other_replaced() {
        let kept = RequestContext::new(Some(b"req-42_abc:XYZ"), None, true);
        assert_eq!(&*kept.request_id, "req-42_abc:XYZ");
        let long = vec![b'a'; MAX_REQUEST_ID + 1];
        for bad in [
            &b""[..],
            b"two words",
            b"crlf\r\nSet-Cookie: a=1",
            b"caf\xc3\xa9",
            &long,
        ] {
            let replaced = RequestContext::new(Some(bad), None, true);
            assert_eq!(replaced.request_id.len(), 32, "{bad:?}");
            assert!(replaced.request_id.bytes().all(|b| b.is_ascii_hexdigit()));
        }
        let (a, b) = (new_request_id(), new_request_id());
        assert_ne!(a, b);
        assert_eq!(a[..16], b[..16]);
    }

    #[test]
    fn negotiation_off_leaves_the_format() {
        let context = RequestContext::new(None, Some(b"application/problem+json"), false);
        assert_eq!(context.format, None);
        let context = RequestContext::new(None, Some(b"application/problem+json"), true);
        assert_eq!(context.format, Some(Format::Problem));
    }
}
