use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum DbError {
    #[error("row locked")]
    #[status(409, code = "LOCKED")]
    RowLocked,
}

#[derive(Debug, thiserror::Error, ApiError)]
pub enum RepoError {
    #[error(transparent)]
    #[status(transparent)]
    Db(#[from] DbError),
    #[error("account locked")]
    #[status(423, code = "LOCKED")]
    AccountLocked,
}

fn main() {}
