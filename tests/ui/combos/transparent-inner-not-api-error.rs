use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error(transparent)]
    #[status(transparent)]
    Io(std::io::Error),
}

fn main() {}
