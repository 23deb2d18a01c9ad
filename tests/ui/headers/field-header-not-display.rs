use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(429)]
    Limited {
        #[status(header = "Retry-After")]
        after: Vec<u32>,
    },
}

fn main() {}
