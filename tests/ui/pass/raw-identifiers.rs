use status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum E {
    #[error("match {ref}")]
    #[status(422)]
    r#Match {
        #[status(expose)]
        r#ref: String,
    },
}

fn main() {
    let err = E::r#Match { r#ref: "x".into() };
    assert_eq!(err.code(), "MATCH");
    assert_eq!(
        serde_json::to_string(&err.body()).unwrap(),
        r#"{"error":"match x","code":"MATCH","ref":"x"}"#
    );
}
