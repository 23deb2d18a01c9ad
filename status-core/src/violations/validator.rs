//! `Violations` from `validator::ValidationErrors` (feature `validator`).

use std::borrow::Cow;

use serde_json::Value;
use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

use super::{Pointer, Violation, Violations};

/// Every error of a `validator` report, at once.
///
/// - **pointer**: the field's path from the validated value: `#/name`; `#/address/city`
///   through a `#[validate(nested)]` struct; `#/items/1/price` through a list of them. A
///   struct-level error (`#[validate(schema(...))]`, reported under `__all__`) points at the
///   struct itself: `#` at the top. validator names fields as they are in Rust, not as
///   `#[serde(rename)]` spells them.
/// - **detail**: the error's `message` when set; otherwise a sentence from the code and its
///   parameters for validator's own codes ("must be at least 3 characters long", "must be
///   between 1 and 100", "must be a valid email address"…), and "is invalid" for any other
///   code: a rule given its own `code = "..."` should be given its `message = "..."` too.
///   The rejected value (the `value` parameter) is never repeated: it may be a password.
/// - **code**: validator's code as given: the rule's name (`"length"`) or the rule's
///   `code = "..."`.
///
/// Order: fields by name at each level (validator keeps them in a hash map), a struct's own
/// errors before its fields', list elements by index, and each field's errors as reported.
///
/// ```
/// use status::{ApiError, Violations};
/// use validator::Validate;
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
///     #[validate(length(min = 3))]
///     name: String,
///     #[validate(range(min = 18, code = "too_young", message = "you must be 18 or over"))]
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
///     r##"{"error":"the signup is invalid","code":"VALIDATION_FAILED","errors":[{"detail":"you must be 18 or over","pointer":"#/age","code":"too_young"},{"detail":"must be at least 3 characters long","pointer":"#/name","code":"length"}]}"##,
/// );
/// ```
impl From<&ValidationErrors> for Violations {
    fn from(errors: &ValidationErrors) -> Self {
        let mut violations = Violations::new();
        collect(&mut violations, &Pointer::root(), errors);
        violations
    }
}

/// The same as the conversion from `&ValidationErrors`.
impl From<ValidationErrors> for Violations {
    fn from(errors: ValidationErrors) -> Self {
        Violations::from(&errors)
    }
}

/// Appends the errors of the struct at `at`.
fn collect(violations: &mut Violations, at: &Pointer, errors: &ValidationErrors) {
    let mut fields: Vec<_> = errors
        .errors()
        .iter()
        .map(|(name, kind)| (segment(name), kind))
        .collect();
    // `None`, the struct itself, sorts first.
    fields.sort_by_key(|&(segment, _)| segment);
    for (segment, kind) in fields {
        let at = segment.map_or_else(|| at.clone(), |segment| at.join(segment));
        match kind {
            ValidationErrorsKind::Field(list) => {
                for error in list {
                    violations
                        .push(Violation::new(at.clone(), detail(error)).with_code(&*error.code));
                }
            }
            ValidationErrorsKind::Struct(inner) => collect(violations, &at, inner),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(violations, &at.join(index), inner);
                }
            }
        }
    }
}

/// The pointer segment of a key of validator's map; `None` for the keys that stand for the
/// value itself: `__all__` (struct-level errors) and `_tmp_validator` (a list validated on
/// its own).
fn segment(name: &str) -> Option<&str> {
    match name {
        "__all__" | "_tmp_validator" => None,
        name => Some(name),
    }
}

/// The error's message, or a sentence for one of validator's own codes.
fn detail(error: &ValidationError) -> Cow<'static, str> {
    if let Some(message) = &error.message {
        return message.clone();
    }
    let needle = error.params.get("needle");
    match (&*error.code, bounds(error), needle) {
        ("length", Some(bounds), _) => length(error, &bounds).into(),
        ("range", Some(bounds), _) => format!("must be {bounds}").into(),
        ("contains", _, Some(needle)) => format!("must contain {needle}").into(),
        ("does_not_contain", _, Some(needle)) => format!("must not contain {needle}").into(),
        ("required", ..) => "is required".into(),
        ("email", ..) => "must be a valid email address".into(),
        ("url", ..) => "must be a valid URL".into(),
        ("ip", ..) => "must be a valid IP address".into(),
        ("credit_card", ..) => "must be a valid credit card number".into(),
        ("must_match", ..) => "must match the other field".into(),
        ("regex", ..) => "is not in the expected format".into(),
        ("non_control_character", ..) => "must not contain control characters".into(),
        _ => "is invalid".into(),
    }
}

/// `length`'s sentence: "must not be empty", "must be at most 1 character long", "must have
/// between 1 and 5 items". A list or a map counts items; anything else (a string, as far as
/// the rejected value tells) counts characters.
fn length(error: &ValidationError, bounds: &str) -> String {
    let number = |name: &str| error.params.get(name).and_then(Value::as_u64);
    let (min, max, equal) = (number("min"), number("max"), number("equal"));
    if (min, max, equal) == (Some(1), None, None) {
        return "must not be empty".to_owned();
    }
    let s = if equal == Some(1) || (min, max) == (None, Some(1)) {
        ""
    } else {
        "s"
    };
    let items = error
        .params
        .get("value")
        .is_some_and(|value| value.is_array() || value.is_object());
    if items {
        format!("must have {bounds} item{s}")
    } else {
        format!("must be {bounds} character{s} long")
    }
}

/// The bounds among `length`'s and `range`'s parameters: "exactly 3", "between 1 and 100",
/// "at least 1", "greater than 0 and at most 1".
fn bounds(error: &ValidationError) -> Option<String> {
    let param = |name: &str| error.params.get(name);
    if let Some(equal) = param("equal") {
        return Some(format!("exactly {equal}"));
    }
    if let (Some(min), Some(max)) = (param("min"), param("max")) {
        return Some(format!("between {min} and {max}"));
    }
    let lower = param("min")
        .map(|min| format!("at least {min}"))
        .or_else(|| param("exclusive_min").map(|min| format!("greater than {min}")));
    let upper = param("max")
        .map(|max| format!("at most {max}"))
        .or_else(|| param("exclusive_max").map(|max| format!("less than {max}")));
    match (lower, upper) {
        (Some(lower), Some(upper)) => Some(format!("{lower} and {upper}")),
        (lower, upper) => lower.or(upper),
    }
}
