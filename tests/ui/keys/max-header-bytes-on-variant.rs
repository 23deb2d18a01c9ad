use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("slow down")]
    #[status(429, max_header_bytes = 16384)]
    Slow,
}

fn main() {}
