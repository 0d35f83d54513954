//! The WebAssembly binding of egensag (being written).
