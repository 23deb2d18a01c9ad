//! `Violations` from `garde::Report` (feature `garde`).

use garde::error::Kind;
use garde::{Path, Report};

use super::{Pointer, Violation, Violations};

/// Every error of a `garde` report, at once, in the report's order: garde's derive visits
/// fields by name, list elements by index, and a `HashMap` field's entries in the map's
/// own order.
///
/// - **pointer**: the error's path: `#/name`; `#/address/city` through a `#[garde(dive)]`
///   struct; `#/items/1/price` through a list of them; `#` for the value itself. Fields are
///   named as garde names them (`#[garde(rename = "...")]` included); a newtype adds its
///   field's index (`#/name/0`) unless it is `#[garde(transparent)]`.
/// - **detail**: the error's message ("length is lower than 3").
/// - **code**: none; garde's errors have no stable code.
///
/// ```
/// use garde::Validate;
/// use status::{ApiError, Violations};
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// pub enum SignupError {
///     #[error("the signup is invalid")]
///     #[status(422, code = "VALIDATION_FAILED")]
///     Invalid {
///         #[status(expose)]
///         errors: Violations,
///     },
/// }
///
/// #[derive(Validate)]
/// struct Signup {
///     #[garde(length(min = 3))]
///     name: String,
///     #[garde(range(min = 18, max = 150))]
///     age: u32,
/// }
///
/// fn signup(payload: Signup) -> Result<(), SignupError> {
///     payload.validate().map_err(|e| SignupError::Invalid { errors: e.into() })?;
///     Ok(())
/// }
///
/// let error = signup(Signup { name: "al".into(), age: 7 }).unwrap_err();
/// assert_eq!(
///     serde_json::to_string(&error.body()).unwrap(),
///     r##"{"error":"the signup is invalid","code":"VALIDATION_FAILED","errors":[{"detail":"lower than 18","pointer":"#/age"},{"detail":"length is lower than 3","pointer":"#/name"}]}"##,
/// );
/// ```
impl From<&Report> for Violations {
    fn from(report: &Report) -> Self {
        report
            .iter()
            .map(|(path, error)| Violation::new(pointer(path), error.message()))
            .collect()
    }
}

/// The same as the conversion from `&Report`.
impl From<Report> for Violations {
    fn from(report: Report) -> Self {
        Violations::from(&report)
    }
}

/// The pointer of a garde path, root first. Components of kind `None` stand for no key at
/// all (a newtype's one field, an `Option`'s content) and add no segment.
fn pointer(path: &Path) -> Pointer {
    // `Path::__iter` is hidden from garde's docs but public: garde's own `Display` and
    // `Serialize` read the path through it, leaf first, and it is the only way to tell an
    // index from a key, or a key holding `.` from two keys. The `0.23` requirement pins it.
    path.__iter()
        .rev()
        .filter(|(kind, _)| *kind != Kind::None)
        .fold(Pointer::root(), |pointer, (_, component)| {
            pointer.join(component)
        })
}
