//! Collects errors across the whole input, so one build shows every mistake.

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote_spanned};
use syn::Error;

#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<Error>>,
    warnings: RefCell<TokenStream>,
}

impl Ctxt {
    pub fn error(&self, span: Span, msg: impl Display) {
        self.push(Error::new(span, msg));
    }

    /// An error that covers `tokens` from their first to their last token.
    pub fn error_spanned(&self, tokens: impl ToTokens, msg: impl Display) {
        self.push(Error::new_spanned(tokens, msg));
    }

    pub fn push(&self, error: Error) {
        self.errors.borrow_mut().push(error);
    }

    /// A warning at `span`. Stable Rust has no warning API for proc macros, so this is a use
    /// of a `#[deprecated]` constant, which rustc reports as a warning with our note.
    pub fn warn(&self, span: Span, name: &str, note: &str) {
        let ident = syn::Ident::new(name, span);
        self.warnings.borrow_mut().extend(quote_spanned! {span=>
            const _: () = {
                #[deprecated(note = #note)]
                #[allow(non_upper_case_globals)]
                const #ident: () = ();
                #ident
            };
        });
    }

    /// The errors as `compile_error!` invocations, then the warnings.
    pub fn finish(self) -> (Option<TokenStream>, TokenStream) {
        let errors = self.errors.into_inner();
        let warnings = self.warnings.into_inner();
        if errors.is_empty() {
            return (None, warnings);
        }
        let mut tokens = TokenStream::new();
        for error in errors {
            tokens.extend(error.into_compile_error());
        }
        (Some(tokens), warnings)
    }
}
