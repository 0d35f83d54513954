//! A policy (JSON text): compiled, round-tripped and used on the sample request.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use common::{check_error, fail, SAMPLE_REQUEST};
use egensag::{model::Policy, Engine, ErrorCode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let engine = match Engine::from_policy_json(text) {
        Ok(e) => e,
        Err(e) => {
            check_error(
                &e,
                &[
                    ErrorCode::InvalidJson,
                    ErrorCode::InvalidPolicy,
                    ErrorCode::LimitExceeded,
                ],
            );
            return;
        }
    };
    // The policy re-serialises to an equal policy.
    let json = match serde_json::to_string(engine.policy()) {
        Ok(j) => j,
        Err(_) => fail("a policy does not serialise"),
    };
    match egensag::model::parse_policy(&json) {
        Ok(p) if &p == engine.policy() => {}
        Ok::<Policy, _>(_) => fail("a re-serialised policy differs"),
        Err(_) => fail("a re-serialised policy does not parse"),
    }
    // Any engine answers the sample request (or refuses it within its limits).
    let allowed = [ErrorCode::InvalidInput, ErrorCode::LimitExceeded];
    match engine.parse_request(SAMPLE_REQUEST) {
        Ok(request) => {
            let records = request.cases.len()
                + request.benefits.len()
                + request.appointments.len()
                + request.plans.len();
            match engine.explain(&request) {
                Ok(x) if x.entries.len() == records => {
                    if x.entries
                        .iter()
                        .any(|e| e.visible && (!e.reasons.is_empty() || e.rules.is_empty()))
                    {
                        fail("visible with a deny reason or without a permitting rule");
                    }
                    let visible = x.entries.iter().filter(|e| e.visible).count();
                    if let Ok(o) = engine.overview(&request) {
                        let shown = o.cases.len() + o.benefits.len() + o.appointments.len() + o.plans.len();
                        if shown > visible {
                            fail("the overview shows more records than the explanation permits");
                        }
                    }
                }
                Ok(_) => fail("the explanation does not have one entry per record"),
                Err(e) => check_error(&e, &allowed),
            }
        }
        Err(e) => check_error(&e, &allowed),
    }
});
