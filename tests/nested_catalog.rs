//! A `transparent` wrapper over two inner enums of 5,000 variants each compiles on stable
//! with default lints: the compiler checks that no two of the 10,001 codes under it are
//! the same in `const` evaluation, and that check is linear (a pairwise one ran into
//! `long_running_const_eval`, an error by default, at about 400 inner variants). That the
//! check finds a clash at this size is `status-core`'s unit test
//! (`large_nested_catalogs_are_checked_whole`); that a clash fails the build is
//! `tests/ui/catalog`'s.
//!
//! The crate is generated, then compiled and run by trybuild.

use std::fmt::Write as _;
use std::path::PathBuf;

/// Two inner enums of `n` variants each, codes `A_00000`… and `B_00000`…, a wrapper over
/// both with one own variant, and a `main` that checks a code and the catalog.
fn nested(n: usize) -> String {
    let mut out = String::from(
        "#![allow(dead_code)]\nuse status::ApiError;\n\
         macro_rules! display {\n    ($t:ty) => {\n        \
         impl std::fmt::Display for $t {\n            \
         fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(\"error\") }\n        \
         }\n        impl std::error::Error for $t {}\n    };\n}\n",
    );
    for prefix in ["A", "B"] {
        let _ = writeln!(out, "#[derive(Debug, ApiError)]\npub enum Inner{prefix} {{");
        for i in 0..n {
            let _ = writeln!(out, "    #[status(404, code = \"{prefix}_{i:05}\")] V{i},");
        }
        let _ = writeln!(out, "}}\ndisplay!(Inner{prefix});");
    }
    out.push_str(
        "#[derive(Debug, ApiError)]\npub enum Outer {\n    \
         #[status(transparent)] A(InnerA),\n    \
         #[status(transparent)] B(InnerB),\n    \
         #[status(500)] Own,\n}\ndisplay!(Outer);\n",
    );
    let _ = write!(
        out,
        "fn main() {{\n    \
         assert_eq!(Outer::B(InnerB::V{last}).code(), \"B_{last:05}\");\n    \
         assert_eq!(status::Catalog::of::<Outer>().rows().len(), {total});\n}}\n",
        last = n - 1,
        total = 2 * n + 1,
    );
    out
}

fn write(name: &str, source: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("nested-catalog");
    std::fs::create_dir_all(&dir).expect("a directory for the generated crates");
    let path = dir.join(name);
    std::fs::write(&path, source).expect("write the generated crate");
    path
}

#[test]
fn two_inner_enums_of_5000_variants_compile_with_default_lints() {
    trybuild::TestCases::new().pass(write("nested.rs", &nested(5_000)));
}
