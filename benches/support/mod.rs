//! What the load benches share: a bounded HTTP/1 load of keep-alive connections on
//! loopback, every response checked, and the process's resident memory.

#![allow(dead_code)] // each bench uses a part

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt as _, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;

/// The request numbered `n`.
pub type Make = fn(u64) -> hyper::Request<Full<Bytes>>;

/// Whether the response to request `n` is the right one.
pub type Check = fn(u64, &hyper::http::response::Parts, &[u8]) -> bool;

/// What one load run did.
#[derive(Clone, Copy, Default)]
pub struct Outcome {
    pub requests: u64,
    pub wrong: u64,
    pub connection_errors: u64,
    pub elapsed: Duration,
}

impl Outcome {
    pub fn add(&mut self, other: Outcome) {
        self.requests += other.requests;
        self.wrong += other.wrong;
        self.connection_errors += other.connection_errors;
        self.elapsed += other.elapsed;
    }

    pub fn per_second(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
    }
}

/// `total` requests over `connections` keep-alive connections to `addr`, numbered so that
/// each connection sends its own range; every response checked. Run on a `LocalSet`.
pub async fn drive(
    addr: SocketAddr,
    total: u64,
    connections: u64,
    make: Make,
    check: Check,
) -> Outcome {
    let wrong = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let done = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..connections {
        let (wrong, failed, done) = (wrong.clone(), failed.clone(), done.clone());
        let share = total / connections + u64::from(c < total % connections);
        tasks.push(tokio::task::spawn_local(async move {
            let Ok(stream) = tokio::net::TcpStream::connect(addr).await else {
                failed.fetch_add(share, Ordering::Relaxed);
                return;
            };
            let Ok((mut sender, conn)) =
                hyper::client::conn::http1::handshake(TokioIo::new(stream)).await
            else {
                failed.fetch_add(share, Ordering::Relaxed);
                return;
            };
            tokio::task::spawn_local(conn);
            for i in 0..share {
                let n = c * 1_000_003 + i;
                let Ok(response) = sender.send_request(make(n)).await else {
                    failed.fetch_add(share - i, Ordering::Relaxed);
                    return;
                };
                let (parts, body) = response.into_parts();
                let Ok(body) = body.collect().await else {
                    failed.fetch_add(share - i, Ordering::Relaxed);
                    return;
                };
                let body = body.to_bytes();
                if !check(n, &parts, &body) && wrong.fetch_add(1, Ordering::Relaxed) == 0 {
                    // The first wrong response, to say what went wrong.
                    eprintln!(
                        "wrong response to request {n}: {} {:?} {}",
                        parts.status,
                        parts.headers,
                        String::from_utf8_lossy(&body)
                    );
                }
                done.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    for task in tasks {
        let _ = task.await;
    }
    Outcome {
        requests: done.load(Ordering::Relaxed),
        wrong: wrong.load(Ordering::Relaxed),
        connection_errors: failed.load(Ordering::Relaxed),
        elapsed: start.elapsed(),
    }
}

/// The process's resident memory, in KiB.
pub fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

/// Serves `app` on `127.0.0.1:0` on its own thread and single-threaded runtime.
pub fn serve(app: axum::Router) -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            tx.send(listener.local_addr().expect("addr")).expect("send");
            let service = app.into_make_service_with_connect_info::<SocketAddr>();
            axum::serve(listener, service).await.expect("serve");
        });
    });
    rx.recv().expect("server address")
}

/// The requests of `total`, alternated between `sides` in halves (so neither always runs on
/// a warmer machine): each side's summed outcome.
pub async fn alternate<const N: usize>(
    sides: [(SocketAddr, Make, Check); N],
    total: u64,
    connections: u64,
) -> [Outcome; N] {
    let mut results = [Outcome::default(); N];
    for round in 0..2 {
        for i in 0..N {
            let side = if round == 0 { i } else { N - 1 - i };
            let (addr, make, check) = sides[side];
            results[side].add(drive(addr, total / 2, connections, make, check).await);
        }
    }
    results
}
