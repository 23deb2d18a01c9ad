//! Types the derive meets inside other macros and beside unusual names: a `macro_rules!`
//! that names the exposed and header fields by metavariables (the pattern's bindings and
//! their uses must agree in hygiene), user types named like the primitives and `Status`, and
//! type parameters named like the derive's own internals.

use status::ApiError;

/// An error enum whose field names come from the macro's caller, or from the macro itself.
macro_rules! error_enum {
    ($name:ident, $exposed:ident, $header:ident) => {
        #[derive(Debug, thiserror::Error, ApiError)]
        pub enum $name {
            #[error("item {} is gone", $exposed)]
            #[status(410)]
            Gone {
                #[status(expose)]
                $exposed: u64,
                #[status(header = "X-Item")]
                $header: u64,
            },
            #[error("slow down")]
            #[status(429)]
            Limited {
                #[status(header = "Retry-After")]
                after: u32,
                #[status(expose)]
                limit: u32,
            },
            #[error("bad {0}")]
            #[status(422)]
            Bad(#[status(expose = "value")] u8),
        }
    };
}

error_enum!(Generated, id, item);

fn headers(err: &impl ApiError) -> Vec<(String, String)> {
    let mut out = Vec::new();
    err.headers(&mut |name, value| out.push((name.to_owned(), value.to_string())));
    out
}

#[test]
fn fields_named_by_a_macro_expose_and_send_headers() {
    let err = Generated::Gone { id: 7, item: 9 };
    assert_eq!(err.status().as_u16(), 410);
    assert_eq!(
        serde_json::to_string(&err.body()).unwrap(),
        r#"{"error":"item 7 is gone","code":"GONE","id":7}"#
    );
    assert_eq!(headers(&err), [("X-Item".to_owned(), "9".to_owned())]);

    let err = Generated::Limited {
        after: 30,
        limit: 5,
    };
    assert_eq!(
        serde_json::to_string(&err.body()).unwrap(),
        r#"{"error":"slow down","code":"LIMITED","limit":5}"#
    );
    assert_eq!(headers(&err), [("Retry-After".to_owned(), "30".to_owned())]);

    let err = Generated::Bad(3);
    assert_eq!(
        serde_json::to_string(&err.body()).unwrap(),
        r#"{"error":"bad 3","code":"BAD","value":3}"#
    );
}

/// User types named like the primitives and like `Status`, and type parameters named like
/// the derive's internal names, beside a derive: the expansion names neither.
mod shadowed {
    #![allow(dead_code, non_camel_case_types)]

    use std::fmt;

    use status::ApiError;

    pub struct usize;
    pub struct str;
    pub struct u16;
    pub struct u8;
    pub struct Status;
    pub struct Entry;

    // The derive beside the types above, with every kind of generated item: a catalog with a
    // transparent row, `__index`, headers from a field and from the attribute, and
    // `serialize_fields` with its own generic parameter.
    #[derive(ApiError)]
    #[status(crate = "::status")]
    pub enum Derived<__M, __s, __i> {
        #[status(404, retry_after = 5)]
        NotFound(std::marker::PhantomData<(__s, __i)>),
        #[status(422)]
        Value(#[status(expose = "value")] __M),
        #[status(429)]
        Throttled {
            #[status(header = "Retry-After")]
            after: __s,
        },
        #[status(transparent)]
        Inner(super::Generated),
    }

    impl<__M, __s, __i> fmt::Debug for Derived<__M, __s, __i> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("Derived")
        }
    }

    impl<__M, __s, __i> fmt::Display for Derived<__M, __s, __i> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("derived")
        }
    }

    impl<__M, __s, __i> std::error::Error for Derived<__M, __s, __i> {}

    #[derive(Debug, ApiError)]
    #[status(500)]
    pub struct Plain;

    impl fmt::Display for Plain {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("plain")
        }
    }

    impl std::error::Error for Plain {}
}

#[test]
fn shadowed_names_change_nothing() {
    use shadowed::{Derived, Plain};

    let err: Derived<u8, u32, ()> = Derived::Value(4);
    assert_eq!((err.status().as_u16(), err.code()), (422, "VALUE"));
    assert_eq!(
        serde_json::to_string(&err.body()).unwrap(),
        r#"{"error":"derived","code":"VALUE","value":4}"#
    );
    let err: Derived<u8, u32, ()> = Derived::Throttled { after: 9 };
    assert_eq!(headers(&err), [("Retry-After".to_owned(), "9".to_owned())]);
    let err: Derived<u8, u32, ()> = Derived::NotFound(std::marker::PhantomData);
    assert_eq!(headers(&err), [("Retry-After".to_owned(), "5".to_owned())]);
    let err: Derived<u8, u32, ()> = Derived::Inner(Generated::Bad(1));
    assert_eq!((err.status().as_u16(), err.code()), (422, "BAD"));
    assert_eq!(Plain.status().as_u16(), 500);
}
