//! Reader throughput: `sources_json("sf1470", …)` on a generated SF1470 list response of
//! many copies of the hand-made `Sag` (tests/sources/sf1470/sag-history.xml), against the
//! floor of quick-xml merely reading every event of the same document in the same run.
//! Prints MB/s of both and their ratio (median of ROUNDS rounds).
//!
//! ```text
//! cargo run --release -p egensag-bench --example time_sources [SAGS] [ROUNDS]
//! ```
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::hint::black_box;
use std::time::Instant;

const SAG: &str = include_str!("../../tests/sources/sf1470/sag-history.xml");
const NS: &str = r#"xmlns:sag="urn:oio:sts:sagdok:sag:6" xmlns:si="urn:oio:sts:sagdok:sagindeks:6" xmlns:sd="urn:oio:sagdok:3.0.0" xmlns="urn:oio:sts:generelledefinitioner:6""#;

/// A `ListOutput` holding `n` copies of the fixture's Sag, each with its own number.
fn document(n: usize) -> String {
    let body_start = SAG.find("<sag:Registrering>").unwrap();
    let body_end = SAG.rfind("</sag:Sag>").unwrap();
    let body = &SAG[body_start..body_end];
    let mut out = format!(r#"<?xml version="1.0" encoding="UTF-8"?><sag:ListOutput {NS}>"#);
    for i in 0..n {
        out.push_str("<sag:Sag>");
        out.push_str(&body.replace("S-1001", &format!("S-{i}")));
        out.push_str("</sag:Sag>");
    }
    out.push_str("</sag:ListOutput>");
    out
}

/// The floor: every event read, namespaces resolved, nothing kept.
fn quick_xml_floor(xml: &str) -> usize {
    let mut reader = quick_xml::NsReader::from_str(xml);
    reader.config_mut().expand_empty_elements = true;
    let mut events = 0;
    loop {
        match reader.read_resolved_event().unwrap() {
            (_, quick_xml::events::Event::Eof) => return events,
            (_, e) => {
                black_box(e);
                events += 1;
            }
        }
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().unwrap())
        .collect();
    let sags = args.first().copied().unwrap_or(2000);
    let rounds = args.get(1).copied().unwrap_or(7);
    let xml = document(sags);
    let mb = xml.len() as f64 / 1e6;
    let (mut reader, mut floor) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let t = Instant::now();
        black_box(quick_xml_floor(black_box(&xml)));
        floor.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let json =
            egensag::sources::sources_json("sf1470", black_box(&xml), "2026-11-23", None).unwrap();
        reader.push(t.elapsed().as_secs_f64());
        assert!(json.contains(&format!("\"S-{}\"", sags - 1)));
    }
    let (r, f) = (median(reader), median(floor));
    println!(
        "{sags} Sag, {mb:.1} MB: reader {:.0} MB/s, quick-xml floor {:.0} MB/s, ratio {:.2}x",
        mb / r,
        mb / f,
        r / f
    );
}
