//! The generated 300-variant enums of the benches give identical status, code, headers and
//! bodies whether derived or hand-written: the benches compare equal work.

use status::ApiError;

#[path = "../benches/gen/derived300.rs"]
mod derived;
#[path = "../benches/gen/hand300.rs"]
mod hand;

#[test]
fn derived_and_hand_written_agree_on_every_variant() {
    let derived = derived::samples();
    let hand = hand::samples();
    assert_eq!(derived.len(), 300);
    assert_eq!(hand.len(), 300);
    for (d, h) in derived.iter().zip(&hand) {
        assert_eq!(d.status().as_u16(), h.status());
        assert_eq!(d.code(), h.code());
        assert_eq!(status::collect_headers(d), h.headers());
        assert_eq!(
            serde_json::to_string(&d.body()).unwrap(),
            serde_json::to_string(&h.body()).unwrap()
        );
        assert_eq!(
            serde_json::to_string(&d.problem()).unwrap(),
            serde_json::to_string(&h.problem()).unwrap()
        );
        let body = serde_json::to_string(&d.body()).unwrap();
        assert_eq!(
            body.contains("hunter2"),
            d.status().is_client_error() && d.to_string().contains("hunter2")
        );
    }
}
