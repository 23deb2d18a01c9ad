//! The actix-web adapter on a real server (`127.0.0.1:0`) and a real client: exact status,
//! headers and JSON for both formats, transparent nesting, generics, header injection,
//! HEAD, and a 5xx whose secret never reaches the wire. The checks are the axum tests' own
//! (`support`): both frameworks send the same status, headers and body.

#![cfg(feature = "actix-web")]

mod support;

use actix_web::ResponseError;
use support::actix_server as server;

#[tokio::test]
async fn plain_404_with_exposed_field() {
    support::check_plain_404(server()).await;
}

#[test]
fn status_line_and_every_byte_of_a_plain_error() {
    support::check_every_byte(
        server(),
        "content-length: {len}\r\nconnection: close\r\ncontent-type: application/json\r\n",
    );
}

/// actix-web writes the `http` crate's phrase unless the head says otherwise; the adapter
/// sets the IANA one.
#[test]
fn status_line_carries_the_iana_reason_phrase() {
    support::check_status_lines(server());
}

#[test]
fn status_code_is_the_errors_status() {
    let error = support::ShopError::RateLimited;
    assert_eq!(ResponseError::status_code(&error).as_u16(), 429);
    let error = support::ShopError::ClientGone;
    assert_eq!(ResponseError::status_code(&error).as_u16(), 499);
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

/// `error_response` called directly (as middleware does) builds the same response the
/// server sends, IANA reason phrase included; actix adds `content-length` on the wire.
#[test]
fn error_response_in_process() {
    let response = ResponseError::error_response(&support::ShopError::RateLimited);
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.head().reason(), "Too Many Requests");
    let headers: Vec<(&str, &str)> = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str(), value.to_str().unwrap_or("<invalid>")))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(
        headers,
        [
            ("content-type", "application/json"),
            ("retry-after", "60"),
            ("x-ratelimit-limit", "10")
        ]
    );
}
