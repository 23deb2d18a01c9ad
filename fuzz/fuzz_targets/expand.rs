//! The derive's expansion on arbitrary text: as the body of `#[status(...)]` on a variant,
//! and as a whole item. It must return tokens (code or `compile_error!`), never panic.
//!
//! ```text
//! RUSTC_BOOTSTRAP=1 cargo fuzz run expand -- -max_total_time=600
//! ```
//!
//! The derive's modules are compiled in directly: a proc-macro crate exports nothing else.

#![no_main]

// `expand` asks `proc_macro::is_available()`, which is false here: the fallback lexer runs.
extern crate proc_macro;

#[path = "../../status-derive/src/ast.rs"]
mod ast;
#[path = "../../status-derive/src/attr.rs"]
mod attr;
#[path = "../../status-derive/src/catalog.rs"]
mod catalog;
#[path = "../../status-derive/src/ctxt.rs"]
mod ctxt;
#[path = "../../status-derive/src/expand.rs"]
mod expand;
#[path = "../../status-derive/src/fallback.rs"]
mod fallback;
#[path = "../../status-derive/src/generics.rs"]
mod generics;
#[path = "../../status-derive/src/header.rs"]
mod header;
#[path = "../../status-derive/src/names.rs"]
mod names;
#[path = "../../status-derive/src/valid.rs"]
mod valid;

/// The derive's entry, as `status-derive/src/lib.rs` has it: the item through syn, then the
/// expansion or the parse error as `compile_error!`.
fn run(source: &str) {
    if let Ok(tokens) = source.parse::<proc_macro2::TokenStream>() {
        let _ = match syn::parse2::<syn::DeriveInput>(tokens) {
            Ok(input) => expand::derive(&input),
            Err(err) => err.into_compile_error(),
        };
    }
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        run(&format!("enum E {{ #[status({text})] NotFound }}"));
        run(&format!("#[status({text})] struct S(u32);"));
        run(text);
    }
});
