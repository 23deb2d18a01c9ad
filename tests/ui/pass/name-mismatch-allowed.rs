#![deny(warnings)]

use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AuthError {
    // Deliberate: this API answers 403 to callers it knows, whatever the name says.
    #[error("unauthorized")]
    #[status(403, allow(name_mismatch))]
    Unauthorized,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[status(allow(name_mismatch))]
pub enum Legacy {
    #[error("conflict")]
    #[status(400)]
    Conflict,
}

fn main() {
    assert_eq!(AuthError::Unauthorized.status().as_u16(), 403);
    assert_eq!(Legacy::Conflict.status().as_u16(), 400);
}
