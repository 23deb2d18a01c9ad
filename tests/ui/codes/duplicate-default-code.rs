use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(404)]
    NotFound,
    #[error("oops")]
    #[status(410, code = "NOT_FOUND")]
    Removed,
}

fn main() {}
