//! Writing: standard output that stops quietly when its reader goes away, and the one-line
//! errors and warnings on standard error.

use crate::Failure;
use egensag::Error;
use std::io::{BufWriter, ErrorKind, Stdout, Write};

/// Buffered standard output. A write to a closed pipe becomes [`Failure::Closed`] (no
/// panic, no message); any other write error is internal.
pub struct Out {
    inner: BufWriter<Stdout>,
}

impl Out {
    /// Standard output, buffered.
    pub fn stdout() -> Out {
        Out {
            inner: BufWriter::with_capacity(1 << 16, std::io::stdout()),
        }
    }

    /// Writes `text` as it is.
    pub fn text(&mut self, text: &str) -> Result<(), Failure> {
        self.bytes(text.as_bytes())
    }

    /// Writes `text` and a newline.
    pub fn line(&mut self, text: &str) -> Result<(), Failure> {
        self.bytes(text.as_bytes())?;
        self.bytes(b"\n")
    }

    /// Writes raw bytes.
    pub fn bytes(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        self.inner.write_all(bytes).map_err(write_failure)
    }

    /// Flushes what is buffered.
    pub fn flush(&mut self) -> Result<(), Failure> {
        self.inner.flush().map_err(write_failure)
    }
}

fn write_failure(e: std::io::Error) -> Failure {
    if e.kind() == ErrorKind::BrokenPipe {
        Failure::Closed
    } else {
        Failure::Error(Error::internal("standard output could not be written"))
    }
}

/// Prints an error on one line of stderr: the error JSON, or `egensag: CODE at PATH: MESSAGE`.
pub fn error_line(error: &Error, json: bool) {
    if json {
        warn(&error.to_json());
    } else if error.path().is_empty() {
        warn(&format!(
            "egensag: {}: {}",
            error.code().as_str(),
            error.message()
        ));
    } else {
        warn(&format!(
            "egensag: {} at {}: {}",
            error.code().as_str(),
            error.path(),
            error.message()
        ));
    }
}

/// Prints one line on stderr; a closed stderr is ignored.
pub fn warn(line: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr
        .write_all(line.as_bytes())
        .and_then(|()| stderr.write_all(b"\n"));
}

/// Serialises an output of the library (as the library's JSON entry points do).
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|_| Error::internal("an output could not be serialised"))
}
