use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(400, header("Content-Encoding" = "gzip"))]
    BadInput,
}

fn main() {}
