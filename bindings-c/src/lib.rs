//! # libegensag: the C binding of egensag
//!
//! A thin layer over the core crate's JSON entry points ([`Engine::from_json`],
//! [`Engine::overview_json`], [`Engine::explain_json`], [`Engine::validate_json`],
//! [`Engine::notifications_json`]). It only converts at the boundary: pointers and
//! lengths to `&str`, `String` to NUL-terminated C strings, [`Error`] to an opaque
//! `egensag_error`. It holds no rules of its own.
//!
//! Every exported function catches panics (`std::panic::catch_unwind`) and reports them
//! as `EGENSAG_INTERNAL`; none accepts a Rust enum by value. The header
//! `include/egensag.h` is generated from this file by cbindgen and committed; see
//! `bindings-c/README.md`.
#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

use egensag::{Engine, Error, ErrorCode};
use std::ffi::{c_char, c_int, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

/// Success: the out-parameters hold the result and `*err` is NULL.
pub const EGENSAG_OK: c_int = 0;
/// Error code `invalid_json`: the text is not JSON (or not XML, for an XML catalogue),
/// or it is not valid UTF-8.
pub const EGENSAG_INVALID_JSON: c_int = 1;
/// Error code `invalid_input`: a request (or an overview given to
/// `egensag_notifications`) is well-formed but breaks the contract.
pub const EGENSAG_INVALID_INPUT: c_int = 2;
/// Error code `invalid_policy`: the policy or the catalogue is malformed.
pub const EGENSAG_INVALID_POLICY: c_int = 3;
/// Error code `limit_exceeded`: an input exceeds a configured limit.
pub const EGENSAG_LIMIT_EXCEEDED: c_int = 4;
/// Error code `internal`: a defect in the library (including a caught panic); please
/// report it.
pub const EGENSAG_INTERNAL: c_int = 5;
/// Error code `null_argument`: a required pointer argument was NULL. The error's path
/// names the parameter.
pub const EGENSAG_NULL_ARGUMENT: c_int = 6;

/// The major version of the library (the `0` of `0.1.0`).
pub const EGENSAG_VERSION_MAJOR: u32 = 0;
/// The minor version of the library.
pub const EGENSAG_VERSION_MINOR: u32 = 1;
/// The patch version of the library.
pub const EGENSAG_VERSION_PATCH: u32 = 0;
/// The ABI version: the number in the shared library's SONAME (`libegensag.so.0`).
/// It changes whenever a released binary interface changes incompatibly.
pub const EGENSAG_ABI_VERSION: u32 = 0;

/// The full version as a C string, e.g. `0.1.0`.
fn version() -> &'static CStr {
    const VERSION: &CStr =
        match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
            Ok(version) => version,
            Err(_) => c"",
        };
    VERSION
}

/// A compiled policy (and optional KLE catalogue). Opaque.
///
/// Immutable once made: one engine may be used from any number of threads at once.
#[allow(non_camel_case_types)]
pub struct egensag_engine {
    engine: Engine,
}

/// An error: a status, a stable code, a message and a path. Opaque; read it with the
/// `egensag_error_*` functions and free it with `egensag_error_free`.
#[allow(non_camel_case_types)]
pub struct egensag_error {
    status: c_int,
    code: CString,
    message: CString,
    path: CString,
    json: CString,
}

/// Why a call failed, before it becomes an `egensag_error`.
enum Failure {
    /// An error from the core (or a boundary conversion expressed as one).
    Core(Error),
    /// A required pointer was NULL; the parameter's name.
    Null(&'static str),
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure::Core(error)
    }
}

/// The status code of a core error code.
fn status_of(code: ErrorCode) -> c_int {
    match code {
        ErrorCode::InvalidJson => EGENSAG_INVALID_JSON,
        ErrorCode::InvalidInput => EGENSAG_INVALID_INPUT,
        ErrorCode::InvalidPolicy => EGENSAG_INVALID_POLICY,
        ErrorCode::LimitExceeded => EGENSAG_LIMIT_EXCEEDED,
        ErrorCode::NullArgument => EGENSAG_NULL_ARGUMENT,
        // `ErrorCode` is non-exhaustive; a code added later maps here until the binding
        // gives it a status of its own (its code string is still passed through).
        _ => EGENSAG_INTERNAL,
    }
}

/// A C string of `text`; an interior NUL (which no output of the core contains) is
/// replaced so the text is never lost.
fn c_string(text: &str) -> CString {
    CString::new(text)
        .or_else(|_| CString::new(text.replace('\0', "\u{FFFD}")))
        .unwrap_or_default()
}

impl Failure {
    /// The error object handed to C.
    fn into_error(self) -> egensag_error {
        match self {
            Failure::Core(e) => egensag_error {
                status: status_of(e.code()),
                code: c_string(e.code().as_str()),
                message: c_string(e.message()),
                path: c_string(e.path()),
                json: c_string(&e.to_json()),
            },
            Failure::Null(name) => Failure::Core(null_argument(name)).into_error(),
        }
    }
}

/// The error for a NULL pointer given for the parameter `name`. Only this binding makes
/// `null_argument` errors: the core has no pointers.
fn null_argument(name: &str) -> Error {
    Error::new(ErrorCode::NullArgument, name, "expected a non-NULL pointer")
}

/// Runs the body of an exported function: clears `*err`, catches panics, and on failure
/// stores a new error object in `*err` (when `err` is not NULL) and returns its status.
///
/// # Safety
/// `err` is NULL or valid for writing one pointer.
unsafe fn guard(err: *mut *mut egensag_error, body: impl FnOnce() -> Result<(), Failure>) -> c_int {
    if !err.is_null() {
        // SAFETY: the caller promises `err` is valid for writing when not NULL.
        unsafe { err.write(ptr::null_mut()) };
    }
    let outcome = catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|_| {
        Err(Failure::Core(Error::internal(
            "a panic was caught at the C boundary; please report this defect",
        )))
    });
    match outcome {
        Ok(()) => EGENSAG_OK,
        Err(failure) => {
            let error = failure.into_error();
            let status = error.status;
            if !err.is_null() {
                // SAFETY: as above; ownership of the box passes to the caller.
                unsafe { err.write(Box::into_raw(Box::new(error))) };
            }
            status
        }
    }
}

/// Borrows `len` bytes at `text` as UTF-8. `path` is the error path used when the bytes
/// are not UTF-8 (matching where the core reports syntax errors of that input).
///
/// # Safety
/// `text` is NULL or points to `len` readable bytes that stay unchanged for `'a`.
unsafe fn borrow_text<'a>(
    text: *const c_char,
    len: usize,
    name: &'static str,
    path: &'static str,
) -> Result<&'a str, Failure> {
    if text.is_null() {
        return Err(Failure::Null(name));
    }
    if isize::try_from(len).is_err() {
        return Err(Failure::Core(Error::limit(
            path,
            "expected a length that fits in a signed size",
        )));
    }
    // SAFETY: `text` is non-NULL, `len` fits in `isize`, and the caller promises `len`
    // readable bytes; `u8` and `c_char` have the same size and alignment.
    let bytes = unsafe { std::slice::from_raw_parts(text.cast::<u8>(), len) };
    egensag::json::utf8_text(bytes, path).map_err(Failure::Core)
}

/// Borrows the engine behind a pointer.
///
/// # Safety
/// `engine` is NULL or a live pointer from `egensag_engine_new`.
unsafe fn borrow_engine<'a>(engine: *const egensag_engine) -> Result<&'a Engine, Failure> {
    // SAFETY: the caller promises a live engine when not NULL.
    match unsafe { engine.as_ref() } {
        Some(engine) => Ok(&engine.engine),
        None => Err(Failure::Null("engine")),
    }
}

/// How many bytes after a handed-out string's NUL hold its buffer's capacity.
const CAPACITY_TAIL: usize = std::mem::size_of::<usize>();

/// Hands `text` to C as a NUL-terminated string (and its length, when `out_len` is not
/// NULL), in the very buffer it was written to: the NUL and then the buffer's capacity
/// are appended, so that [`egensag_string_free`] can give the buffer back whole.
///
/// Not shrunk to fit (as `CString` would): with glibc's default settings, a large block
/// shrunk and then freed made the allocator map every next output afresh from the
/// kernel, about 190 page faults and 12 % more time per 1,000-record overview than the
/// Rust API (`bench/c/run.sh`).
///
/// # Safety
/// `out` is non-NULL and valid for writing; `out_len` is NULL or valid for writing.
unsafe fn give_text(
    text: String,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> Result<(), Failure> {
    let len = text.len();
    if text.contains('\0') {
        return Err(Error::internal("an output contained a NUL character").into());
    }
    let mut bytes = text.into_bytes();
    bytes.reserve_exact(1 + CAPACITY_TAIL);
    bytes.push(0);
    let capacity = bytes.capacity();
    bytes.extend_from_slice(&capacity.to_ne_bytes());
    if !out_len.is_null() {
        // SAFETY: the caller promises `out_len` is valid for writing when not NULL.
        unsafe { out_len.write(len) };
    }
    // Ownership passes to C until egensag_string_free.
    let mut bytes = std::mem::ManuallyDrop::new(bytes);
    // SAFETY: the caller promises `out` is valid for writing.
    unsafe { out.write(bytes.as_mut_ptr().cast::<c_char>()) };
    Ok(())
}

/// Clears the out-parameters of a call that returns text.
///
/// # Safety
/// As for [`give_text`], except that `out` may be NULL (then nothing is written).
unsafe fn clear_text(out: *mut *mut c_char, out_len: *mut usize) -> Result<(), Failure> {
    if !out_len.is_null() {
        // SAFETY: the caller promises `out_len` is valid for writing when not NULL.
        unsafe { out_len.write(0) };
    }
    if out.is_null() {
        return Err(Failure::Null("out_json"));
    }
    // SAFETY: the caller promises `out` is valid for writing when not NULL.
    unsafe { out.write(ptr::null_mut()) };
    Ok(())
}

/// The shared shape of `egensag_overview`, `egensag_explain` and `egensag_validate`.
///
/// # Safety
/// As documented on those functions.
unsafe fn request_call(
    engine: *const egensag_engine,
    request: *const c_char,
    request_len: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
    err: *mut *mut egensag_error,
    operation: fn(&Engine, &str) -> Result<String, Error>,
) -> c_int {
    // SAFETY: the caller's promises are those `guard` and the helpers need.
    unsafe {
        guard(err, || {
            clear_text(out_json, out_len)?;
            let engine = borrow_engine(engine)?;
            let request = borrow_text(request, request_len, "request", "")?;
            give_text(operation(engine, request)?, out_json, out_len)
        })
    }
}

/// Makes an engine from a policy (JSON) and an optional KLE catalogue (KLE-online XML,
/// recognised by a leading `<`, or JSON).
///
/// On success returns `EGENSAG_OK` and stores a new engine in `*out`; free it with
/// `egensag_engine_free`. On failure returns the status, stores NULL in `*out` and,
/// when `err` is not NULL, a new error in `*err` (free it with `egensag_error_free`).
///
/// # Safety
/// `policy` points to `policy_len` readable bytes; `catalogue` is NULL (no catalogue;
/// `catalogue_len` is then ignored) or points to `catalogue_len` readable bytes; `out`
/// is valid for writing one pointer; `err` is NULL or valid for writing one pointer.
/// The inputs are only read during the call.
#[no_mangle]
pub unsafe extern "C" fn egensag_engine_new(
    policy: *const c_char,
    policy_len: usize,
    catalogue: *const c_char,
    catalogue_len: usize,
    out: *mut *mut egensag_engine,
    err: *mut *mut egensag_error,
) -> c_int {
    // SAFETY: the caller's promises are those `guard` and the helpers need.
    unsafe {
        guard(err, || {
            if out.is_null() {
                return Err(Failure::Null("out"));
            }
            out.write(ptr::null_mut());
            let policy = borrow_text(policy, policy_len, "policy", "")?;
            let catalogue = if catalogue.is_null() {
                None
            } else {
                Some(borrow_text(
                    catalogue,
                    catalogue_len,
                    "catalogue",
                    "catalogue",
                )?)
            };
            let engine = Engine::from_json(policy, catalogue)?;
            out.write(Box::into_raw(Box::new(egensag_engine { engine })));
            Ok(())
        })
    }
}

/// Frees an engine. NULL is allowed and does nothing.
///
/// # Safety
/// `engine` is NULL or a pointer from `egensag_engine_new` not yet freed, and no other
/// thread is using it.
#[no_mangle]
pub unsafe extern "C" fn egensag_engine_free(engine: *mut egensag_engine) {
    if engine.is_null() {
        return;
    }
    // SAFETY: the caller gives back ownership of a box made by `egensag_engine_new`.
    let engine = unsafe { Box::from_raw(engine) };
    let _ = catch_unwind(AssertUnwindSafe(move || drop(engine)));
}

/// The citizen's overview: a request (JSON) in, the overview (JSON) out.
///
/// On success returns `EGENSAG_OK`, stores a new NUL-terminated string in `*out_json`
/// (free it with `egensag_string_free`) and its length in bytes, without the NUL, in
/// `*out_len` when `out_len` is not NULL. On failure returns the status, stores NULL in
/// `*out_json` (and 0 in `*out_len`) and, when `err` is not NULL, a new error in `*err`.
///
/// # Safety
/// `engine` is a live engine; `request` points to `request_len` readable bytes;
/// `out_json` is valid for writing one pointer; `out_len` and `err` are NULL or valid
/// for writing. Any number of threads may call this on the same engine at once.
#[no_mangle]
pub unsafe extern "C" fn egensag_overview(
    engine: *const egensag_engine,
    request: *const c_char,
    request_len: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
    err: *mut *mut egensag_error,
) -> c_int {
    // SAFETY: the same promises, passed on.
    unsafe {
        request_call(
            engine,
            request,
            request_len,
            out_json,
            out_len,
            err,
            Engine::overview_json,
        )
    }
}

/// The explanation: every record's decision with its reasons and rules. Request (JSON)
/// in, explanation (JSON) out; otherwise as `egensag_overview`.
///
/// # Safety
/// As for `egensag_overview`.
#[no_mangle]
pub unsafe extern "C" fn egensag_explain(
    engine: *const egensag_engine,
    request: *const c_char,
    request_len: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
    err: *mut *mut egensag_error,
) -> c_int {
    // SAFETY: the same promises, passed on.
    unsafe {
        request_call(
            engine,
            request,
            request_len,
            out_json,
            out_len,
            err,
            Engine::explain_json,
        )
    }
}

/// The validation report: what the engine would hide because a source wrote it wrong.
/// Request (JSON) in, report (JSON) out; otherwise as `egensag_overview`.
///
/// # Safety
/// As for `egensag_overview`.
#[no_mangle]
pub unsafe extern "C" fn egensag_validate(
    engine: *const egensag_engine,
    request: *const c_char,
    request_len: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
    err: *mut *mut egensag_error,
) -> c_int {
    // SAFETY: the same promises, passed on.
    unsafe {
        request_call(
            engine,
            request,
            request_len,
            out_json,
            out_len,
            err,
            Engine::validate_json,
        )
    }
}

/// Whom the viewer may act for: a represented request (JSON: `as_of`, `viewer`,
/// `mandates`, `privileges_intermediate`, optional `subjects`) in, the list (JSON, one
/// entry per usable mandate) out; otherwise as `egensag_overview`.
///
/// # Safety
/// As for `egensag_overview`.
#[no_mangle]
pub unsafe extern "C" fn egensag_represented(
    engine: *const egensag_engine,
    request: *const c_char,
    request_len: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
    err: *mut *mut egensag_error,
) -> c_int {
    // SAFETY: the same promises, passed on.
    unsafe {
        request_call(
            engine,
            request,
            request_len,
            out_json,
            out_len,
            err,
            Engine::represented_json,
        )
    }
}

/// The notifications from an earlier overview to a later one of the same subject: two
/// overviews (JSON, as returned by `egensag_overview`) in, notifications (JSON) out;
/// otherwise as `egensag_overview`. Error paths start with `previous` or `current`.
///
/// # Safety
/// As for `egensag_overview`, with `previous`/`previous_len` and `current`/`current_len`
/// each pointing to readable bytes.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn egensag_notifications(
    engine: *const egensag_engine,
    previous: *const c_char,
    previous_len: usize,
    current: *const c_char,
    current_len: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
    err: *mut *mut egensag_error,
) -> c_int {
    // SAFETY: the caller's promises are those `guard` and the helpers need.
    unsafe {
        guard(err, || {
            clear_text(out_json, out_len)?;
            let engine = borrow_engine(engine)?;
            let previous = borrow_text(previous, previous_len, "previous", "previous")?;
            let current = borrow_text(current, current_len, "current", "current")?;
            give_text(
                engine.notifications_json(previous, current)?,
                out_json,
                out_len,
            )
        })
    }
}

/// Borrows a NUL-terminated C string as UTF-8; `name` is the parameter (for NULL) and
/// the error path (for bytes that are not UTF-8).
///
/// # Safety
/// `text` is NULL or a NUL-terminated string that stays unchanged for `'a`.
unsafe fn borrow_c_str<'a>(text: *const c_char, name: &'static str) -> Result<&'a str, Failure> {
    if text.is_null() {
        return Err(Failure::Null(name));
    }
    // SAFETY: the caller promises a NUL-terminated string.
    let bytes = unsafe { CStr::from_ptr(text) }.to_bytes();
    egensag::json::utf8_text(bytes, name).map_err(Failure::Core)
}

/// Reads a KOMBIT index document into egensag's records: `kind` is `"sf1470"` (an SF1470
/// `Sag` document, into cases) or `"ydelsesindeks"` (`BevillingIndeks` and
/// `OekonomiskEffektueringIndeks`, into benefits); relations are evaluated on `as_of`
/// (`"YYYY-MM-DD"`); `profile` is the source profile (JSON), or NULL for the published
/// defaults. The result is `{"cases": […], "problems": […]}` (or `"benefits"`): add the
/// records to a request with `egensag_add_sources`. Otherwise as `egensag_overview`.
///
/// # Safety
/// `kind` and `as_of` are NUL-terminated strings; `document` points to `document_len`
/// readable bytes; `profile` is NULL (`profile_len` is then ignored) or points to
/// `profile_len` readable bytes; `out_json` is valid for writing one pointer; `out_len`
/// and `err` are NULL or valid for writing. Safe to call from any number of threads.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn egensag_sources(
    kind: *const c_char,
    document: *const c_char,
    document_len: usize,
    as_of: *const c_char,
    profile: *const c_char,
    profile_len: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
    err: *mut *mut egensag_error,
) -> c_int {
    // SAFETY: the caller's promises are those `guard` and the helpers need.
    unsafe {
        guard(err, || {
            clear_text(out_json, out_len)?;
            let kind = borrow_c_str(kind, "kind")?;
            let as_of = borrow_c_str(as_of, "as_of")?;
            let document = borrow_text(document, document_len, "document", "")?;
            let profile = if profile.is_null() {
                None
            } else {
                Some(borrow_text(profile, profile_len, "profile", "profile")?)
            };
            give_text(
                egensag::json::sources(kind, document, as_of, profile)?,
                out_json,
                out_len,
            )
        })
    }
}

/// Adds the records of an `egensag_sources` result to a request: request (JSON) and
/// sources result (JSON) in, the request with those records after its own (JSON) out,
/// ready for `egensag_overview`. Both are read within the engine's limits; error paths in
/// the sources result start with `sources`. Otherwise as `egensag_overview`.
///
/// # Safety
/// As for `egensag_overview`, with `sources`/`sources_len` pointing to readable bytes.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn egensag_add_sources(
    engine: *const egensag_engine,
    request: *const c_char,
    request_len: usize,
    sources: *const c_char,
    sources_len: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
    err: *mut *mut egensag_error,
) -> c_int {
    // SAFETY: the caller's promises are those `guard` and the helpers need.
    unsafe {
        guard(err, || {
            clear_text(out_json, out_len)?;
            let engine = borrow_engine(engine)?;
            let request = borrow_text(request, request_len, "request", "")?;
            let sources = borrow_text(sources, sources_len, "sources", "sources")?;
            give_text(
                egensag::json::add_sources(engine, request, sources)?,
                out_json,
                out_len,
            )
        })
    }
}

/// Frees a string returned by this library. NULL is allowed and does nothing.
///
/// # Safety
/// `text` is NULL or a string returned through `out_json` by this library, not yet
/// freed, whose bytes up to and including its NUL are unchanged (the library finds the
/// end of its buffer from there). Do not pass strings from `egensag_error_*` or
/// `egensag_version`.
#[no_mangle]
pub unsafe extern "C" fn egensag_string_free(text: *mut c_char) {
    if text.is_null() {
        return;
    }
    // SAFETY: the caller gives back a string made by `give_text`: its bytes, a NUL (the
    // first: the text has none), then the capacity of the `Vec` that holds them all.
    let buffer = unsafe {
        let len = CStr::from_ptr(text).to_bytes().len();
        let mut capacity = [0u8; CAPACITY_TAIL];
        ptr::copy_nonoverlapping(
            text.cast::<u8>().add(len + 1),
            capacity.as_mut_ptr(),
            CAPACITY_TAIL,
        );
        Vec::from_raw_parts(
            text.cast::<u8>(),
            len + 1 + CAPACITY_TAIL,
            usize::from_ne_bytes(capacity),
        )
    };
    let _ = catch_unwind(AssertUnwindSafe(move || drop(buffer)));
}

/// Frees an error. NULL is allowed and does nothing.
///
/// # Safety
/// `err` is NULL or an error returned by this library, not yet freed. The strings read
/// from it become invalid.
#[no_mangle]
pub unsafe extern "C" fn egensag_error_free(err: *mut egensag_error) {
    if err.is_null() {
        return;
    }
    // SAFETY: the caller gives back ownership of a box made by `guard`.
    let err = unsafe { Box::from_raw(err) };
    let _ = catch_unwind(AssertUnwindSafe(move || drop(err)));
}

/// Reads one field of an error, or NULL for a NULL error.
///
/// # Safety
/// `err` is NULL or a live error.
unsafe fn error_field(
    err: *const egensag_error,
    field: fn(&egensag_error) -> &CStr,
) -> *const c_char {
    // SAFETY: the caller promises a live error when not NULL.
    match unsafe { err.as_ref() } {
        Some(err) => catch_unwind(AssertUnwindSafe(|| field(err).as_ptr())).unwrap_or(ptr::null()),
        None => ptr::null(),
    }
}

/// The status of an error (`EGENSAG_INVALID_JSON`, ...), the same value the failing call
/// returned; `EGENSAG_NULL_ARGUMENT` for a NULL error.
///
/// # Safety
/// `err` is NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn egensag_error_status(err: *const egensag_error) -> c_int {
    // SAFETY: the caller promises a live error when not NULL.
    match unsafe { err.as_ref() } {
        Some(err) => err.status,
        None => EGENSAG_NULL_ARGUMENT,
    }
}

/// The stable machine code of an error: `invalid_json`, `invalid_input`,
/// `invalid_policy`, `limit_exceeded`, `internal` or `null_argument`. NULL for a NULL
/// error. The string belongs to the error: valid until `egensag_error_free`.
///
/// # Safety
/// `err` is NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn egensag_error_code(err: *const egensag_error) -> *const c_char {
    // SAFETY: passed on.
    unsafe { error_field(err, |e| &e.code) }
}

/// What was expected, in English; never contains the offending value. NULL for a NULL
/// error. The string belongs to the error: valid until `egensag_error_free`.
///
/// # Safety
/// `err` is NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn egensag_error_message(err: *const egensag_error) -> *const c_char {
    // SAFETY: passed on.
    unsafe { error_field(err, |e| &e.message) }
}

/// Where in the input the error is, e.g. `cases[3].kle`; empty for the whole input.
/// NULL for a NULL error. The string belongs to the error: valid until
/// `egensag_error_free`.
///
/// # Safety
/// `err` is NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn egensag_error_path(err: *const egensag_error) -> *const c_char {
    // SAFETY: passed on.
    unsafe { error_field(err, |e| &e.path) }
}

/// The error as JSON, `{"code":...,"message":...,"path":...}`: the same bytes the other
/// bindings give. NULL for a NULL error. The string belongs to the error: valid until
/// `egensag_error_free`.
///
/// # Safety
/// `err` is NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn egensag_error_json(err: *const egensag_error) -> *const c_char {
    // SAFETY: passed on.
    unsafe { error_field(err, |e| &e.json) }
}

/// The library's version, e.g. `0.1.0`: a static string, never freed. Matches
/// `EGENSAG_VERSION_MAJOR`.`EGENSAG_VERSION_MINOR`.`EGENSAG_VERSION_PATCH` of the header
/// the caller was compiled with, unless the library was upgraded since.
#[no_mangle]
pub extern "C" fn egensag_version() -> *const c_char {
    version().as_ptr()
}

/// The library's ABI version (`EGENSAG_ABI_VERSION` of its header).
#[no_mangle]
pub extern "C" fn egensag_abi_version() -> u32 {
    EGENSAG_ABI_VERSION
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_constants_match_cargo() {
        assert_eq!(
            EGENSAG_VERSION_MAJOR.to_string(),
            env!("CARGO_PKG_VERSION_MAJOR")
        );
        assert_eq!(
            EGENSAG_VERSION_MINOR.to_string(),
            env!("CARGO_PKG_VERSION_MINOR")
        );
        assert_eq!(
            EGENSAG_VERSION_PATCH.to_string(),
            env!("CARGO_PKG_VERSION_PATCH")
        );
        assert_eq!(version().to_str().unwrap(), env!("CARGO_PKG_VERSION"));
        assert_eq!(
            EGENSAG_ABI_VERSION.to_string(),
            env!("CARGO_PKG_VERSION_MAJOR")
        );
    }

    #[test]
    fn round_trip_through_the_c_api() {
        let policy = r#"{"id": "p", "kle": {"include": []}}"#;
        let mut engine = ptr::null_mut();
        let mut err = ptr::null_mut();
        let status = unsafe {
            egensag_engine_new(
                policy.as_ptr().cast(),
                policy.len(),
                ptr::null(),
                0,
                &mut engine,
                &mut err,
            )
        };
        assert_eq!(status, EGENSAG_OK);
        assert!(err.is_null());
        let request = r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
            "viewer": {"cpr": "0101901234", "role": "self"}}"#;
        let mut out = ptr::null_mut();
        let mut len = 0;
        let status = unsafe {
            egensag_validate(
                engine,
                request.as_ptr().cast(),
                request.len(),
                &mut out,
                &mut len,
                &mut err,
            )
        };
        assert_eq!(status, EGENSAG_OK);
        let text = unsafe { CStr::from_ptr(out) }.to_str().unwrap();
        assert_eq!(text, r#"{"valid":true,"problems":[]}"#);
        assert_eq!(len, text.len());
        unsafe { egensag_string_free(out) };

        let bad = b"\xff";
        let status = unsafe {
            egensag_overview(
                engine,
                bad.as_ptr().cast(),
                bad.len(),
                &mut out,
                &mut len,
                &mut err,
            )
        };
        assert_eq!(status, EGENSAG_INVALID_JSON);
        assert!(out.is_null());
        let code = unsafe { CStr::from_ptr(egensag_error_code(err)) };
        assert_eq!(code.to_str().unwrap(), "invalid_json");
        assert_eq!(unsafe { egensag_error_status(err) }, EGENSAG_INVALID_JSON);
        unsafe { egensag_error_free(err) };
        unsafe { egensag_engine_free(engine) };
    }

    #[test]
    fn null_arguments_become_errors() {
        let mut err = ptr::null_mut();
        let mut engine = ptr::null_mut();
        let status =
            unsafe { egensag_engine_new(ptr::null(), 0, ptr::null(), 0, &mut engine, &mut err) };
        assert_eq!(status, EGENSAG_NULL_ARGUMENT);
        let json = unsafe { CStr::from_ptr(egensag_error_json(err)) };
        assert_eq!(
            json.to_str().unwrap(),
            r#"{"code":"null_argument","message":"expected a non-NULL pointer","path":"policy"}"#
        );
        unsafe { egensag_error_free(err) };
    }
}
