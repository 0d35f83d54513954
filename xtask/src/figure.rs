//! The README's performance picture: time per record against records per request, drawn
//! as SVG from the committed benchmark results (`bench/results/bench-ratios.json`, the
//! summary `cargo bench -p egensag-bench` writes to `target/`, and
//! `bench/results/floor-time.json`, `overview_json` against the floor as rounds 1–2
//! measured it, timed in interleaved rounds by `bash bench/floor-time.sh`: the two lines
//! the end-to-end target compares come from that one run). The same results always give the same bytes, so
//! `cargo xtask check` verifies the picture without running a benchmark.

use std::fmt::Write as _;
use std::path::Path;

/// The committed results the picture is drawn from.
pub(crate) const RESULTS: &str = "bench/results/bench-ratios.json";
/// `overview_json` and the floor of rounds 1–2 (serde_json with chrono's own date codec),
/// timed in interleaved rounds of two processes.
pub(crate) const FLOOR_RESULTS: &str = "bench/results/floor-time.json";
/// The picture.
pub(crate) const PICTURE: &str = "docs/performance-scaling.svg";

/// One line of the picture: its name, colour and (records, µs per record) points.
struct Series {
    name: &'static str,
    colour: &'static str,
    points: Vec<(f64, f64)>,
}

/// The SVG for the results at `root`.
pub(crate) fn svg(root: &Path) -> Result<Vec<u8>, String> {
    let results = read(root, RESULTS)?;
    let floor = read(root, FLOOR_RESULTS)?;
    let column = |list: &str, field: &str| points(&results, RESULTS, list, field);
    let series = [
        Series {
            name: "egensag overview_json (JSON in, JSON out)",
            colour: "#1f77b4",
            points: per_record(points(
                &floor,
                FLOOR_RESULTS,
                "rows",
                "egensag_ns_per_request",
            )?),
        },
        Series {
            name: "floor: serde_json parse + write only (chrono dates, as rounds 1-2)",
            colour: "#7f7f7f",
            points: per_record(points(
                &floor,
                FLOOR_RESULTS,
                "rows",
                "floor_ns_per_request",
            )?),
        },
        Series {
            name: "the same floor with egensag's date codec",
            colour: "#bcbd22",
            points: column("scaling", "floor_ns_per_record")?,
        },
        Series {
            name: "Cedar is_authorized (decision only)",
            colour: "#d62728",
            points: column("scaling_decision_proxy", "cedar_ns_per_record")?,
        },
        Series {
            name: "egensag decision only",
            colour: "#2ca02c",
            points: column("scaling_decision_proxy", "decide_ns_per_record")?,
        },
    ];
    let cpu = results
        .get("machine")
        .and_then(|m| m.get("cpu_model"))
        .and_then(serde_json::Value::as_str)
        .unwrap_or("unknown");
    Ok(draw(&series, cpu).into_bytes())
}

/// The JSON of the committed results file `name`.
fn read(root: &Path, name: &str) -> Result<serde_json::Value, String> {
    let text = std::fs::read_to_string(root.join(name)).map_err(|e| format!("{name}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{name}: {e}"))
}

/// The (records, µs) points of `field` in the rows of `list` in `results` (from `name`).
fn points(
    results: &serde_json::Value,
    name: &str,
    list: &str,
    field: &str,
) -> Result<Vec<(f64, f64)>, String> {
    let rows = results
        .get(list)
        .and_then(serde_json::Value::as_array)
        .ok_or_else(|| format!("{name}: no list `{list}`"))?;
    rows.iter()
        .map(|row| {
            let number = |key: &str| row.get(key).and_then(serde_json::Value::as_f64);
            match (number("records"), number(field)) {
                (Some(records), Some(ns)) if records > 0.0 && ns > 0.0 => {
                    Ok((records, ns / 1000.0))
                }
                _ => Err(format!("{name}: `{list}` lacks `{field}` in a row")),
            }
        })
        .collect()
}

/// Points of time per request made time per record.
fn per_record(points: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    points.into_iter().map(|(n, us)| (n, us / n)).collect()
}

/// Log-log axes: records per request (1 to 10,000) across, µs per record (0.1 to 1,000) up.
fn draw(series: &[Series], cpu: &str) -> String {
    let (width, height) = (720.0, 440.0);
    let (left, right, top, bottom) = (70.0, 20.0, 40.0, 130.0);
    let (x_min, x_max) = (0.0, 4.0); // log10 of records
    let (y_min, y_max) = (-1.0, 3.0); // log10 of µs
    let x =
        |records: f64| left + (records.log10() - x_min) / (x_max - x_min) * (width - left - right);
    let y = |us: f64| {
        let v = us.log10().clamp(y_min, y_max);
        top + (y_max - v) / (y_max - y_min) * (height - top - bottom)
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(
        out,
        r#"<rect width="{width}" height="{height}" fill="white"/>"#
    );
    let _ = writeln!(
        out,
        r#"<text x="{left}" y="22" font-size="14">Time per record against records per request (CPU: {})</text>"#,
        escape(cpu)
    );
    for decade in 0..=4 {
        let records = 10f64.powi(decade);
        let px = x(records);
        let _ = writeln!(
            out,
            r##"<line x1="{px:.1}" y1="{top}" x2="{px:.1}" y2="{:.1}" stroke="#ddd"/><text x="{px:.1}" y="{:.1}" text-anchor="middle">{}</text>"##,
            height - bottom,
            height - bottom + 16.0,
            thousands(records)
        );
    }
    for decade in -1..=3 {
        let us = 10f64.powi(decade);
        let py = y(us);
        let label = if decade < 0 {
            "0.1".to_owned()
        } else {
            thousands(us)
        };
        let _ = writeln!(
            out,
            r##"<line x1="{left}" y1="{py:.1}" x2="{:.1}" y2="{py:.1}" stroke="#ddd"/><text x="{:.1}" y="{:.1}" text-anchor="end">{label}</text>"##,
            width - right,
            left - 6.0,
            py + 4.0
        );
    }
    let _ = writeln!(
        out,
        r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">records per request (log)</text>"#,
        (left + width - right) / 2.0,
        height - bottom + 34.0
    );
    let _ = writeln!(
        out,
        r#"<text transform="translate(18 {:.1}) rotate(-90)" text-anchor="middle">µs per record (log)</text>"#,
        (top + height - bottom) / 2.0
    );
    for (i, s) in series.iter().enumerate() {
        let points: Vec<String> = s
            .points
            .iter()
            .map(|&(records, us)| format!("{:.1},{:.1}", x(records), y(us)))
            .collect();
        let _ = writeln!(
            out,
            r#"<polyline fill="none" stroke="{}" stroke-width="2" points="{}"/>"#,
            s.colour,
            points.join(" ")
        );
        for &(records, us) in &s.points {
            let _ = writeln!(
                out,
                r#"<circle cx="{:.1}" cy="{:.1}" r="3" fill="{}"/>"#,
                x(records),
                y(us),
                s.colour
            );
        }
        let ly = height - bottom + 56.0 + 16.0 * i as f64;
        let _ = writeln!(
            out,
            r#"<line x1="{left}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{}" stroke-width="2"/><text x="{:.1}" y="{:.1}">{}</text>"#,
            ly - 4.0,
            left + 24.0,
            ly - 4.0,
            s.colour,
            left + 30.0,
            ly,
            escape(s.name)
        );
    }
    out.push_str("</svg>\n");
    out
}

/// 1, 10, 100, 1,000, 10,000.
fn thousands(n: f64) -> String {
    let digits = format!("{n:.0}");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Text safe inside SVG.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
