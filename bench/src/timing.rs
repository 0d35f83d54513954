//! Same-run ratios: the machines are shared and noisy, so a baseline and a subject are
//! timed in alternating rounds and compared by their medians, never across runs.

use std::hint::black_box;
use std::time::Instant;

/// Median nanoseconds per call of `f`, over `rounds` rounds of `per_round` calls.
pub fn median_ns(mut f: impl FnMut(), rounds: usize, per_round: usize) -> f64 {
    let mut samples: Vec<f64> = (0..rounds).map(|_| round(&mut f, per_round)).collect();
    median(&mut samples)
}

fn round(f: &mut impl FnMut(), per_round: usize) -> f64 {
    let start = Instant::now();
    for _ in 0..per_round {
        f();
        black_box(());
    }
    start.elapsed().as_nanos() as f64 / per_round.max(1) as f64
}

fn median(samples: &mut [f64]) -> f64 {
    samples.sort_by(|a, b| a.total_cmp(b));
    samples.get(samples.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Times `baseline` and `subject` in alternating rounds (the order flips every round, so
/// neither always runs on a warm or a cold cache): median ns per call of each.
pub fn compare(
    mut baseline: impl FnMut(),
    mut subject: impl FnMut(),
    rounds: usize,
    per_round: usize,
) -> (f64, f64) {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for r in 0..rounds {
        if r % 2 == 0 {
            a.push(round(&mut baseline, per_round));
            b.push(round(&mut subject, per_round));
        } else {
            b.push(round(&mut subject, per_round));
            a.push(round(&mut baseline, per_round));
        }
    }
    (median(&mut a), median(&mut b))
}

/// A list of named figures written as `target/bench-ratios.json` and printed.
#[derive(Debug, Default)]
pub struct Summary {
    entries: Vec<(String, serde_json::Value)>,
}

impl Summary {
    /// Records a figure and prints it.
    pub fn add(&mut self, name: &str, value: serde_json::Value) {
        println!("{name}: {value}");
        self.entries.push((name.to_owned(), value));
    }

    /// Writes the summary next to criterion's results.
    pub fn write(&self) -> std::io::Result<std::path::PathBuf> {
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
        std::fs::create_dir_all(&target)?;
        let path = target.join("bench-ratios.json");
        let object: serde_json::Map<String, serde_json::Value> =
            self.entries.iter().cloned().collect();
        std::fs::write(
            &path,
            serde_json::to_string_pretty(&serde_json::Value::Object(object))?,
        )?;
        Ok(path)
    }
}
