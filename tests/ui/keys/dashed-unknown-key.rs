use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(400, x-request-id = "1")]
    BadInput,
}

fn main() {}
