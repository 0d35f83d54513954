//! Errors: a stable machine code, a message that never carries personal data, and the
//! path of the offending value (`cases[3].kle`).

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
/// let e = Error::new(ErrorCode::InvalidInput, "cases[3].kle", "expected a KLE number such as 32.24.04");
/// assert_eq!(e.path, "cases[3].kle");
/// assert_eq!(e.to_string(), "invalid_input at cases[3].kle: expected a KLE number such as 32.24.04");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, thiserror::Error)]
#[serde(deny_unknown_fields)]
#[error("{code} at {path}: {message}")]
pub struct Error {
    /// The stable machine code.
    pub code: ErrorCode,
    /// What was expected, in English. Never contains the offending value.
    pub message: String,
    /// Where in the input: `cases[3].kle`; empty for the whole input.
    pub path: String,
}

impl Error {
    /// Makes an error; the message is scrubbed of digit runs that could be a CPR number.
    ///
    /// ```
    /// use egensag::{Error, ErrorCode};
    /// let e = Error::new(ErrorCode::InvalidInput, "subject.cpr", "not 0101901234");
    /// assert!(!e.message.contains("0101901234"));
    /// ```
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl AsRef<str>) -> Self {
        Error {
            code,
            message: scrub_digits(message.as_ref()),
            path: scrub_digits(&path.into()),
        }
    }

    /// Shorthand for an [`ErrorCode::InvalidInput`] error.
    ///
    /// ```
    /// let e = egensag::Error::input("as_of", "expected a date YYYY-MM-DD");
    /// assert_eq!(e.code, egensag::ErrorCode::InvalidInput);
    /// ```
    pub fn input(path: impl Into<String>, message: impl AsRef<str>) -> Self {
        Error::new(ErrorCode::InvalidInput, path, message)
    }

    /// Shorthand for an [`ErrorCode::InvalidPolicy`] error.
    ///
    /// ```
    /// let e = egensag::Error::policy("kle.include[0].pattern", "expected a KLE pattern");
    /// assert_eq!(e.code, egensag::ErrorCode::InvalidPolicy);
    /// ```
    pub fn policy(path: impl Into<String>, message: impl AsRef<str>) -> Self {
        Error::new(ErrorCode::InvalidPolicy, path, message)
    }

    /// Shorthand for an [`ErrorCode::LimitExceeded`] error.
    ///
    /// ```
    /// let e = egensag::Error::limit("cases", "at most 10000 records");
    /// assert_eq!(e.code, egensag::ErrorCode::LimitExceeded);
    /// ```
    pub fn limit(path: impl Into<String>, message: impl AsRef<str>) -> Self {
        Error::new(ErrorCode::LimitExceeded, path, message)
    }

    /// Shorthand for an [`ErrorCode::Internal`] error.
    ///
    /// ```
    /// let e = egensag::Error::internal("serialisation failed");
    /// assert_eq!(e.code, egensag::ErrorCode::Internal);
    /// ```
    pub fn internal(message: impl AsRef<str>) -> Self {
        Error::new(ErrorCode::Internal, "", message)
    }

    /// Returns the same error with `prefix` put in front of its path
    /// (`cases[3]` + `kle` = `cases[3].kle`).
    ///
    /// ```
    /// let e = egensag::Error::input("kle", "expected a KLE number").at("cases[3]");
    /// assert_eq!(e.path, "cases[3].kle");
    /// ```
    pub fn at(mut self, prefix: &str) -> Self {
        self.path = join_path(prefix, &self.path);
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

/// Reads bytes given by a binding as UTF-8 text, or an `invalid_json` error at `path`
/// saying where the first invalid byte is.
///
/// ```
/// let err = egensag::error::text_from_utf8(b"{\"a\": \"\xff\"}", "request").unwrap_err();
/// assert_eq!(err.to_json(), r#"{"code":"invalid_json","message":"expected UTF-8 text; invalid byte at offset 7","path":"request"}"#);
/// ```
pub fn text_from_utf8<'a>(bytes: &'a [u8], path: &str) -> Result<&'a str, Error> {
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        Error::new(
            ErrorCode::InvalidJson,
            path,
            format!("expected UTF-8 text; invalid byte at offset {offset}"),
        )
    })
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

/// Replaces every run of six or more ASCII digits by `…`: a last guard so that no CPR
/// number (with or without its hyphen) can appear in a message or path.
fn scrub_digits(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.chars().filter(char::is_ascii_digit).count() >= 6 {
            out.push('…');
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        // A hyphen inside a digit run (DDMMYY-SSSS) keeps the run going.
        if c.is_ascii_digit() || (c == '-' && !run.is_empty()) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrubs_cpr_numbers_in_both_spellings() {
        assert_eq!(scrub_digits("a 0101901234 b"), "a … b");
        assert_eq!(scrub_digits("a 010190-1234 b"), "a … b");
        assert_eq!(scrub_digits("line 12 column 345"), "line 12 column 345");
        assert_eq!(scrub_digits("cases[3].kle"), "cases[3].kle");
        assert_eq!(scrub_digits("32-24"), "32-24");
    }

    #[test]
    fn joins_paths() {
        assert_eq!(join_path("", "as_of"), "as_of");
        assert_eq!(join_path("cases", "[3]"), "cases[3]");
        assert_eq!(join_path("cases[3]", "kle"), "cases[3].kle");
        assert_eq!(join_path("cases[3]", ""), "cases[3]");
    }
}
