use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum DbError {
    #[error("timed out")]
    #[status(504)]
    Timeout,
}

#[derive(Debug, thiserror::Error, ApiError)]
pub enum RepoError {
    #[error(transparent)]
    #[status(transparent)]
    Db(#[from] DbError),
}

#[derive(Debug, thiserror::Error, ApiError)]
pub enum CacheError {
    #[error("timed out")]
    #[status(503)]
    Timeout,
}

/// Neither inner type knows the other: only the outer type sees `TIMEOUT` twice, three
/// levels down on one side.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum ServiceError {
    #[error(transparent)]
    #[status(transparent)]
    Repo(#[from] RepoError),
    #[error(transparent)]
    #[status(transparent)]
    Cache(#[from] CacheError),
}

fn main() {}
