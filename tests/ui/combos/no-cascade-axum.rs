use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(200)]
    NotFound,
}

async fn handler() -> Result<(), E> {
    Err(E::NotFound)
}

fn main() {
    let _ = axum::Router::<()>::new().route("/", axum::routing::get(handler));
}
