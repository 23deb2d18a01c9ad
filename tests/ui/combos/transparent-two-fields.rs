use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("{0}")]
    #[status(transparent)]
    Inner(std::io::Error, u32),
}

fn main() {}
