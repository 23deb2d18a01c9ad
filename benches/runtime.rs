//! Run-time cost per error, derived vs hand-written, side by side in one run, on a generated
//! 300-variant enum (`benches/gen/`, from `benches/compile/generate.py`).
//!
//! ```text
//! cargo bench --all-features --bench runtime          # wall time, criterion
//! bash benches/runtime-instructions.sh                 # instructions, callgrind
//! ```
//!
//! Each measure is one pass over one value of every variant (300 errors), so the figure
//! divided by 300 is the cost per error; the passes are the functions of [`pass`], which
//! criterion times and callgrind counts by name. Before measuring, every pair is checked to
//! give the same status, code, headers and bytes.

use std::hint::black_box;

use axum::response::{IntoResponse, Response};
use criterion::{BatchSize, Criterion, criterion_group};
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

/// One pass of each measure over the samples of one side, a function of its own for
/// callgrind to count by name (`runtime::pass::derived::body`).
macro_rules! passes {
    ($($side:ident)*) => {$(
        pub mod $side {
            use std::hint::black_box;

            use axum::response::IntoResponse as _;
            #[allow(unused_imports)] // the hand-written side's methods are inherent
            use status::ApiError as _;

            type Error = crate::$side::Error;

            #[inline(never)]
            pub fn status(errors: &[Error]) -> u32 {
                errors.iter().map(|e| u32::from(u16::from(black_box(e).status()))).sum()
            }

            #[inline(never)]
            pub fn code(errors: &[Error]) -> usize {
                errors.iter().map(|e| black_box(e).code().len()).sum()
            }

            #[inline(never)]
            pub fn body(errors: &[Error], out: &mut Vec<u8>) {
                for e in errors {
                    out.clear();
                    serde_json::to_writer(&mut *out, &black_box(e).body()).unwrap();
                }
            }

            #[inline(never)]
            pub fn problem(errors: &[Error], out: &mut Vec<u8>) {
                for e in errors {
                    out.clear();
                    serde_json::to_writer(&mut *out, &black_box(e).problem()).unwrap();
                }
            }

            /// Errors are consumed by `into_response`, so each pass takes fresh ones.
            #[inline(never)]
            pub fn response(errors: Vec<Error>) {
                for e in errors {
                    black_box(e.into_response());
                }
            }
        }
    )*};
}

mod pass {
    passes!(derived hand);
}

fn benches(c: &mut Criterion) {
    let derived = derived::samples();
    let hand = hand::samples();
    consistency(&derived, &hand);
    let mut out = Vec::with_capacity(4096);

    let mut group = c.benchmark_group("status");
    group.bench_function("derived", |b| b.iter(|| pass::derived::status(&derived)));
    group.bench_function("hand-written", |b| b.iter(|| pass::hand::status(&hand)));
    group.finish();

    let mut group = c.benchmark_group("code");
    group.bench_function("derived", |b| b.iter(|| pass::derived::code(&derived)));
    group.bench_function("hand-written", |b| b.iter(|| pass::hand::code(&hand)));
    group.finish();

    let mut group = c.benchmark_group("body");
    group.bench_function("derived", |b| {
        b.iter(|| pass::derived::body(&derived, &mut out));
    });
    group.bench_function("hand-written", |b| {
        b.iter(|| pass::hand::body(&hand, &mut out));
    });
    group.finish();

    let mut group = c.benchmark_group("problem");
    group.bench_function("derived", |b| {
        b.iter(|| pass::derived::problem(&derived, &mut out));
    });
    group.bench_function("hand-written", |b| {
        b.iter(|| pass::hand::problem(&hand, &mut out));
    });
    group.finish();

    // The samples are built outside the measured time.
    let mut group = c.benchmark_group("response");
    group.bench_function("derived", |b| {
        b.iter_batched(
            derived::samples,
            pass::derived::response,
            BatchSize::SmallInput,
        );
    });
    group.bench_function("hand-written", |b| {
        b.iter_batched(hand::samples, pass::hand::response, BatchSize::SmallInput);
    });
    group.finish();
}

/// For `benches/runtime-instructions.sh`: `PASSES` passes of each measure, without criterion,
/// under callgrind.
fn count_passes(passes: usize) {
    let (derived, hand) = (derived::samples(), hand::samples());
    consistency(&derived, &hand);
    let mut out = Vec::with_capacity(4096);
    for _ in 0..passes {
        black_box(pass::derived::status(&derived));
        black_box(pass::hand::status(&hand));
        black_box(pass::derived::code(&derived));
        black_box(pass::hand::code(&hand));
        pass::derived::body(&derived, &mut out);
        pass::hand::body(&hand, &mut out);
        pass::derived::problem(&derived, &mut out);
        pass::hand::problem(&hand, &mut out);
        pass::derived::response(derived::samples());
        pass::hand::response(hand::samples());
    }
}

criterion_group!(runtime, benches);

fn main() {
    if let Some(passes) = std::env::var("PASSES").ok().and_then(|n| n.parse().ok()) {
        count_passes(passes);
        return;
    }
    runtime();
    Criterion::default().configure_from_args().final_summary();
}
