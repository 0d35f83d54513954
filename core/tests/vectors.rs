//! Runs every conformance vector under `tests/vectors/` through the JSON entry points and
//! compares the outputs byte for byte. The C and JavaScript runners read the same files.
//!
//! A vector is a folder with `policy.json`, `request.json`, optionally `catalogue.xml` (or
//! `catalogue.json`) and `previous.json` (an earlier overview), and the expected outputs:
//! `overview.json` and `explanation.json`, or `error.json` when the request is refused,
//! and `notifications.json` when `previous.json` is given. Expected files hold the exact
//! bytes the library returns (no trailing newline).
//!
//! `EGENSAG_BLESS=1 cargo test -p egensag --test vectors` rewrites the expected outputs;
//! review the diff before committing it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use egensag::Engine;
use std::fs;
use std::path::{Path, PathBuf};

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

fn read(dir: &Path, name: &str) -> Option<String> {
    fs::read_to_string(dir.join(name)).ok()
}

/// The outputs of one vector, as `(file name, bytes)`.
fn run_vector(dir: &Path) -> Vec<(&'static str, String)> {
    let policy = read(dir, "policy.json").expect("policy.json");
    let request = read(dir, "request.json").expect("request.json");
    let catalogue = read(dir, "catalogue.xml").or_else(|| read(dir, "catalogue.json"));
    let engine = match Engine::from_json(&policy, catalogue.as_deref()) {
        Ok(engine) => engine,
        Err(e) => return vec![("error.json", e.to_json())],
    };
    let overview = match engine.overview_json(&request) {
        Ok(o) => o,
        Err(e) => return vec![("error.json", e.to_json())],
    };
    let mut out = vec![(
        "explanation.json",
        engine
            .explain_json(&request)
            .unwrap_or_else(|e| e.to_json()),
    )];
    if let Some(previous) = read(dir, "previous.json") {
        out.push((
            "notifications.json",
            engine
                .notifications_json(&previous, &overview)
                .unwrap_or_else(|e| e.to_json()),
        ));
    }
    out.push(("overview.json", overview));
    out
}

#[test]
fn conformance_vectors() {
    let bless = std::env::var_os("EGENSAG_BLESS").is_some();
    let mut dirs: Vec<PathBuf> = fs::read_dir(vectors_dir())
        .expect("tests/vectors")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(
        dirs.len() >= 3,
        "expected conformance vectors under tests/vectors"
    );
    let mut failures = Vec::new();
    for dir in &dirs {
        let outputs = run_vector(dir);
        for name in [
            "overview.json",
            "explanation.json",
            "notifications.json",
            "error.json",
        ] {
            let actual = outputs.iter().find(|(n, _)| *n == name).map(|(_, s)| s);
            let path = dir.join(name);
            if bless {
                match actual {
                    Some(bytes) => fs::write(&path, bytes).unwrap(),
                    None => {
                        let _ = fs::remove_file(&path);
                    }
                }
                continue;
            }
            let expected = fs::read_to_string(&path).ok();
            if expected.as_ref() != actual {
                failures.push(format!(
                    "{}: {name} differs",
                    dir.file_name().unwrap().to_string_lossy()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} vector outputs differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
