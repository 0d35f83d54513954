//! The JSON Schemas in `schemas/` are generated from the types ([`egensag::schema`]). This
//! test fails when a committed file differs from the generated one by a single byte
//! (`cargo xtask bless` rewrites them), and checks the sample data and the conformance
//! vectors against them with an independent validator.

use egensag::schema::SchemaFile;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn schemas() -> Vec<SchemaFile> {
    egensag::schema::files().unwrap()
}

#[test]
fn schemas_are_up_to_date() {
    let dir = root().join("schemas");
    let stale: Vec<&str> = schemas()
        .iter()
        .filter(|f| fs::read(dir.join(f.name)).ok().as_deref() != Some(f.text.as_bytes()))
        .map(|f| f.name)
        .collect();
    assert!(
        stale.is_empty(),
        "stale schemas in schemas/ (run `cargo xtask bless` and review the diff): {stale:?}"
    );
}

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn validator(name: &str) -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&schemas().into_iter().find(|f| f.name == name).unwrap().text)
            .unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn assert_valid(validator: &jsonschema::Validator, path: &Path) {
    let value: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{} does not match its schema: {errors:?}",
        path.display()
    );
}

#[test]
fn sample_data_matches_the_schemas() {
    let data = root().join("examples/data");
    assert_valid(&validator("policy.schema.json"), &data.join("policy.json"));
    let request = validator("request.schema.json");
    for name in ["anna.json", "anna-proxy.json", "clara-parent.json"] {
        assert_valid(&request, &data.join(name));
    }
}

#[test]
fn vectors_match_the_schemas() {
    let (policy, request) = (
        validator("policy.schema.json"),
        validator("request.schema.json"),
    );
    let (overview, explanation) = (
        validator("overview.schema.json"),
        validator("explanation.schema.json"),
    );
    let (error, notifications) = (
        validator("error.schema.json"),
        validator("notifications.schema.json"),
    );
    let mut checked = 0;
    for entry in fs::read_dir(root().join("tests/vectors")).unwrap() {
        let dir = entry.unwrap().path();
        let pairs = [
            ("overview.json", &overview),
            ("explanation.json", &explanation),
            ("error.json", &error),
            ("notifications.json", &notifications),
            ("previous.json", &overview),
        ];
        for (file, validator) in pairs {
            if dir.join(file).exists() {
                assert_valid(validator, &dir.join(file));
                checked += 1;
            }
        }
        // Requests of vectors that expect an error may break the schema on purpose.
        if !dir.join("error.json").exists() {
            assert_valid(&policy, &dir.join("policy.json"));
            assert_valid(&request, &dir.join("request.json"));
        }
    }
    assert!(checked > 0);
}

#[test]
fn schemas_reject_what_the_parser_rejects() {
    let request = validator("request.schema.json");
    let bad = serde_json::json!({"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
        "viewer": {"cpr": "0101901234", "role": "king"}});
    assert!(
        !request.is_valid(&bad),
        "an unknown role must break the request schema"
    );
    let unknown = serde_json::json!({"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
        "viewer": {"cpr": "0101901234", "role": "self"}, "extra": 1});
    assert!(
        !request.is_valid(&unknown),
        "an unknown field must break the request schema"
    );
}
