//! Times `Engine::overview_json` through the Rust API: median ns per call over ROUNDS
//! rounds of ITERATIONS calls on one request, printed as `NS OUTPUT_BYTES` (the format of
//! its C twin, bench/c/bench_overview.c; bench/c/run.sh compares the two).
//!
//! ```text
//! time_overview POLICY.json REQUEST.json ITERATIONS ROUNDS
//! ```
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::hint::black_box;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    assert_eq!(
        args.len(),
        4,
        "usage: time_overview POLICY REQUEST ITERATIONS ROUNDS"
    );
    let engine = egensag::Engine::from_policy_json(&std::fs::read_to_string(&args[0]).unwrap())
        .expect("policy");
    let request = std::fs::read_to_string(&args[1]).unwrap();
    let request = request.trim_end_matches(['\n', '\r']);
    let iterations: u32 = args[2].parse().unwrap();
    let rounds: usize = args[3].parse().unwrap();
    let mut samples = Vec::with_capacity(rounds);
    let mut out_len = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        for _ in 0..iterations {
            let out = engine.overview_json(black_box(request)).expect("overview");
            out_len = out.len();
            drop(black_box(out));
        }
        samples.push(start.elapsed().as_nanos() as f64 / f64::from(iterations));
    }
    samples.sort_by(f64::total_cmp);
    println!("{:.0} {out_len}", samples[rounds / 2]);
}
