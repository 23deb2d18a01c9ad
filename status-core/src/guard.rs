//! A failing `Display` must not take a response down.
//!
//! `Display::fmt` may return `fmt::Error` on its own (a field whose `Display` fails), and
//! the usual ways of writing one turn that into a panic: `to_string()` panics, and so does
//! `serde_json`'s `collect_str`, which expects a formatting error to come from its writer.
//! Everything here writes a value's `Display` so that its own failure is caught and
//! reported as a value, while an error of the writer still propagates:
//!
//! - [`Guarded`]: a `Display` that never fails on its own, and remembers that the inner
//!   one did;
//! - [`Escaped`]: the same, with CR, LF and other controls escaped, for log records;
//! - [`Fields`]: a `SerializeMap` for exposed fields, whose values are serialized through a
//!   serializer that guards every `collect_str`, however deep.

use core::cell::Cell;
use core::fmt::{self, Write as _};

use serde_core::ser::{self, Error as _, Serialize, SerializeMap, Serializer};

/// What a serializer is told when a `Display` written into it failed.
pub(crate) const DISPLAY_FAILED: &str = "a Display implementation returned an error";

/// `inner`'s `Display`, which returns `Ok` when `inner` itself fails (then [`failed`] says
/// so) and `Err` only when the writer does.
///
/// [`failed`]: Guarded::failed
pub(crate) struct Guarded<'a, T: ?Sized> {
    inner: &'a T,
    failed: Cell<bool>,
}

impl<'a, T: fmt::Display + ?Sized> Guarded<'a, T> {
    pub(crate) fn new(inner: &'a T) -> Self {
        Guarded {
            inner,
            failed: Cell::new(false),
        }
    }

    /// Whether `inner`'s `Display` returned an error of its own.
    pub(crate) fn failed(&self) -> bool {
        self.failed.get()
    }
}

impl<T: fmt::Display + ?Sized> fmt::Display for Guarded<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_guarded(self.inner, f, |text, f| f.write_str(text), &self.failed)
    }
}

/// Writes `value`'s `Display` into `f` through `write` (which may transform the text);
/// `value`'s own failure sets `failed` and is not returned.
fn write_guarded<T: fmt::Display + ?Sized>(
    value: &T,
    f: &mut fmt::Formatter<'_>,
    write: fn(&str, &mut fmt::Formatter<'_>) -> fmt::Result,
    failed: &Cell<bool>,
) -> fmt::Result {
    struct Forward<'a, 'b> {
        f: &'a mut fmt::Formatter<'b>,
        write: fn(&str, &mut fmt::Formatter<'_>) -> fmt::Result,
        writer_failed: bool,
    }
    impl fmt::Write for Forward<'_, '_> {
        fn write_str(&mut self, text: &str) -> fmt::Result {
            let result = (self.write)(text, self.f);
            self.writer_failed |= result.is_err();
            result
        }
    }
    let mut out = Forward {
        f,
        write,
        writer_failed: false,
    };
    match write!(out, "{value}") {
        Ok(()) => Ok(()),
        Err(error) if out.writer_failed => Err(error),
        Err(_) => {
            failed.set(true);
            Ok(())
        }
    }
}

/// `inner`'s `Display` as log data: CR, LF, tabs and other controls escaped (`\r`, `\n`,
/// `\t`, `\u{1b}`), so that a value from user input cannot forge a log line (CWE-117); a
/// `Display` that fails ends its text with `<Display failed>`.
pub(crate) struct Escaped<'a, T: ?Sized>(pub(crate) &'a T);

impl<T: fmt::Display + ?Sized> fmt::Display for Escaped<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let failed = Cell::new(false);
        write_guarded(self.0, f, escape, &failed)?;
        if failed.get() {
            f.write_str("<Display failed>")?;
        }
        Ok(())
    }
}

impl<T: fmt::Display + ?Sized> fmt::Debug for Escaped<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        let failed = Cell::new(false);
        write_guarded(self.0, f, debug_escape, &failed)?;
        f.write_char('"')
    }
}

fn escape(text: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    for c in text.chars() {
        if c.is_control() {
            write!(f, "{}", c.escape_default())?;
        } else {
            f.write_char(c)?;
        }
    }
    Ok(())
}

/// As `str`'s `Debug` escapes, for a `Debug` written through the formatter.
fn debug_escape(text: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    for c in text.chars() {
        write!(f, "{}", c.escape_debug())?;
    }
    Ok(())
}

/// `collect_str` of `value` into `serializer`, failing with [`DISPLAY_FAILED`] rather than
/// panicking when `value`'s `Display` fails.
pub(crate) fn collect_str<S: Serializer, T: fmt::Display + ?Sized>(
    serializer: S,
    value: &T,
) -> Result<S::Ok, S::Error> {
    let guarded = Guarded::new(value);
    let result = serializer.collect_str(&guarded);
    if guarded.failed() {
        return Err(S::Error::custom(DISPLAY_FAILED));
    }
    result
}

/// The map the exposed fields are written into: each value goes through [`Guard`].
pub(crate) struct Fields<'a, M>(pub(crate) &'a mut M);

impl<M: SerializeMap> SerializeMap for Fields<'_, M> {
    type Ok = ();
    type Error = M::Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), M::Error> {
        self.0.serialize_key(&Guard(key))
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), M::Error> {
        self.0.serialize_value(&Guard(value))
    }

    fn serialize_entry<K: Serialize + ?Sized, V: Serialize + ?Sized>(
        &mut self,
        key: &K,
        value: &V,
    ) -> Result<(), M::Error> {
        self.0.serialize_entry(&Guard(key), &Guard(value))
    }

    /// The body's map is ended by the body, not by the fields.
    fn end(self) -> Result<(), M::Error> {
        Ok(())
    }
}

/// A value serialized through [`GuardSerializer`].
struct Guard<'a, T: ?Sized>(&'a T);

impl<T: Serialize + ?Sized> Serialize for Guard<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(GuardSerializer(serializer))
    }
}

/// Forwards everything to the serializer it wraps, and every value inside a compound
/// through itself, except `collect_str`, which it guards (see [`collect_str`]).
struct GuardSerializer<S>(S);

/// Forwards a method of `Serializer` whose arguments are plain values.
macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method(self, $($arg: $ty),*) -> Result<S::Ok, S::Error> {
            self.0.$method($($arg),*)
        }
    )*};
}

/// Forwards a method of a compound serializer, each value through [`Guard`].
macro_rules! compound {
    (named $trait:ident) => {
        impl<C: ser::$trait> ser::$trait for GuardSerializer<C> {
            type Ok = C::Ok;
            type Error = C::Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), C::Error> {
                self.0.serialize_field(key, &Guard(value))
            }
            fn skip_field(&mut self, key: &'static str) -> Result<(), C::Error> {
                self.0.skip_field(key)
            }
            fn end(self) -> Result<C::Ok, C::Error> {
                self.0.end()
            }
        }
    };
    ($trait:ident, $($method:ident),*) => {
        impl<C: ser::$trait> ser::$trait for GuardSerializer<C> {
            type Ok = C::Ok;
            type Error = C::Error;
            $(
                fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
                    self.0.$method(&Guard(value))
                }
            )*
            fn end(self) -> Result<C::Ok, C::Error> {
                self.0.end()
            }
        }
    };
}

compound!(SerializeSeq, serialize_element);
compound!(SerializeTuple, serialize_element);
compound!(SerializeTupleStruct, serialize_field);
compound!(SerializeTupleVariant, serialize_field);
compound!(SerializeMap, serialize_key, serialize_value);
compound!(named SerializeStruct);
compound!(named SerializeStructVariant);

impl<S: Serializer> Serializer for GuardSerializer<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = GuardSerializer<S::SerializeSeq>;
    type SerializeTuple = GuardSerializer<S::SerializeTuple>;
    type SerializeTupleStruct = GuardSerializer<S::SerializeTupleStruct>;
    type SerializeTupleVariant = GuardSerializer<S::SerializeTupleVariant>;
    type SerializeMap = GuardSerializer<S::SerializeMap>;
    type SerializeStruct = GuardSerializer<S::SerializeStruct>;
    type SerializeStructVariant = GuardSerializer<S::SerializeStructVariant>;

    forward! {
        serialize_bool(v: bool);
        serialize_i8(v: i8);
        serialize_i16(v: i16);
        serialize_i32(v: i32);
        serialize_i64(v: i64);
        serialize_i128(v: i128);
        serialize_u8(v: u8);
        serialize_u16(v: u16);
        serialize_u32(v: u32);
        serialize_u64(v: u64);
        serialize_u128(v: u128);
        serialize_f32(v: f32);
        serialize_f64(v: f64);
        serialize_char(v: char);
        serialize_str(v: &str);
        serialize_bytes(v: &[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(name: &'static str);
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str);
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.0.serialize_some(&Guard(value))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize_newtype_struct(name, &Guard(value))
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0
            .serialize_newtype_variant(name, index, variant, &Guard(value))
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        self.0.serialize_seq(len).map(GuardSerializer)
    }

    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        self.0.serialize_tuple(len).map(GuardSerializer)
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        self.0
            .serialize_tuple_struct(name, len)
            .map(GuardSerializer)
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        self.0
            .serialize_tuple_variant(name, index, variant, len)
            .map(GuardSerializer)
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        self.0.serialize_map(len).map(GuardSerializer)
    }

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        self.0.serialize_struct(name, len).map(GuardSerializer)
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        self.0
            .serialize_struct_variant(name, index, variant, len)
            .map(GuardSerializer)
    }

    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<S::Ok, S::Error> {
        collect_str(self.0, value)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `Display` that writes a little, then fails on its own.
    struct Fails;

    impl fmt::Display for Fails {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("partial")?;
            Err(fmt::Error)
        }
    }

    /// A writer that fails.
    struct Full;

    impl fmt::Write for Full {
        fn write_str(&mut self, _: &str) -> fmt::Result {
            Err(fmt::Error)
        }
    }

    #[test]
    fn a_failing_display_is_reported_and_a_failing_writer_propagates() {
        let guarded = Guarded::new(&Fails);
        let mut out = String::new();
        assert_eq!(write!(out, "{guarded}"), Ok(()));
        assert!(guarded.failed());
        let guarded = Guarded::new("fine");
        assert_eq!(write!(Full, "{guarded}"), Err(fmt::Error));
        assert!(!guarded.failed());
    }

    #[test]
    fn escaped_text_has_no_raw_control() {
        let text = "a\r\nInjected: yes\t\u{1b}[31m é";
        assert_eq!(
            format!("{}", Escaped(text)),
            "a\\r\\nInjected: yes\\t\\u{1b}[31m é"
        );
        assert_eq!(
            format!("{:?}", Escaped(text)),
            "\"a\\r\\nInjected: yes\\t\\u{1b}[31m é\""
        );
        assert_eq!(format!("{}", Escaped(&Fails)), "partial<Display failed>");
    }

    #[test]
    fn collect_str_of_a_failing_display_is_an_error_not_a_panic() {
        struct Message;
        impl Serialize for Message {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                collect_str(serializer, &Fails)
            }
        }
        let error = serde_json::to_string(&Message).unwrap_err();
        assert_eq!(error.to_string(), DISPLAY_FAILED);
    }

    /// A field type whose `Serialize` calls `collect_str` itself, deep inside a compound.
    #[test]
    fn fields_guard_collect_str_at_any_depth() {
        struct Leaf;
        impl Serialize for Leaf {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(&Fails)
            }
        }
        struct Fielded<T>(T);
        impl<T: Serialize> Serialize for Fielded<T> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                Fields(&mut map).serialize_entry("field", &self.0)?;
                map.end()
            }
        }
        let nested = (vec![Some(Leaf)], 1);
        let error = serde_json::to_string(&Fielded(nested)).unwrap_err();
        assert_eq!(error.to_string(), DISPLAY_FAILED);
        let fine = (vec![Some("a\"b")], 1);
        assert_eq!(
            serde_json::to_string(&Fielded(fine)).unwrap(),
            r#"{"field":[["a\"b"],1]}"#
        );
    }
}
