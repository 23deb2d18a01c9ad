use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(503, retry_after = -5)]
    Down,
}

fn main() {}
