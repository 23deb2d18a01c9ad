use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("price too low")]
    #[status(422, message = "use {braces} like } this")]
    TooLow { braces: String },
}

fn main() {}
