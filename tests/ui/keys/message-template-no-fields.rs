use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("price too low")]
    #[status(422, message = "the price of {sku} is too low")]
    TooLow,
}

fn main() {}
