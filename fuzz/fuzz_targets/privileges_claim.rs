//! NemLog-in `privileges_intermediate` claims: the fuzz input as XML (base64-encoded
//! here) and as the raw claim text.
//!
//! Invariants: every mandate is a fuldmagt held by the viewer, for a well-formed subject,
//! in force on the login day only; errors have a known code and no CPR-like digits; an
//! engine given the claim in a request answers without panicking.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use base64::Engine as _;
use common::{check_error, engines, fail};
use egensag::{model::MandateKind, privileges::mandates_from_claim, Cpr, ErrorCode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(holder) = Cpr::parse("0202804321") else {
        fail("fixed CPR");
    };
    let Some(day) = chrono::NaiveDate::from_ymd_opt(2026, 11, 23) else {
        fail("fixed day");
    };
    let encoded = base64::engine::general_purpose::STANDARD.encode(data);
    let raw = String::from_utf8_lossy(data).into_owned();
    for claim in [&encoded, &raw] {
        match mandates_from_claim(claim, holder, day) {
            Ok(mandates) => {
                for m in &mandates {
                    if m.holder != holder || m.kind != MandateKind::Fuldmagt {
                        fail("a claimed mandate not a fuldmagt held by the viewer");
                    }
                    if !m.in_force_on(day)
                        || day.succ_opt().is_some_and(|d| m.in_force_on(d))
                        || day.pred_opt().is_some_and(|d| m.in_force_on(d))
                    {
                        fail("a claimed mandate not in force on the login day only");
                    }
                    if Cpr::parse(m.subject.as_str()).ok() != Some(m.subject) {
                        fail("a claimed mandate's subject does not re-parse");
                    }
                }
            }
            Err(e) => check_error(
                &e,
                &[
                    ErrorCode::InvalidInput,
                    ErrorCode::LimitExceeded,
                    ErrorCode::InvalidPolicy,
                ],
            ),
        }
    }
    // Through a request: the claim for the sample subject, viewer as proxy.
    let request = serde_json::json!({
        "as_of": "2026-11-23",
        "subject": {"cpr": "0101901234"},
        "viewer": {"cpr": "0202804321", "role": "proxy"},
        "privileges_intermediate": encoded,
        "cases": [{"id": "S-1", "source": "KSD", "title": "T", "kle": "32.30.04",
                   "parties": [{"cpr": "0101901234", "role": "primary"}], "created": "2026-11-02"}]
    })
    .to_string();
    for engine in engines() {
        match engine.explain_json(&request) {
            Ok(x) => {
                if common::has_cpr_like(&x) {
                    fail("an explanation holds a CPR-like number");
                }
            }
            Err(e) => check_error(
                &e,
                &[
                    ErrorCode::InvalidInput,
                    ErrorCode::LimitExceeded,
                    ErrorCode::InvalidPolicy,
                ],
            ),
        }
    }
});
