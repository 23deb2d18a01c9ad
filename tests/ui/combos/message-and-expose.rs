use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(500, message = "try later", expose)]
    Database,
}

fn main() {}
