use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[status(code = "ANY")]
enum E {
    #[error("oops")]
    #[status(404)]
    NotFound,
}

fn main() {}
