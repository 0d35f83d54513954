//! A KLE catalogue as KLE-online XML: loaded, round-tripped through its JSON form and used.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use common::{check_error, fail, SAMPLE_POLICY, SAMPLE_REQUEST};
use egensag::{kle::Catalogue, Engine, ErrorCode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let catalogue = match Catalogue::from_xml(text) {
        Ok(c) => c,
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
    // The JSON form reads back to the same catalogue.
    let json = serde_json::to_string(&catalogue).unwrap_or_default();
    match Catalogue::from_json(&json) {
        Ok(back) => {
            if serde_json::to_string(&back).ok().as_deref() != Some(json.as_str()) {
                fail("the catalogue's JSON form does not read back the same");
            }
        }
        Err(_) => fail("the catalogue's JSON form is refused"),
    }
    for entry in &catalogue.entries {
        if catalogue.entry(&entry.number).is_none() {
            fail("an entry cannot be looked up by its number");
        }
    }
    // An engine with it presents the sample request.
    match Engine::from_policy_json(SAMPLE_POLICY) {
        Ok(engine) => {
            let engine = engine.with_catalogue(catalogue);
            if let Ok(request) = engine.parse_request(SAMPLE_REQUEST) {
                if let Err(e) = engine.overview(&request) {
                    check_error(&e, &[ErrorCode::InvalidInput]);
                }
            }
        }
        Err(_) => fail("the sample policy must compile"),
    }
});
