use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[status(200)]
enum E {
    #[error("oops")]
    NotFound,
}

fn main() {}
