//! The JSON Schemas of the library's inputs and outputs, generated from its own types.
//!
//! The repository commits them in `schemas/` (and the npm package's TypeScript types are
//! generated from those files): `cargo xtask bless` writes them from [`files`], and
//! `cargo xtask check` fails when a committed file differs from it.
//!
//! The text does not depend on how `serde_json` is built: other crates in a build may turn
//! on its `preserve_order` feature, which changes the key order of its maps, so every
//! object is sorted before it is written (schemars then puts `$id`, `$schema`, `title`,
//! `description`, `type`, `format` and `properties` first and `$defs` last).
//!
//! ```
//! let files = egensag::schema::files()?;
//! let request = files.iter().find(|f| f.name == "request.schema.json");
//! assert!(request.is_some_and(|f| f.text.contains("\"as_of\"")));
//! # Ok::<(), serde_json::Error>(())
//! ```

use crate::kle::Catalogue;
use crate::model::{Policy, Request};
use crate::{Error, Explanation, Notifications, Overview, ValidationReport};
use schemars::{generate::SchemaSettings, JsonSchema, Schema};

/// One schema file: its name in `schemas/` and its exact text (pretty JSON, final newline).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaFile {
    /// The file name, e.g. `request.schema.json`; also the last segment of its `$id`.
    pub name: &'static str,
    /// The file's bytes.
    pub text: String,
}

/// Every schema, in a fixed order: the inputs (request, policy, catalogue), then the
/// outputs (overview, explanation, notifications, validation report, error).
///
/// # Errors
///
/// Only if serde_json fails to write a schema it holds as a JSON value (it does not).
pub fn files() -> Result<Vec<SchemaFile>, serde_json::Error> {
    Ok(vec![
        file::<Request>("request.schema.json")?,
        file::<Policy>("policy.schema.json")?,
        file::<Catalogue>("catalogue.schema.json")?,
        file::<Overview>("overview.schema.json")?,
        file::<Explanation>("explanation.schema.json")?,
        file::<Notifications>("notifications.schema.json")?,
        file::<ValidationReport>("validation.schema.json")?,
        file::<Error>("error.schema.json")?,
        file::<crate::sources::SourceProfile>("source-profile.schema.json")?,
        file::<crate::represented::RepresentedRequest>("represented-request.schema.json")?,
        file::<crate::represented::Represented>("represented.schema.json")?,
    ])
}

fn file<T: JsonSchema>(name: &'static str) -> Result<SchemaFile, serde_json::Error> {
    let generator = SchemaSettings::draft2020_12()
        .with_transform(schemars::transform::RecursiveTransform(strip_examples))
        .into_generator();
    let mut schema = generator.into_root_schema_for::<T>();
    schema.insert(
        "$id".into(),
        format!("https://egensag.invalid/schemas/{name}").into(),
    );
    let mut value = schema.to_value();
    value.sort_all_objects();
    let mut text = serde_json::to_string_pretty(&Schema::try_from(value)?)?;
    text.push('\n');
    Ok(SchemaFile { name, text })
}

/// Removes the doc examples (fenced code) that doc comments bring into descriptions.
fn strip_examples(schema: &mut Schema) {
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
