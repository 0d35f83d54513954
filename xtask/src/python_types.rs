//! `bindings-python/python/egensag/_types.pyi`: the Python package's `TypedDict`s and
//! `Literal` aliases, generated from the committed JSON Schemas in `schemas/` (which the
//! core generates from its own Rust types), as `types.d.ts` is for TypeScript.
//!
//! The schemas use a small part of JSON Schema, and this is a translator for that part;
//! anything else fails the generation, naming the schema, so a new construct cannot be
//! typed wrongly without notice:
//!
//! | schema                                              | Python                          |
//! |-----------------------------------------------------|---------------------------------|
//! | `{"type": "object", "properties": …}`               | a `TypedDict` (keys not in `required` are `NotRequired`) |
//! | `{"type": "object", "additionalProperties": S}`     | `dict[str, S]`                  |
//! | `{"type": "array", "items": S}`                     | `list[S]`                       |
//! | `string`, `integer`, `number`, `boolean`, `null`    | `str`, `int`, `float`, `bool`, `None` |
//! | `{"type": [T, "null"]}`, `anyOf`, `oneOf`           | a union (`X \| None`)           |
//! | `const` (and `oneOf` of `const`s)                   | `Literal[…]`                    |
//! | `$ref` to `#/$defs/Name`                            | `Name`                          |
//!
//! Root schemas are named by their `title`; `Error` becomes `ErrorObject` (as in
//! TypeScript, where `Error` is a global). An object inside a union gets the union's name
//! and its keys' names (`PaymentDay` → `PaymentDayDayOfMonth`). Descriptions become
//! docstrings and comments, without the Rust doc examples (fenced code).

use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The file's path in the repository.
pub const PATH: &str = "bindings-python/python/egensag/_types.pyi";

/// A root schema name that is renamed in the bindings.
fn renamed(name: &str) -> &str {
    match name {
        "Error" => "ErrorObject",
        other => other,
    }
}

/// Python's reserved words (`keyword.kwlist`): such a key cannot be a class-syntax field.
const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// The stub text made from every `schemas/*.schema.json` under `root`.
pub fn generate(root: &Path) -> Result<Vec<u8>, String> {
    let defs = collect(&root.join("schemas"))?;
    let mut out = Generator::default();
    for (name, schema) in &defs {
        out.define(name, schema)?;
    }
    Ok(out.finish().into_bytes())
}

/// Every named type of every schema: `$defs` and the titled roots, merged by name (the
/// same name must mean the same schema everywhere).
fn collect(dir: &Path) -> Result<BTreeMap<String, Value>, String> {
    let mut files = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".schema.json"))
        })
        .collect::<Vec<_>>();
    files.sort();
    let mut defs = BTreeMap::new();
    let mut add = |name: &str, schema: Value, from: &str| -> Result<(), String> {
        let name = renamed(name).to_owned();
        match defs.get(&name) {
            Some(known) if *known != schema => Err(format!(
                "{from}: $defs/{name} differs from another schema's; cannot merge"
            )),
            _ => {
                defs.insert(name, schema);
                Ok(())
            }
        }
    };
    for path in files {
        let from = path.display().to_string();
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{from}: {e}"))?;
        let schema: Value = serde_json::from_str(&text).map_err(|e| format!("{from}: {e}"))?;
        let Value::Object(mut schema) = schema else {
            return Err(format!("{from}: expected an object"));
        };
        if let Some(Value::Object(inner)) = schema.remove("$defs") {
            for (name, def) in inner {
                add(&name, def, &from)?;
            }
        }
        schema.remove("$schema");
        schema.remove("$id");
        let title = match schema.get("title") {
            Some(Value::String(title)) => title.clone(),
            _ => return Err(format!("{from}: a root schema needs a title")),
        };
        add(&title, Value::Object(schema), &from)?;
    }
    Ok(defs)
}

/// The stub's definitions, written in name order (forward references are fine in stubs).
#[derive(Default)]
struct Generator {
    /// Name → definition text.
    blocks: BTreeMap<String, String>,
}

impl Generator {
    /// Defines `name` as the type of `schema`.
    fn define(&mut self, name: &str, schema: &Value) -> Result<(), String> {
        let object = as_object(schema, name)?;
        if object.contains_key("properties") {
            return self.typed_dict(name, object);
        }
        let expr = self.expr(schema, name)?;
        let mut text = String::new();
        doc_comment(&mut text, object, "");
        let _ = writeln!(text, "{name}: TypeAlias = {expr}");
        self.insert(name, text)
    }

    fn insert(&mut self, name: &str, text: String) -> Result<(), String> {
        if self.blocks.insert(name.to_owned(), text).is_some() {
            return Err(format!("two Python types are named {name}"));
        }
        Ok(())
    }

    /// A `TypedDict` for an object schema with `properties`.
    fn typed_dict(&mut self, name: &str, object: &Map<String, Value>) -> Result<(), String> {
        let Some(Value::Object(properties)) = object.get("properties") else {
            return Err(format!("{name}: expected `properties` to be an object"));
        };
        let required: Vec<&str> = match object.get("required") {
            None => Vec::new(),
            Some(Value::Array(keys)) => keys.iter().filter_map(Value::as_str).collect(),
            Some(_) => return Err(format!("{name}: expected `required` to be an array")),
        };
        // Keys in sorted order whichever map serde_json is built with (a workspace build
        // turns on `preserve_order`), so the stubs never depend on the build.
        let mut properties: Vec<(&String, &Value)> = properties.iter().collect();
        properties.sort_by_key(|(key, _)| key.as_str());
        let mut fields = Vec::new();
        for (key, schema) in properties {
            let mut ty = self.expr(schema, &format!("{name}{}", camel(key)))?;
            if !required.contains(&key.as_str()) {
                ty = format!("NotRequired[{ty}]");
            }
            fields.push((key, ty, as_object(schema, name)?));
        }
        let mut text = String::new();
        if fields.iter().all(|(key, ..)| is_identifier(key)) {
            let _ = writeln!(text, "class {name}(TypedDict):");
            let doc = description(object);
            if !doc.is_empty() {
                let _ = writeln!(text, "    \"\"\"{}\"\"\"", docstring(&doc, "    "));
            }
            for (key, ty, schema) in &fields {
                doc_comment(&mut text, schema, "    ");
                let _ = writeln!(text, "    {key}: {ty}");
            }
            if fields.is_empty() && doc.is_empty() {
                let _ = writeln!(text, "    pass");
            }
        } else {
            // A key such as `from` cannot be a field in class syntax.
            doc_comment(&mut text, object, "");
            let _ = writeln!(text, "{name} = TypedDict(\n    \"{name}\",\n    {{");
            for (key, ty, schema) in &fields {
                doc_comment(&mut text, schema, "        ");
                let _ = writeln!(text, "        {}: {ty},", string_literal(key));
            }
            let _ = writeln!(text, "    }},\n)");
        }
        self.insert(name, text)
    }

    /// The Python type expression of `schema`; `anonymous` names an object type that must
    /// be defined on its own.
    fn expr(&mut self, schema: &Value, anonymous: &str) -> Result<String, String> {
        let object = as_object(schema, anonymous)?;
        if let Some(reference) = object.get("$ref") {
            let target = reference
                .as_str()
                .and_then(|r| r.strip_prefix("#/$defs/"))
                .ok_or_else(|| format!("{anonymous}: unsupported $ref {reference}"))?;
            return Ok(renamed(target).to_owned());
        }
        if let Some(value) = object.get("const") {
            return Ok(format!("Literal[{}]", literal(value, anonymous)?));
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(alternatives) = object.get(key) {
                let Value::Array(alternatives) = alternatives else {
                    return Err(format!("{anonymous}: expected `{key}` to be an array"));
                };
                return self.union(alternatives, anonymous);
            }
        }
        if object.contains_key("properties") {
            let name = anonymous.to_owned();
            self.typed_dict(&name, object)?;
            return Ok(name);
        }
        match object.get("type") {
            Some(Value::String(ty)) => self.simple(ty, object, anonymous),
            Some(Value::Array(types)) => {
                let mut parts = Vec::new();
                for ty in types {
                    let ty = ty
                        .as_str()
                        .ok_or_else(|| format!("{anonymous}: expected type names"))?;
                    parts.push(self.simple(ty, object, anonymous)?);
                }
                Ok(join_union(parts))
            }
            _ => Err(format!(
                "{anonymous}: a schema without a type, $ref, const, oneOf or anyOf"
            )),
        }
    }

    /// The Python type of one JSON type name, with the rest of the schema (`items`,
    /// `additionalProperties`).
    fn simple(
        &mut self,
        ty: &str,
        object: &Map<String, Value>,
        anonymous: &str,
    ) -> Result<String, String> {
        Ok(match ty {
            "string" => "str".to_owned(),
            "integer" => "int".to_owned(),
            "number" => "float".to_owned(),
            "boolean" => "bool".to_owned(),
            "null" => "None".to_owned(),
            "array" => match object.get("items") {
                Some(items) => format!("list[{}]", self.expr(items, anonymous)?),
                None => "list[object]".to_owned(),
            },
            "object" => match object.get("additionalProperties") {
                Some(value @ Value::Object(_)) => {
                    format!("dict[str, {}]", self.expr(value, anonymous)?)
                }
                _ => "dict[str, object]".to_owned(),
            },
            other => return Err(format!("{anonymous}: unsupported type {other:?}")),
        })
    }

    /// A union; `const` alternatives are merged into one `Literal[…]`.
    fn union(&mut self, alternatives: &[Value], anonymous: &str) -> Result<String, String> {
        let mut literals = Vec::new();
        let mut others = Vec::new();
        for alternative in alternatives {
            let object = as_object(alternative, anonymous)?;
            if let Some(value) = object.get("const") {
                literals.push(literal(value, anonymous)?);
                continue;
            }
            let name = match object.get("properties") {
                Some(Value::Object(p)) => {
                    let keys: String = p.keys().map(|k| camel(k)).collect();
                    format!("{anonymous}{keys}")
                }
                _ => anonymous.to_owned(),
            };
            others.push(self.expr(alternative, &name)?);
        }
        let mut parts = Vec::new();
        if !literals.is_empty() {
            parts.push(format!("Literal[{}]", literals.join(", ")));
        }
        parts.extend(others);
        Ok(join_union(parts))
    }

    fn finish(self) -> String {
        let mut text = String::from(
            "# Generated from schemas/*.schema.json by `cargo xtask bless` (xtask/src/python_types.rs).\n\
             # Do not edit: regenerate with cargo xtask bless.\n\
             \"\"\"The data types of the egensag JSON API, as `TypedDict`s and `Literal` aliases.\n\n\
             Only type checkers read this module: import its names from `egensag` under\n\
             `typing.TYPE_CHECKING` (or in annotations with `from __future__ import annotations`).\n\
             \"\"\"\n\n\
             from typing import Literal\n\n\
             from typing_extensions import NotRequired, TypeAlias, TypedDict\n\n\
             __all__ = [\n",
        );
        for name in self.blocks.keys() {
            let _ = writeln!(text, "    {},", string_literal(name));
        }
        text.push_str("]\n");
        for block in self.blocks.values() {
            text.push_str("\n\n");
            text.push_str(block);
        }
        text
    }
}

fn as_object<'a>(schema: &'a Value, name: &str) -> Result<&'a Map<String, Value>, String> {
    schema
        .as_object()
        .ok_or_else(|| format!("{name}: expected a schema object"))
}

/// A `Literal[…]` member.
fn literal(value: &Value, name: &str) -> Result<String, String> {
    match value {
        Value::String(s) => Ok(string_literal(s)),
        Value::Bool(true) => Ok("True".to_owned()),
        Value::Bool(false) => Ok("False".to_owned()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Ok(n.to_string()),
        other => Err(format!("{name}: unsupported const {other}")),
    }
}

/// A Python string literal (JSON's escapes are valid Python escapes).
fn string_literal(text: &str) -> String {
    Value::String(text.to_owned()).to_string()
}

/// `a | b | c`, without repeats.
fn join_union(parts: Vec<String>) -> String {
    let mut unique: Vec<String> = Vec::new();
    for part in parts {
        if !unique.contains(&part) {
            unique.push(part);
        }
    }
    unique.join(" | ")
}

/// `day_of_month` → `DayOfMonth`.
fn camel(key: &str) -> String {
    key.split(|c: char| !c.is_ascii_alphanumeric())
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
        && !KEYWORDS.contains(&key)
}

/// A schema's description without Rust doc examples (fenced code), trimmed.
fn description(object: &Map<String, Value>) -> String {
    let Some(Value::String(text)) = object.get("description") else {
        return String::new();
    };
    let mut in_code = false;
    let mut kept = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        } else if !in_code {
            kept.push(line.trim_end());
        }
    }
    kept.join("\n").trim().to_owned()
}

/// The description as `#` comment lines at `indent`.
fn doc_comment(out: &mut String, object: &Map<String, Value>, indent: &str) {
    for line in description(object).lines() {
        if line.is_empty() {
            let _ = writeln!(out, "{indent}#");
        } else {
            let _ = writeln!(out, "{indent}# {line}");
        }
    }
}

/// The description as the body of a `"""` docstring at `indent`.
fn docstring(text: &str, indent: &str) -> String {
    let text = text.replace('\\', "\\\\").replace("\"\"\"", "\\\"\\\"\\\"");
    let mut lines = text.lines();
    let mut out = lines.next().unwrap_or_default().to_owned();
    for line in lines {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(indent);
            out.push_str(line);
        }
    }
    if out.contains('\n') {
        out.push('\n');
        out.push_str(indent);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn stub(name: &str, schema: Value) -> String {
        let mut generator = Generator::default();
        let Ok(()) = generator.define(name, &schema) else {
            unreachable!("the schema is supported")
        };
        generator.blocks.into_values().collect()
    }

    #[test]
    fn objects_become_typed_dicts_with_not_required_keys() {
        let text = stub(
            "Case",
            json!({"description": "A case.", "type": "object", "required": ["id"],
                   "properties": {"id": {"type": "string", "description": "Its number."},
                                  "note": {"type": ["string", "null"]},
                                  "kle": {"$ref": "#/$defs/Error"}}}),
        );
        assert_eq!(
            text,
            "class Case(TypedDict):\n    \"\"\"A case.\"\"\"\n    # Its number.\n    id: str\n    \
             kle: NotRequired[ErrorObject]\n    note: NotRequired[str | None]\n"
        );
    }

    #[test]
    fn keyword_keys_use_the_functional_syntax() {
        let text = stub(
            "Period",
            json!({"type": "object", "required": ["from"], "properties": {"from": {"type": "string"}}}),
        );
        assert_eq!(
            text,
            "Period = TypedDict(\n    \"Period\",\n    {\n        \"from\": str,\n    },\n)\n"
        );
    }

    #[test]
    fn unions_merge_constants_and_name_their_objects() {
        let text = stub(
            "Day",
            json!({"oneOf": [{"const": "last"}, {"const": "first"},
                             {"type": "object", "required": ["day_of_month"],
                              "properties": {"day_of_month": {"type": "integer"}}}]}),
        );
        assert!(
            text.contains("Day: TypeAlias = Literal[\"last\", \"first\"] | DayDayOfMonth\n"),
            "{text}"
        );
        assert!(text.contains("class DayDayOfMonth(TypedDict):\n    day_of_month: int\n"));
    }

    #[test]
    fn unsupported_schemas_fail() {
        let mut generator = Generator::default();
        assert!(generator.define("X", &json!({"not": {}})).is_err());
        assert!(generator.define("Y", &json!({"type": "tuple"})).is_err());
    }
}
