//! The axum adapter on a real server (`127.0.0.1:0`) and a real client: exact status,
//! headers and JSON for both formats, transparent nesting, generics, header injection,
//! HEAD, and a 5xx whose secret never reaches the wire.

#![cfg(feature = "axum")]

mod support;

use support::axum_server as server;

#[tokio::test]
async fn plain_404_with_exposed_field() {
    support::check_plain_404(server()).await;
}

#[test]
fn status_line_and_every_byte_of_a_plain_error() {
    support::check_every_byte(
        server(),
        "content-type: application/json\r\ncontent-length: {len}\r\nconnection: close\r\n",
    );
}

/// hyper writes the `http` crate's phrase unless told otherwise; the adapter tells it the
/// IANA one.
#[test]
fn status_line_carries_the_iana_reason_phrase() {
    support::check_status_lines(server());
}

#[tokio::test]
async fn unauthorized_carries_www_authenticate() {
    support::check_401_www_authenticate(server()).await;
}

#[tokio::test]
async fn method_not_allowed_carries_allow() {
    support::check_405_allow(server()).await;
}

#[tokio::test]
async fn retry_after_and_custom_headers_arrive() {
    support::check_429_headers(server()).await;
}

#[tokio::test]
async fn crlf_in_a_field_header_is_not_sent() {
    support::check_injection(server()).await;
}

#[tokio::test]
async fn lf_in_a_field_header_is_not_sent() {
    support::check_injection_lf(server()).await;
}

#[tokio::test]
async fn server_error_secret_never_reaches_the_wire() {
    support::check_5xx_secret(server()).await;
}

#[tokio::test]
async fn transparent_variant_sends_the_inner_mapping() {
    support::check_transparent(server()).await;
}

#[tokio::test]
async fn problem_format_is_application_problem_json() {
    support::check_problem(server()).await;
}

#[tokio::test]
async fn problem_5xx_is_redacted() {
    support::check_problem_5xx(server()).await;
}

#[tokio::test]
async fn generic_type_delegates() {
    support::check_generic(server()).await;
}

#[tokio::test]
async fn head_has_headers_and_no_body() {
    support::check_head(server()).await;
}
