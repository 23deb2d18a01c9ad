use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(405, allow = "GET", header("allow" = "POST"))]
    WrongMethod,
}

fn main() {}
