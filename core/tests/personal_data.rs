//! No personal data where support staff or logs read: CPR numbers inside ids are masked
//! in the explanation and in errors (DOMAIN.md section 5), and `Debug` of the model types
//! prints no CPR number, title or name.

use egensag::{Engine, Error, ErrorCode};
use serde_json::{json, Value};

const SUBJECT: &str = "0101901234"; // born 1990
const OTHER: &str = "0202804321"; // born 1980

fn policy() -> String {
    json!({"id": "p", "kle": {"include": [{"pattern": "*"}]}}).to_string()
}

/// A proxy's request whose source systems wrote CPR numbers into every id.
fn request_with_cpr_ids() -> Value {
    json!({
        "as_of": "2026-11-23", "subject": {"cpr": SUBJECT}, "viewer": {"cpr": OTHER, "role": "proxy"},
        "mandates": [{"id": format!("fm-{OTHER}"), "kind": "fuldmagt", "holder": OTHER, "subject": SUBJECT,
                      "valid_from": "2026-01-01", "privileges": ["read"]}],
        "consents": [{"id": "010190-1234/c", "kind": "samtykke", "subject": SUBJECT, "recipient": OTHER,
                      "purposes": ["view"], "valid_from": "2026-01-01"}],
        "cases": [{"id": format!("{SUBJECT}-01"), "source": "KSD", "title": "Sygedagpenge", "kle": "32.30.04",
                   "parties": [{"cpr": SUBJECT, "role": "primary"}], "created": "2026-09-01"}],
        "benefits": [{"id": "B-010190-1234", "source": "KY", "kle": "32.24.04", "name": "Kontanthjælp",
                      "recipient": SUBJECT, "created": "2026-01-05", "grant": {"from": "2026-02-01", "amount_ore": 100000}}]
    })
}

#[test]
fn the_explanation_masks_cpr_numbers_inside_ids() {
    let engine = Engine::from_policy_json(&policy()).unwrap();
    let text = engine
        .explain_json(&request_with_cpr_ids().to_string())
        .unwrap();
    for cpr in [SUBJECT, OTHER, "010190-1234", "020280-4321"] {
        assert!(!text.contains(cpr), "{cpr} in {text}");
    }
    let explanation: Value = serde_json::from_str(&text).unwrap();
    let case = &explanation["entries"][0];
    assert_eq!(case["id"], json!("010190-XXXX-01"));
    assert_eq!(case["visible"], json!(true));
    assert_eq!(
        case["rules"],
        json!(["include:*", "mandate:fm-020280-XXXX"])
    );
    assert_eq!(explanation["entries"][1]["id"], json!("B-010190-XXXX"));
    // The citizen's overview keeps the ids as the source wrote them (the viewer sees the
    // record; its app needs the id to link to it).
    let overview = engine
        .overview_json(&request_with_cpr_ids().to_string())
        .unwrap();
    assert!(overview.contains("\"0101901234-01\""), "{overview}");
}

#[test]
fn errors_mask_cpr_numbers_inside_ids_and_keys() {
    let e = Error::input("cases[0]", "no case 0101901234-01 for fm-020280-4321");
    assert_eq!(e.message(), "no case 010190-XXXX-01 for fm-020280-XXXX");
    let mut request = request_with_cpr_ids();
    request["cases"][0]["0101901234-01"] = json!(1);
    let engine = Engine::from_policy_json(&policy()).unwrap();
    let err = engine.explain_json(&request.to_string()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(!err.to_json().contains(SUBJECT), "{}", err.to_json());
    assert_eq!(err.path(), "cases[0].010190-XXXX-01");
}

/// A request with every field of every model type filled, with personal data in each
/// place it can be.
fn full_request() -> Value {
    json!({
        "as_of": "2026-11-23", "language": "en",
        "subject": {"cpr": SUBJECT, "deceased_on": null},
        "viewer": {"cpr": OTHER, "role": "proxy"},
        "mandates": [{"id": format!("fm-{OTHER}"), "kind": "fuldmagt", "holder": OTHER, "subject": SUBJECT,
                      "valid_from": "2026-01-01", "valid_to": "2026-12-31", "revoked_at": "2026-12-01",
                      "privileges": ["read"],
                      "scope": {"kle": ["32.*"], "max_sensitivity": "foelsomme", "records": ["cases"]}}],
        "consents": [{"id": "010190-1234/c", "kind": "samtykke", "subject": SUBJECT, "recipient": OTHER,
                      "purposes": ["view"], "valid_from": "2026-01-01", "valid_to": "2026-12-31",
                      "revoked_at": "2026-12-01",
                      "scope": {"kle": ["32.*"], "record_ids": [{"source": "KSD", "id": format!("{SUBJECT}-01")}]}}],
        "privileges_intermediate": "PGJwcDpQcml2aWxlZ2VMaXN0Lz4=",
        "cases": [{"id": format!("{SUBJECT}-01"), "source": "KSD", "title": "Sygedagpenge til Hans Hansen",
                   "title_restricted": true, "kle": "32.30.04", "facet": "G01",
                   "parties": [{"cpr": SUBJECT, "cvr": "12345678", "role": "primary",
                                "valid_from": "2026-01-01", "valid_to": "2026-12-31"},
                               {"cpr": "3202901234", "role": "secondary"}],
                   "sensitivity": "foelsomme", "withheld_from_citizen": false,
                   "withheld_from_representatives": false, "void": false, "created": "2026-09-01",
                   "progress": [{"state": "oplyst", "at": "2026-09-02"}], "local_status": "Under behandling",
                   "outcome": "bevilget",
                   "requests": [{"what": "Lægeerklæring om Hans Hansens ryg", "requested": "2026-11-02",
                                 "deadline": "2026-11-30", "fulfilled": "2026-11-20"}],
                   "caseworker": {"name": "Sagsbehandler Jensen", "initials": "SJ"},
                   "documents": [{"title": "Afgørelse om Hans Hansen", "date": "2026-10-01",
                                  "direction": "outgoing", "withheld_from_citizen": false}]}],
        "benefits": [{"id": format!("B-{SUBJECT}"), "source": "KY", "kle": "32.24.04",
                      "name": "Kontanthjælp til Hans Hansen", "case_id": format!("{SUBJECT}-01"),
                      "recipient": SUBJECT, "sensitivity": "ikke_fortrolige", "withheld_from_citizen": false,
                      "withheld_from_representatives": false, "void": false, "created": "2026-01-05",
                      "grant": {"from": "2026-02-01", "to": "2026-12-31", "stopped_from": "2026-12-01",
                                "amount_ore": 100000,
                                "plan": {"frequency": "monthly", "payment_day": "last_banking_day", "in_advance": false},
                                "repayable": true},
                      "payments": [{"id": format!("P-{SUBJECT}"), "period_from": "2026-02-01", "period_to": "2026-02-28",
                                    "disposition_date": "2026-02-27", "gross_ore": 100000, "net_ore": 90000,
                                    "status": "paid"}],
                      "debt_ore": 5000, "payer": {"kind": "other", "name": "Hans Hansens arbejdsgiver"}}],
        "appointments": [{"id": format!("A-{SUBJECT}"), "source": "KSD", "kle": "32.30.04",
                          "case_id": format!("{SUBJECT}-01"), "participants": [SUBJECT, "010190-1234"],
                          "start": "2026-11-25T10:00:00+01:00", "end": "2026-11-25T11:00:00+01:00",
                          "kind": "meeting", "with_role": "sagsbehandler", "place": "Hans Hansens hjem, Vejen 1",
                          "what": ["Samtale om Hans Hansens helbred"], "cancelled": false,
                          "sensitivity": "ikke_fortrolige", "withheld_from_citizen": false,
                          "withheld_from_representatives": false, "void": false}],
        "plans": [{"id": format!("PL-{SUBJECT}"), "source": "DOMUS", "kle": "27.42.12",
                   "case_id": format!("{SUBJECT}-01"), "title": "Hans Hansens handleplan",
                   "parties": [{"cpr": SUBJECT, "role": "primary"}], "created": "2026-01-10",
                   "kind": "handleplan", "period": {"from": "2026-01-10"},
                   "goals": [{"id": format!("G-{SUBJECT}"), "text": "Hans skal kunne handle selv",
                              "set": "2026-01-10", "status": "active",
                              "assessments": [{"at": "2026-02-01", "by": "citizen", "score": 3, "scale_max": 5}]}],
                   "activities": [{"id": "AK-1", "text": "Træning med Hans", "with_role": "fysioterapeut",
                                   "place": "Vejen 1", "from": "2026-02-01", "status": "ongoing"}]}]
    })
}

/// Personal data `full_request` holds: CPR numbers in both spellings, titles, names,
/// free text and the claim.
const SECRETS: [&str; 10] = [
    "0101901234",
    "010190-1234",
    "0202804321",
    "020280-4321",
    "3202901234",
    "Hans",
    "Jensen",
    "SJ\"",
    "Vejen",
    "PGJwcDpQcml2aWxlZ2VMaXN0Lz4",
];

fn assert_no_secret(text: &str, what: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{what}: {secret} in {text}");
    }
}

#[test]
fn debug_of_every_model_type_shows_no_personal_data() {
    let request = egensag::model::parse_request(&full_request().to_string()).unwrap();
    let case = &request.cases[0];
    let benefit = &request.benefits[0];
    let appointment = &request.appointments[0];
    let texts = [
        ("Request", format!("{request:?}")),
        ("Request pretty", format!("{request:#?}")),
        ("Subject", format!("{:?}", request.subject)),
        ("Viewer", format!("{:?}", request.viewer)),
        ("Mandate", format!("{:?}", request.mandates[0])),
        ("Consent", format!("{:?}", request.consents[0])),
        ("ConsentScope", format!("{:?}", request.consents[0].scope)),
        ("Case", format!("{case:?}")),
        ("Party", format!("{:?}", case.parties)),
        ("InfoRequest", format!("{:?}", case.requests[0])),
        ("Caseworker", format!("{:?}", case.caseworker)),
        ("Document", format!("{:?}", case.documents[0])),
        ("Benefit", format!("{benefit:?}")),
        ("Payment", format!("{:?}", benefit.payments[0])),
        ("Payer", format!("{:?}", benefit.payer)),
        ("Appointment", format!("{appointment:?}")),
        ("Plan", format!("{:?}", request.plans[0])),
        ("Goal", format!("{:?}", request.plans[0].goals[0])),
        ("Activity", format!("{:?}", request.plans[0].activities[0])),
    ];
    for (what, text) in &texts {
        assert_no_secret(text, what);
    }
    // What is not personal stays readable for whoever debugs.
    let case_text = &texts[7].1;
    assert!(case_text.contains("\"010190-XXXX-01\""), "{case_text}");
    assert!(case_text.contains("32.30.04") && case_text.contains("title: <redacted>"));
    assert!(case_text.contains("Cpr(010190-XXXX)") || case_text.contains("010190-XXXX"));
    // Every field is listed (a field left out of Debug would hide a bug, not data).
    assert!(
        texts[0]
            .1
            .contains("privileges_intermediate: Some(<redacted>)"),
        "{}",
        texts[0].1
    );
}
