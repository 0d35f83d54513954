//! The WebAssembly binding of egensag: the npm package `egensag`.
//!
//! This crate only converts at the boundary. Every operation takes JSON text and returns
//! the exact JSON text of core's `*_json` entry points; an error is thrown as the error's
//! own JSON text (`{"code":…,"message":…,"path":…}`), which the package's JavaScript
//! layer turns into an `EgensagError`. Types, parsing and rules all live in `egensag`.
//!
//! Each `…Json` method has a `…Utf8` twin that takes and returns the same JSON as UTF-8
//! bytes (`Uint8Array`): a server that holds the request as bytes and sends the answer
//! as bytes skips JavaScript's string encoding and decoding, which is about a fifth of a
//! large overview's time. Bytes that are not UTF-8 are refused as core refuses them for C.
#![forbid(unsafe_code)]

use wasm_bindgen::prelude::*;

/// Converts core's result: `Ok` is the output JSON, `Err` is the error JSON.
fn boundary(result: Result<String, egensag::Error>) -> Result<String, String> {
    result.map_err(|e| e.to_json())
}

/// [`boundary`] for the `…Utf8` twins: the output JSON's bytes.
fn boundary_utf8(result: Result<String, egensag::Error>) -> Result<Vec<u8>, String> {
    boundary(result).map(String::into_bytes)
}

/// Bytes given by JavaScript as UTF-8 text, or core's error for them at `path`.
fn text<'a>(bytes: &'a [u8], path: &str) -> Result<&'a str, String> {
    egensag::json::utf8_text(bytes, path).map_err(|e| e.to_json())
}

/// A compiled policy (and optional KLE catalogue), used for any number of requests.
#[wasm_bindgen(js_name = RawEngine)]
pub struct RawEngine {
    inner: egensag::Engine,
}

#[wasm_bindgen(js_class = RawEngine)]
impl RawEngine {
    /// Compiles `policy_json`, with an optional catalogue (KLE-online XML or JSON).
    #[wasm_bindgen(constructor)]
    pub fn new(policy_json: &str, catalogue: Option<String>) -> Result<RawEngine, String> {
        egensag::Engine::from_json(policy_json, catalogue.as_deref())
            .map(|inner| RawEngine { inner })
            .map_err(|e| e.to_json())
    }

    /// JSON request in, JSON overview out.
    #[wasm_bindgen(js_name = overviewJson)]
    pub fn overview_json(&self, request_json: &str) -> Result<String, String> {
        boundary(self.inner.overview_json(request_json))
    }

    /// JSON request in, JSON explanation out.
    #[wasm_bindgen(js_name = explainJson)]
    pub fn explain_json(&self, request_json: &str) -> Result<String, String> {
        boundary(self.inner.explain_json(request_json))
    }

    /// JSON request in, JSON validation report out.
    #[wasm_bindgen(js_name = validateJson)]
    pub fn validate_json(&self, request_json: &str) -> Result<String, String> {
        boundary(self.inner.validate_json(request_json))
    }

    /// JSON represented request in, JSON list of whom the viewer may act for out.
    #[wasm_bindgen(js_name = representedJson)]
    pub fn represented_json(&self, request_json: &str) -> Result<String, String> {
        boundary(self.inner.represented_json(request_json))
    }

    /// Two JSON overviews in (earlier, later), JSON notifications out.
    #[wasm_bindgen(js_name = notificationsJson)]
    pub fn notifications_json(
        &self,
        previous_json: &str,
        current_json: &str,
    ) -> Result<String, String> {
        boundary(self.inner.notifications_json(previous_json, current_json))
    }

    /// A request (JSON) with the records of a `sources` result added (JSON).
    #[wasm_bindgen(js_name = addSourcesJson)]
    pub fn add_sources_json(
        &self,
        request_json: &str,
        sources_json: &str,
    ) -> Result<String, String> {
        boundary(egensag::json::add_sources(
            &self.inner,
            request_json,
            sources_json,
        ))
    }

    /// [`Self::overview_json`] on UTF-8 bytes.
    #[wasm_bindgen(js_name = overviewUtf8)]
    pub fn overview_utf8(&self, request: &[u8]) -> Result<Vec<u8>, String> {
        boundary_utf8(self.inner.overview_json(text(request, "")?))
    }

    /// [`Self::explain_json`] on UTF-8 bytes.
    #[wasm_bindgen(js_name = explainUtf8)]
    pub fn explain_utf8(&self, request: &[u8]) -> Result<Vec<u8>, String> {
        boundary_utf8(self.inner.explain_json(text(request, "")?))
    }

    /// [`Self::validate_json`] on UTF-8 bytes.
    #[wasm_bindgen(js_name = validateUtf8)]
    pub fn validate_utf8(&self, request: &[u8]) -> Result<Vec<u8>, String> {
        boundary_utf8(self.inner.validate_json(text(request, "")?))
    }

    /// [`Self::represented_json`] on UTF-8 bytes.
    #[wasm_bindgen(js_name = representedUtf8)]
    pub fn represented_utf8(&self, request: &[u8]) -> Result<Vec<u8>, String> {
        boundary_utf8(self.inner.represented_json(text(request, "")?))
    }

    /// [`Self::notifications_json`] on UTF-8 bytes.
    #[wasm_bindgen(js_name = notificationsUtf8)]
    pub fn notifications_utf8(&self, previous: &[u8], current: &[u8]) -> Result<Vec<u8>, String> {
        let previous = text(previous, "previous")?;
        let current = text(current, "current")?;
        boundary_utf8(self.inner.notifications_json(previous, current))
    }

    /// [`Self::add_sources_json`] on UTF-8 bytes.
    #[wasm_bindgen(js_name = addSourcesUtf8)]
    pub fn add_sources_utf8(&self, request: &[u8], sources: &[u8]) -> Result<Vec<u8>, String> {
        let request = text(request, "")?;
        let sources = text(sources, "sources")?;
        boundary_utf8(egensag::json::add_sources(&self.inner, request, sources))
    }
}

/// Reads a KOMBIT index document (`sf1470` or `ydelsesindeks`) for the day `as_of` with an
/// optional source profile (JSON): the records and problems as JSON.
#[wasm_bindgen(js_name = sourcesJson)]
pub fn sources_json(
    kind: &str,
    document: &str,
    as_of: &str,
    profile: Option<String>,
) -> Result<String, String> {
    boundary(egensag::json::sources(
        kind,
        document,
        as_of,
        profile.as_deref(),
    ))
}

/// [`sources_json`] on a UTF-8 document and profile.
#[wasm_bindgen(js_name = sourcesUtf8)]
pub fn sources_utf8(
    kind: &str,
    document: &[u8],
    as_of: &str,
    profile: Option<Vec<u8>>,
) -> Result<Vec<u8>, String> {
    let document = text(document, "")?;
    let profile = profile.as_deref().map(|p| text(p, "profile")).transpose()?;
    boundary_utf8(egensag::json::sources(kind, document, as_of, profile))
}

/// The version of the egensag core compiled into this module.
#[wasm_bindgen(js_name = coreVersion)]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: &str = r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}}"#;

    #[test]
    fn errors_cross_as_core_error_json() {
        let Err(e) = RawEngine::new("{", None) else {
            unreachable!("a broken policy must fail")
        };
        assert!(e.starts_with(r#"{"code":"invalid_json""#), "{e}");
    }

    #[test]
    fn outputs_are_core_bytes() {
        let Ok(engine) = RawEngine::new(POLICY, None) else {
            unreachable!("the policy is valid")
        };
        let request = r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
            "viewer": {"cpr": "0101901234", "role": "self"}}"#;
        let core = egensag::Engine::from_json(POLICY, None).map_err(|e| e.to_json());
        let Ok(core) = core else {
            unreachable!("the policy is valid")
        };
        assert_eq!(
            engine.validate_json(request),
            core.validate_json(request).map_err(|e| e.to_json())
        );
        assert_eq!(
            engine.overview_json("[]"),
            core.overview_json("[]").map_err(|e| e.to_json())
        );
        assert_eq!(
            engine.overview_utf8(request.as_bytes()),
            engine.overview_json(request).map(String::into_bytes)
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_with_where() {
        let Ok(engine) = RawEngine::new(POLICY, None) else {
            unreachable!("the policy is valid")
        };
        let Err(e) = engine.add_sources_utf8(b"{}", b"{\"cases\": \"\xc3\"}") else {
            unreachable!("the sources are not UTF-8")
        };
        assert_eq!(
            e,
            r#"{"code":"invalid_json","message":"expected UTF-8 text; invalid byte at offset 11","path":"sources"}"#
        );
    }
}
