//! Prints the OpenAPI document (utoipa) of the products example's errors: five operations,
//! each answering with `ApiFault`, the example's error type, registered once in
//! `components`. `scripts/generate-client.sh` feeds it to a client generator.
//!
//! ```text
//! cargo run --example openapi --features utoipa
//! ```

#[allow(dead_code, unreachable_pub)] // only the error types are used here
#[path = "products.rs"]
mod products;

use products::ApiFault;
use utoipa::OpenApi;

/// The operations of the products API, as utoipa documents them: only their errors matter
/// here, so each success is a description.
#[allow(dead_code)] // only documented
mod operations {
    use super::ApiFault;

    #[utoipa::path(get, path = "/products/{id}", params(("id" = u64, Path)), responses((status = 200, description = "The product"), ApiFault))]
    pub fn show() {}

    #[utoipa::path(post, path = "/products", responses((status = 201, description = "Created"), ApiFault))]
    pub fn create() {}

    #[utoipa::path(put, path = "/products/{id}", params(("id" = u64, Path)), responses((status = 200, description = "The product"), ApiFault))]
    pub fn update() {}

    #[utoipa::path(delete, path = "/products/{id}", params(("id" = u64, Path)), responses((status = 204, description = "Deleted"), ApiFault))]
    pub fn remove() {}

    #[utoipa::path(get, path = "/admin/products", responses((status = 200, description = "Every product"), ApiFault))]
    pub fn admin_list() {}
}

#[derive(OpenApi)]
#[openapi(
    paths(
        operations::show,
        operations::create,
        operations::update,
        operations::remove,
        operations::admin_list
    ),
    components(schemas(ApiFault))
)]
struct Doc;

fn main() {
    match Doc::openapi().to_pretty_json() {
        Ok(json) => println!("{json}"),
        Err(error) => {
            eprintln!("cannot write the document: {error}");
            std::process::exit(1);
        }
    }
}
