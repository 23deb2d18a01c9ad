//! The compile errors: one minimal case per rule and misuse, with its `.stderr` checked in.
//! Regenerate with `TRYBUILD=overwrite cargo test --test ui`, then read every diff.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    for group in ["status", "codes", "headers", "keys", "combos", "catalog"] {
        t.compile_fail(format!("tests/ui/{group}/*.rs"));
    }
    t.pass("tests/ui/pass/*.rs");
}
