use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(429, header("X Limit" = "1"))]
    Limited,
}

fn main() {}
