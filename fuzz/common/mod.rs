//! Shared helpers of the fuzz targets: fixed engines and the invariants every output
//! and every error must keep.
#![allow(dead_code)]

use egensag::{Engine, Error, ErrorCode};
use std::sync::OnceLock;

/// The sample municipality's policy (examples/data/policy.json).
pub const SAMPLE_POLICY: &str = include_str!("../../examples/data/policy.json");
/// A policy that includes everything, so fuzzed records reach presentation.
pub const WIDE_POLICY: &str = r#"{"id": "fuzz-wide", "kle": {"include": [{"pattern": "*"}]},
  "show_document_titles": true, "show_local_status": true,
  "processing_days": [{"pattern": "*", "days": 30}],
  "secondary_party_access": [{"pattern": "*", "roles": ["owner", "secondary"]}],
  "privileges": {"urn:dk:kombit:system_xyz:view_case": "read"}}"#;
/// The sample catalogue (KLE-online XML).
pub const SAMPLE_CATALOGUE: &str = include_str!("../../examples/data/kle-sample.xml");
/// A sample request (Anna, seen by herself).
pub const SAMPLE_REQUEST: &str = include_str!("../../examples/data/anna.json");

/// The engines every target uses: sample policy with catalogue, and the wide policy.
pub fn engines() -> &'static [Engine; 2] {
    static ENGINES: OnceLock<[Engine; 2]> = OnceLock::new();
    ENGINES.get_or_init(|| {
        let sample = Engine::from_json(SAMPLE_POLICY, Some(SAMPLE_CATALOGUE));
        let wide = Engine::from_policy_json(WIDE_POLICY);
        match (sample, wide) {
            (Ok(a), Ok(b)) => [a, b],
            _ => fail("the fixed policies must compile"),
        }
    })
}

/// Stops the run with a message (a finding).
#[track_caller]
pub fn fail(what: &str) -> ! {
    #[allow(clippy::panic)]
    {
        panic!("invariant broken: {what}")
    }
}

/// Whether `text` holds a run of at least `n` ASCII digits, or a `DDMMYY-SSSS` form.
pub fn has_cpr_like(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut run = 0;
    for (i, b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            run += 1;
            if run >= 10 {
                return true;
            }
        } else {
            if *b == b'-' && run >= 6 {
                let after = bytes.get(i + 1..i + 5);
                if after.is_some_and(|a| a.iter().all(u8::is_ascii_digit)) {
                    return true;
                }
            }
            run = 0;
        }
    }
    false
}

/// An error must have a known code, a message, and no CPR-like text in message or path.
pub fn check_error(e: &Error, allowed: &[ErrorCode]) {
    if !allowed.contains(&e.code()) {
        fail(&format!("unexpected error code {}", e.code()));
    }
    if e.message().is_empty() {
        fail("an error without a message");
    }
    if has_cpr_like(e.message()) || has_cpr_like(e.path()) {
        fail("an error carries a CPR-like digit run");
    }
    // The JSON form must read back as the same error.
    match serde_json::from_str::<Error>(&e.to_json()) {
        Ok(back) if &back == e => {}
        _ => fail("an error's JSON does not read back"),
    }
}

/// The string values of a JSON value outside the fields that hold CPR numbers: where a
/// CPR number appears among these, the input itself put it in free text (a title), and
/// the library may show it.
pub fn free_text(value: &serde_json::Value, out: &mut Vec<String>) {
    const CPR_FIELDS: [&str; 6] = [
        "cpr",
        "holder",
        "subject",
        "recipient",
        "participants",
        "privileges_intermediate",
    ];
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| free_text(v, out)),
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                if !CPR_FIELDS.contains(&k.as_str()) {
                    free_text(v, out);
                }
            }
        }
        _ => {}
    }
}

/// The CPR number in both spellings.
pub fn spellings(cpr: &str) -> [String; 2] {
    let dashed = match (cpr.get(..6), cpr.get(6..)) {
        (Some(a), Some(b)) => format!("{a}-{b}"),
        _ => cpr.to_owned(),
    };
    [cpr.to_owned(), dashed]
}
