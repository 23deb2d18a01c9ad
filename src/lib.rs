//! Placeholder, written in full below.
pub use status_core::*;
pub use status_derive::ApiError;
#[doc(hidden)]
pub use status_core::__private;
