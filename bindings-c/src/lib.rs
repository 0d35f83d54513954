//! The C binding of egensag (being written).
