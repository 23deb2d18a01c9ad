use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(404, code = "MISSING")]
    NotFound,
    #[error("oops")]
    #[status(410, code = "MISSING")]
    Gone,
}

fn main() {}
