use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum DbError {
    #[error("timed out")]
    #[status(504)]
    Timeout,
}

/// Generic: checked where an instantiation is compiled.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Wrapper<E: std::error::Error + 'static> {
    #[error(transparent)]
    #[status(transparent)]
    Inner(E),
    #[error("timed out")]
    #[status(503)]
    Timeout,
}

fn main() {
    let error: Wrapper<DbError> = Wrapper::Timeout;
    println!("{}", status::ApiError::code(&error));
}
