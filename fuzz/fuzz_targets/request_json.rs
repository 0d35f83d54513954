//! A request (JSON text) through every request entry point of both fixed engines.
//!
//! The same text also goes to `represented_json`, which answers or gives a known error.
//!
//! Invariants: an overview serialises, reads back as `egensag::Overview` and equals the
//! overview of the re-serialised request; it never holds the subject's CPR number unless
//! the input put it in free text; the explanation has one entry per record and no CPR
//! number; every error has a known code and no CPR-like digits.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use common::{check_error, engines, fail, free_text, has_cpr_like, spellings};
use egensag::{ErrorCode, Overview};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let allowed = [
        ErrorCode::InvalidJson,
        ErrorCode::InvalidInput,
        ErrorCode::LimitExceeded,
    ];
    for engine in engines() {
        let request = match engine.parse_request(text) {
            Ok(r) => r,
            Err(e) => {
                check_error(&e, &allowed);
                // The JSON entry points give the same error.
                match engine.overview_json(text) {
                    Err(e2) if e2 == e => {}
                    _ => fail("overview_json disagrees with parse_request on an error"),
                }
                continue;
            }
        };
        let records = request.cases.len()
            + request.benefits.len()
            + request.appointments.len()
            + request.plans.len();
        let cpr = request.subject.cpr.as_str().to_owned();
        let reserialised = match serde_json::to_string(&request) {
            Ok(s) => s,
            Err(_) => fail("a parsed request does not serialise"),
        };
        let mut texts = Vec::new();
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&reserialised) {
            free_text(&value, &mut texts);
        }
        let cpr_in_free_text = spellings(&cpr)
            .iter()
            .any(|s| texts.iter().any(|t| t.contains(s.as_str())));

        let overview = engine.overview(&request);
        match &overview {
            Ok(o) => {
                let json = match serde_json::to_string(o) {
                    Ok(j) => j,
                    Err(_) => fail("an overview does not serialise"),
                };
                match serde_json::from_str::<Overview>(&json) {
                    Ok(back) if &back == o => {}
                    _ => fail("an overview does not read back as Overview"),
                }
                if !cpr_in_free_text && spellings(&cpr).iter().any(|s| json.contains(s.as_str())) {
                    fail("the overview holds the subject's CPR number");
                }
                if engine.overview_json(text).ok().as_deref() != Some(json.as_str()) {
                    fail("overview_json differs from overview");
                }
                // Notifications of an overview against itself: nothing changed.
                match engine.notifications(o, o) {
                    Ok(n) if n.notifications.is_empty() => {}
                    _ => fail("an overview compared with itself notifies"),
                }
            }
            Err(e) => check_error(e, &allowed),
        }
        // Same decisions from the re-serialised request.
        match engine.parse_request(&reserialised) {
            Ok(again) => {
                if engine.overview(&again) != overview {
                    fail("the re-serialised request gives another overview");
                }
            }
            Err(e) => {
                // Only a limit may refuse the longer re-serialised form.
                if e.code() != ErrorCode::LimitExceeded {
                    fail("a parsed request does not parse after re-serialising");
                }
            }
        }
        match engine.explain(&request) {
            Ok(x) => {
                if x.entries.len() != records {
                    fail("the explanation does not have one entry per record");
                }
                let json = serde_json::to_string(&x).unwrap_or_default();
                if has_cpr_like(&json) && !texts.iter().any(|t| has_cpr_like(t)) {
                    fail("the explanation holds a CPR-like number");
                }
                if x.entries.iter().any(|e| e.visible && !e.reasons.is_empty()) {
                    fail("a visible record with a deny reason");
                }
                if x.entries.iter().any(|e| e.visible && e.rules.is_empty()) {
                    fail("a visible record without a permitting rule (default deny)");
                }
                if x.entries
                    .iter()
                    .any(|e| !e.visible && e.actions.iter().any(|a| a.allowed))
                {
                    fail("an action offered on a hidden record");
                }
                if x.entries
                    .iter()
                    .flat_map(|e| &e.actions)
                    .any(|a| a.allowed != a.reasons.is_empty())
                {
                    fail("an action is offered with a reason, or refused without one");
                }
            }
            Err(e) => check_error(&e, &allowed),
        }
        let report = engine.validate(&request);
        if serde_json::to_string(&report).is_err() {
            fail("a validation report does not serialise");
        }
    }
    // The same text as a request for whom the viewer may act for.
    for engine in engines() {
        match engine.represented_json(text) {
            Ok(json) => {
                if serde_json::from_str::<egensag::represented::Represented>(&json).is_err() {
                    fail("a represented list does not read back");
                }
            }
            Err(e) => check_error(&e, &allowed),
        }
    }
});
