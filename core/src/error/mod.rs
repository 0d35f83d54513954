//! Errors: a stable machine code, a message that never carries personal data, and the
//! path of the offending value (`cases[3].kle`).
//!
//! Every error is built here, through a constructor that scrubs its text
//! ([`Error::input`], [`Error::policy`], [`Error::limit`], [`Error::syntax`],
//! [`Error::internal`], or [`Error::new`] with a code); its fields are read through
//! [`Error::code`], [`Error::message`] and [`Error::path`]. The errors of the parsers this
//! crate uses (serde_json, quick-xml) become [`Error`]s in one place, the `boundary`
//! submodule, under one set of rules that it documents.

pub(crate) mod boundary;
pub(crate) mod scrub;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The stable machine code of an [`Error`].
///
/// ```
/// use egensag::ErrorCode;
/// assert_eq!(ErrorCode::InvalidInput.as_str(), "invalid_input");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// The text is not JSON (or not XML, for XML inputs): a syntax error.
    InvalidJson,
    /// A request (or an overview given to `notifications`) is well-formed but breaks the contract.
    InvalidInput,
    /// A policy, catalogue or privilege list is malformed.
    InvalidPolicy,
    /// An input exceeds a configured limit (size, count, length, depth).
    LimitExceeded,
    /// A defect in the library itself; please report it.
    Internal,
    /// A required argument was missing (a NULL pointer given to the C library).
    //
    // Only the C binding makes errors with this code (the core has no pointers). The code
    // stays in this enum because the enum is the source of `schemas/error.schema.json` and
    // of the TypeScript `ErrorCode`: the one contract every binding's error JSON follows,
    // including the C binding's `egensag_error_json`.
    NullArgument,
}

impl ErrorCode {
    /// The code as written in JSON, e.g. `invalid_input`.
    ///
    /// ```
    /// assert_eq!(egensag::ErrorCode::LimitExceeded.as_str(), "limit_exceeded");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::InvalidPolicy => "invalid_policy",
            ErrorCode::LimitExceeded => "limit_exceeded",
            ErrorCode::Internal => "internal",
            ErrorCode::NullArgument => "null_argument",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error with a code, a message and a path.
///
/// The message says what was expected and never echoes the offending value; any run of
/// six or more digits is removed from it, so no CPR number can reach a log through it.
///
/// ```
/// use egensag::{Error, ErrorCode};
/// let e = Error::input("cases[3].kle", "expected a KLE number such as 32.24.04");
/// assert_eq!(e.code(), ErrorCode::InvalidInput);
/// assert_eq!(e.path(), "cases[3].kle");
/// assert_eq!(e.to_string(), "invalid_input at cases[3].kle: expected a KLE number such as 32.24.04");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, thiserror::Error)]
#[serde(deny_unknown_fields)]
#[error("{code} at {path}: {message}")]
pub struct Error {
    /// The stable machine code.
    code: ErrorCode,
    /// What was expected, in English. Never contains the offending value.
    message: String,
    /// Where in the input: `cases[3].kle`; empty for the whole input.
    path: String,
}

impl Error {
    /// Makes an error with any code; the message and path are scrubbed of digit runs that
    /// could be a CPR number. Prefer the shorthands below.
    ///
    /// ```
    /// use egensag::{Error, ErrorCode};
    /// let e = Error::new(ErrorCode::InvalidInput, "subject.cpr", "not 0101901234");
    /// assert!(!e.message().contains("0101901234"));
    /// ```
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl AsRef<str>) -> Self {
        Error {
            code,
            message: scrub::digits(message.as_ref()),
            path: scrub::digits(&path.into()),
        }
    }

    /// Shorthand for an [`ErrorCode::InvalidInput`] error: a request (or a document read
    /// for one) is well-formed but a value at `path` breaks the contract.
    ///
    /// ```
    /// let e = egensag::Error::input("as_of", "expected a date YYYY-MM-DD");
    /// assert_eq!(e.code(), egensag::ErrorCode::InvalidInput);
    /// ```
    pub fn input(path: impl Into<String>, message: impl AsRef<str>) -> Self {
        Error::new(ErrorCode::InvalidInput, path, message)
    }

    /// Shorthand for an [`ErrorCode::InvalidPolicy`] error.
    ///
    /// ```
    /// let e = egensag::Error::policy("kle.include[0].pattern", "expected a KLE pattern");
    /// assert_eq!(e.code(), egensag::ErrorCode::InvalidPolicy);
    /// ```
    pub fn policy(path: impl Into<String>, message: impl AsRef<str>) -> Self {
        Error::new(ErrorCode::InvalidPolicy, path, message)
    }

    /// Shorthand for an [`ErrorCode::LimitExceeded`] error.
    ///
    /// ```
    /// let e = egensag::Error::limit("cases", "at most 10000 records");
    /// assert_eq!(e.code(), egensag::ErrorCode::LimitExceeded);
    /// ```
    pub fn limit(path: impl Into<String>, message: impl AsRef<str>) -> Self {
        Error::new(ErrorCode::LimitExceeded, path, message)
    }

    /// Shorthand for an [`ErrorCode::InvalidJson`] error: the text at `path` is not
    /// JSON (or not XML, or not UTF-8 text).
    ///
    /// ```
    /// let e = egensag::Error::syntax("request", "expected UTF-8 text");
    /// assert_eq!(e.code(), egensag::ErrorCode::InvalidJson);
    /// ```
    pub fn syntax(path: impl Into<String>, message: impl AsRef<str>) -> Self {
        Error::new(ErrorCode::InvalidJson, path, message)
    }

    /// Shorthand for an [`ErrorCode::Internal`] error.
    ///
    /// ```
    /// let e = egensag::Error::internal("serialisation failed");
    /// assert_eq!(e.code(), egensag::ErrorCode::Internal);
    /// ```
    pub fn internal(message: impl AsRef<str>) -> Self {
        Error::new(ErrorCode::Internal, "", message)
    }

    /// The stable machine code.
    ///
    /// ```
    /// let e = egensag::Error::limit("", "input larger than 8 bytes");
    /// assert_eq!(e.code().as_str(), "limit_exceeded");
    /// ```
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// What was expected, in English. Never contains the offending value.
    ///
    /// ```
    /// let e = egensag::Error::input("as_of", "expected a date YYYY-MM-DD");
    /// assert_eq!(e.message(), "expected a date YYYY-MM-DD");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Where in the input: `cases[3].kle`; empty for the whole input.
    ///
    /// ```
    /// let e = egensag::Error::input("cases[3].kle", "expected a KLE number");
    /// assert_eq!(e.path(), "cases[3].kle");
    /// ```
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Returns the same error with `prefix` put in front of its path
    /// (`cases[3]` + `kle` = `cases[3].kle`).
    ///
    /// ```
    /// let e = egensag::Error::input("kle", "expected a KLE number").at("cases[3]");
    /// assert_eq!(e.path(), "cases[3].kle");
    /// ```
    pub fn at(mut self, prefix: &str) -> Self {
        self.path = scrub::digits(&join_path(prefix, &self.path));
        self
    }

    /// The error as its JSON text: `{"code":…,"message":…,"path":…}`.
    ///
    /// ```
    /// let e = egensag::Error::input("as_of", "expected a date");
    /// assert_eq!(e.to_json(), r#"{"code":"invalid_input","message":"expected a date","path":"as_of"}"#);
    /// ```
    pub fn to_json(&self) -> String {
        // Serialising three plain fields cannot fail; keep a fixed fallback all the same.
        serde_json::to_string(self).unwrap_or_else(|_| {
            r#"{"code":"internal","message":"error could not be serialised","path":""}"#.to_owned()
        })
    }
}

/// Joins two path parts: `cases[3]` + `kle` → `cases[3].kle`, `cases` + `[3]` → `cases[3]`.
pub(crate) fn join_path(prefix: &str, rest: &str) -> String {
    match (prefix.is_empty(), rest.is_empty()) {
        (true, _) => rest.to_owned(),
        (false, true) => prefix.to_owned(),
        (false, false) if rest.starts_with('[') => format!("{prefix}{rest}"),
        (false, false) => format!("{prefix}.{rest}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_paths() {
        assert_eq!(join_path("", "as_of"), "as_of");
        assert_eq!(join_path("cases", "[3]"), "cases[3]");
        assert_eq!(join_path("cases[3]", "kle"), "cases[3].kle");
        assert_eq!(join_path("cases[3]", ""), "cases[3]");
    }

    #[test]
    fn every_constructor_scrubs_and_serialises_in_field_order() {
        for e in [
            Error::input("subject.cpr", "not 0101901234"),
            Error::policy("x", "not 010190-1234"),
            Error::limit("x", "0101901234"),
            Error::syntax("x", "0101901234"),
            Error::internal("0101901234"),
            Error::input("0101901234", "x").at("a"),
        ] {
            assert!(!e.to_json().contains("0101901234"), "{e}");
            assert!(e.to_json().starts_with(r#"{"code":""#), "{e}");
        }
    }
}
