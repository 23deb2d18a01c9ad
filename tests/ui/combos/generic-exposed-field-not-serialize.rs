use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E<T: std::fmt::Debug + std::fmt::Display + 'static> {
    #[error("bad value {value}")]
    #[status(422)]
    Invalid {
        #[status(expose)]
        value: T,
    },
}

fn status_of<A: ApiError>(error: &A) -> u16 {
    error.status().as_u16()
}

fn main() {
    // `Instant` is no `Serialize`, so `E<Instant>` is no `ApiError`.
    struct Shown(std::time::Instant);
    impl std::fmt::Debug for Shown {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            self.0.fmt(f)
        }
    }
    impl std::fmt::Display for Shown {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("then")
        }
    }
    status_of(&E::Invalid { value: Shown(std::time::Instant::now()) });
}
