#![deny(warnings)]

use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(403)]
    Unauthorized,
}

fn main() {}
