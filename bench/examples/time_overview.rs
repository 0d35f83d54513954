//! Times `Engine::overview_json` through the Rust API: median ns per call over ROUNDS
//! rounds of ITERATIONS calls on one request, printed as `NS OUTPUT_BYTES` (the format of
//! its C twin, bench/c/bench_overview.c; bench/c/run.sh compares the two).
//!
//! With `--floor` it times the floor instead: serde_json parsing the request into
//! egensag's types and writing the same overview (bench/floor-time.sh runs it from a
//! build with chrono's own date codec, against `overview_json`, in interleaved rounds).
//!
//! With `--serve` (ROUNDS is then ignored) it prepares, then times one round of
//! ITERATIONS calls for each line it reads on stdin and prints that round's `NS
//! OUTPUT_BYTES`; bench/floor-time.sh drives an egensag and a floor process that way,
//! one round of each in turn, so the two sides of a pair are milliseconds apart.
//!
//! ```text
//! time_overview [--floor] [--serve] POLICY.json REQUEST.json ITERATIONS ROUNDS
//! ```
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::hint::black_box;
use std::io::Write;
use std::time::Instant;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut flag = |name: &str| {
        let position = args.iter().position(|a| a == name);
        position.map(|i| args.remove(i)).is_some()
    };
    let floor = flag("--floor");
    let serve = flag("--serve");
    assert_eq!(
        args.len(),
        4,
        "usage: time_overview [--floor] [--serve] POLICY REQUEST ITERATIONS ROUNDS"
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
    let round = || {
        let start = Instant::now();
        let mut out_len = 0;
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
        (
            start.elapsed().as_nanos() as f64 / f64::from(iterations),
            out_len,
        )
    };
    if serve {
        round(); // warm up
        let mut stdout = std::io::stdout();
        for line in std::io::stdin().lines() {
            line.unwrap();
            let (ns, out_len) = round();
            writeln!(stdout, "{ns:.0} {out_len}").unwrap();
            stdout.flush().unwrap();
        }
        return;
    }
    let mut samples = Vec::with_capacity(rounds);
    let mut out_len = 0;
    for _ in 0..rounds {
        let (ns, len) = round();
        samples.push(ns);
        out_len = len;
    }
    samples.sort_by(f64::total_cmp);
    println!("{:.0} {out_len}", samples[rounds / 2]);
}
