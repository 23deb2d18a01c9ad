use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(NOT_FOND)]
    NotFound,
}

fn main() {}
