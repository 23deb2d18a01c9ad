//! The derive's expansion on arbitrary text: as the body of `#[status(...)]` on a variant,
//! and as a whole item. It must return tokens (code or `compile_error!`), never panic, and
//! the fast reader must expand whatever it accepts as syn's reading does.
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
#[path = "../../status-derive/src/ctxt.rs"]
mod ctxt;
#[path = "../../status-derive/src/expand.rs"]
mod expand;
#[path = "../../status-derive/src/fallback.rs"]
mod fallback;
#[path = "../../status-derive/src/fast.rs"]
mod fast;
#[path = "../../status-derive/src/fnv.rs"]
mod fnv;
#[path = "../../status-derive/src/names.rs"]
mod names;
#[path = "../../status-derive/src/valid.rs"]
mod valid;

/// Both readers: whatever the fast one accepts must expand as syn's reading does.
fn run(source: &str) {
    if let Ok(tokens) = source.parse::<proc_macro2::TokenStream>() {
        let fast = expand::derive_fast(tokens.clone());
        // Where syn rejects the text, the fast reader may not (`a: u8 u8` is a type to it):
        // the compiler never hands a derive an item that does not parse.
        if let Ok(input) = syn::parse2::<syn::DeriveInput>(tokens) {
            let slow = expand::derive(&input);
            if let Some(fast) = fast {
                assert_eq!(fast.to_string(), slow.to_string(), "{source}");
            }
        }
    }
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        run(&format!("enum E {{ #[status({text})] NotFound }}"));
        run(&format!("#[status({text})] struct S(u32);"));
        run(text);
    }
});
