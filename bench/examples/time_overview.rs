//! Times `Engine::overview_json` through the Rust API: median ns per call over ROUNDS
//! rounds of ITERATIONS calls on one request, printed as `NS OUTPUT_BYTES` (the format of
//! its C twin, bench/c/bench_overview.c; bench/c/run.sh compares the two).
//!
//! With `--floor` it times the floor instead: serde_json parsing the request into
//! egensag's types and writing the same overview (bench/floor-time.sh runs it from a
//! build with chrono's own date codec, against `overview_json`, in alternating runs).
//!
//! ```text
//! time_overview [--floor] POLICY.json REQUEST.json ITERATIONS ROUNDS
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
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let floor = args.first().is_some_and(|a| a == "--floor");
    if floor {
        args.remove(0);
    }
    assert_eq!(
        args.len(),
        4,
        "usage: time_overview [--floor] POLICY REQUEST ITERATIONS ROUNDS"
    );
    let engine = egensag::Engine::from_policy_json(&std::fs::read_to_string(&args[0]).unwrap())
        .expect("policy");
    let request = std::fs::read_to_string(&args[1]).unwrap();
    let request = request.trim_end_matches(['\n', '\r']);
    let iterations: u32 = args[2].parse().unwrap();
    let rounds: usize = args[3].parse().unwrap();
    let made = engine
        .overview(&engine.parse_request(request).expect("request"))
        .expect("overview");
    let mut samples = Vec::with_capacity(rounds);
    let mut out_len = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        for _ in 0..iterations {
            let out = if floor {
                let parsed: egensag::model::Request =
                    serde_json::from_str(black_box(request)).expect("request");
                black_box(&parsed);
                serde_json::to_string(black_box(&made)).expect("overview")
            } else {
                engine.overview_json(black_box(request)).expect("overview")
            };
            out_len = out.len();
            drop(black_box(out));
        }
        samples.push(start.elapsed().as_nanos() as f64 / f64::from(iterations));
    }
    samples.sort_by(f64::total_cmp);
    println!("{:.0} {out_len}", samples[rounds / 2]);
}
