use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(404, code = "A_VERY_LONG_CODE_A_VERY_LONG_CODE_A_VERY_LONG_CODE_A_VERY_LONG_CODE_END")]
    NotFound,
}

fn main() {}
