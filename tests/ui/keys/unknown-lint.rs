use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(403, allow(name_mismach))]
    Unauthorized,
}

fn main() {}
