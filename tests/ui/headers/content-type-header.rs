use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(400, header("Content-Type" = "text/plain"))]
    BadInput,
}

fn main() {}
