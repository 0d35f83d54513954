//! The JSON Schemas in `schemas/` are generated from the types. This test regenerates them
//! and fails when a committed file differs (`EGENSAG_BLESS=1` rewrites them), and checks
//! the sample data and the conformance vectors against them with an independent validator.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use egensag::kle::Catalogue;
use egensag::model::{Policy, Request};
use egensag::{Error, Explanation, Notifications, Overview, ValidationReport};
use schemars::{generate::SchemaSettings, JsonSchema};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Removes the doc examples (fenced code) that doc comments bring into descriptions.
fn strip_examples(schema: &mut schemars::Schema) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    if let Some(serde_json::Value::String(text)) = object.get_mut("description") {
        let prose: Vec<&str> = text.split("```").step_by(2).collect();
        *text = prose.join("").trim().to_owned();
        if text.is_empty() {
            object.remove("description");
        }
    }
}

fn schema_of<T: JsonSchema>(id: &str) -> String {
    let generator = SchemaSettings::draft2020_12()
        .with_transform(schemars::transform::RecursiveTransform(strip_examples))
        .into_generator();
    let mut schema = generator.into_root_schema_for::<T>();
    schema.insert(
        "$id".into(),
        format!("https://egensag.invalid/schemas/{id}").into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap();
    text.push('\n');
    text
}

fn schemas() -> Vec<(&'static str, String)> {
    vec![
        (
            "request.schema.json",
            schema_of::<Request>("request.schema.json"),
        ),
        (
            "policy.schema.json",
            schema_of::<Policy>("policy.schema.json"),
        ),
        (
            "catalogue.schema.json",
            schema_of::<Catalogue>("catalogue.schema.json"),
        ),
        (
            "overview.schema.json",
            schema_of::<Overview>("overview.schema.json"),
        ),
        (
            "explanation.schema.json",
            schema_of::<Explanation>("explanation.schema.json"),
        ),
        (
            "notifications.schema.json",
            schema_of::<Notifications>("notifications.schema.json"),
        ),
        (
            "validation.schema.json",
            schema_of::<ValidationReport>("validation.schema.json"),
        ),
        ("error.schema.json", schema_of::<Error>("error.schema.json")),
        (
            "source-profile.schema.json",
            schema_of::<egensag::sources::SourceProfile>("source-profile.schema.json"),
        ),
    ]
}

#[test]
fn schemas_are_up_to_date() {
    let dir = root().join("schemas");
    let bless = std::env::var_os("EGENSAG_BLESS").is_some();
    let mut stale = Vec::new();
    for (name, text) in schemas() {
        let path = dir.join(name);
        if bless {
            fs::create_dir_all(&dir).unwrap();
            fs::write(&path, &text).unwrap();
        } else if !same_json(fs::read_to_string(&path).ok().as_deref(), &text) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "stale schemas (run EGENSAG_BLESS=1 cargo test -p egensag --test schemas): {stale:?}"
    );
}

fn validator(name: &str) -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&schemas().into_iter().find(|(n, _)| *n == name).unwrap().1).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

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

/// Whether a committed schema says what the generated one says. Compared as JSON values,
/// not text: in a workspace build another member (the benchmarks' `cedar-policy`) turns on
/// serde_json's `preserve_order`, which changes the key order schemars writes, not the schema.
fn same_json(committed: Option<&str>, generated: &str) -> bool {
    let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).ok();
    committed.is_some_and(|c| parse(c).is_some() && parse(c) == parse(generated))
}
