use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[status(format = "xml")]
enum E {
    #[error("oops")]
    #[status(404)]
    NotFound,
}

fn main() {}
