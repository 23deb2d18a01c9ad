use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(422)]
    InvalidPrice(#[status(expose)] u32),
}

fn main() {}
