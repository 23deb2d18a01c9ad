use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(400, header("Transfer-Encoding" = "chunked"))]
    BadInput,
}

fn main() {}
