//! The JSON entry points: JSON text in, JSON text out, the same bytes on every binding.
//! The C and WebAssembly bindings call these and only convert at their boundary; the
//! typed entry points are [`Engine`]'s methods.
//!
//! ```
//! let engine = egensag::json::engine(r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}}"#, None).unwrap();
//! let overview = egensag::json::overview(&engine, r#"{"as_of": "2026-11-23",
//!   "subject": {"cpr": "0101901234"}, "viewer": {"cpr": "0101901234", "role": "self"}}"#).unwrap();
//! assert!(overview.starts_with(r#"{"as_of":"2026-11-23","language":"da","subject":"010190-XXXX""#));
//! ```

use crate::error::{Error, ErrorCode};
use crate::model::parse::{check_size_and_depth, from_json};
use crate::{Engine, Overview};

/// Makes an engine from policy JSON and an optional catalogue (KLE-online XML or JSON).
///
/// ```
/// let err = egensag::json::engine(r#"{"id": "p", "kle": {"include": []}}"#, Some("<KLE-Emneplan>")).unwrap_err();
/// assert_eq!(err.path(), "catalogue");
/// ```
pub fn engine(policy_json: &str, catalogue: Option<&str>) -> Result<Engine, Error> {
    let engine = Engine::from_policy_json(policy_json)?;
    match catalogue {
        None => Ok(engine),
        Some(text) => Ok(
            engine.with_catalogue(Engine::parse_catalogue(text).map_err(|e| {
                if e.path().is_empty() {
                    e.at("catalogue")
                } else {
                    e
                }
            })?),
        ),
    }
}

/// JSON request in, JSON overview out.
///
/// ```
/// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
/// let err = egensag::json::overview(&engine, r#"{"as_of": "2026-11-23"}"#).unwrap_err();
/// assert_eq!(err.to_json(), r#"{"code":"invalid_input","message":"missing field `subject`","path":""}"#);
/// ```
pub fn overview(engine: &Engine, request_json: &str) -> Result<String, Error> {
    to_json(&engine.overview(&engine.parse_request(request_json)?)?)
}

/// JSON request in, JSON explanation out.
///
/// ```
/// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
/// let e = egensag::json::explain(&engine, r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
///   "viewer": {"cpr": "0101901234", "role": "self"}}"#).unwrap();
/// assert_eq!(e, r#"{"as_of":"2026-11-23","policy":"p","viewer_role":"self","entries":[]}"#);
/// ```
pub fn explain(engine: &Engine, request_json: &str) -> Result<String, Error> {
    to_json(&engine.explain(&engine.parse_request(request_json)?)?)
}

/// JSON request in, JSON validation report out.
///
/// ```
/// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
/// let r = egensag::json::validate(&engine, r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
///   "viewer": {"cpr": "0101901234", "role": "self"}}"#).unwrap();
/// assert_eq!(r, r#"{"valid":true,"problems":[]}"#);
/// ```
pub fn validate(engine: &Engine, request_json: &str) -> Result<String, Error> {
    to_json(&engine.validate(&engine.parse_request(request_json)?))
}

/// Two JSON overviews in (earlier, later), JSON notifications out. Each is read within
/// the policy's limits; an error's path starts with `previous` or `current`.
///
/// ```
/// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
/// let err = egensag::json::notifications(&engine, "{}", "{}").unwrap_err();
/// assert!(err.path().starts_with("previous"));
/// ```
pub fn notifications(
    engine: &Engine,
    previous_json: &str,
    current_json: &str,
) -> Result<String, Error> {
    let limits = &engine.policy().limits;
    let read = |json: &str, name: &str| -> Result<Overview, Error> {
        check_size_and_depth(json, limits).map_err(|e| e.at(name))?;
        from_json::<Overview>(json, ErrorCode::InvalidInput).map_err(|e| e.at(name))
    };
    let previous = read(previous_json, "previous")?;
    let current = read(current_json, "current")?;
    to_json(&engine.notifications(&previous, &current)?)
}

/// Serialises an output; a failure here is a defect of the library.
fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|_| Error::internal("an output could not be serialised"))
}
