//! Run-time cost per error, derived vs hand-written, side by side in one run, on a generated
//! 300-variant enum (`benches/gen/`, from `benches/compile/generate.py`).
//!
//! ```text
//! cargo bench --bench runtime
//! ```
//!
//! Each group measures one pass over one value of every variant (300 errors), so the figure
//! divided by 300 is the cost per error. Before measuring, every pair is checked to give the
//! same status, code, headers and bytes.

use std::hint::black_box;

use axum::response::{IntoResponse, Response};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use status::ApiError;

#[path = "gen/derived300.rs"]
mod derived;
#[path = "gen/hand300.rs"]
mod hand;

/// What a user writes by hand without this crate: build the `String` body, `to_vec` it, set
/// the headers.
impl IntoResponse for hand::Error {
    fn into_response(self) -> Response {
        let status = axum::http::StatusCode::from_u16(self.status())
            .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self.body()).unwrap_or_default();
        let mut response = (
            status,
            [(axum::http::header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
        for (name, value) in self.headers() {
            if let Ok(value) = axum::http::HeaderValue::from_str(&value) {
                response.headers_mut().insert(name, value);
            }
        }
        response
    }
}

fn consistency(derived: &[derived::Error], hand: &[hand::Error]) {
    assert_eq!(derived.len(), hand.len());
    for (d, h) in derived.iter().zip(hand) {
        assert_eq!(d.status().as_u16(), h.status());
        assert_eq!(d.code(), h.code());
        assert_eq!(status::collect_headers(d), h.headers());
        assert_eq!(
            serde_json::to_vec(&d.body()).unwrap(),
            serde_json::to_vec(&h.body()).unwrap()
        );
        assert_eq!(
            serde_json::to_vec(&d.problem()).unwrap(),
            serde_json::to_vec(&h.problem()).unwrap()
        );
    }
    for (d, h) in derived::samples().into_iter().zip(hand::samples()) {
        let (d, h) = (d.into_response(), h.into_response());
        assert_eq!(d.status(), h.status());
        assert_eq!(d.headers(), h.headers());
    }
}

fn benches(c: &mut Criterion) {
    let derived = derived::samples();
    let hand = hand::samples();
    consistency(&derived, &hand);

    let mut group = c.benchmark_group("status");
    group.bench_function("derived", |b| {
        b.iter(|| {
            derived
                .iter()
                .map(|e| u32::from(black_box(e).status().as_u16()))
                .sum::<u32>()
        });
    });
    group.bench_function("hand-written", |b| {
        b.iter(|| {
            hand.iter()
                .map(|e| u32::from(black_box(e).status()))
                .sum::<u32>()
        });
    });
    group.finish();

    let mut group = c.benchmark_group("code");
    group.bench_function("derived", |b| {
        b.iter(|| {
            derived
                .iter()
                .map(|e| black_box(e).code().len())
                .sum::<usize>()
        });
    });
    group.bench_function("hand-written", |b| {
        b.iter(|| {
            hand.iter()
                .map(|e| black_box(e).code().len())
                .sum::<usize>()
        });
    });
    group.finish();

    let mut out = Vec::with_capacity(4096);
    let mut group = c.benchmark_group("body");
    group.bench_function("derived", |b| {
        b.iter(|| {
            for e in &derived {
                out.clear();
                serde_json::to_writer(&mut out, &black_box(e).body()).unwrap();
            }
        });
    });
    group.bench_function("hand-written", |b| {
        b.iter(|| {
            for e in &hand {
                out.clear();
                serde_json::to_writer(&mut out, &black_box(e).body()).unwrap();
            }
        });
    });
    group.finish();

    let mut group = c.benchmark_group("problem");
    group.bench_function("derived", |b| {
        b.iter(|| {
            for e in &derived {
                out.clear();
                serde_json::to_writer(&mut out, &black_box(e).problem()).unwrap();
            }
        });
    });
    group.bench_function("hand-written", |b| {
        b.iter(|| {
            for e in &hand {
                out.clear();
                serde_json::to_writer(&mut out, &black_box(e).problem()).unwrap();
            }
        });
    });
    group.finish();

    // Errors are consumed by `into_response`, so each iteration gets fresh ones (built
    // outside the measured time).
    let mut group = c.benchmark_group("response");
    group.bench_function("derived", |b| {
        b.iter_batched(
            derived::samples,
            |errors| {
                for e in errors {
                    black_box(e.into_response());
                }
            },
            BatchSize::SmallInput,
        );
    });
    group.bench_function("hand-written", |b| {
        b.iter_batched(
            hand::samples,
            |errors| {
                for e in errors {
                    black_box(e.into_response());
                }
            },
            BatchSize::SmallInput,
        );
    });
    group.finish();
}

criterion_group!(runtime, benches);
criterion_main!(runtime);
