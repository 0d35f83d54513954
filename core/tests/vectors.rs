//! Runs every conformance vector under `tests/vectors/` through the JSON entry points and
//! compares the outputs byte for byte. The C and JavaScript runners read the same files.
//!
//! A vector is a folder with `policy.json`, `request.json`, optionally `catalogue.xml` (or
//! `catalogue.json`) and `previous.json` (an earlier overview), and the expected outputs:
//! `overview.json` and `explanation.json`, or `error.json` when the request is refused,
//! and `notifications.json` when `previous.json` is given. Expected files hold the exact
//! bytes the library returns (no trailing newline).
//!
//! A vector with `represented-request.json` also runs `represented` (whom the viewer may
//! act for) on it; the expected output, or the error it returns, is `represented.json`.
//!
//! A vector may also hold KOMBIT index documents, `sf1470.xml` and `ydelsesindeks.xml`
//! (and a `source-profile.json`): each is read for the request's `as_of` (`json::sources`)
//! and its records added to the request (`json::add_sources`), in that order, before the
//! request is run. `sources-*` vectors whose name ends in `-xml` must give the same
//! overview as their `-json` sibling, the same citizen written as egensag JSON.
//!
//! `cargo xtask bless` rewrites the expected outputs (it runs this test with
//! `EGENSAG_BLESS=1`); review the diff before committing it. `cargo xtask check` runs it
//! twice, with and without core's `_check-key-order` feature (serde_json's
//! `preserve_order`, which another crate in a build may switch on): both builds must give
//! the committed bytes.

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
#[expect(
    clippy::expect_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn run_vector(dir: &Path) -> Vec<(&'static str, String)> {
    let policy = read(dir, "policy.json").expect("policy.json");
    let request = read(dir, "request.json").expect("request.json");
    let catalogue = read(dir, "catalogue.xml").or_else(|| read(dir, "catalogue.json"));
    let engine = match Engine::from_json(&policy, catalogue.as_deref()) {
        Ok(engine) => engine,
        Err(e) => return vec![("error.json", e.to_json())],
    };
    let request = match add_sources(dir, &engine, request) {
        Ok(request) => request,
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
    if let Some(represented) = read(dir, "represented-request.json") {
        out.push((
            "represented.json",
            engine
                .represented_json(&represented)
                .unwrap_or_else(|e| e.to_json()),
        ));
    }
    out.push(("overview.json", overview));
    out
}

/// The request with the records of the vector's index documents added.
#[expect(
    clippy::expect_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn add_sources(dir: &Path, engine: &Engine, mut request: String) -> Result<String, egensag::Error> {
    let profile = read(dir, "source-profile.json");
    for kind in ["sf1470", "ydelsesindeks"] {
        let Some(document) = read(dir, &format!("{kind}.xml")) else {
            continue;
        };
        let as_of = engine.parse_request(&request).expect("request.json").as_of;
        let records =
            egensag::json::sources(kind, &document, &as_of.to_string(), profile.as_deref())?;
        request = egensag::json::add_sources(engine, &request, &records)?;
    }
    Ok(request)
}

#[test]
fn sources_vectors_equal_their_json_twins() {
    let mut pairs = 0;
    for entry in fs::read_dir(vectors_dir()).unwrap() {
        let dir = entry.unwrap().path();
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let Some(stem) = name
            .strip_prefix("sources-")
            .and_then(|n| n.strip_suffix("-xml"))
        else {
            continue;
        };
        let twin = vectors_dir().join(format!("sources-{stem}-json"));
        let xml = fs::read(dir.join("overview.json")).unwrap();
        let json = fs::read(twin.join("overview.json")).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&xml),
            String::from_utf8_lossy(&json),
            "{name}: the index XML and the JSON give different overviews"
        );
        assert!(!dir.join("error.json").exists(), "{name} is refused");
        pairs += 1;
    }
    assert!(
        pairs >= 1,
        "expected a sources-*-xml vector with its -json twin"
    );
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
            "represented.json",
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
            let expected = fs::read(&path).ok();
            let actual = actual.map(String::as_bytes);
            if expected.as_deref() != actual {
                failures.push(format!(
                    "{}: {}",
                    path.strip_prefix(vectors_dir()).unwrap().display(),
                    difference(expected.as_deref(), actual)
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} vector outputs differ from the committed bytes (if the change is intended, run \
         `cargo xtask bless` and review the diff):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Where the library's bytes and the committed bytes part, for the failure message.
#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn difference(expected: Option<&[u8]>, actual: Option<&[u8]>) -> String {
    match (expected, actual) {
        (None, _) => "not committed, but the library returns it".to_owned(),
        (_, None) => "committed, but the library no longer returns it".to_owned(),
        (Some(expected), Some(actual)) => {
            let at = expected
                .iter()
                .zip(actual)
                .position(|(e, a)| e != a)
                .unwrap_or(expected.len().min(actual.len()));
            let around = |bytes: &[u8]| {
                let end = (at + 40).min(bytes.len());
                String::from_utf8_lossy(&bytes[at.saturating_sub(20)..end]).into_owned()
            };
            format!(
                "first difference at byte {at}: committed …{}…, library …{}…",
                around(expected),
                around(actual)
            )
        }
    }
}

/// The build `cargo xtask check` makes with core's `_check-key-order` feature must really
/// have insertion-ordered serde_json maps, or running the vectors in it proves nothing.
#[test]
fn key_order_check_build_preserves_insertion_order() {
    let map: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(r#"{"b": 1, "a": 2}"#).unwrap();
    let first = map.keys().next().map(String::as_str);
    if cfg!(feature = "_check-key-order") {
        assert_eq!(first, Some("b"), "serde_json/preserve_order is not on");
    }
}
