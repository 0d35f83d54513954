//! What a visible record carries besides its status (DOMAIN.md sections 2 and 5): the
//! policy's `link`, a benefit's `payer`, and document titles without the withheld ones.

use egensag::Engine;
use serde_json::{json, Value};

const SUBJECT: &str = "0101901234";

fn request(language: &str) -> Value {
    json!({
        "as_of": "2026-11-23", "language": language,
        "subject": {"cpr": SUBJECT}, "viewer": {"cpr": SUBJECT, "role": "self"},
        "cases": [{"id": "S-1", "source": "KSD", "title": "Sygedagpenge", "kle": "32.30.04",
                   "parties": [{"cpr": SUBJECT, "role": "primary"}], "created": "2026-09-01",
                   "documents": [
                       {"title": "Ansøgning", "date": "2026-09-01", "direction": "incoming"},
                       {"title": "Intern vurdering", "date": "2026-09-10", "direction": "outgoing",
                        "withheld_from_citizen": true}]}],
        "benefits": [{"id": "B-1", "source": "KY", "kle": "32.24.04", "name": "Kontanthjælp",
                      "recipient": SUBJECT, "created": "2026-01-05",
                      "grant": {"from": "2026-02-01", "amount_ore": 100000},
                      "payer": {"kind": "municipality", "name": "Ydelsesservice"}}],
        "appointments": [{"id": "A-1", "source": "KSD", "case_id": "S-1", "participants": [SUBJECT],
                          "start": "2026-12-01T10:00:00+01:00", "end": "2026-12-01T11:00:00+01:00",
                          "kind": "meeting", "with_role": "sagsbehandler"}]
    })
}

fn policy(links: Value) -> Value {
    json!({"id": "p", "kle": {"include": [{"pattern": "*"}]}, "show_document_titles": true,
           "links": links})
}

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn overview(policy: &Value, request: &Value) -> Value {
    let engine = Engine::from_policy_json(&policy.to_string()).unwrap();
    serde_json::from_str(&engine.overview_json(&request.to_string()).unwrap()).unwrap()
}

#[test]
fn the_most_specific_link_in_the_request_language_on_every_visible_record() {
    let links = json!([
        {"pattern": "32.*", "url": "https://www.borger.dk/social",
         "text": {"da": "Sociale ydelser", "en": "Social benefits"}},
        {"pattern": "32.30.*", "url": "https://www.borger.dk/sygedagpenge",
         "text": {"da": "Læs om sygedagpenge", "en": "About sickness benefit"}}]);
    let da = overview(&policy(links.clone()), &request("da"));
    let sick = json!({"url": "https://www.borger.dk/sygedagpenge", "text": "Læs om sygedagpenge"});
    assert_eq!(da["cases"][0]["link"], sick);
    // The appointment takes its case's number, so its case's link.
    assert_eq!(da["appointments"][0]["link"], sick);
    assert_eq!(
        da["benefits"][0]["link"],
        json!({"url": "https://www.borger.dk/social", "text": "Sociale ydelser"})
    );
    let en = overview(&policy(links), &request("en"));
    assert_eq!(
        en["cases"][0]["link"]["text"],
        json!("About sickness benefit")
    );
}

#[test]
fn no_link_field_where_no_pattern_matches() {
    let links = json!([{"pattern": "15.*", "url": "https://www.borger.dk/x",
                        "text": {"da": "x", "en": "x"}}]);
    let o = overview(&policy(links), &request("da"));
    for kind in ["cases", "benefits", "appointments"] {
        assert!(o[kind][0].get("link").is_none(), "{kind}: {}", o[kind][0]);
    }
}

#[test]
fn a_link_that_is_not_https_is_refused_with_the_policy() {
    let links = json!([{"pattern": "*", "url": "http://www.borger.dk/x",
                        "text": {"da": "x", "en": "x"}}]);
    let Err(e) = Engine::from_policy_json(&policy(links).to_string()) else {
        unreachable!("an http link must be refused")
    };
    assert_eq!(e.code().as_str(), "invalid_policy");
    assert!(e.path().starts_with("links[0].url"), "{}", e.path());
}

#[test]
fn benefits_carry_their_payer_when_known_and_omit_it_otherwise() {
    let o = overview(&policy(json!([])), &request("da"));
    assert_eq!(
        o["benefits"][0]["payer"],
        json!({"kind": "municipality", "name": "Ydelsesservice"})
    );
    let mut without = request("da");
    without["benefits"][0]["payer"] = Value::Null;
    let o = overview(&policy(json!([])), &without);
    assert!(o["benefits"][0].get("payer").is_none());
}

#[test]
fn a_withheld_document_is_never_listed() {
    let o = overview(&policy(json!([])), &request("da"));
    assert_eq!(
        o["cases"][0]["documents"],
        json!([{"title": "Ansøgning", "date": "2026-09-01", "direction": "incoming"}])
    );
    assert!(!o.to_string().contains("Intern vurdering"));
}

#[test]
fn a_withheld_document_changes_no_output() {
    let mut without = request("da");
    without["cases"][0]["documents"] = json!([request("da")["cases"][0]["documents"][0].clone()]);
    assert_eq!(
        overview(&policy(json!([])), &request("da")),
        overview(&policy(json!([])), &without)
    );
}
