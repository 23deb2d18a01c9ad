use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[status(max_header_bytes = 0)]
enum E {
    #[error("slow down")]
    #[status(429)]
    Slow,
}

fn main() {}
