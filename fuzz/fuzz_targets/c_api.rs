//! The C API through its exported `extern "C"` functions (bindings-c/src/lib.rs compiled
//! into this target, so the fuzzer calls exactly what a C program calls). The first byte
//! chooses the function; the rest is the input, as raw bytes: invalid UTF-8 included.
//!
//! Invariants: a status of 0 comes with an output and no error, any other status with
//! no output and an error whose status and code agree; the output's length is its
//! `strlen`; for UTF-8 input the output is byte for byte what the core's JSON entry
//! point returns, and an error the core's error; invalid UTF-8 is `invalid_json`; no
//! error holds a CPR-like number.
#![no_main]
#![allow(unsafe_code, clippy::missing_safety_doc)]

#[path = "../common/mod.rs"]
mod common;

#[allow(dead_code, unreachable_pub)]
#[path = "../../bindings-c/src/lib.rs"]
mod capi;

use capi::*;
use common::{fail, has_cpr_like, SAMPLE_CATALOGUE, SAMPLE_POLICY};
use egensag::Engine;
use libfuzzer_sys::fuzz_target;
use std::ffi::{c_char, CStr};
use std::ptr;
use std::sync::OnceLock;

/// One engine made through the C API, shared by every run (as a C program would).
struct Shared(*mut egensag_engine);
// SAFETY: the C API documents engines as usable from any thread at once.
unsafe impl Send for Shared {}
// SAFETY: as above.
unsafe impl Sync for Shared {}

fn shared() -> *const egensag_engine {
    static ENGINE: OnceLock<Shared> = OnceLock::new();
    ENGINE
        .get_or_init(|| {
            let mut engine = ptr::null_mut();
            // SAFETY: valid pointers and lengths.
            let status = unsafe {
                egensag_engine_new(
                    SAMPLE_POLICY.as_ptr().cast(),
                    SAMPLE_POLICY.len(),
                    SAMPLE_CATALOGUE.as_ptr().cast(),
                    SAMPLE_CATALOGUE.len(),
                    &mut engine,
                    ptr::null_mut(),
                )
            };
            if status != EGENSAG_OK || engine.is_null() {
                fail("the sample engine must build through the C API");
            }
            Shared(engine)
        })
        .0
}

fn core_engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(
        || match Engine::from_json(SAMPLE_POLICY, Some(SAMPLE_CATALOGUE)) {
            Ok(e) => e,
            Err(_) => fail("the sample engine must build"),
        },
    )
}

/// Reads an error object, checks it and frees it; returns its JSON.
unsafe fn take_error(status: i32, err: *mut egensag_error) -> String {
    if err.is_null() {
        fail("a failing call gave no error");
    }
    // SAFETY: a live error from the library.
    unsafe {
        if egensag_error_status(err) != status {
            fail("the error's status differs from the returned status");
        }
        let read = |p: *const c_char| -> String {
            if p.is_null() {
                fail("an error accessor returned NULL");
            }
            CStr::from_ptr(p)
                .to_str()
                .unwrap_or_else(|_| fail("an error string is not UTF-8"))
                .to_owned()
        };
        let code = read(egensag_error_code(err));
        let message = read(egensag_error_message(err));
        let path = read(egensag_error_path(err));
        let json = read(egensag_error_json(err));
        let expected = match status {
            EGENSAG_INVALID_JSON => "invalid_json",
            EGENSAG_INVALID_INPUT => "invalid_input",
            EGENSAG_INVALID_POLICY => "invalid_policy",
            EGENSAG_LIMIT_EXCEEDED => "limit_exceeded",
            EGENSAG_NULL_ARGUMENT => "null_argument",
            _ => fail("an unexpected status (internal is a finding)"),
        };
        if code != expected {
            fail("the error's code does not match its status");
        }
        if has_cpr_like(&message) || has_cpr_like(&path) || has_cpr_like(&json) {
            fail("a C error holds a CPR-like number");
        }
        egensag_error_free(err);
        json
    }
}

/// Checks an output string against its length and takes it.
unsafe fn take_text(out: *mut c_char, len: usize) -> String {
    if out.is_null() {
        fail("a succeeding call gave no output");
    }
    // SAFETY: a live string from the library.
    unsafe {
        let text = CStr::from_ptr(out);
        if text.to_bytes().len() != len {
            fail("out_len differs from the string's length");
        }
        let owned = text
            .to_str()
            .unwrap_or_else(|_| fail("output is not UTF-8"))
            .to_owned();
        egensag_string_free(out);
        owned
    }
}

type RequestFn = unsafe extern "C" fn(
    *const egensag_engine,
    *const c_char,
    usize,
    *mut *mut c_char,
    *mut usize,
    *mut *mut egensag_error,
) -> i32;

fuzz_target!(|data: &[u8]| {
    let Some((&op, input)) = data.split_first() else {
        return;
    };
    let text = std::str::from_utf8(input).ok();
    let mut out: *mut c_char = ptr::null_mut();
    let mut len = usize::MAX;
    let mut err: *mut egensag_error = ptr::null_mut();
    // SAFETY: every pointer is valid for the call; outputs are freed once.
    unsafe {
        match op % 5 {
            0 | 4 => {
                // A new engine: the input as policy (0) or as catalogue with the sample policy (4).
                let mut engine = ptr::null_mut();
                let status = if op % 5 == 0 {
                    egensag_engine_new(
                        input.as_ptr().cast(),
                        input.len(),
                        ptr::null(),
                        0,
                        &mut engine,
                        &mut err,
                    )
                } else {
                    egensag_engine_new(
                        SAMPLE_POLICY.as_ptr().cast(),
                        SAMPLE_POLICY.len(),
                        input.as_ptr().cast(),
                        input.len(),
                        &mut engine,
                        &mut err,
                    )
                };
                let core = text.map(|t| {
                    if op % 5 == 0 {
                        Engine::from_json(t, None).map(|_| ())
                    } else {
                        Engine::from_json(SAMPLE_POLICY, Some(t)).map(|_| ())
                    }
                });
                if status == EGENSAG_OK {
                    if engine.is_null() || !err.is_null() || !matches!(core, Some(Ok(()))) {
                        fail("engine_new succeeded where the core fails");
                    }
                    egensag_engine_free(engine);
                } else {
                    if !engine.is_null() {
                        fail("a failing engine_new left an engine");
                    }
                    let json = take_error(status, err);
                    match core {
                        Some(Err(e)) if e.to_json() == json => {}
                        None if status == EGENSAG_INVALID_JSON => {}
                        _ => fail("engine_new's error differs from the core's"),
                    }
                }
            }
            1..=3 => {
                let (call, core): (
                    RequestFn,
                    fn(&Engine, &str) -> Result<String, egensag::Error>,
                ) = match op % 5 {
                    1 => (egensag_overview, Engine::overview_json),
                    2 => (egensag_explain, Engine::explain_json),
                    _ => (egensag_validate, Engine::validate_json),
                };
                let status = call(
                    shared(),
                    input.as_ptr().cast(),
                    input.len(),
                    &mut out,
                    &mut len,
                    &mut err,
                );
                let expected = text.map(|t| core(core_engine(), t));
                if status == EGENSAG_OK {
                    if !err.is_null() {
                        fail("a succeeding call left an error");
                    }
                    let got = take_text(out, len);
                    if !matches!(&expected, Some(Ok(s)) if *s == got) {
                        fail("the C output differs from the core's");
                    }
                } else {
                    if !out.is_null() || len != 0 {
                        fail("a failing call left an output");
                    }
                    let json = take_error(status, err);
                    match expected {
                        Some(Err(e)) if e.to_json() == json => {}
                        None if status == EGENSAG_INVALID_JSON => {}
                        _ => fail("the C error differs from the core's"),
                    }
                }
            }
            _ => unreachable!(),
        }
        // Notifications: the input split at its first NUL into two overviews.
        let split = input.iter().position(|b| *b == 0).unwrap_or(input.len());
        let (a, b) = input.split_at(split);
        let b = b.get(1..).unwrap_or_default();
        let mut out: *mut c_char = ptr::null_mut();
        let mut err: *mut egensag_error = ptr::null_mut();
        let status = egensag_notifications(
            shared(),
            a.as_ptr().cast(),
            a.len(),
            b.as_ptr().cast(),
            b.len(),
            &mut out,
            ptr::null_mut(),
            &mut err,
        );
        if status == EGENSAG_OK {
            let _ = take_text(out, CStr::from_ptr(out).to_bytes().len());
        } else {
            take_error(status, err);
        }
        // NULL arguments are refused, never dereferenced.
        let mut err: *mut egensag_error = ptr::null_mut();
        let status = egensag_overview(
            ptr::null(),
            input.as_ptr().cast(),
            input.len(),
            &mut out,
            ptr::null_mut(),
            &mut err,
        );
        if status != EGENSAG_NULL_ARGUMENT {
            fail("a NULL engine is not refused");
        }
        take_error(status, err);
    }
});
