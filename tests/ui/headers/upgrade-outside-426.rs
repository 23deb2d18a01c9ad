use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(400, header("Upgrade" = "h2c"))]
    BadInput,
}

fn main() {}
