//! Prints the error catalog of the `products` example as Markdown: every code a client of
//! the product API can receive, its status, where its message comes from, its exposed fields
//! and headers.
//!
//! ```text
//! cargo run --example catalog            # the Markdown table
//! cargo run --example catalog -- --json  # the JSON a contract test pins
//! ```
//!
//! The error types are the example's own, read from `products.rs`, so the table cannot drift
//! from the server.

use status::Catalog;

#[allow(dead_code, unreachable_pub)] // only the error types are used here
#[path = "products.rs"]
mod products;

fn main() {
    let catalog = Catalog::of::<products::ApiFault>();
    if std::env::args().any(|arg| arg == "--json") {
        println!(
            "{}",
            serde_json::to_string_pretty(&catalog).expect("a catalog serializes")
        );
    } else {
        print!("{}", catalog.to_markdown());
    }
}
