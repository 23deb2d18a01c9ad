use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[status(401)]
enum E {
    #[error("oops")]
    NoToken,
}

fn main() {}
