use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("no token")]
    #[status(401, www_authenticate = "")]
    Unauthorized,
}

fn main() {}
