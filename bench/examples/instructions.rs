//! One overview (or its floor) of a generated request, for counting instructions with
//! callgrind (bench/callgrind.sh): the request is generated and the engine made first,
//! the call is run once to warm up and then once inside `measured_*`, the only function
//! whose instructions callgrind collects (`--toggle-collect`).
//!
//! ```text
//! instructions overview|floor|decide RECORDS [self|proxy|relative]
//! ```
//!
//! The floor is the suite's (`benches/suite.rs`): serde_json parsing the request into
//! egensag's own types and writing the same overview. The viewer is the subject
//! themself unless a third argument names another (`proxy`, `relative`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use egensag::model::Request;
use egensag::{Engine, Overview};
use egensag_bench::gen::{self, Viewer};
use std::hint::black_box;

const SEED: u64 = 2026;

#[inline(never)]
fn overview(engine: &Engine, json: &str) -> usize {
    engine
        .overview_json(black_box(json))
        .expect("overview")
        .len()
}

#[inline(never)]
fn floor(json: &str, made: &Overview) -> usize {
    let request: Request = serde_json::from_str(black_box(json)).expect("request");
    black_box(&request);
    serde_json::to_string(black_box(made))
        .expect("overview")
        .len()
}

/// Every record decided, nothing built (`Engine::decide_all`, what the Cedar comparison
/// times).
#[inline(never)]
fn decide(engine: &Engine, request: &Request) -> usize {
    engine.decide_all(black_box(request)).expect("decisions")
}

#[inline(never)]
fn measured_decide(engine: &Engine, request: &Request) -> usize {
    decide(engine, request)
}

#[inline(never)]
fn measured_overview(engine: &Engine, json: &str) -> usize {
    overview(engine, json)
}

#[inline(never)]
fn measured_floor(json: &str, made: &Overview) -> usize {
    floor(json, made)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (what, records, viewer) = match args.as_slice() {
        [what, records, rest @ ..] if rest.len() <= 1 => (
            what.as_str(),
            records.parse::<usize>().expect("RECORDS"),
            match rest.first().map(String::as_str) {
                None | Some("self") => Viewer::Myself,
                Some("proxy") => Viewer::Proxy,
                Some("relative") => Viewer::Relative,
                Some(other) => panic!("self, proxy or relative, not {other}"),
            },
        ),
        _ => panic!("usage: instructions overview|floor|decide RECORDS [self|proxy|relative]"),
    };
    let engine = Engine::from_policy_json(&gen::policy_json()).expect("policy");
    let json = gen::request_json(SEED, records, viewer);
    let made = engine
        .overview(&engine.parse_request(&json).expect("request"))
        .expect("overview");
    let bytes = match what {
        "overview" => {
            black_box(overview(&engine, &json));
            measured_overview(&engine, &json)
        }
        "floor" => {
            black_box(floor(&json, &made));
            measured_floor(&json, &made)
        }
        "decide" => {
            let request = engine.parse_request(&json).expect("request");
            black_box(decide(&engine, &request));
            measured_decide(&engine, &request)
        }
        _ => panic!("overview, floor or decide, not {what}"),
    };
    println!("{bytes}");
}
