use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(503, header("Connection" = "close"))]
    Down,
}

fn main() {}
