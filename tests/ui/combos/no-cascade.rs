use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("oops")]
    #[status(200)]
    NotFound,
}

fn status_of(e: &E) -> u16 {
    e.status().as_u16()
}

fn main() {
    let _ = status_of;
}
