use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(404, code = "A_B", code = "C_D")]
    NotFound,
}

fn main() {}
