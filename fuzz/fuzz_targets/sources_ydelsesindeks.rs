//! The ydelsesindeks index reader: any text is read or refused with a clean error, never a panic,
//! and what it reads is records in the request's JSON shape.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use common::{check_error, fail};
use egensag::ErrorCode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match egensag::sources::sources_json("ydelsesindeks", text, "2026-11-23", None) {
        Ok(json) => {
            if serde_json::from_str::<serde_json::Value>(&json).is_err() {
                fail("the reader's output is not JSON");
            }
        }
        Err(e) => check_error(
            &e,
            &[
                ErrorCode::InvalidJson,
                ErrorCode::InvalidInput,
                ErrorCode::LimitExceeded,
            ],
        ),
    }
});
