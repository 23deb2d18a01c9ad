use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    EmailExists,
    #[error("oops")]
    InvalidToken,
    #[error("oops")]
    RateLimited,
}

fn main() {}
