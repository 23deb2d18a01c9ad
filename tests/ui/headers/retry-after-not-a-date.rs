use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("down")]
    #[status(503, retry_after = "tomorrow")]
    Down,
}

fn main() {}
