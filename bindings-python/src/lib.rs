//! The Python binding of egensag: the extension module `egensag._native` of the PyPI
//! package `egensag` (built by maturin as one abi3 wheel for CPython 3.9 and later).
//!
//! This crate only converts at the boundary, as the C and WebAssembly bindings do: every
//! operation takes UTF-8 bytes (the package's Python layer, `python/egensag/__init__.py`,
//! encodes `str` and serialises `dict`s with `json.dumps`) and returns the exact JSON text
//! of core's JSON entry points ([`egensag::Engine::overview_json`], …,
//! [`egensag::json::sources`], [`egensag::json::add_sources`]). A core error is raised as
//! `egensag.EgensagError(code, message, path)`. Types, parsing and rules all live in
//! `egensag`.
//!
//! Every evaluation runs detached from the Python interpreter ([`Python::detach`], which
//! releases the GIL), so other Python threads run meanwhile; an engine is immutable
//! (`frozen`), so one engine serves any number of threads at once.
//!
//! From Python (the package wraps this module):
//!
//! ```python
//! import egensag
//! engine = egensag.Engine({"id": "p", "kle": {"include": [{"pattern": "*"}]}})
//! report = engine.validate({"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
//!                           "viewer": {"cpr": "0101901234", "role": "self"}})
//! assert report == {"valid": True, "problems": []}
//! ```
#![forbid(unsafe_code)]

use egensag::Error;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

/// `egensag.EgensagError`, defined in Python (`python/egensag/_error.py`).
static ERROR_TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The Python exception for a core error: `EgensagError(code, message, path)`.
fn py_error(py: Python<'_>, error: &Error) -> PyErr {
    let made = ERROR_TYPE
        .import(py, "egensag._error", "EgensagError")
        .and_then(|ty| ty.call1((error.code().as_str(), error.message(), error.path())));
    match made {
        Ok(value) => PyErr::from_value(value),
        // Only if the package is broken (its `_error` module missing): say so.
        Err(e) => e,
    }
}

/// Reads bytes from Python as UTF-8 text, or an `invalid_json` error at `path` saying
/// where the first invalid byte is. The package encodes a `str` with `surrogatepass`, so
/// a lone surrogate (which no UTF-8 text holds) arrives here as invalid bytes too. The
/// message and paths are core's, as in C ([`egensag::json::utf8_text`]).
fn text<'a>(bytes: &'a [u8], path: &str) -> Result<&'a str, Error> {
    egensag::json::utf8_text(bytes, path)
}

/// Runs `body` with the GIL released and turns its error into an `EgensagError`.
fn detached<F>(py: Python<'_>, body: F) -> PyResult<String>
where
    F: FnOnce() -> Result<String, Error> + Send,
{
    py.detach(body).map_err(|e| py_error(py, &e))
}

/// A compiled policy (and optional KLE catalogue), used for any number of requests from
/// any number of threads. Every method takes UTF-8 bytes and returns core's JSON text.
#[pyclass(frozen, module = "egensag._native", name = "Engine")]
struct NativeEngine {
    inner: egensag::Engine,
}

#[pymethods]
impl NativeEngine {
    /// Compiles `policy` (JSON), with an optional catalogue (KLE-online XML or JSON).
    #[new]
    #[pyo3(signature = (policy, catalogue = None))]
    fn new(py: Python<'_>, policy: &[u8], catalogue: Option<&[u8]>) -> PyResult<Self> {
        let inner = py
            .detach(|| {
                let policy = text(policy, "")?;
                let catalogue = catalogue.map(|c| text(c, "catalogue")).transpose()?;
                egensag::Engine::from_json(policy, catalogue)
            })
            .map_err(|e| py_error(py, &e))?;
        Ok(NativeEngine { inner })
    }

    /// Request in, overview out.
    fn overview_json(&self, py: Python<'_>, request: &[u8]) -> PyResult<String> {
        detached(py, || self.inner.overview_json(text(request, "")?))
    }

    /// Request in, explanation out.
    fn explain_json(&self, py: Python<'_>, request: &[u8]) -> PyResult<String> {
        detached(py, || self.inner.explain_json(text(request, "")?))
    }

    /// Request in, validation report out.
    fn validate_json(&self, py: Python<'_>, request: &[u8]) -> PyResult<String> {
        detached(py, || self.inner.validate_json(text(request, "")?))
    }

    /// Represented request in, whom the viewer may act for out.
    fn represented_json(&self, py: Python<'_>, request: &[u8]) -> PyResult<String> {
        detached(py, || self.inner.represented_json(text(request, "")?))
    }

    /// Two overviews in (earlier, later), notifications out.
    fn notifications_json(
        &self,
        py: Python<'_>,
        previous: &[u8],
        current: &[u8],
    ) -> PyResult<String> {
        detached(py, || {
            let previous = text(previous, "previous")?;
            let current = text(current, "current")?;
            self.inner.notifications_json(previous, current)
        })
    }

    /// A request with the records of a `sources` result added.
    fn add_sources_json(&self, py: Python<'_>, request: &[u8], sources: &[u8]) -> PyResult<String> {
        detached(py, || {
            let request = text(request, "")?;
            let sources = text(sources, "sources")?;
            egensag::json::add_sources(&self.inner, request, sources)
        })
    }
}

/// Reads a KOMBIT index document (`sf1470` or `ydelsesindeks`) for the day `as_of` with
/// an optional source profile (JSON): the records and problems as JSON.
#[pyfunction]
#[pyo3(signature = (kind, document, as_of, profile = None))]
fn sources_json(
    py: Python<'_>,
    kind: &[u8],
    document: &[u8],
    as_of: &[u8],
    profile: Option<&[u8]>,
) -> PyResult<String> {
    detached(py, || {
        let kind = text(kind, "kind")?;
        let document = text(document, "")?;
        let as_of = text(as_of, "as_of")?;
        let profile = profile.map(|p| text(p, "profile")).transpose()?;
        egensag::json::sources(kind, document, as_of, profile)
    })
}

/// The version of the egensag core compiled into this module.
#[pyfunction]
fn core_version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// The extension module `egensag._native`.
#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<NativeEngine>()?;
    module.add_function(wrap_pyfunction!(sources_json, module)?)?;
    module.add_function(wrap_pyfunction!(core_version, module)?)?;
    Ok(())
}
