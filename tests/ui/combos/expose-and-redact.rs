use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(500, expose, redact)]
    Database,
}

fn main() {}
