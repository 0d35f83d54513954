//! Prints one JSON Schema holding every type the npm package's TypeScript declarations
//! describe, generated from core's own types (`schemars`), so that the two cannot
//! disagree. `scripts/build-wasm.sh --types` turns it into `npm/types.d.ts` with
//! `json-schema-to-typescript`.
//!
//! `cargo run -p egensag-wasm --example json_schema > schema.json`

use schemars::{schema_for, Schema};
use serde_json::{Map, Value};

/// Makes a schema plain for `json-schema-to-typescript`: a `$ref` keeps no sibling keywords
/// (otherwise each annotated use becomes a copy of the type, `Area1`, `Area2`…), and Rust
/// doc examples (fenced code) are dropped from descriptions.
fn tidy(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if object.contains_key("$ref") {
                object.retain(|k, _| k == "$ref");
            }
            if let Some(Value::String(text)) = object.get_mut("description") {
                *text = without_code(text);
            }
            object.values_mut().for_each(tidy);
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}

/// The text without fenced code blocks.
fn without_code(text: &str) -> String {
    let mut out = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        } else if !in_code {
            out.push(line);
        }
    }
    out.join("\n").trim().to_owned()
}

/// Moves a root schema's `$defs` into `defs` and stores the root itself under `name`.
fn add(defs: &mut Map<String, Value>, name: &str, schema: Schema) {
    let mut root = schema.to_value();
    tidy(&mut root);
    if let Some(object) = root.as_object_mut() {
        object.remove("$schema");
        if let Some(Value::Object(inner)) = object.remove("$defs") {
            defs.extend(inner);
        }
        object.insert("title".into(), Value::String(name.into()));
    }
    defs.insert(name.into(), root);
}

fn main() {
    let mut defs = Map::new();
    add(&mut defs, "Request", schema_for!(egensag::model::Request));
    add(&mut defs, "Policy", schema_for!(egensag::model::Policy));
    add(&mut defs, "Overview", schema_for!(egensag::Overview));
    add(&mut defs, "Explanation", schema_for!(egensag::Explanation));
    add(
        &mut defs,
        "Notifications",
        schema_for!(egensag::Notifications),
    );
    add(
        &mut defs,
        "ValidationReport",
        schema_for!(egensag::ValidationReport),
    );
    add(&mut defs, "Catalogue", schema_for!(egensag::kle::Catalogue));
    add(&mut defs, "ErrorObject", schema_for!(egensag::Error));
    let names: Vec<String> = defs.keys().cloned().collect();
    let properties: Map<String, Value> = names
        .iter()
        .map(|n| {
            (
                n.clone(),
                serde_json::json!({ "$ref": format!("#/$defs/{n}") }),
            )
        })
        .collect();
    let all = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "EgensagTypes",
        "type": "object",
        "properties": properties,
        "$defs": defs,
    });
    match serde_json::to_string_pretty(&all) {
        Ok(text) => println!("{text}"),
        Err(e) => eprintln!("schema could not be serialised: {e}"),
    }
}
