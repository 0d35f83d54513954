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
    let overview = engine.overview_owned(engine.parse_request(request_json)?)?;
    // An overview is shorter than its request: one allocation holds it.
    to_json_within(&overview, request_json.len())
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

/// JSON represented request in, JSON list of whom the viewer may act for out (see
/// [`crate::represented`]).
///
/// ```
/// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
/// let err = egensag::json::represented(&engine, r#"{"as_of": "2026-11-23", "viewer": {"cpr": "0202804321", "role": "boss"}}"#).unwrap_err();
/// assert!(err.path().starts_with("viewer.role"));
/// ```
pub fn represented(engine: &Engine, request_json: &str) -> Result<String, Error> {
    to_json(&engine.represented(&engine.parse_represented_request(request_json)?)?)
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

/// Reads an index document of `kind` (`sf1470` or `ydelsesindeks`) for the day `as_of`
/// with an optional source profile (JSON): `{"cases": […], "problems": […]}` or
/// `{"benefits": […], "problems": […]}`. The same as [`sources_json`](crate::sources::sources_json)
/// (typed: [`read_sources`](crate::sources::read_sources)); add the records to a request
/// with [`add_sources`].
///
/// ```
/// let e = egensag::json::sources("sf1470", "<Sag", "2026-11-23", None).unwrap_err();
/// assert_eq!(e.code(), egensag::ErrorCode::InvalidJson);
/// ```
pub fn sources(
    kind: &str,
    document: &str,
    as_of: &str,
    profile: Option<&str>,
) -> Result<String, Error> {
    crate::sources::sources_json(kind, document, as_of, profile)
}

/// The records a source reader returned, as [`add_sources`] takes them: `problems` are
/// not request fields and are left out.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceRecords {
    #[serde(default)]
    cases: Option<Vec<serde_json::Value>>,
    #[serde(default)]
    benefits: Option<Vec<serde_json::Value>>,
    #[serde(default, rename = "problems")]
    _problems: serde::de::IgnoredAny,
}

/// A request (JSON) with the records of a [`sources`] output added after its own cases
/// or benefits, as JSON: the request the overview is then made of. Both inputs are read
/// within the engine's limits; the records themselves are checked when the request is
/// (a case read from a source with the same `source` and `id` as one of the request's
/// rejects it, as two such records in one request do). An error in the sources output
/// has a path starting with `sources`.
///
/// ```
/// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}}"#).unwrap();
/// let request = r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
///   "viewer": {"cpr": "0101901234", "role": "self"}, "cases": []}"#;
/// let read = r#"{"cases": [{"id": "S-1", "source": "KSD", "kle": "32.30.04", "created": "2026-11-01",
///   "parties": [{"cpr": "0101901234", "role": "primary"}]}], "problems": []}"#;
/// let merged = egensag::json::add_sources(&engine, request, read).unwrap();
/// let overview = egensag::json::overview(&engine, &merged).unwrap();
/// assert!(overview.contains(r#""id":"S-1""#));
/// let err = egensag::json::add_sources(&engine, request, r#"{"plans": []}"#).unwrap_err();
/// assert!(err.path().starts_with("sources"));
/// ```
pub fn add_sources(
    engine: &Engine,
    request_json: &str,
    sources_json: &str,
) -> Result<String, Error> {
    let limits = &engine.policy().limits;
    check_size_and_depth(request_json, limits)?;
    check_size_and_depth(sources_json, limits).map_err(|e| e.at("sources"))?;
    let mut request: serde_json::Map<String, serde_json::Value> =
        from_json(request_json, ErrorCode::InvalidInput)?;
    let records: SourceRecords =
        from_json(sources_json, ErrorCode::InvalidInput).map_err(|e| e.at("sources"))?;
    for (key, added) in [("cases", records.cases), ("benefits", records.benefits)] {
        let Some(added) = added else { continue };
        let list = request
            .entry(key)
            .or_insert_with(|| serde_json::Value::Array(Vec::new()));
        match list.as_array_mut() {
            Some(list) => list.extend(added),
            None => return Err(Error::input(key, "expected an array")),
        }
    }
    to_json(&request)
}

/// Reads bytes as UTF-8 JSON text for the entry points above, or an `invalid_json` error
/// at `path` saying where the first byte that is not UTF-8 is (never the bytes
/// themselves). Bindings whose callers hand over bytes (C, the `…Utf8` methods of Java
/// and the npm package) call this at their boundary.
///
/// ```
/// assert_eq!(egensag::json::utf8_text(b"{}", "").unwrap(), "{}");
/// let err = egensag::json::utf8_text(b"{\"a\": \"\xff\"}", "sources").unwrap_err();
/// assert_eq!(err.to_json(), r#"{"code":"invalid_json","message":"expected UTF-8 text; invalid byte at offset 7","path":"sources"}"#);
/// ```
pub fn utf8_text<'a>(bytes: &'a [u8], path: &str) -> Result<&'a str, Error> {
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        Error::syntax(
            path,
            format!("expected UTF-8 text; invalid byte at offset {offset}"),
        )
    })
}

/// Serialises an output; a failure here is a defect of the library.
fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Error> {
    to_json_within(value, 0)
}

/// [`to_json`] into a buffer of `capacity` bytes to begin with.
fn to_json_within<T: serde::Serialize>(value: &T, capacity: usize) -> Result<String, Error> {
    let internal = || Error::internal("an output could not be serialised");
    let mut out = Vec::with_capacity(capacity);
    serde_json::to_writer(&mut out, value).map_err(|_| internal())?;
    // serde_json writes UTF-8 only.
    String::from_utf8(out).map_err(|_| internal())
}
