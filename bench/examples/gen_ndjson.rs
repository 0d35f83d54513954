//! Writes newline-delimited requests for the batch example, one citizen per line,
//! streamed (nothing is held in memory but the current line).
//!
//! ```text
//! cargo run --release -p egensag-bench --example gen_ndjson -- CITIZENS [RECORDS_PER_CITIZEN] > requests.ndjson
//! cargo run --release -p egensag-bench --example gen_ndjson -- --policy > policy.json
//! ```
//!
//! Every tenth citizen (the 10th, 20th, …) is viewed by a proxy, the rest by themselves.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use egensag_bench::gen::{self, Viewer};
use std::io::{BufWriter, Write};

fn main() -> std::io::Result<()> {
    if std::env::args().nth(1).as_deref() == Some("--policy") {
        println!("{}", gen::policy_json());
        return Ok(());
    }
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("numbers: CITIZENS [RECORDS_PER_CITIZEN]"))
        .collect();
    let citizens = args.first().copied().unwrap_or(10_000);
    let records = args.get(1).copied().unwrap_or(20);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for citizen in 0..citizens {
        let viewer = if citizen % 10 == 9 {
            Viewer::Proxy
        } else {
            Viewer::Myself
        };
        out.write_all(gen::request_json(citizen as u64, records, viewer).as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
