use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[status(crate = "not a path")]
enum E {
    #[error("oops")]
    #[status(404)]
    NotFound,
}

fn main() {}
