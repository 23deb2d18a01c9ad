use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(409)]
    UserExists {
        #[status(exposed)]
        email: String,
    },
}

fn main() {}
