use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("wrong method")]
    #[status(405, allow = "GET HEAD")]
    WrongMethod,
}

fn main() {}
