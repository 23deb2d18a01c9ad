use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("stale")]
    #[status(409)]
    Stale {
        #[status(expose)]
        request_id: String,
    },
}

fn main() {}
