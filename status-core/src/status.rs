//! [`Status`]: a checked HTTP status code with its IANA reason phrase, and the registry
//! the derive reads at compile time.

use core::fmt;

/// An HTTP status code in `100..=599` (RFC 9110 §15).
///
/// Every IANA-registered code has a constant named after its reason phrase
/// ([`Status::NOT_FOUND`], [`Status::CONTENT_TOO_LARGE`], …). Every method is `const`, so a
/// status can be checked and classified at compile time.
///
/// ```
/// use status::{Class, Status};
///
/// const TEAPOT: Option<Status> = Status::new(418);
/// assert_eq!(Status::NOT_FOUND.as_u16(), 404);
/// assert_eq!(Status::UNPROCESSABLE_CONTENT.reason(), Some("Unprocessable Content"));
/// assert_eq!(Status::NOT_FOUND.to_string(), "404 Not Found");
/// assert_eq!(Status::BAD_GATEWAY.class(), Class::ServerError);
/// assert_eq!(TEAPOT.and_then(Status::reason), None); // 418 is reserved, not registered
/// assert_eq!(Status::new(600), None);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Status(pub(crate) u16);

/// The class of a status code: its first digit (RFC 9110 §15).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// 1xx: the request was received, processing continues.
    Informational,
    /// 2xx: the request succeeded.
    Success,
    /// 3xx: the client must look elsewhere.
    Redirection,
    /// 4xx: the client sent something wrong.
    ClientError,
    /// 5xx: the server failed a valid request.
    ServerError,
}

impl Class {
    /// The class's name as a reader says it: `"client error"`, `"success"`, ….
    pub const fn name(self) -> &'static str {
        match self {
            Class::Informational => "informational",
            Class::Success => "success",
            Class::Redirection => "redirection",
            Class::ClientError => "client error",
            Class::ServerError => "server error",
        }
    }
}

/// The error returned by `Status::try_from(u16)` for a number outside `100..=599`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidStatus(pub u16);

impl fmt::Display for InvalidStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} is not an HTTP status code: a status code is in 100..=599 (RFC 9110 §15)",
            self.0
        )
    }
}

impl core::error::Error for InvalidStatus {}

impl Status {
    /// The status `code`, or `None` outside `100..=599`.
    pub const fn new(code: u16) -> Option<Status> {
        if code >= 100 && code <= 599 {
            Some(Status(code))
        } else {
            None
        }
    }

    /// The number, e.g. `404`.
    #[inline]
    pub const fn as_u16(self) -> u16 {
        self.0
    }

    /// The IANA reason phrase (`"Content Too Large"` for 413), or `None` for a code that is
    /// not registered (418, 499, 510, …).
    #[inline]
    pub const fn reason(self) -> Option<&'static str> {
        match registered(self.0) {
            Some(entry) => Some(entry.phrase),
            None => None,
        }
    }

    /// The header a response with this status must carry, if any: `WWW-Authenticate` for
    /// 401 (RFC 9110 §15.5.2), `Allow` for 405 (§15.5.6), `Proxy-Authenticate` for 407
    /// (§15.5.8), `Upgrade` for 426 (§15.5.22).
    pub const fn required_header(self) -> Option<&'static str> {
        match registered(self.0) {
            Some(entry) => entry.required_header,
            None => None,
        }
    }

    /// The class of this status, from its first digit.
    pub const fn class(self) -> Class {
        match self.0 / 100 {
            1 => Class::Informational,
            2 => Class::Success,
            3 => Class::Redirection,
            4 => Class::ClientError,
            _ => Class::ServerError,
        }
    }

    /// `true` for 1xx.
    pub const fn is_informational(self) -> bool {
        self.0 / 100 == 1
    }

    /// `true` for 2xx.
    pub const fn is_success(self) -> bool {
        self.0 / 100 == 2
    }

    /// `true` for 3xx.
    pub const fn is_redirection(self) -> bool {
        self.0 / 100 == 3
    }

    /// `true` for 4xx.
    pub const fn is_client_error(self) -> bool {
        self.0 / 100 == 4
    }

    /// `true` for 5xx.
    pub const fn is_server_error(self) -> bool {
        self.0 / 100 == 5
    }

    /// `true` for 4xx and 5xx: the only statuses an error response may carry.
    pub const fn is_error(self) -> bool {
        self.0 >= 400
    }

    /// The reason phrase, or for an unregistered code the phrase of its class's x00 code,
    /// which is how RFC 9110 §15 tells clients to read an unknown code (an unknown 471 is
    /// read as 400 Bad Request).
    pub const fn reason_or_class(self) -> &'static str {
        match self.reason() {
            Some(reason) => reason,
            None => match Status::new(self.0 / 100 * 100) {
                Some(base) => match base.reason() {
                    Some(reason) => reason,
                    None => "Unknown",
                },
                None => "Unknown",
            },
        }
    }
}

impl TryFrom<u16> for Status {
    type Error = InvalidStatus;

    fn try_from(code: u16) -> Result<Self, Self::Error> {
        Status::new(code).ok_or(InvalidStatus(code))
    }
}

impl From<Status> for u16 {
    fn from(status: Status) -> u16 {
        status.0
    }
}

impl fmt::Display for Status {
    /// `404 Not Found`; an unregistered code prints its number alone.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.reason() {
            Some(reason) => write!(f, "{} {}", self.0, reason),
            None => write!(f, "{}", self.0),
        }
    }
}

impl fmt::Debug for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Status({self})")
    }
}

/// One row of the IANA status code registry, as this crate encodes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Registered {
    /// The number.
    pub code: u16,
    /// The constant's name on [`Status`], e.g. `"NOT_FOUND"`.
    pub name: &'static str,
    /// The IANA reason phrase.
    pub phrase: &'static str,
    /// Where it is defined, e.g. `"RFC 9110 §15.5.5"`.
    pub section: &'static str,
    /// The header a response with this status must carry, if any (e.g. `WWW-Authenticate`
    /// for 401).
    pub required_header: Option<&'static str>,
}

macro_rules! registry {
    ($(($code:literal, $name:ident, $phrase:literal, $section:literal, $header:expr);)*) => {
        impl Status {
            $(
                #[doc = concat!("`", $code, " ", $phrase, "` (", $section, ").")]
                pub const $name: Status = Status($code);
            )*
        }

        /// Every IANA-registered status code, in order. 418 (reserved) and 510 (obsoleted)
        /// are left out: this crate treats them as unregistered.
        pub const REGISTRY: &[Registered] = &[$(
            Registered {
                code: $code,
                name: stringify!($name),
                phrase: $phrase,
                section: $section,
                required_header: $header,
            },
        )*];

        /// The registry row of `code`, if it is registered: a binary search of the table,
        /// which is in order (a test checks it).
        pub const fn registered(code: u16) -> Option<&'static Registered> {
            let (mut low, mut high) = (0, REGISTRY.len());
            while low < high {
                let mid = low + (high - low) / 2;
                let row = &REGISTRY[mid];
                if row.code == code {
                    return Some(row);
                } else if row.code < code {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            None
        }
    };
}

registry! {
    (100, CONTINUE, "Continue", "RFC 9110 §15.2.1", None);
    (101, SWITCHING_PROTOCOLS, "Switching Protocols", "RFC 9110 §15.2.2", None);
    (102, PROCESSING, "Processing", "RFC 2518 §10.1", None);
    (103, EARLY_HINTS, "Early Hints", "RFC 8297 §2", None);
    (200, OK, "OK", "RFC 9110 §15.3.1", None);
    (201, CREATED, "Created", "RFC 9110 §15.3.2", None);
    (202, ACCEPTED, "Accepted", "RFC 9110 §15.3.3", None);
    (203, NON_AUTHORITATIVE_INFORMATION, "Non-Authoritative Information", "RFC 9110 §15.3.4", None);
    (204, NO_CONTENT, "No Content", "RFC 9110 §15.3.5", None);
    (205, RESET_CONTENT, "Reset Content", "RFC 9110 §15.3.6", None);
    (206, PARTIAL_CONTENT, "Partial Content", "RFC 9110 §15.3.7", None);
    (207, MULTI_STATUS, "Multi-Status", "RFC 4918 §11.1", None);
    (208, ALREADY_REPORTED, "Already Reported", "RFC 5842 §7.1", None);
    (226, IM_USED, "IM Used", "RFC 3229 §10.4.1", None);
    (300, MULTIPLE_CHOICES, "Multiple Choices", "RFC 9110 §15.4.1", None);
    (301, MOVED_PERMANENTLY, "Moved Permanently", "RFC 9110 §15.4.2", None);
    (302, FOUND, "Found", "RFC 9110 §15.4.3", None);
    (303, SEE_OTHER, "See Other", "RFC 9110 §15.4.4", None);
    (304, NOT_MODIFIED, "Not Modified", "RFC 9110 §15.4.5", None);
    (305, USE_PROXY, "Use Proxy", "RFC 9110 §15.4.6", None);
    (307, TEMPORARY_REDIRECT, "Temporary Redirect", "RFC 9110 §15.4.8", None);
    (308, PERMANENT_REDIRECT, "Permanent Redirect", "RFC 9110 §15.4.9", None);
    (400, BAD_REQUEST, "Bad Request", "RFC 9110 §15.5.1", None);
    (401, UNAUTHORIZED, "Unauthorized", "RFC 9110 §15.5.2", Some("WWW-Authenticate"));
    (402, PAYMENT_REQUIRED, "Payment Required", "RFC 9110 §15.5.3", None);
    (403, FORBIDDEN, "Forbidden", "RFC 9110 §15.5.4", None);
    (404, NOT_FOUND, "Not Found", "RFC 9110 §15.5.5", None);
    (405, METHOD_NOT_ALLOWED, "Method Not Allowed", "RFC 9110 §15.5.6", Some("Allow"));
    (406, NOT_ACCEPTABLE, "Not Acceptable", "RFC 9110 §15.5.7", None);
    (407, PROXY_AUTHENTICATION_REQUIRED, "Proxy Authentication Required", "RFC 9110 §15.5.8", Some("Proxy-Authenticate"));
    (408, REQUEST_TIMEOUT, "Request Timeout", "RFC 9110 §15.5.9", None);
    (409, CONFLICT, "Conflict", "RFC 9110 §15.5.10", None);
    (410, GONE, "Gone", "RFC 9110 §15.5.11", None);
    (411, LENGTH_REQUIRED, "Length Required", "RFC 9110 §15.5.12", None);
    (412, PRECONDITION_FAILED, "Precondition Failed", "RFC 9110 §15.5.13", None);
    (413, CONTENT_TOO_LARGE, "Content Too Large", "RFC 9110 §15.5.14", None);
    (414, URI_TOO_LONG, "URI Too Long", "RFC 9110 §15.5.15", None);
    (415, UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", "RFC 9110 §15.5.16", None);
    (416, RANGE_NOT_SATISFIABLE, "Range Not Satisfiable", "RFC 9110 §15.5.17", None);
    (417, EXPECTATION_FAILED, "Expectation Failed", "RFC 9110 §15.5.18", None);
    (421, MISDIRECTED_REQUEST, "Misdirected Request", "RFC 9110 §15.5.20", None);
    (422, UNPROCESSABLE_CONTENT, "Unprocessable Content", "RFC 9110 §15.5.21", None);
    (423, LOCKED, "Locked", "RFC 4918 §11.3", None);
    (424, FAILED_DEPENDENCY, "Failed Dependency", "RFC 4918 §11.4", None);
    (425, TOO_EARLY, "Too Early", "RFC 8470 §5.2", None);
    (426, UPGRADE_REQUIRED, "Upgrade Required", "RFC 9110 §15.5.22", Some("Upgrade"));
    (428, PRECONDITION_REQUIRED, "Precondition Required", "RFC 6585 §3", None);
    (429, TOO_MANY_REQUESTS, "Too Many Requests", "RFC 6585 §4", None);
    (431, REQUEST_HEADER_FIELDS_TOO_LARGE, "Request Header Fields Too Large", "RFC 6585 §5", None);
    (451, UNAVAILABLE_FOR_LEGAL_REASONS, "Unavailable For Legal Reasons", "RFC 7725 §3", None);
    (500, INTERNAL_SERVER_ERROR, "Internal Server Error", "RFC 9110 §15.6.1", None);
    (501, NOT_IMPLEMENTED, "Not Implemented", "RFC 9110 §15.6.2", None);
    (502, BAD_GATEWAY, "Bad Gateway", "RFC 9110 §15.6.3", None);
    (503, SERVICE_UNAVAILABLE, "Service Unavailable", "RFC 9110 §15.6.4", None);
    (504, GATEWAY_TIMEOUT, "Gateway Timeout", "RFC 9110 §15.6.5", None);
    (505, HTTP_VERSION_NOT_SUPPORTED, "HTTP Version Not Supported", "RFC 9110 §15.6.6", None);
    (506, VARIANT_ALSO_NEGOTIATES, "Variant Also Negotiates", "RFC 2295 §8.1", None);
    (507, INSUFFICIENT_STORAGE, "Insufficient Storage", "RFC 4918 §11.5", None);
    (508, LOOP_DETECTED, "Loop Detected", "RFC 5842 §7.2", None);
    (511, NETWORK_AUTHENTICATION_REQUIRED, "Network Authentication Required", "RFC 6585 §6", None);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_the_iana_phrases() {
        assert_eq!(
            Status::CONTENT_TOO_LARGE.reason(),
            Some("Content Too Large")
        );
        assert_eq!(
            Status::UNPROCESSABLE_CONTENT.reason(),
            Some("Unprocessable Content")
        );
        assert_eq!(Status::new(418).unwrap().reason(), None);
        assert_eq!(Status::new(510).unwrap().reason(), None);
        assert_eq!(Status::new(499).unwrap().reason_or_class(), "Bad Request");
        assert_eq!(
            Status::new(599).unwrap().reason_or_class(),
            "Internal Server Error"
        );
    }

    #[test]
    fn range_is_checked() {
        assert_eq!(Status::new(99), None);
        assert_eq!(Status::new(100), Some(Status::CONTINUE));
        assert_eq!(Status::new(599).map(Status::as_u16), Some(599));
        assert_eq!(Status::new(600), None);
        assert_eq!(Status::try_from(0), Err(InvalidStatus(0)));
        assert_eq!(u16::from(Status::NOT_FOUND), 404);
    }

    #[test]
    fn classes() {
        let expected = [
            (100, Class::Informational),
            (204, Class::Success),
            (308, Class::Redirection),
            (451, Class::ClientError),
            (599, Class::ServerError),
        ];
        for (code, class) in expected {
            let status = Status::new(code).unwrap();
            assert_eq!(status.class(), class, "{code}");
            assert_eq!(status.is_client_error(), class == Class::ClientError);
            assert_eq!(status.is_server_error(), class == Class::ServerError);
            assert_eq!(status.is_success(), class == Class::Success);
            assert_eq!(status.is_redirection(), class == Class::Redirection);
            assert_eq!(status.is_informational(), class == Class::Informational);
            assert_eq!(status.is_error(), code >= 400);
        }
    }

    #[test]
    fn registry_is_sorted_and_consistent() {
        for pair in REGISTRY.windows(2) {
            assert!(pair[0].code < pair[1].code);
        }
        for row in REGISTRY {
            assert_eq!(registered(row.code), Some(row));
            assert!(
                row.name
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b == b'_')
            );
        }
        assert_eq!(REGISTRY.len(), 60);
        // The binary search finds what a scan finds, registered or not.
        for code in 0..=1000 {
            assert_eq!(
                registered(code),
                REGISTRY.iter().find(|row| row.code == code),
                "{code}"
            );
        }
    }

    #[test]
    fn class_names_and_invalid_status_message() {
        let names = [
            Class::Informational,
            Class::Success,
            Class::Redirection,
            Class::ClientError,
            Class::ServerError,
        ]
        .map(Class::name);
        assert_eq!(
            names,
            [
                "informational",
                "success",
                "redirection",
                "client error",
                "server error"
            ]
        );
        assert_eq!(
            InvalidStatus(600).to_string(),
            "600 is not an HTTP status code: a status code is in 100..=599 (RFC 9110 §15)"
        );
    }

    #[test]
    fn display() {
        assert_eq!(Status::NOT_FOUND.to_string(), "404 Not Found");
        assert_eq!(Status::new(499).unwrap().to_string(), "499");
        assert_eq!(format!("{:?}", Status::OK), "Status(200 OK)");
    }
}
