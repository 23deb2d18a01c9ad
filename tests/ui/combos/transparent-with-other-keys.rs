use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error(transparent)]
    #[status(transparent, code = "INNER")]
    Inner(Inner),
}

#[derive(Debug, thiserror::Error, ApiError)]
#[error("inner")]
#[status(500)]
struct Inner;

fn main() {}
