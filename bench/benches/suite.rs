//! The benchmark suite (`cargo bench -p egensag-bench`): criterion measurements, then
//! same-run ratios against baselines, printed and written to `target/bench-ratios.json`.
//!
//! - end to end vs the floor: JSON request → JSON overview, against only parsing the
//!   same request into the same types with serde_json and serialising the same overview;
//! - per decision vs Cedar: the same visibility decisions as a Cedar policy set, checked
//!   equal on every record before timing;
//! - scaling: ns per record from 1 to 10,000 records per request.
//!
//! `EGENSAG_BENCH_QUICK=1` shortens every measurement (for a smoke run).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use criterion::{BenchmarkId, Criterion, Throughput};
use egensag::model::Request;
use egensag::Engine;
use egensag_bench::cedar;
use egensag_bench::gen::{self, Viewer};
use egensag_bench::timing::{compare, Summary};
use serde_json::json;
use std::hint::black_box;
use std::time::Duration;

const SEED: u64 = 2026;

struct Fixture {
    records: usize,
    json: String,
    request: Request,
    overview: egensag::Overview,
}

fn fixture(engine: &Engine, records: usize, viewer: Viewer) -> Fixture {
    let json = gen::request_json(SEED, records, viewer);
    let request = engine.parse_request(&json).unwrap();
    let overview = engine.overview(&request).unwrap();
    Fixture {
        records,
        json,
        request,
        overview,
    }
}

/// The floor: parse the request into egensag's own types with plain serde_json, and
/// serialise an overview of the same size.
fn floor(f: &Fixture) {
    let request: Request = serde_json::from_str(black_box(&f.json)).unwrap();
    black_box(&request);
    black_box(serde_json::to_string(black_box(&f.overview)).unwrap());
}

fn quick() -> bool {
    std::env::var_os("EGENSAG_BENCH_QUICK").is_some()
}

fn criterion_benches(engine: &Engine, cedar_set: &cedar_policy::PolicySet) {
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(if quick() { 100 } else { 500 }))
        .measurement_time(Duration::from_millis(if quick() { 200 } else { 1500 }))
        .configure_from_args();

    let f = fixture(engine, 1000, Viewer::Myself);
    let mut group = c.benchmark_group("end_to_end_1000");
    group.throughput(Throughput::Elements(f.records as u64));
    group.bench_function("floor_serde_json", |b| b.iter(|| floor(&f)));
    group.bench_function("egensag_overview_json", |b| {
        b.iter(|| engine.overview_json(black_box(&f.json)).unwrap())
    });
    group.finish();

    let f = fixture(engine, 1000, Viewer::Proxy);
    let data = cedar::encode(engine.policy(), &f.request);
    let mut group = c.benchmark_group("decision_1000_proxy");
    group.throughput(Throughput::Elements(f.records as u64));
    group.bench_function("egensag_decide_all", |b| {
        b.iter(|| engine.decide_all(black_box(&f.request)).unwrap())
    });
    group.bench_function("cedar_is_authorized", |b| {
        b.iter(|| cedar::decisions(cedar_set, black_box(&data)))
    });
    group.finish();

    let mut group = c.benchmark_group("scaling_overview_json");
    for records in [1, 10, 100, 1000, 10_000] {
        let f = fixture(engine, records, Viewer::Myself);
        group.throughput(Throughput::Elements(records as u64));
        group.bench_with_input(BenchmarkId::from_parameter(records), &f, |b, f| {
            b.iter(|| engine.overview_json(black_box(&f.json)).unwrap())
        });
    }
    group.finish();
    c.final_summary();
}

fn ratios(engine: &Engine, cedar_set: &cedar_policy::PolicySet) -> Summary {
    let mut summary = Summary::default();
    let rounds = if quick() { 5 } else { 31 };
    // Per round, about this many records go through each side.
    let records_per_round = if quick() { 2_000 } else { 20_000 };

    println!("\n== end to end vs the floor (JSON request -> JSON overview), viewer self ==");
    for records in [100, 1000] {
        let f = fixture(engine, records, Viewer::Myself);
        let per_round = (records_per_round / records).max(1);
        let (base, subject) = compare(
            || floor(&f),
            || {
                black_box(engine.overview_json(black_box(&f.json)).unwrap());
            },
            rounds,
            per_round,
        );
        summary.add(
            &format!("end_to_end_{records}"),
            json!({ "records": records, "request_bytes": f.json.len(),
                    "floor_ns_per_record": base / records as f64,
                    "egensag_ns_per_record": subject / records as f64,
                    "ratio_to_floor": subject / base, "target_at_most": 1.0 }),
        );
    }

    println!("\n== per decision vs Cedar (1,000 records) ==");
    for viewer in [Viewer::Myself, Viewer::Proxy, Viewer::Relative] {
        let f = fixture(engine, 1000, viewer);
        let data = cedar::encode(engine.policy(), &f.request);
        let ours = cedar::egensag_decisions(engine, &f.request);
        let theirs = cedar::decisions(cedar_set, &data);
        assert_eq!(ours, theirs, "Cedar and egensag disagree on {viewer:?}");
        let visible = ours.iter().filter(|v| **v).count();
        assert_eq!(engine.decide_all(&f.request).unwrap(), visible);
        let (cedar_ns, egensag_ns) = compare(
            || {
                black_box(cedar::decisions(cedar_set, black_box(&data)));
            },
            || {
                black_box(engine.decide_all(black_box(&f.request)).unwrap());
            },
            rounds,
            (records_per_round / 10_000).max(1),
        );
        summary.add(
            &format!(
                "decision_{}",
                match viewer {
                    Viewer::Myself => "self",
                    Viewer::Proxy => "proxy",
                    Viewer::Relative => "relative",
                }
            ),
            json!({ "records": f.records, "visible": visible, "identical_decisions": true,
                    "cedar_ns_per_decision": cedar_ns / f.records as f64,
                    "egensag_ns_per_decision": egensag_ns / f.records as f64,
                    "speedup_over_cedar": cedar_ns / egensag_ns, "target_at_least": 50.0 }),
        );
    }

    println!("\n== scaling: ns per record of overview_json (and of the floor) ==");
    let mut rows = Vec::new();
    for records in [1, 10, 100, 1000, 10_000] {
        let f = fixture(engine, records, Viewer::Myself);
        let per_round = (records_per_round / records).max(1);
        let (base, subject) = compare(
            || floor(&f),
            || {
                black_box(engine.overview_json(black_box(&f.json)).unwrap());
            },
            rounds.min(15),
            per_round,
        );
        let row = json!({ "records": records, "egensag_ns_per_record": subject / records as f64,
                          "floor_ns_per_record": base / records as f64,
                          "ratio_to_floor": subject / base });
        println!("  {row}");
        rows.push(row);
    }
    summary.add("scaling", json!(rows));

    // The decision alone at every size, egensag's and Cedar's: flat means no
    // per-request set-up dominates and no work grows faster than the records.
    let mut rows = Vec::new();
    for records in [1, 10, 100, 1000, 10_000] {
        let f = fixture(engine, records, Viewer::Proxy);
        let data = cedar::encode(engine.policy(), &f.request);
        let (cedar_ns, ns) = compare(
            || {
                black_box(cedar::decisions(cedar_set, black_box(&data)));
            },
            || {
                black_box(engine.decide_all(black_box(&f.request)).unwrap());
            },
            rounds.min(9),
            (records_per_round / 20 / records).max(1),
        );
        rows.push(
            json!({ "records": records, "decide_ns_per_record": ns / records as f64,
                          "cedar_ns_per_record": cedar_ns / records as f64 }),
        );
    }
    summary.add("scaling_decision_proxy", json!(rows));
    summary.add(
        "machine",
        json!({ "cpus": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
                "cpu_model": cpu_model() }),
    );
    summary
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

fn main() {
    let engine = Engine::from_policy_json(&gen::policy_json()).unwrap();
    let cedar_set = cedar::policy_set(engine.policy());
    if std::env::var_os("EGENSAG_BENCH_NO_CRITERION").is_none() {
        criterion_benches(&engine, &cedar_set);
    }
    let summary = ratios(&engine, &cedar_set);
    match summary.write() {
        Ok(path) => println!("\nwrote {}", path.display()),
        Err(e) => eprintln!("could not write the summary: {e}"),
    }
}
