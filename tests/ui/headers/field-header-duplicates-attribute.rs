use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(429, retry_after = 5)]
    Limited {
        #[status(header = "Retry-After")]
        after: u32,
    },
}

fn main() {}
