use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("price {cents} too low")]
    #[status(422, message = "the price of {skus} is too low")]
    TooLow { sku: String, cents: u32 },
}

fn main() {}
