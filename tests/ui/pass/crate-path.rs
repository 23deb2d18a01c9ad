//! A crate that re-exports `status` names it with `crate = "..."`.

mod framework {
    pub use status as errors;
}

use framework::errors::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[status(crate = "framework::errors")]
pub enum E {
    #[error("missing")]
    #[status(404)]
    Missing,
}

fn main() {
    assert_eq!(E::Missing.code(), "MISSING");
}
