//! [`Violations`]: every field of a request that failed validation, at once, in the shape of
//! RFC 9457 §3's example (`"errors": [{"detail": …, "pointer": "#/age"}, …]`).
//!
//! The conversions from the validation crates live beside this file, one per feature.

use core::fmt::{self, Write as _};

use serde_core::ser::{Serialize, SerializeMap, Serializer};

#[cfg(feature = "aide")]
mod aide;
#[cfg(feature = "garde")]
mod garde;
#[cfg(feature = "utoipa")]
mod utoipa;
#[cfg(feature = "validator")]
mod validator;

// The descriptions of the schema of `Violations`, for each OpenAPI generator.
/// Of the array.
#[cfg(any(feature = "utoipa", feature = "aide"))]
const VIOLATIONS: &str = "Every invalid value of the request, at once (RFC 9457 §3).";
/// Of each element.
#[cfg(any(feature = "utoipa", feature = "aide"))]
const VIOLATION: &str = "One invalid value of the request.";
/// Of `detail`.
#[cfg(any(feature = "utoipa", feature = "aide"))]
const DETAIL: &str = "What is wrong with the value, for a person.";
/// Of `pointer`.
#[cfg(any(feature = "utoipa", feature = "aide"))]
const POINTER: &str = "Where the value is in the request body: a JSON Pointer (RFC 6901) in \
                       URI fragment form, such as `#/items/1/price`; `#` is the whole body.";
/// Of `code`.
#[cfg(any(feature = "utoipa", feature = "aide"))]
const CODE: &str = "A stable code for the rule the value breaks, when it has one.";

/// Every violation found in a request, in the order the validator reported them: a field of
/// a 4xx variant marked `#[status(expose)]`, sent as a JSON array.
///
/// Each element is `{"detail": <message>, "pointer": <JSON pointer>}`, with `"code"` after
/// them when the violation has one: the members and order of RFC 9457 §3's example.
///
/// ```
/// use status::{ApiError, Pointer, Violation, Violations};
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// pub enum OrderError {
///     #[error("the order is invalid")]
///     #[status(422, code = "VALIDATION_FAILED")]
///     Invalid {
///         #[status(expose)]
///         errors: Violations,
///     },
/// }
///
/// let mut errors = Violations::new();
/// errors.push(Violation::new(Pointer::root().join("age"), "must be a positive integer"));
/// errors.push(
///     Violation::new(
///         Pointer::root().join("items").join(2).join("price"),
///         "must be at least 1",
///     )
///     .with_code("range"),
/// );
///
/// let error = OrderError::Invalid { errors };
/// assert_eq!(
///     serde_json::to_string(&error.body()).unwrap(),
///     r##"{"error":"the order is invalid","code":"VALIDATION_FAILED","errors":[{"detail":"must be a positive integer","pointer":"#/age"},{"detail":"must be at least 1","pointer":"#/items/2/price","code":"range"}]}"##,
/// );
/// ```
///
/// With feature `validator` or `garde`, a validator's report converts with `.into()`, so a
/// handler fails with the same one line for either crate (`validate` returns
/// `validator::ValidationErrors` or a `garde::Report`):
///
/// ```text
/// payload.validate().map_err(|e| OrderError::Invalid { errors: e.into() })?;
/// ```
///
/// Each conversion's docs say how it makes pointers, details and codes, with a runnable
/// example.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Violations(Vec<Violation>);

/// One field that failed validation: where it is ([`Pointer`]), what is wrong with it
/// (`detail`), and optionally a stable code a client can switch on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    pointer: Pointer,
    detail: String,
    code: Option<String>,
}

/// A JSON Pointer (RFC 6901) in its URI fragment form: `#` for the whole document,
/// `#/items/2/price` for a field inside it.
///
/// Built from the root by [`join`](Pointer::join), one segment at a time, each escaped as
/// RFC 6901 requires: `~` as `~0` and `/` as `~1` inside a key, then every character a URI
/// fragment may not hold percent-encoded as UTF-8 (§6: `"c%d"` is `#/c%25d`, `" "` is
/// `#/%20`).
///
/// ```
/// use status::Pointer;
///
/// assert_eq!(Pointer::root().as_str(), "#");
/// assert_eq!(Pointer::root().join("items").join(2).join("price").as_str(), "#/items/2/price");
/// assert_eq!(Pointer::root().join("a/b").join("m~n").as_str(), "#/a~1b/m~0n");
/// assert_eq!(Pointer::root().join("c%d").join("é").as_str(), "#/c%25d/%C3%A9");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Pointer(String);

impl Violations {
    /// No violations yet.
    pub const fn new() -> Self {
        Violations(Vec::new())
    }

    /// Adds `violation` after the others.
    pub fn push(&mut self, violation: Violation) {
        self.0.push(violation);
    }

    /// Whether there are none: then the request was valid.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The violations, in order.
    pub fn iter(&self) -> core::slice::Iter<'_, Violation> {
        self.0.iter()
    }
}

impl Violation {
    /// The violation of the value at `pointer`, described by `detail` ("must be at least 1"),
    /// without a code.
    pub fn new(pointer: Pointer, detail: impl Into<String>) -> Self {
        Violation {
            pointer,
            detail: detail.into(),
            code: None,
        }
    }

    /// This violation with a stable code (sent as `"code"`), such as `"range"` or
    /// `"name_empty"`.
    #[must_use]
    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Where the invalid value is.
    pub fn pointer(&self) -> &Pointer {
        &self.pointer
    }

    /// What is wrong with it, for a person.
    pub fn detail(&self) -> &str {
        &self.detail
    }

    /// Its stable code, if it has one.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }
}

impl Pointer {
    /// The pointer to the whole document: `#`.
    pub fn root() -> Self {
        Pointer("#".to_owned())
    }

    /// The pointer to `segment` inside the value this one points to: an object member's name
    /// or an array index, written with `Display` and escaped.
    #[must_use]
    pub fn join(&self, segment: impl fmt::Display) -> Self {
        let mut pointer = self.clone();
        pointer.0.push('/');
        // `Escape` itself never fails; a `Display` impl that does leaves what it wrote.
        let _ = write!(Escape(&mut pointer.0), "{segment}");
        pointer
    }

    /// The pointer as text: `#/items/2/price`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for Pointer {
    /// The root, `#`.
    fn default() -> Self {
        Pointer::root()
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Writes one reference token into a pointer: RFC 6901 §3's `~0`/`~1`, then §6's
/// percent-encoding of what RFC 3986 §3.5 does not allow in a fragment.
struct Escape<'a>(&'a mut String);

impl fmt::Write for Escape<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        for c in text.chars() {
            match c {
                '~' => self.0.push_str("~0"),
                '/' => self.0.push_str("~1"),
                // RFC 3986 `pchar` and `?`: unreserved, sub-delims, `:` and `@`.
                c if c.is_ascii_alphanumeric() || "-._!$&'()*+,;=:@?".contains(c) => {
                    self.0.push(c);
                }
                _ => {
                    for byte in c.encode_utf8(&mut [0; 4]).bytes() {
                        write!(self.0, "%{byte:02X}")?;
                    }
                }
            }
        }
        Ok(())
    }
}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = core::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl FromIterator<Violation> for Violations {
    fn from_iter<I: IntoIterator<Item = Violation>>(violations: I) -> Self {
        Violations(violations.into_iter().collect())
    }
}

impl Serialize for Violations {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(&self.0)
    }
}

impl Serialize for Violation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2 + usize::from(self.code.is_some())))?;
        map.serialize_entry("detail", &self.detail)?;
        map.serialize_entry("pointer", &self.pointer.0)?;
        if let Some(code) = &self.code {
            map.serialize_entry("code", code)?;
        }
        map.end()
    }
}
