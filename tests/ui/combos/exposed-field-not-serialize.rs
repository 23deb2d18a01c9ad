use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(422)]
    InvalidPrice {
        #[status(expose)]
        price: std::time::Instant,
    },
}

fn main() {}
